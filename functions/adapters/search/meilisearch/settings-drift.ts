// Which of the declared index settings (settings.ts) an engine's index does not hold. Pure, so that the
// indexer can skip an update that would change nothing (Meilisearch re-indexes every document on a
// settings update) and health can say exactly what differs.
//
// Meilisearch answers `GET /indexes/{uid}/settings` with every setting, defaults included, and in its own
// order where order carries no meaning: it keeps filterable and sortable attributes as sets (sorted) and
// adds sub-settings we do not declare (`typoTolerance.disableOnNumbers`, …). So only what is declared is
// compared, and lists whose order does not matter are compared as sets.

/** Lists whose order Meilisearch does not keep, or that mean the same in any order. */
const unorderedLists = new Set([
  'filterableAttributes',
  'sortableAttributes',
  'displayedAttributes',
  'typoTolerance.disableOnAttributes',
  'typoTolerance.disableOnWords',
  'synonyms.*',
]);

/** Maps whose every key counts: a synonym the index has and we do not declare changes what searches find. */
const exactMaps = new Set(['synonyms', 'faceting.sortFacetValuesBy']);

/**
 * The names of the declared top-level settings whose stored value differs (`[]`: the index holds them
 * all). Order-carrying lists (searchable attributes, ranking rules) must match in order.
 */
export function settingsDrift(declared: object, stored: unknown): string[] {
  const held = isRecord(stored) ? stored : {};
  return Object.entries(declared)
    .filter(([name, value]) => value !== undefined && !matches(value, held[name], name))
    .map(([name]) => name);
}

function matches(declared: unknown, stored: unknown, path: string): boolean {
  if (Array.isArray(declared)) {
    if (!Array.isArray(stored) || stored.length !== declared.length) return false;
    if (unorderedLists.has(path)) return sameMembers(declared, stored);
    return declared.every((item, at) => matches(item, stored[at], `${path}[]`));
  }
  if (isRecord(declared)) {
    if (!isRecord(stored)) return false;
    if (exactMaps.has(path) && Object.keys(stored).length !== Object.keys(declared).length) return false;
    const child = (key: string) => (path === 'synonyms' ? 'synonyms.*' : `${path}.${key}`);
    return Object.entries(declared).every(
      ([key, value]) => Object.hasOwn(stored, key) && matches(value, stored[key], child(key)),
    );
  }
  return Object.is(declared, stored);
}

function sameMembers(declared: unknown[], stored: unknown[]): boolean {
  const key = (item: unknown) => JSON.stringify(item) ?? 'undefined';
  const left = declared.map(key).sort();
  const right = stored.map(key).sort();
  return left.every((item, at) => item === right[at]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
