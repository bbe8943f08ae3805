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

export function findSkills(
  commons: Pick<Commons, 'skills' | 'trades'>,
  text: string,
  limit = maxSkillResults,
): { items: FoundSkill[]; more: boolean } {
  const wanted = words(text).slice(0, 8);
  if (wanted.length === 0) return { items: [], more: false };
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
  return {
    items: scored.slice(0, limit).map(({ skill, matchedIn }) => ({ skill, matchedIn })),
    more: scored.length > limit,
  };
}
