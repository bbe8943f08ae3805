// The trades' vocabulary: words people use interchangeably for one skill, role or credential. Each group
// is mutual (any word finds the others). Meilisearch applies synonyms to whole query words only, never to
// typo or prefix derivations, so a group widens a search without making it fuzzier. Both engines read
// this list: Meilisearch as its `synonyms` setting, the embedded engine in embedded/match.ts.
//
// Keep a term in one group only: Meilisearch keys synonyms by term, so a second group would replace the
// first. Multi-word terms are matched as phrases.
export const synonymGroups: readonly (readonly string[])[] = [
  // "fotovoltaic" is the word in Romanian, Catalan and others, and a common slip in English: a changed
  // first letter plus a missing one is three typos by Meilisearch's count, more than any word is allowed.
  ['pv', 'photovoltaic', 'fotovoltaic', 'solar pv', 'solar'],
  ['hvac', 'heating ventilation and air conditioning'],
  ['heat pump', 'ashp', 'air source heat pump'],
  ['ev charger', 'ev charge point', 'electric vehicle charger'],
  ['joinery', 'carpentry'],
  ['joiner', 'carpenter'],
  ['bookkeeping', 'accounting'],
  ['bookkeeper', 'accounts assistant'],
  ['electrician', 'sparky', 'electrical installer'],
  ['gas engineer', 'gas fitter', 'heating engineer'],
  ['drywall', 'dry lining', 'plasterboard'],
  ['bricklayer', 'brickie'],
  ['bricklaying', 'brickwork'],
  ['scaffolder', 'scaffolding erector'],
  ['decorator', 'painter and decorator'],
  ['handyperson', 'handyman', 'property maintenance'],
  ['landscaper', 'landscape gardener'],
  ['cnc', 'computer numerical control'],
  ['mig welding', 'metal inert gas welding'],
  ['tig welding', 'tungsten inert gas welding'],
  ['cooperative', 'co-operative', 'co-op'],
  ['apprentice', 'trainee'],
  ['nvq', 'national vocational qualification'],
  ['cscs', 'construction skills certification scheme'],
  ['ppe', 'personal protective equipment'],
  ['insulation', 'lagging'],
];

/** Meilisearch's synonyms setting: each term maps to every other term of its group. */
export function synonymsFrom(groups: readonly (readonly string[])[]): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const group of groups) {
    for (const term of group) synonyms[term] = group.filter((other) => other !== term);
  }
  return synonyms;
}

/**
 * The embedded engine's synonyms: each one-word term to the other one-word terms of its group. Phrases
 * ("solar pv") are left out: the engine matches words, not phrases; their single words are in the groups.
 */
export function wordSynonyms(groups: readonly (readonly string[])[]): Map<string, string[]> {
  const single = (term: string) => !term.includes(' ') && !term.includes('-');
  const synonyms = new Map<string, string[]>();
  for (const group of groups) {
    for (const term of group.filter(single))
      synonyms.set(
        term,
        group.filter((other) => other !== term && single(other)),
      );
  }
  return synonyms;
}
