// The file store in memory: unit and integration tests, and a process started without FILES_DIR
// outside AWS (its files last as long as the process).
import type { FileStore } from '#domain/files/file-store.ts';

export function createMemoryFileStore(): FileStore & { keys(): string[] } {
  const files = new Map<string, Uint8Array>();
  return {
    put: async (key, bytes) => {
      files.set(key, new Uint8Array(bytes));
    },
    get: async (key) => files.get(key) ?? null,
    delete: async (key) => {
      files.delete(key);
    },
    keys: () => [...files.keys()],
  };
}
