// A person's own refusals (i18n/account/people-refusals.ts) and a skill's on a form (skill-refusals.ts):
// every one in English, Spanish and Dutch, each its own sentence naming what the English names, a CV's
// sizes in the reader's numbers.
import { describe, expect, it } from 'vitest';
import { type PeopleRefusal, peopleRefusalIn, peopleWords } from '#domain/i18n/account/people-refusals.ts';
import { type SkillRefusal, skillRefusalIn, skillWords } from '#domain/i18n/account/skill-refusals.ts';
import { locales } from '#domain/i18n/locales.ts';

const every: PeopleRefusal[] = [
  { key: 'stale-profile', values: {} },
  { key: 'cv-empty', values: {} },
  { key: 'cv-not-pdf', values: {} },
  { key: 'cv-bomb', values: {} },
  { key: 'foreign-cursor', values: {} },
  { key: 'unsubscribe-other', values: {} },
  { key: 'too-many-skills', values: { most: 50 } },
  { key: 'unknown-path', values: { path: 'astronaut' } },
  { key: 'cv-too-large', values: { most: 5 * 1024 * 1024, size: 6 * 1024 * 1024 } },
  { key: 'cv-active', values: { found: 'JavaScript', active: 'script' } },
  { key: 'only-admin', values: { name: 'Riverside Builders' } },
  { key: 'not-a-link', values: {} },
];
const skills: SkillRefusal[] = [
  { key: 'unknown-skill', values: { ref: 'juggling', where: 'commons' } },
  { key: 'unknown-skill', values: { ref: 'http://data.europa.eu/esco/skill/nope', where: 'esco' } },
  { key: 'unknown-skill', values: { ref: 'juggling', where: 'goal' } },
  { key: 'skill-twice', values: {} },
];
const valuesSaid = (values: object) =>
  Object.entries(values)
    .filter(([name]) => !['most', 'size', 'active', 'where'].includes(name))
    .map(([, value]) => String(value));

describe('a person’s own refusals', () => {
  it('are worded in each language, each its own, naming what they name, never "undefined"', () => {
    const said = [
      ...every.map(
        (refusal) => [refusal.values, (l: (typeof locales)[number]) => peopleRefusalIn(refusal, l)] as const,
      ),
      ...skills.map(
        (refusal) => [refusal.values, (l: (typeof locales)[number]) => skillRefusalIn(refusal, l)] as const,
      ),
    ];
    for (const [values, sayIn] of said) {
      const words = locales.map(sayIn);
      expect(new Set(words).size).toBe(locales.length);
      for (const sentence of words) {
        expect(sentence).not.toMatch(/undefined/);
        for (const value of valuesSaid(values)) expect(sentence).toContain(value);
      }
    }
  });

  it('say a CV’s limit and size in the reader’s numbers', () => {
    const tooLarge: PeopleRefusal = { key: 'cv-too-large', values: { most: 5 * 1024 * 1024, size: 5.5 * 1024 * 1024 } };
    expect(peopleRefusalIn(tooLarge, 'en')).toBe(
      'A CV may be at most 5 MB; this file is 5.5 MB. Save it smaller (fewer or smaller images) and try again.',
    );
    expect(peopleRefusalIn(tooLarge, 'es')).toContain('como máximo 5 MB, y este archivo ocupa 5,5 MB');
    expect(peopleRefusalIn(tooLarge, 'nl')).toContain('hoogstens 5 MB zijn; dit bestand is 5,5 MB');
  });

  it('name what makes a PDF active in each language', () => {
    const launch: PeopleRefusal = { key: 'cv-active', values: { found: 'Launch', active: 'launch' } };
    expect(peopleRefusalIn(launch, 'en')).toContain('This PDF carries a launch action (/Launch), which a CV must not.');
    expect(peopleRefusalIn(launch, 'es')).toContain('Este PDF lleva una acción de inicio (/Launch)');
    expect(peopleRefusalIn(launch, 'nl')).toContain('Deze pdf bevat een startactie (/Launch)');
  });

  it('tell the goal’s list from the searchable skills, and ESCO’s from the commons’', () => {
    expect(skillRefusalIn(skills[2] as SkillRefusal, 'en')).toBe(
      '"juggling" is not a skill of the commons: pick one from the list.',
    );
    expect(skillRefusalIn(skills[0] as SkillRefusal, 'en')).toBe(
      '"juggling" is not a skill of the commons: search the skills and pick one from the list.',
    );
    expect(skillRefusalIn(skills[1] as SkillRefusal, 'es')).toContain('no es una competencia de ESCO');
    expect(skillRefusalIn(skills[0] as SkillRefusal, 'nl')).toContain('is geen vaardigheid van het gemeengoed');
  });

  it('give an error or a field issue its English message and its words in the others', () => {
    const { message, wordsIn } = peopleWords({ key: 'only-admin', values: { name: 'Riverside Builders' } });
    expect(message).toContain('You are the only admin of Riverside Builders, which has other members');
    expect(wordsIn('nl')).toContain('Je bent de enige beheerder van Riverside Builders');
    const twice = skillWords({ key: 'skill-twice', values: {} });
    expect(twice.message).toBe('A skill is listed twice; keep it once.');
    expect(twice.wordsIn('es')).toBe('Hay una competencia repetida; déjala solo una vez.');
  });
});
