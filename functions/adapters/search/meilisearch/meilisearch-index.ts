// The Meilisearch adapter behind the search port: used when MEILISEARCH_URL is set. Requests are built and
// answers read by the pure modules beside this one; this module only sends, waits and translates errors.
//
// The API key is never the master key. Give the functions a key scoped to this index
// (`"indexes": ["guildhall"]`) with only these actions:
//   search                         search()
//   documents.add + tasks.get      upsert()          (waiting for a write means reading its task)
//   documents.delete + tasks.get   delete()
//   documents.get                  listIds(), get()  (so the API's functions need it too: a declared
//                                                     ESCO skill is checked by reading its document)
//   stats.get + settings.get       health()          (`/health` itself needs no key; settings.get to
//                                                     report settings that differ from settings.ts)
//   settings.get                   before the first write of each process (see settings-guard.ts),
//   + settings.update + tasks.get  and ensureSettings()
// plus `indexes.create` until the index exists: Meilisearch creates an index on its first settings or
// document write only for a key that may create indexes. So the API's functions, which search and report
// health, need `search`, `documents.get`, `stats.get` and `settings.get`; the indexer and reindex need the rest.
//
// Requests go through our own HTTP transport (http-transport.ts), not Node's fetch.
import { Index } from 'meilisearch';
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import type { SearchDocument, SearchIndex } from '#domain/search/search-port.ts';
import type { EnqueuedWrite, MeilisearchClient, MeilisearchIndexClient } from './client.ts';
import {
  documentFromHit,
  documentKey,
  documentPageSchema,
  hitFields,
  idPageSchema,
  toMeilisearchDocument,
} from './documents.ts';
import { apiErrorOf, checkTask, parseAnswer, searchCall, toSearchUnavailable } from './errors.ts';
import { createHttpTransport, type HttpTransportOptions } from './http-transport.ts';
import { buildSearchRequest } from './search-request.ts';
import { mapSearchResponse } from './search-response.ts';
import { indexSettings, primaryKey } from './settings.ts';
import { createSettingsGuard } from './settings-guard.ts';

export interface MeilisearchIndexOptions {
  /** e.g. `https://search.example.org`. */
  host: string;
  /** A scoped key (see above); omit only for an engine without a master key (local development). */
  apiKey?: string;
  /** Default `guildhall`. */
  indexUid?: string;
  /** Longest wait for one HTTP request, in milliseconds. Default 5000. */
  timeoutMs?: number;
  /** Longest wait for Meilisearch to apply one write, in milliseconds. Default 30,000. */
  taskTimeoutMs?: number;
  /** Limits of the HTTP transport (http-transport.ts). */
  transport?: HttpTransportOptions;
  /** How long health reuses its comparison of the index settings, in milliseconds. Default 30,000. */
  settingsCheckTtlMs?: number;
  /** The clock for that reuse (tests). */
  now?: () => number;
  /** The client to use instead of one built from `host` and `apiKey` (unit tests pass a fake). */
  client?: MeilisearchClient;
}

export interface MeilisearchSearchIndex extends SearchIndex {
  /**
   * Compares the index settings with settings.ts and, when they differ, sends them and waits until they
   * apply. Every process does this once before its first write; callers need not.
   */
  ensureSettings(): Promise<void>;
}

export const defaultIndexUid = 'guildhall';

/** Documents (or ids) a write request carries: a few MB at the bodies' 4,000-character cap. */
export const writeBatchSize = 1000;
/** Documents a listIds page reads; ids and dates only, so pages can be large. */
export const listPageSize = 1000;

const statsSchema = /* @__PURE__ */ lazySchema(() => z.object({ numberOfDocuments: z.number() }));

