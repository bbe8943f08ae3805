// Declaring any ESCO skill, not only the commons' own: the skill is stored by one canonical reference (a
// commons skill by its id even when sent as its ESCO URI; an ESCO-only skill by its URI, with ESCO's
// label beside it), and a URI ESCO does not have is refused naming the field.
import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors.ts';
import { declareSkill, removeDeclaredSkill, updateProfile } from '#domain/people/profile-use-cases.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';
import { escoMatched, escoOnly, escoSearch, escoUnknown } from '../../support/esco-skills.ts';
import { commons, memoryPeople } from '../../support/services.ts';

const now = () => new Date('2026-12-01T10:00:00Z');
const me = { personId: 'p-1' };
let search: SearchIndex;
beforeAll(async () => {
  search = await escoSearch();
});
const deps = () => ({
  people: memoryPeople(),
  commons,
  search,
  now,
  personData: { getDeletion: async () => null, forgetFollowers: async () => 0 },
});

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  // The English each issue says (its words in Spanish and Dutch are i18n/account/skill-refusals.ts').
  return (error as ValidationError).issues.map(({ field, message }) => ({ field, message }));
}

describe('declaring an ESCO skill', () => {
  it('stores an ESCO-only skill by its URI, with ESCO’s label beside it', async () => {
    const person = await declareSkill(deps(), me, { skill: escoOnly.uri, level: 'working' });
    expect(person.declaredSkills).toEqual([{ skill: escoOnly.uri, label: escoOnly.label, level: 'working' }]);
  });

  it('stores a commons skill sent as its ESCO URI by its commons id, so the two are one skill', async () => {
    const d = deps();
    await declareSkill(d, me, { skill: escoMatched.commonsId, level: 'foundation' });
    const person = await declareSkill(d, me, { skill: escoMatched.uri, level: 'proficient' });
    expect(person.declaredSkills).toEqual([{ skill: escoMatched.commonsId, level: 'proficient' }]);
  });

  it('refuses a well-formed URI that is no skill of ESCO, naming the path and saving nothing', async () => {
    const d = deps();
    const issues = await refusal(declareSkill(d, me, { skill: escoUnknown, level: 'working' }));
    expect(issues).toEqual([{ field: 'path.skillId', message: expect.stringContaining('is not a skill in ESCO') }]);
    expect(d.people.all()).toEqual([]);
  });

  it('never keeps a label the person sends: the label is ESCO’s', async () => {
    const person = await declareSkill(deps(), me, { skill: escoOnly.uri, level: 'working', label: 'Brain surgery' });
    expect(person.declaredSkills[0]?.label).toBe(escoOnly.label);
  });

  it('removes a commons skill named by its ESCO URI, and an ESCO-only skill by its own', async () => {
    const d = deps();
    await declareSkill(d, me, { skill: escoMatched.commonsId, level: 'working' });
    await declareSkill(d, me, { skill: escoOnly.uri, level: 'working' });
    await removeDeclaredSkill(d, me, escoMatched.uri);
    const person = await removeDeclaredSkill(d, me, escoOnly.uri);
    expect(person.declaredSkills).toEqual([]);
  });
});

describe('declaring skills in a profile change', () => {
  it('stores each skill in its canonical form, ESCO’s labelled', async () => {
    const person = await updateProfile(deps(), me, {
      version: 0,
      declaredSkills: [
        { skill: escoMatched.uri, level: 'working' },
        { skill: escoOnly.uri, level: 'foundation' },
      ],
    });
    expect(person.declaredSkills).toEqual([
      { skill: escoMatched.commonsId, level: 'working' },
      { skill: escoOnly.uri, label: escoOnly.label, level: 'foundation' },
    ]);
  });

  it('refuses each unknown skill by position, and a commons skill listed twice as its id and its URI', async () => {
    const d = deps();
    const unknown = await refusal(
      updateProfile(d, me, {
        version: 0,
        declaredSkills: [
          { skill: escoOnly.uri, level: 'working' },
          { skill: escoUnknown, level: 'working' },
          { skill: 'telepathy', level: 'working' },
        ],
      }),
    );
    expect(unknown.map((issue) => issue.field)).toEqual(['body.declaredSkills.1.skill', 'body.declaredSkills.2.skill']);
    const twice = await refusal(
      updateProfile(d, me, {
        version: 0,
        declaredSkills: [
          { skill: escoMatched.commonsId, level: 'working' },
          { skill: escoMatched.uri, level: 'working' },
        ],
      }),
    );
    expect(twice).toEqual([
      { field: 'body.declaredSkills.1.skill', message: 'A skill is listed twice; keep it once.' },
    ]);
    expect(d.people.all().every((p) => p.declaredSkills.length === 0)).toBe(true);
  });
});
