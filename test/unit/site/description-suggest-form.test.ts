// The opening form's "Suggest skills from the description" and Add buttons, read from a plain form post:
// a suggestion is added only when the admin presses its Add, in the first empty row, once.
import { describe, expect, it } from 'vitest';
import { descriptionSuggest, openingFromForm, skillFinder, skillRows } from '../../../site/src/lib/forms.ts';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const skillsOf = (data: FormData) => (openingFromForm(data) as { skills: Array<{ skill: string }> }).skills;

describe('the opening form’s suggestions from its description', () => {
  it('lists suggestions without saving when the suggest button sent the form, and not when Save or Find did', () => {
    expect(descriptionSuggest(form({ find: 'description' }))).toEqual({});
    expect(skillFinder(form({ find: 'description', skillQuery: 'drywall' }))).toBeUndefined();
    expect(descriptionSuggest(form({ intent: 'save' }))).toBeUndefined();
    expect(descriptionSuggest(form({ find: 'skill', skillQuery: 'drywall' }))).toBeUndefined();
  });

  it('puts an added suggestion in the first empty row and keeps suggesting', () => {
    const added = form({ skill0: 'stud-wall-framing', level0: 'proficient', addSkill: 'plasterboard-hanging' });
    expect(descriptionSuggest(added)).toEqual({ added: 'plasterboard-hanging' });
    expect(skillsOf(added)).toEqual([
      { skill: 'stud-wall-framing', level: 'proficient' },
      { skill: 'plasterboard-hanging', level: 'working' },
    ]);
  });

  it('adds nothing twice, and nothing when every row is used', () => {
    expect(
      skillsOf(form({ skill0: 'plasterboard-hanging', level0: 'working', addSkill: 'plasterboard-hanging' })),
    ).toHaveLength(1);
    const full = Object.fromEntries(Array.from({ length: skillRows }, (_, i) => [`skill${i}`, `skill-${i}`] as const));
    const rows = skillsOf(form({ ...full, addSkill: 'plasterboard-hanging' }));
    expect(rows).toHaveLength(skillRows);
    expect(rows.map((row) => row.skill)).not.toContain('plasterboard-hanging');
  });
});