export function createMeilisearchIndex(options: MeilisearchIndexOptions): MeilisearchSearchIndex {
  // Built on first use: constructing the client loads Node's fetch machinery (~30 ms: it builds `Headers`),
  // which the cold start of a request that never searches need not pay.
  let built: { client: MeilisearchClient; index: MeilisearchIndexClient } | undefined;
  const meili = () => {
    if (!built) {
      const client = options.client ?? indexOnlyClient(options);
      built = { client, index: client.index(options.indexUid ?? defaultIndexUid) };
    }
    return built;
  };
  const waitOptions = { timeout: options.taskTimeoutMs ?? 30_000 };

  // Resolves once Meilisearch has applied the write, so that callers (and the contract) can search for
  // what they just wrote; Meilisearch itself answers a write as soon as it is queued.
  async function apply(operation: string, enqueue: () => EnqueuedWrite): Promise<void> {
    const task = await searchCall(operation, () => enqueue().waitTask(waitOptions));
    checkTask(operation, task);
  }

  const settings = createSettingsGuard({
    declared: indexSettings,
    read: async () => {
      try {
        return await meili().index.getSettings();
      } catch (error) {
        if (apiErrorOf(error)?.cause?.code === 'index_not_found') return undefined;
        throw toSearchUnavailable('read the index settings', error);
      }
    },
    apply: () => apply('update the index settings', () => meili().index.updateSettings(indexSettings())),
    checkTtlMs: options.settingsCheckTtlMs,
    now: options.now,
  });

  async function write(operation: string, enqueue: () => EnqueuedWrite): Promise<void> {
    await settings.beforeWrite();
    await apply(operation, enqueue);
  }

  return {
    async upsert(documents: SearchDocument[]) {
      // One batch at a time, in order: a later batch may replace a document an earlier one added.
      for (const batch of batches(documents, writeBatchSize)) {
        const stored = batch.map(toMeilisearchDocument);
        await write('add documents', () => meili().index.addDocuments(stored, { primaryKey }));
      }
    },

    async delete(ids: string[]) {
      for (const batch of batches(ids, writeBatchSize)) {
        const keys = batch.map(documentKey);
        await write('delete documents', () => meili().index.deleteDocuments(keys));
      }
    },

    async search(query) {
      const { q, ...params } = buildSearchRequest(query);
      const response = await searchCall('search', () => meili().index.search(q, params));
      return mapSearchResponse(response, query);
    },

    async get(ids) {
      const keys = [...new Set(ids)].map(documentKey);
      if (keys.length === 0) return [];
      const query = { ids: keys, fields: hitFields(), limit: keys.length };
      const answer = await searchCall('read documents', () => meili().index.getDocuments(query));
      return parseAnswer(documentPageSchema(), answer, 'the documents read').results.map(documentFromHit);
    },

    async listIds() {
      // Offset paging over Meilisearch's internal order. A write landing between two pages can shift that
      // order, so a listing taken while the indexer writes may miss an id (the next reconcile sees it) or
      // meet one twice (kept once here).
      const ids = new Map<string, string>();
      for (let offset = 0; ; offset += listPageSize) {
        const query = { fields: ['id', 'updatedAt'], offset, limit: listPageSize };
        const answer = await searchCall('list documents', () => meili().index.getDocuments(query));
        const page = parseAnswer(idPageSchema(), answer, 'the document list');
        for (const { id, updatedAt } of page.results) ids.set(id, updatedAt);
        if (page.results.length < listPageSize || offset + listPageSize >= page.total) {
          return [...ids].map(([id, updatedAt]) => ({ id, updatedAt }));
        }
      }
    },

    async health() {
      const [, stats, degraded] = await Promise.all([
        searchCall('check its health', () => meili().client.health()),
        searchCall('count documents', () => meili().index.getStats()),
        settings.problem(),
      ]);
      const documents = parseAnswer(statsSchema(), stats, 'the index stats').numberOfDocuments;
      return { engine: 'meilisearch', documents, ...(degraded ? { degraded } : {}) };
    },

    async ensureSettings() {
      await settings.ensure();
    },
  };
}

/**
 * The client's `Index` alone, not its `Meilisearch` class: that class carries every endpoint of the engine
 * (keys, tasks, batches, dumps, snapshots, networks, chats, webhooks…), 11 KB of each bundle that calls
 * none of them. `health()` is what `Meilisearch#health` sends: `GET /health` through the same requests.
 */
function indexOnlyClient(options: MeilisearchIndexOptions): MeilisearchClient {
  const index = new Index(
    {
      host: options.host,
      apiKey: options.apiKey,
      timeout: options.timeoutMs ?? 5000,
      httpClient: createHttpTransport(options.transport).request,
    },
    options.indexUid ?? defaultIndexUid,
  );
  return { health: () => index.httpRequest.get({ path: 'health' }), index: () => index };
}

export function batches<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
