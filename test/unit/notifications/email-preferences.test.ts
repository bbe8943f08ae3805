import { describe, expect, it } from 'vitest';
import { emailNotification } from '#domain/notifications/email-notification.ts';
import {
  changeEmailPreferences,
  type EmailPreferencesRepository,
  emailPreferencesPatchSchema,
  readEmailPreferences,
} from '#domain/notifications/email-preferences.ts';
import { type EmailPreferences, type OutgoingMail, notificationKinds } from '#domain/notifications/notification.ts';
import { unsubscribe } from '#domain/notifications/unsubscribe.ts';
import { newPerson } from '#domain/people/person.ts';
import { memoryPeople } from '../../support/services.ts';
import { key, notification, site } from './fixtures.ts';

function memoryPreferences(): EmailPreferencesRepository {
  const stored = new Map<string, EmailPreferences>();
  return {
    get: async (personId) => ({ ...stored.get(personId) }),
    async set(personId, changes) {
      stored.set(personId, { ...stored.get(personId), ...changes });
      return { ...stored.get(personId) };
    },
  };
}
const now = () => new Date('2026-12-01T10:00:00Z');
const ada = { personId: 'ada' };

describe('email preferences', () => {
  it('has every kind on until the person turns it off', async () => {
    const prefs = await readEmailPreferences({ emailPreferences: memoryPreferences() }, ada);
    expect(Object.keys(prefs)).toEqual([...notificationKinds]);
    expect(Object.values(prefs).every(Boolean)).toBe(true);
  });

  it('changes only the kinds named, and the same change twice leaves the same settings', async () => {
    const deps = { emailPreferences: memoryPreferences(), now };
    await changeEmailPreferences(deps, ada, { 'application-message': false, 'saved-search-match': false });
    const twice = await changeEmailPreferences(deps, ada, { 'application-message': false, 'saved-search-match': true });
    expect(twice['application-message']).toBe(false);
    expect(twice['saved-search-match']).toBe(true);
    expect(twice['application-received']).toBe(true);
  });

  it('turns a kind off from an unsubscribe link, and a second click keeps it off', async () => {
    const deps = { emailPreferences: memoryPreferences(), now };
    await unsubscribe(deps, { personId: 'ada', kind: 'value-report-settled' });
    await unsubscribe(deps, { personId: 'ada', kind: 'value-report-settled' });
    expect((await readEmailPreferences(deps, ada))['value-report-settled']).toBe(false);
  });

  it.each([
    ['an unknown kind', { everything: false }, 'everything'],
    ['a value that is not true or false', { 'application-message': 'no' }, 'application-message'],
    ['nothing to change', {}, ''],
  ])('refuses a change with %s, naming it', (_, body, field) => {
    const result = emailPreferencesPatchSchema().safeParse(body);
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect([...(issue?.path ?? []), ...((issue as { keys?: string[] })?.keys ?? [])].join('.')).toBe(field);
  });
});

describe('sending a notification by email', () => {
  const setup = async (person: Parameters<typeof newPerson>[0]) => {
    const sent: OutgoingMail[] = [];
    const deps = {
      people: memoryPeople([newPerson(person)]),
      emailPreferences: memoryPreferences(),
      suppressions: { isSuppressed: async (address: string) => address === 'gone@example.org' },
      mailer: { send: async (mail: OutgoingMail) => void sent.push(mail) },
      siteUrl: site,
      emailLinkKey: key,
      now,
    };
    return { deps, sent };
  };
  const ada = { id: 'ada', name: 'Ada', createdAt: '2026-01-01T00:00:00.000Z', email: 'ada@example.org' };

  it('sends the rendered mail to the person’s address while the kind is on', async () => {
    const { deps, sent } = await setup(ada);
    expect(await emailNotification(deps, notification())).toBe('sent');
    expect(sent.map((mail) => [mail.to, mail.subject])).toEqual([['ada@example.org', notification().title]]);
  });

  it('sends nothing for a kind the person turned off, and still sends the other kinds', async () => {
    const { deps, sent } = await setup(ada);
    await unsubscribe(deps, { personId: 'ada', kind: 'application-stage-changed' });
    expect(await emailNotification(deps, notification())).toBe('unsubscribed');
    expect(await emailNotification(deps, notification({ kind: 'application-message' }))).toBe('sent');
    expect(sent.map((mail) => mail.kind)).toEqual(['application-message']);
  });

  it('sends nothing to an address that bounced or complained before, whatever its case', async () => {
    const { deps, sent } = await setup({ ...ada, email: 'Gone@Example.org' });
    expect(await emailNotification(deps, notification())).toBe('suppressed');
    expect(sent).toEqual([]);
  });

  it('sends nothing to a person without an address', async () => {
    const { deps, sent } = await setup({ ...ada, email: undefined });
    expect(await emailNotification(deps, notification())).toBe('no-address');
    expect(sent).toEqual([]);
  });
});
