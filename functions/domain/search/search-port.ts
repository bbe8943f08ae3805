// The search port the domain owns. Two adapters implement it: the embedded engine (default, in
// process) and Meilisearch (when MEILISEARCH_URL is set).

export interface SearchHealth {
  engine: 'embedded' | 'meilisearch';
  documents: number;
}

export interface SearchIndex {
  health(): Promise<SearchHealth>;
}
