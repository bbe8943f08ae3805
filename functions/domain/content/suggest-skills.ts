// Suggestions for a skills picker: the commons' own skills first, then the rest of ESCO. Steps:
// 1. the commons' skills that match the words (find-skills.ts: in memory, answers while search is down);
// 2. ESCO's skills through the search port (type `skill`: typo-tolerant, prefix on the last word);
// 3. an ESCO skill that is a commons skill's `esco:` stands as that commons skill, never twice;
// 4. commons first, then ESCO, at most `limit`.
import { SearchUnavailableError } from '../errors.ts';
import { escoUriOf } from '../search/esco-documents.ts';
import type { SearchIndex } from '../search/search-port.ts';
import { escoAttribution } from './esco-names.ts';
import type { Commons, Skill } from './commons.ts';
import { rankSkills } from './find-skills.ts';

export const suggestLimits = { default: 10, max: 20 } as const;

export type SkillSuggestion =
  | { source: 'commons'; id: string; label: string; trade: string; esco?: string }
  | { source: 'esco'; id: string; label: string; esco: string };

export interface SkillSuggestions {
  items: SkillSuggestion[];
  /** ESCO's attribution (CC BY 4.0), to show wherever its skills are shown. */
  attribution: string;
  /** True when search did not answer: the items are the commons' alone. */
  escoUnavailable?: true;
}

const fromCommons = (skill: Skill): SkillSuggestion => ({
  source: 'commons',
  id: skill.id,
  label: skill.label,
  trade: skill.trade,
  ...(skill.esco ? { esco: skill.esco } : {}),
});

export async function suggestSkills(
  deps: { commons: Pick<Commons, 'skills' | 'trades'>; search: Pick<SearchIndex, 'search'> },
  text: string,
  limit: number = suggestLimits.default,
  /** `label`: only the commons skills whose label holds the words (a word of a long text, not a query). */
  commonsBy: 'label' | 'text' = 'text',
): Promise<SkillSuggestions> {
  // Without a letter or digit there is nothing to match: a search engine would answer every skill.
  if (!/[\p{L}\p{N}]/u.test(text)) return { items: [], attribution: escoAttribution };
  const commons = rankSkills(deps.commons, text)
    .filter((found) => commonsBy === 'text' || found.matchedIn === 'label')
    .map((found) => found.skill);
  const byEsco = new Map<string, Skill>();
  for (const skill of deps.commons.skills.values()) if (skill.esco) byEsco.set(skill.esco, skill);
  let hits: Awaited<ReturnType<SearchIndex['search']>>['hits'] = [];
  let escoUnavailable = false;
  try {
    // A page as long as the whole answer: every commons skill among the hits leaves room for the next.
    hits = (await deps.search.search({ text, filters: { type: ['skill'] }, page: 1, pageSize: limit })).hits;
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    escoUnavailable = true;
  }
  const esco: SkillSuggestion[] = [];
  for (const { document } of hits) {
    const uri = escoUriOf(document);
    if (!uri) continue;
    const own = byEsco.get(uri);
    if (own) commons.push(own);
    else esco.push({ source: 'esco', id: uri, label: document.title, esco: uri });
  }
  const seen = new Set<string>();
  const unique = commons.filter((skill) => !seen.has(skill.id) && seen.add(skill.id));
  return {
    items: [...unique.map(fromCommons), ...esco].slice(0, limit),
    attribution: escoAttribution,
    ...(escoUnavailable ? { escoUnavailable: true as const } : {}),
  };
}
