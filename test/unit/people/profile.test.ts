import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '#domain/errors.ts';
import { newPerson } from '#domain/people/person.ts';
import {
  applyProfilePatch,
  isWebAddress,
  profilePatchSchema,
  withDeclaredSkill,
  withoutDeclaredSkill,
} from '#domain/people/profile.ts';
import { collectIssues } from '#domain/validation.ts';
import type { FieldIssue } from '#domain/errors.ts';
import { thrown } from '../../support/thrown.ts';

const now = new Date('2026-12-06T10:00:00.000Z');
const ada = () =>
  newPerson({ id: 'ada', name: 'Ada Okafor', place: 'Leeds', bio: 'Hello', createdAt: '2026-01-01T00:00:00.000Z' });

/** The fields a refused body names, as the API's problem+json would. */
function refusedFields(body: unknown): string[] {
  const result = profilePatchSchema().safeParse(body);
  if (result.success) return [];
  const issues: FieldIssue[] = [];
  collectIssues(result.error.issues, ['body'], issues);
  return issues.map((issue) => issue.field);
}

describe('the profile change a person may send', () => {
  it.each([
    ['a name only', { version: 0, name: 'Ada O.' }],
    ['an empty place and bio, to clear them', { version: 0, place: '', bio: '' }],
    ['availability from a date', { version: 3, availability: { status: 'available-from', from: '2027-01-15' } }],
    ['hours a week, or null to clear them', { version: 0, hoursPerWeek: null }],
    ['languages from the list', { version: 0, languages: ['en', 'pt', 'uk'] }],
    [
      'http and https links, null clears one',
      { version: 0, links: { portfolio: 'https://ada.example/work', code: 'http://git.example/ada', other: null } },
    ],
    [
      'links with letters beyond ASCII, a query and a fragment, as a browser shows them',
      { version: 0, links: { portfolio: 'https://münchen.example/café', other: 'https://x.example/a?q=1#top' } },
    ],
    ['privacy for some sections', { version: 0, privacy: { skills: 'public', about: 'private' } }],
    ['a language for emails Guildhall speaks', { version: 0, language: 'nl' }],
    [
      'declared skills with a level and evidence',
      {
        version: 0,
        declaredSkills: [
          { skill: 'solar-pv-installation', level: 'working', link: 'https://x.example/pv', note: 'Fitted 40 roofs.' },
        ],
      },
    ],
  ])('accepts %s', (_what, body) => {
    expect(refusedFields(body)).toEqual([]);
  });

  it.each([
    ['no version', { name: 'Ada' }, ['body.version']],
    ['a language for emails Guildhall does not speak', { version: 0, language: 'fr' }, ['body.language']],
    ['a language for emails in capitals', { version: 0, language: 'ES' }, ['body.language']],
    ['a server-owned field', { version: 0, available: true }, ['body.available']],
    ['an unknown key inside links', { version: 0, links: { blog: 'https://a.example' } }, ['body.links.blog']],
    ['a javascript: link', { version: 0, links: { portfolio: 'javascript:alert(1)' } }, ['body.links.portfolio']],
    ['a data: link', { version: 0, links: { other: 'data:text/html,<b>x</b>' } }, ['body.links.other']],
    [
      'a link with a password in it',
      { version: 0, links: { code: 'https://ada:secret@git.example/' } },
      ['body.links.code'],
    ],
    ['a language not on the list', { version: 0, languages: ['en', 'klingon'] }, ['body.languages.1']],
    ['a language twice', { version: 0, languages: ['en', 'en'] }, ['body.languages.1']],
    ['zero hours a week', { version: 0, hoursPerWeek: 0 }, ['body.hoursPerWeek']],
    [
      'a date that is no date',
      { version: 0, availability: { status: 'available-from', from: 'soon' } },
      ['body.availability.from'],
    ],
    [
      'an availability status not offered',
      { version: 0, availability: { status: 'maybe' } },
      ['body.availability.status'],
    ],
    ['a privacy setting not offered', { version: 0, privacy: { skills: 'friends' } }, ['body.privacy.skills']],
    [
      'a level not offered',
      { version: 0, declaredSkills: [{ skill: 'welding', level: 'expert' }] },
      ['body.declaredSkills.0.level'],
    ],
    [
      'the same skill twice',
      {
        version: 0,
        declaredSkills: [
          { skill: 'welding', level: 'working' },
          { skill: 'welding', level: 'foundation' },
        ],
      },
      ['body.declaredSkills.1.skill'],
    ],
    ['a name that is only spaces', { version: 0, name: '   ' }, ['body.name']],
    ['a bio with a direction override', { version: 0, bio: 'abc\u202Edef' }, ['body.bio']],
  ])('refuses %s, naming the field', (_what, body, fields) => {
    expect(refusedFields(body)).toEqual(fields);
  });
});

