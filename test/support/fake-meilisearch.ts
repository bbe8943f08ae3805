// A local `node:http` server that answers the Meilisearch endpoints the adapter uses, as Meilisearch 1.x
// answers them, so the adapter's HTTP transport and its settings handling are tested offline. It is not a
// search engine: a text search matches documents that contain every query word, filters are `=` clauses
// only. What it imitates faithfully is what the tests rely on: an index that never received its settings
// refuses facets, filters and sorts as Meilisearch does (`invalid_search_facets`, …); settings come back
// with every default and sets sorted; writes answer 202 with a task that has already succeeded. And, as
// Meilisearch's HTTP server does (actix-web's Compress middleware, Nagle's algorithm left on), it
// compresses an answer when the request accepts gzip and sends it in several writes: headers, body, end.
// That is what made every search over Node's fetch (which asks for gzip) wait for a delayed ACK.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

type Document = Record<string, unknown>;

interface FakeIndex {
  settings: Record<string, unknown>;
  documents: Map<string, Document>;
}

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** Which TCP connection carried it (1 for the first the server accepted). */
  connection: number;
}

/**
 * An answer to send instead of the imitation's own: a status and body, `hang` (never answer), `drop`
 * (close the connection without answering, as a server does with a kept-alive connection it has given
 * up on) or `undefined` (let the imitation answer).
 */
export type Override = (
  request: SeenRequest,
) => { status: number; body: string; headers?: Record<string, string>; delayMs?: number } | 'hang' | 'drop' | undefined;

export interface FakeMeilisearch {
  url: string;
  requests: SeenRequest[];
  /** TCP connections accepted so far. */
  connections(): number;
  indexes: Map<string, FakeIndex>;
  override: Override | undefined;
  close(): Promise<void>;
}

/** Meilisearch's defaults, as `GET /indexes/{uid}/settings` lists them for an index with none set. */
export function defaultSettings(): Record<string, unknown> {
  return {
    displayedAttributes: ['*'],
    searchableAttributes: ['*'],
    filterableAttributes: [],
    sortableAttributes: [],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
    stopWords: [],
    nonSeparatorTokens: [],
    separatorTokens: [],
    dictionary: [],
    synonyms: {},
    distinctAttribute: null,
    proximityPrecision: 'byWord',
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnWords: [],
      disableOnAttributes: [],
      disableOnNumbers: false,
    },
    faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } },
    pagination: { maxTotalHits: 1000 },
    searchCutoffMs: null,
    facetSearch: true,
    prefixSearch: 'indexingTime',
  };
}

