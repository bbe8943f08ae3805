// The benchmark's side of bench/search-process.ts: starts the embedded engine in a child process and
// answers the search port by HTTP to it, over one kept-alive connection as a Meilisearch client would.
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import type { SearchIndex } from '#domain/search/search-port.ts';

export interface SearchProcess {
  index: SearchIndex;
  /** The child's process id (bench:scale samples its CPU beside each call). */
  pid: number;
  /** The child's heap after a collection, in MB: the index's share of what the measuring process held. */
  heapMb(): Promise<number>;
  stop(): void;
}

export async function startSearchProcess(): Promise<SearchProcess> {
  const child = fork(new URL('./search-process.ts', import.meta.url), [], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolvePort, reject) => {
    child.once('message', (message) => resolvePort((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the search process ended (${code}) before it listened`)));
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const send = (path: string, args: unknown[] = []) =>
    new Promise<unknown>((resolveCall, reject) => {
      const payload = JSON.stringify(args);
      const outgoing = request(
        { host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json' } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
            if (response.statusCode === 200) resolveCall(parsed);
            else
              reject(new Error((parsed as { message?: string }).message ?? `search process: ${response.statusCode}`));
          });
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  const index: SearchIndex = {
    upsert: async (documents) => void (await send('/upsert', [documents])),
    delete: async (ids) => void (await send('/delete', [ids])),
    search: async (query) => (await send('/search', [query])) as Awaited<ReturnType<SearchIndex['search']>>,
    get: async (ids) => (await send('/get', [ids])) as Awaited<ReturnType<SearchIndex['get']>>,
    listIds: async () => (await send('/listIds')) as Awaited<ReturnType<SearchIndex['listIds']>>,
    health: async () => (await send('/health')) as Awaited<ReturnType<SearchIndex['health']>>,
  };
  return {
    index,
    pid: child.pid ?? 0,
    heapMb: async () => ((await send('/memory')) as { heapMb: number }).heapMb,
    stop: () => {
      agent.destroy();
      child.disconnect();
    },
  };
}
