import { describe, expect, it } from 'vitest';
import { personFromItem } from '#domain/people/person.ts';
import { defaultPrivacy } from '#domain/people/profile.ts';

const stored = { id: 'ada', name: 'Ada', createdAt: '2026-01-01T00:00:00.000Z' };

describe('a person item as stored before profiles were editable', () => {
  it('reads a bare declared skill id as declared at foundation level, the least claim', () => {
    expect(personFromItem({ ...stored, declaredSkills: ['welding'] }).declaredSkills).toEqual([
      { skill: 'welding', level: 'foundation' },
    ]);
  });

  it.each([
    [{ available: false }, { status: 'unavailable' }],
    [{ available: true }, { status: 'available' }],
    [{}, { status: 'available' }],
    [
      { available: true, version: 2, availability: { status: 'available-from', from: '2027-01-01' } },
      { status: 'available-from', from: '2027-01-01' },
    ],
  ])('reads availability from %o as %o', (fields, availability) => {
    expect(personFromItem({ ...stored, ...fields }).availability).toEqual(availability);
  });

  it('gives every section its default privacy and the profile version 0', () => {
    const person = personFromItem({ ...stored, privacy: { skills: 'public' } });
    expect(person.privacy).toEqual({ ...defaultPrivacy, skills: 'public' });
    expect(personFromItem(stored)).toMatchObject({ version: 0, languages: [], links: {}, declaredSkills: [] });
  });
});
