// Two real ESCO skills for tests of declaring and asking for skills: one the commons does not have, and
// one a commons skill records as its match (content/skills/agriculture.yaml). Their labels are the data
// file's; the search holds them as the reindex would (esco-documents.ts), and nothing else.
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import { escoSkillDocument } from '#domain/search/esco-documents.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';

export const escoOnly = {
  uri: 'http://data.europa.eu/esco/skill/d809a1d2-b80e-43e4-8984-de7517fb68f1',
  label: 'repair plumbing systems',
};
export const escoMatched = {
  uri: 'http://data.europa.eu/esco/skill/7808ccb8-9797-4864-80e3-37119ca32b30',
  commonsId: 'farm-composting',
};
/** Well formed, but no skill of ESCO. */
export const escoUnknown = 'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000000';

/** A search index holding the two skills' ESCO documents. */
export async function escoSearch(): Promise<SearchIndex> {
  const search = createEmbeddedSearchEngine();
  const at = '2026-11-01T00:00:00.000Z';
  await search.upsert([
    escoSkillDocument(
      [escoOnly.uri.slice('http://data.europa.eu/esco/'.length), escoOnly.label, [], escoOnly.label],
      at,
    ),
    escoSkillDocument([escoMatched.uri.slice('http://data.europa.eu/esco/'.length), 'monitor composting', [], ''], at),
  ]);
  return search;
}
