// The slice of the meilisearch client the adapter uses. The real `Meilisearch` class fits it; unit tests
// pass a fake. Answers are typed `unknown` on purpose: the adapter parses them (documents.ts, errors.ts)
// rather than trusting the client's declared types for JSON from the network.
import type { DocumentsQuery, SearchParams, Settings, WaitOptions } from 'meilisearch';
import type { TaskOutcome } from './errors.ts';

/** An enqueued write: Meilisearch applies it later; `waitTask` polls until it has finished. */
export interface EnqueuedWrite {
  waitTask(options?: WaitOptions): Promise<TaskOutcome>;
}

export interface MeilisearchIndexClient {
  search(query: string, params: SearchParams): Promise<unknown>;
  addDocuments(documents: Record<string, unknown>[], options: { primaryKey: string }): EnqueuedWrite;
  deleteDocuments(keys: string[]): EnqueuedWrite;
  getDocuments(query: DocumentsQuery): Promise<unknown>;
  getStats(): Promise<unknown>;
  getSettings(): Promise<unknown>;
  updateSettings(settings: Settings): EnqueuedWrite;
}

export interface MeilisearchClient {
  /** `GET /health`, which needs no key. */
  health(): Promise<unknown>;
  index(uid: string): MeilisearchIndexClient;
}