describe('web addresses a person gives', () => {
  it.each([
    ['https://example.org/work', true],
    ['HTTP://EXAMPLE.ORG', true],
    ['ftp://example.org', false],
    ['//example.org', false],
    ['https://', false],
    ['mailto:ada@example.org', false],
    ['https://user@example.org', false],
  ])('%s is a web address: %s', (value, expected) => {
    expect(isWebAddress(value)).toBe(expected);
  });
});

describe('applying a profile change', () => {
  it('changes the fields sent and keeps the others', () => {
    const updated = applyProfilePatch(ada(), { version: 0, place: 'York' }, now);
    expect(updated).toMatchObject({ place: 'York', bio: 'Hello', name: 'Ada Okafor', version: 1 });
    expect(updated.updatedAt).toBe(now.toISOString());
  });

  it('keeps the language for emails a person chose, and the one they had when a change leaves it out', () => {
    const spanish = applyProfilePatch(ada(), { version: 0, language: 'es' }, now);
    expect(spanish.language).toBe('es');
    expect(applyProfilePatch(spanish, { version: 1, place: 'Bilbao' }, now).language).toBe('es');
  });

  it('refuses a change made from an older version, with a sentence that says to reload', () => {
    const edited = applyProfilePatch(ada(), { version: 0, place: 'York' }, now);
    expect(() => applyProfilePatch(edited, { version: 0, place: 'Hull' }, now)).toThrow(ConflictError);
    expect(() => applyProfilePatch(edited, { version: 0, place: 'Hull' }, now)).toThrow(/reload/);
  });

  it('merges links and privacy field by field, and null clears a link or the hours', () => {
    const first = applyProfilePatch(
      ada(),
      { version: 0, links: { portfolio: 'https://a.example', code: 'https://c.example' }, hoursPerWeek: 20 },
      now,
    );
    const second = applyProfilePatch(
      first,
      { version: 1, links: { code: null }, privacy: { skills: 'public' }, hoursPerWeek: null },
      now,
    );
    expect(second.links).toEqual({ portfolio: 'https://a.example' });
    expect(second.privacy).toMatchObject({ skills: 'public', about: 'members' });
    expect(second.hoursPerWeek).toBeUndefined();
  });

  it.each([
    [{ status: 'available' as const }, true],
    [{ status: 'available-from' as const, from: '2027-03-01' }, true],
    [{ status: 'unavailable' as const }, false],
  ])('derives supply for the shortage index from availability %o: %s', (availability, available) => {
    expect(applyProfilePatch(ada(), { version: 0, availability }, now).available).toBe(available);
  });

  it('declares a skill once: declaring it again changes its level and evidence in place', () => {
    const one = withDeclaredSkill(ada(), { skill: 'welding', level: 'foundation' }, now);
    const two = withDeclaredSkill(one, { skill: 'bricklaying', level: 'working' }, now);
    const three = withDeclaredSkill(two, { skill: 'welding', level: 'proficient', note: 'Ten years.' }, now);
    expect(three.declaredSkills).toEqual([
      { skill: 'welding', level: 'proficient', note: 'Ten years.' },
      { skill: 'bricklaying', level: 'working' },
    ]);
    expect(withoutDeclaredSkill(three, 'welding', now).declaredSkills.map((s) => s.skill)).toEqual(['bricklaying']);
    expect(three.version).toBe(3);
  });
});

describe('showing a profile to the fediverse', () => {
  it('is refused beside the box while no section is public, in the reader’s language', () => {
    const error = thrown(() => applyProfilePatch(ada(), { version: 0, fediverse: true }, now), ValidationError);
    const [issue] = error.issues;
    expect(issue).toMatchObject({ field: 'body.fediverse', message: expect.stringMatching(/^Only a public profile/) });
    expect(issue?.wordsIn?.('es')).toMatch(/^Solo un perfil público se puede mostrar en el fediverso/);
    expect(issue?.wordsIn?.('nl')).not.toBe(issue?.message);
  });
});
