// The skills an opening's description mentions, offered to the admin who writes it (issue 18): nothing is
// added by itself, the admin picks from the list. Steps:
// 1. candidate phrases: the description's words and two-word runs, stop words and short words out
//    (a stop word ends a run, so "hang the plasterboard" gives no "hang plasterboard" across "the");
// 2. the phrases said most often first, then the longest (more letters, more specific), then the earliest;
//    at most `maxPhrases`, so one description costs at most that many search calls whatever its length;
// 3. each phrase through suggestSkills (commons skills, ESCO's through the search port, an ESCO skill a
//    commons skill stands for as that commons skill);
// 4. every commons skill before any ESCO one, none twice, none the opening asks for already, at most `limit`.
import type { Commons } from '../content/commons.ts';
import { escoAttribution } from '../content/esco-names.ts';
import { type SkillSuggestion, type SkillSuggestions, suggestSkills } from '../content/suggest-skills.ts';
import type { SearchIndex } from '../search/search-port.ts';

export const descriptionSuggestLimits = { phrases: 8, perPhrase: 5, items: 10 } as const;

// Words that say nothing about a skill, in the languages the site speaks (English, Spanish, Dutch).
const stopWords = new Set(
  `the and for with from that this these those will would should can could must have has had are was were
  been being our your their you they them who whom what when where which while into onto over under about
  after before also any all some each more most very just than then there here not but yet per via its
  need needs needed someone somebody looking look want wants wanted able work works working job jobs role
  team experience year years day days week weeks month months hour hours help helps good well new other
  los las del por para con una uno unos unas que como más pero sus nuestro nuestra trabajo buscamos
  het een van voor met die dat zijn wij ons onze naar ook niet maar bij werk zoeken`.split(/\s+/),
);

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The phrases to ask about, best first: at most `max` of them. */
export function descriptionPhrases(description: string, max: number = descriptionSuggestLimits.phrases): string[] {
  const seen = new Map<string, { count: number; first: number }>();
  const note = (phrase: string) => {
    const entry = seen.get(phrase);
    if (entry) entry.count += 1;
    else seen.set(phrase, { count: 1, first: seen.size });
  };
  // Sentences and stop words break runs; words of one or two letters carry too little to search for.
  let previous: string | undefined;
  for (const token of fold(description).split(/([^\p{L}\p{N}]+)/u)) {
    if (token === '') continue;
    if (!/[\p{L}\p{N}]/u.test(token)) {
      if (/[^\s-]/u.test(token)) previous = undefined;
      continue;
    }
    if (token.length < 3 || stopWords.has(token) || /^\p{N}+$/u.test(token)) {
      previous = undefined;
      continue;
    }
    note(token);
    if (previous) note(`${previous} ${token}`);
    previous = token;
  }
  return [...seen]
    .sort(([a, x], [b, y]) => y.count - x.count || b.length - a.length || x.first - y.first)
    .slice(0, Math.max(0, max))
    .map(([phrase]) => phrase);
}

export async function suggestFromDescription(
  deps: { commons: Pick<Commons, 'skills' | 'trades'>; search: Pick<SearchIndex, 'search'> },
  description: string,
  /** The skills the opening asks for already (commons ids or ESCO URIs): never suggested again. */
  asked: readonly string[] = [],
  limit: number = descriptionSuggestLimits.items,
): Promise<SkillSuggestions> {
  const own: SkillSuggestion[] = [];
  const esco: SkillSuggestion[] = [];
  let escoUnavailable = false;
  for (const phrase of descriptionPhrases(description)) {
    // A description's word that only a skill's own description holds ("walls") says little: labels only.
    const found = await suggestSkills(deps, phrase, descriptionSuggestLimits.perPhrase, 'label');
    if (found.escoUnavailable) escoUnavailable = true;
    for (const item of found.items) (item.source === 'commons' ? own : esco).push(item);
  }
  const left = new Set(asked);
  // A commons skill asked for by its ESCO URI is the same skill.
  for (const skill of deps.commons.skills.values()) if (skill.esco && left.has(skill.esco)) left.add(skill.id);
  const items = [...own, ...esco].filter((item) => !left.has(item.id) && left.add(item.id));
  return {
    items: items.slice(0, Math.max(0, limit)),
    attribution: escoAttribution,
    ...(escoUnavailable ? { escoUnavailable: true as const } : {}),
  };
}
