// The search port the domain owns. Two adapters implement it: the embedded engine (default, in
// process; functions/adapters/search/embedded/) and Meilisearch (when MEILISEARCH_URL is set;
// functions/adapters/search/meilisearch/). One contract suite (test/contract/search-port.ts) runs
// against both. Behaviour follows Meilisearch's: see the comments on each field.

export const documentTypes = [
  'course',
  'lesson',
  'practice',
  'opening',
  'syndicate',
  'innovation',
  'offer',
  'want',
  /** An ESCO skill (esco-documents.ts): the whole taxonomy, for the skills picker and search. */
  'skill',
] as const;
export type DocumentType = (typeof documentTypes)[number];

/** One searchable thing. `id` is stable (`<type>:<natural id>`) so "add or replace" can repeat safely. */
export interface SearchDocument {
  id: string;
  type: DocumentType;
  /** Most important text first: title, then summary, then body (searchable in that order of weight). */
  title: string;
  summary: string;
  body: string;
  /** Where the result links to, e.g. `/learn/timber-stud-partition-walls/`. */
  url: string;
  skills: string[];
  trade?: string | undefined;
  /** The practice guide an innovation improves (a commons id). */
  practice?: string | undefined;
  /** Offers and wants: a service, a good or labour (the marketplace's facet); openings: a job or training. */
  kind?: string | undefined;
  /** A training place: the commons course it trains toward (a commons id). */
  course?: string | undefined;
  place?: string | undefined;
  remote?: boolean | undefined;
  status?: string | undefined;
  /** Pay in minor units of `payUnit`, for range filters and sorting (openings; an offer's or want's price per unit). */
  pay?: number | undefined;
  payUnit?: string | undefined;
  hours?: number | undefined;
  /** ISO date-time; sortable. */
  updatedAt: string;
  /** Openings: when first published (ISO date-time) and the last day they take applications (ISO date). */
  posted?: string | undefined;
  closes?: string | undefined;
  /**
   * An opening of a followed remote syndicate: the instance it is at (its host), shown as "at <host>";
   * its `url` is then the origin's page, where one applies. Absent for everything of this instance.
   */
  origin?: string | undefined;
}

export type FacetName =
  | 'type'
  | 'skills'
  | 'trade'
  | 'practice'
  | 'kind'
  | 'course'
  | 'place'
  | 'remote'
  | 'status'
  | 'payUnit';
export type SortField = 'updatedAt' | 'pay' | 'hours' | 'title' | 'posted' | 'closes';

export interface SearchQuery {
  /** Free text. Empty: every document that passes the filters (placeholder search). */
  text: string;
  /** Each filter narrows the results; a list means "any of these". */
  filters?: {
    type?: DocumentType[];
    skills?: string[];
    trade?: string[];
    practice?: string[];
    kind?: string[];
    course?: string[];
    place?: string[];
    remote?: boolean;
    status?: string[];
    payUnit?: string[];
    pay?: { min?: number; max?: number };
    hours?: { min?: number; max?: number };
  };
  /** Facet counts to return, computed over all hits that pass the filters. */
  facets?: FacetName[];
  /** Default: relevance. */
  sort?: { field: SortField; direction: 'asc' | 'desc' };
  /** 1-based page and page size (clamped to 1..100 by callers). */
  page?: number;
  pageSize?: number;
}

export interface SearchHit {
  document: SearchDocument;
  /** Title and summary with matched words wrapped in <mark>…</mark>; all other text HTML-escaped. */
  highlighted: { title: string; summary: string };
}

export interface SearchResult {
  hits: SearchHit[];
  /** Total hits that pass the query and filters (exact for the embedded engine; estimated allowed). */
  total: number;
  page: number;
  pageSize: number;
  facets: Partial<Record<FacetName, Record<string, number>>>;
  processingTimeMs: number;
}

export interface SearchHealth {
  engine: 'embedded' | 'meilisearch';
  documents: number;
  /**
   * Set when the engine answers but not as declared (Meilisearch: index settings that differ from the
   * adapter's): a sentence a person can act on. Health then reports search as degraded.
   */
  degraded?: string;
}

/** Ids one `get` reads: a request's worth (an opening's or a profile's skills, a ranking's ESCO skills). */
export const maxGetIds = 100;

export interface SearchIndex {
  /** Adds or replaces by id; resolves once the documents are searchable. */
  upsert(documents: SearchDocument[]): Promise<void>;
  /** Removes by id; unknown ids are ignored. Resolves once they no longer appear. */
  delete(ids: string[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /**
   * The stored documents with these ids (at most `maxGetIds`), in no set order; unknown ids are left out.
   * Hits' shape: `body` is empty. How a declared ESCO skill is checked and labelled without the data file.
   */
  get(ids: string[]): Promise<SearchDocument[]>;
  /** Every stored document's id with its `updatedAt`, for reconcile (table vs index). */
  listIds(): Promise<Array<{ id: string; updatedAt: string }>>;
  health(): Promise<SearchHealth>;
}