export async function startFakeMeilisearch(): Promise<FakeMeilisearch> {
  const indexes = new Map<string, FakeIndex>();
  const requests: SeenRequest[] = [];
  let connections = 0;
  let taskUid = 0;
  const fake: FakeMeilisearch = {
    url: '',
    requests,
    connections: () => connections,
    indexes,
    override: undefined,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const connection = (request.socket as { fakeId?: number }).fakeId ?? 0;
    const seen = { method: request.method ?? 'GET', path: url.pathname, headers: request.headers, connection };
    requests.push(seen);
    const text = await readBody(request);
    const override = fake.override?.(seen);
    if (override === 'hang') return;
    if (override === 'drop') {
      request.socket.destroy();
      return;
    }
    if (override) {
      if (override.delayMs) await new Promise((resolve) => setTimeout(resolve, override.delayMs));
      if (!response.destroyed) send(request, response, override.status, override.body, override.headers);
      return;
    }
    try {
      const [status, body] = answer(seen.method, url, text === '' ? undefined : JSON.parse(text));
      send(request, response, status, JSON.stringify(body));
    } catch (error) {
      send(
        request,
        response,
        500,
        JSON.stringify({ message: String(error), code: 'fake_failed', type: 'internal', link: '' }),
      );
    }
  });
  server.on('connection', (socket) => {
    socket.setNoDelay(false);
    connections += 1;
    (socket as { fakeId?: number }).fakeId = connections;
  });

  function enqueued(indexUid: string, type: string) {
    taskUid += 1;
    return [202, { taskUid, indexUid, status: 'enqueued', type, enqueuedAt: new Date().toISOString() }] as const;
  }

  function answer(method: string, url: URL, body: unknown): readonly [number, unknown] {
    if (method === 'GET' && url.pathname === '/health') return [200, { status: 'available' }];
    const task = /^\/tasks\/(\d+)$/.exec(url.pathname);
    if (method === 'GET' && task) return [200, { uid: Number(task[1]), status: 'succeeded', error: null }];
    const route = /^\/indexes\/([^/]+)(\/.*)$/.exec(url.pathname);
    if (!route) return apiError(404, 'not_found', 'Not Found');
    const [, uid = '', rest] = route;
    const index = indexes.get(uid);
    const create = () => {
      const made = index ?? { settings: defaultSettings(), documents: new Map() };
      indexes.set(uid, made);
      return made;
    };
    const missing = () => apiError(404, 'index_not_found', `Index \`${uid}\` not found.`);
    switch (`${method} ${rest}`) {
      case 'PATCH /settings':
        merge(create().settings, normalise(body as Record<string, unknown>));
        return enqueued(uid, 'settingsUpdate');
      case 'GET /settings':
        return index ? [200, index.settings] : missing();
      case 'GET /stats':
        return index ? [200, { numberOfDocuments: index.documents.size, isIndexing: false }] : missing();
      case 'POST /documents': {
        const primaryKey = url.searchParams.get('primaryKey') ?? 'id';
        const target = create();
        for (const document of body as Document[]) target.documents.set(String(document[primaryKey]), document);
        return enqueued(uid, 'documentAdditionOrUpdate');
      }
      case 'POST /documents/delete-batch':
        for (const key of body as string[]) create().documents.delete(key);
        return enqueued(uid, 'documentDeletion');
      case 'GET /documents': {
        if (!index) return missing();
        const offset = Number(url.searchParams.get('offset') ?? 0);
        const limit = Number(url.searchParams.get('limit') ?? 20);
        // `ids` (comma-separated primary keys) narrows the list to those documents, as Meilisearch does.
        const ids = url.searchParams.get('ids')?.split(',');
        const all = [...index.documents].filter(([key]) => !ids || ids.includes(key)).map(([, d]) => d);
        return [200, { results: all.slice(offset, offset + limit), offset, limit, total: all.length }];
      }
      case 'POST /search':
        return index ? search(index, body as SearchBody) : missing();
      default:
        return apiError(405, 'method_not_allowed', `${method} ${rest} is not imitated.`);
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

interface SearchBody {
  q?: string;
  filter?: Array<string | string[]>;
  facets?: string[];
  sort?: string[];
  page?: number;
  hitsPerPage?: number;
}

function search(index: FakeIndex, body: SearchBody): readonly [number, unknown] {
  const filterable = index.settings.filterableAttributes as string[];
  const sortable = index.settings.sortableAttributes as string[];
  const unknownFacet = (body.facets ?? []).find((name) => !filterable.includes(name));
  // Meilisearch's own wording, shortened: the code is what callers read.
  if (unknownFacet !== undefined) {
    return apiError(
      400,
      'invalid_search_facets',
      `Invalid facet distribution: attribute \`${unknownFacet}\` is not filterable.`,
    );
  }
  const clauses = (body.filter ?? []).map((clause) => (Array.isArray(clause) ? clause : [clause]).map(parseClause));
  const unfilterable = clauses.flat().find(({ name }) => !filterable.includes(name));
  if (unfilterable)
    return apiError(400, 'invalid_search_filter', `Attribute \`${unfilterable.name}\` is not filterable.`);
  const unsortable = (body.sort ?? []).map((rule) => rule.split(':')[0] ?? '').find((name) => !sortable.includes(name));
  if (unsortable !== undefined)
    return apiError(400, 'invalid_search_sort', `Attribute \`${unsortable}\` is not sortable.`);

  const words = (body.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const matched = [...index.documents.values()].filter((document) => {
    const text = ['title', 'summary', 'body']
      .map((field) => String(document[field] ?? ''))
      .join(' ')
      .toLowerCase();
    const passes = clauses.every((any) =>
      any.some(({ name, value }) => [document[name]].flat().map(String).includes(value)),
    );
    return passes && words.every((word) => text.includes(word));
  });
  const facetDistribution: Record<string, Record<string, number>> = {};
  for (const name of body.facets ?? []) {
    const counts: Record<string, number> = {};
    for (const document of matched) {
      for (const value of [document[name]].flat())
        if (value != null) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
    }
    facetDistribution[name] = counts;
  }
  const page = body.page ?? 1;
  const hitsPerPage = body.hitsPerPage ?? 20;
  const displayed = index.settings.displayedAttributes as string[];
  const hits = matched.slice((page - 1) * hitsPerPage, page * hitsPerPage).map((document) => {
    const shown = displayed.includes('*')
      ? { ...document }
      : Object.fromEntries(displayed.map((name) => [name, document[name]]));
    return { ...shown, _formatted: { title: shown.title, summary: shown.summary } };
  });
  return [200, { hits, totalHits: matched.length, page, hitsPerPage, processingTimeMs: 0, facetDistribution }];
}

function parseClause(clause: string): { name: string; value: string } {
  const equal = /^(\w+) = (?:"((?:[^"\\]|\\.)*)"|(true|false))$/.exec(clause);
  if (!equal) throw new Error(`The fake reads only \`name = "value"\` filters, not ${clause}.`);
  return { name: equal[1] ?? '', value: (equal[2] ?? equal[3] ?? '').replace(/\\(.)/g, '$1') };
}

/** A partial update: these settings merge field by field; every other setting is replaced whole. */
function merge(settings: Record<string, unknown>, update: Record<string, unknown>) {
  for (const [name, value] of Object.entries(update)) {
    const nested = ['typoTolerance', 'faceting', 'pagination'].includes(name);
    settings[name] = nested ? { ...(settings[name] as object), ...(value as object) } : value;
  }
}

/** Meilisearch keeps these settings as sets and lists them sorted. */
function normalise(settings: Record<string, unknown>): Record<string, unknown> {
  const sorted = { ...settings };
  for (const name of ['filterableAttributes', 'sortableAttributes']) {
    if (Array.isArray(sorted[name])) sorted[name] = [...(sorted[name] as string[])].sort();
  }
  return sorted;
}

function apiError(status: number, code: string, message: string): readonly [number, unknown] {
  return [status, { message, code, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${code}` }];
}

function send(request: IncomingMessage, response: ServerResponse, status: number, body: string, headers = {}) {
  if (!/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
    const length = Buffer.byteLength(body);
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': length, ...headers });
    response.end(body);
    return;
  }
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-encoding': 'gzip',
    vary: 'accept-encoding',
  });
  response.flushHeaders();
  response.write(gzipSync(body));
  response.end();
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
