// The board filtered by a skill reads only the open openings that ask it: one small item per (skill,
// open opening), beside the opening, on gsi1 under the skill in the board's order (newest posted first).
// A filter over the open-openings list would read on through every opening that does not ask the skill,
// more of them the larger the table. The items are written in the same transaction as the opening
// (create, edit, publish, close, fill, and the expiry sweep's mark), so the index holds exactly the
// openings the board lists, plus those whose date passed since the last sweep (the board's sieve drops
// them, as it does on the unfiltered list). Pure builders here; the repositories send them.
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { isSweptExpired } from '#domain/shortages/sources.ts';
import type { Item } from './items.ts';
import { openingSkillKeys } from './keys.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** What the index needs of an opening; `expiredOn` is the sweep's mark (domain/shortages/expire-openings.ts). */
export interface IndexedOpening {
  id: string;
  status: string;
  skills: ReadonlyArray<{ skill: string }>;
  validThrough: string;
  datePosted?: string | undefined;
  createdAt: string;
  expiredOn?: string | undefined;
}

/** Whether the skill index lists an opening: open, and not marked expired for its current date. */
export const inSkillIndex = (opening: IndexedOpening) => opening.status === 'open' && !isSweptExpired(opening);

const skillsOf = (opening: IndexedOpening) => [...new Set(opening.skills.map((s) => s.skill))];

/** An opening's index items: one per skill it asks while the index lists it, none otherwise. */
export function skillIndexItems(opening: IndexedOpening): Item[] {
  if (!inSkillIndex(opening)) return [];
  return skillsOf(opening).map((skill) => ({
    ...openingSkillKeys(opening, skill),
    type: 'opening-skill',
    openingId: opening.id,
    skill,
  }));
}

/**
 * The writes that take the index from the opening as stored (`before`, null when new) to `after`: every
 * item `after` needs is put (so an opening written before the index existed gains its items at its next
 * write; a put of an unchanged item changes nothing), and every item `before` had that `after` does
 * not keep is deleted.
 */
export function skillIndexWrites(
  tableName: string,
  before: IndexedOpening | null,
  after: IndexedOpening,
): TransactItem[] {
  const wanted = skillIndexItems(after);
  const kept = new Set(wanted.map((item) => String(item.skill)));
  const gone = (before && inSkillIndex(before) ? skillsOf(before) : []).filter((skill) => !kept.has(skill));
  return [
    ...wanted.map((Item): TransactItem => ({ Put: { TableName: tableName, Item } })),
    ...skillIndexDeletes(tableName, after.id, gone),
  ];
}

/** Deletes an opening's index items for these skills (the sweep's mark takes an opening out of the index). */
export function skillIndexDeletes(tableName: string, openingId: string, skills: readonly string[]): TransactItem[] {
  return [...new Set(skills)].map((skill) => {
    const { pk, sk } = openingSkillKeys({ id: openingId, createdAt: '' }, skill);
    return { Delete: { TableName: tableName, Key: { pk, sk } } };
  });
}
