// A first sign-in creates the profile from the token's name: normalised like any name a person types,
// so a name claim cannot bring control characters, a direction override or nothing visible into it.
import { describe, expect, it } from 'vitest';
import { getMe } from '#domain/people/get-me.ts';
import { memoryPeople } from '../../support/services.ts';

const now = () => new Date('2026-12-01T10:00:00Z');

async function firstName(identity: { claimedName?: string; email?: string }) {
  const people = memoryPeople();
  await getMe({ people, now }, { personId: 'p-1', ...identity });
  return people.all()[0]?.name;
}

describe('the name a new profile starts with', () => {
  it.each([
    [
      'is the token name, trimmed and without control characters',
      { claimedName: '  Ada\u0000 Lovelace\t' },
      'Ada Lovelace',
    ],
    ['is stored composed (NFC)', { claimedName: 'Zoe\u0308' }, 'Zoë'],
    [
      'falls back to the email address when the name carries a direction override',
      { claimedName: 'Bob \u202Enimda', email: 'bob@example.org' },
      'bob',
    ],
    [
      'falls back to the email address when the name is only invisible',
      { claimedName: '\u200B\u200B', email: 'cy@example.org' },
      'cy',
    ],
    ['is a neutral name when neither gives anything visible', { claimedName: '\u2066\u2069' }, 'New member'],
  ])('%s', async (_title, identity, expected) => {
    expect(await firstName(identity)).toBe(expected);
  });
});

describe('the language a new profile starts with', () => {
  it('is the language of the page the person signed in from', async () => {
    const people = memoryPeople();
    await getMe({ people, now }, { personId: 'p-es' }, 'es');
    expect(people.all()[0]?.language).toBe('es');
  });

  it('is none (English) when the page said nothing, and a later page in another language does not change it', async () => {
    const people = memoryPeople();
    await getMe({ people, now }, { personId: 'p-en' });
    await getMe({ people, now }, { personId: 'p-en' }, 'nl');
    expect(people.all()[0]?.language).toBeUndefined();
  });
});
