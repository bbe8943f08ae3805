// Finding a skill in the commons' taxonomy by what a person types ("solar", "multimeter", "brick"),
// for declaring it on a profile. The taxonomy is small and in memory (every function has the commons),
// so this is a pure ranking over it, not a call to the search engine: it answers while search is down,
// and matches the same way on the site's page without JavaScript and through the API.
//
// Every word typed must match the start of a word of the skill's label, its trade or its description
// (accents and case aside). Skills whose label holds every word rank first, then those where only the
// description does; a label starting with the text ranks above the rest of its group.
import type { Commons, Skill } from './commons.ts';

export const maxSkillResults = 20;

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const words = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

export interface FoundSkill {
  skill: Skill;
  /** Where every word matched: the label (best) or only the wider text. */
  matchedIn: 'label' | 'text';
}

/** The first `limit` matches, best first, and whether there are more: what the site's search box shows. */
export function findSkills(
  commons: Pick<Commons, 'skills' | 'trades'>,
  text: string,
  limit = maxSkillResults,
): { items: FoundSkill[]; more: boolean } {
  const all = rankSkills(commons, text);
  return { items: all.slice(0, limit), more: all.length > limit };
}

/** Every skill that matches, best first (the API pages through it). At most the commons' skills. */
export function rankSkills(commons: Pick<Commons, 'skills' | 'trades'>, text: string): FoundSkill[] {
  const wanted = words(text).slice(0, 8);
  if (wanted.length === 0) return [];
  const tradeLabels = new Map(commons.trades.map((t) => [t.id, t.label]));
  const phrase = fold(text.trim());
  const scored = [...commons.skills.values()].flatMap((skill): Array<FoundSkill & { score: number }> => {
    const label = words(skill.label);
    const wider = [...label, ...words(tradeLabels.get(skill.trade) ?? ''), ...words(skill.description)];
    const matches = (pool: string[]) => wanted.every((word) => pool.some((w) => w.startsWith(word)));
    if (matches(label)) {
      return [{ skill, matchedIn: 'label', score: fold(skill.label).startsWith(phrase) ? 3 : 2 }];
    }
    return matches(wider) ? [{ skill, matchedIn: 'text', score: 1 }] : [];
  });
  scored.sort((a, b) => b.score - a.score || a.skill.label.localeCompare(b.skill.label, 'en'));
  return scored.map(({ skill, matchedIn }) => ({ skill, matchedIn }));
}
