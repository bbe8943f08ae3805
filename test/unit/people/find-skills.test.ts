import { describe, expect, it } from 'vitest';
import { findSkills } from '#domain/content/find-skills.ts';
import { commons } from '../../support/services.ts';

const ids = (text: string, limit?: number) => findSkills(commons, text, limit).items.map((found) => found.skill.id);

describe('finding a skill to declare', () => {
  it.each([
    ['multimeter', 'repair-multimeter-testing'],
    ['MULTIMETER', 'repair-multimeter-testing'],
    ['solar site', 'solar-site-survey'],
    ['bank rec', 'bank-reconciliation'],
  ])('finds %s by the start of the words of its label', (text, id) => {
    expect(ids(text)[0]).toBe(id);
  });

  it('ignores accents and case in what is typed', () => {
    expect(ids('sólar sïte')).toEqual(ids('solar site'));
  });

  it('needs every word typed to match', () => {
    expect(ids('multimeter solar')).toEqual([]);
  });

  it('ranks a skill named by the words above one that only mentions them', () => {
    const found = findSkills(commons, 'safety').items;
    const firstText = found.findIndex((f) => f.matchedIn === 'text');
    const lastLabel = found.findLastIndex((f) => f.matchedIn === 'label');
    expect(lastLabel).toBeGreaterThanOrEqual(0);
    if (firstText !== -1) expect(lastLabel).toBeLessThan(firstText);
  });

  it('answers nothing for nothing typed, and says when there are more than it shows', () => {
    expect(findSkills(commons, '  ').items).toEqual([]);
    const capped = findSkills(commons, 'a', 3);
    expect(capped.items).toHaveLength(3);
    expect(capped.more).toBe(true);
  });
});
