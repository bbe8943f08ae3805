// Consent to a record's inventors and shares, from the outside: through the API router, against
// DynamoDB Local. Nobody is named an inventor without accepting, and nobody's share changes without
// their acceptance; a correction that keeps the terms needs no one's consent again.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { innovationVersionKeys } from '#adapters/dynamodb/keys.ts';
import { updateDraft } from '#domain/innovations/innovation-use-cases.ts';
import { body, type Call, innovationSteps, innovationWorld } from '../support/innovation-world.ts';
import { documentClient } from '../support/dynamodb.ts';
import { draftInput } from '../unit/innovations/fixtures.ts';

let call: Call;
let services: Services;
const clock = { now: new Date('2026-11-21T12:00:00.000Z') };
const { draft, accepted, published } = innovationSteps(() => call);

beforeEach(async () => {
  ({ call, services } = await innovationWorld(clock));
});

const consent = (id: string, as: string, decision: string) =>
  call('PUT', `/api/innovations/${id}/draft/consent`, as, { decision });
const publish = (id: string, as: string) => call('POST', `/api/innovations/${id}/publication`, as);
const logSize = async () => body(await call('GET', '/api/registry-log/head', null)).treeHead.treeSize;
const lastEvent = async () => {
  const size = await logSize();
  return JSON.parse(body(await call('GET', `/api/registry-log/entries?start=${size - 1}`, null)).items[0].data);
};

describe('a co-inventor cannot take over a record', () => {
  it('refuses a correction that gives one inventor everything until the other accepts, changing nothing', async () => {
    const id = await published();
    const before = body(await call('GET', `/api/innovations/${id}`, null));
    const size = await logSize();
    expect((await call('POST', `/api/innovations/${id}/corrections`, 'ben')).status).toBe(201);
    const takeover = draftInput([{ personId: 'ben', basisPoints: 10_000 }]);
    expect((await call('PUT', `/api/innovations/${id}/draft`, 'ben', takeover)).status).toBe(200);

    const refused = await publish(id, 'ben');
    expect(refused.status).toBe(422);
    expect(body(refused)).toMatchObject({ rule: 'consent-needed' });
    expect(body(refused).detail).toMatch(/^Not published: ana has not accepted these inventors and shares yet/);
    // The record still stands as published: only the note that a correction is in draft moved.
    const after = body(await call('GET', `/api/innovations/${id}`, null));
    expect({ ...after, record: { ...after.record, draftVersion: undefined, rev: 0, updatedAt: '' } }).toEqual({
      ...before,
      record: { ...before.record, draftVersion: undefined, rev: 0, updatedAt: '' },
    });
    expect(await logSize()).toBe(size);

    // Ana, left out, sees the correction and is asked for her answer; declining cannot remove her.
    const hers = body(await call('GET', `/api/innovations/${id}/draft`, 'ana'));
    expect(hers.consent).toMatchObject({ role: 'removed', missing: ['ana'], mayPublish: false });
    const waiting = body(await call('GET', '/api/me/innovations', 'ana')).invitations;
    expect(waiting.map((i: { record: { id: string }; role: string }) => [i.record.id, i.role])).toEqual([
      [id, 'removed'],
    ]);
    expect(body(await consent(id, 'ana', 'decline'))).toMatchObject({ status: 422, rule: 'published-inventor' });
    expect((await publish(id, 'ben')).status).toBe(422);
  });

  it('publishes a correction that changes the shares once every inventor of the replaced version accepts', async () => {
    const id = await published();
    await call('POST', `/api/innovations/${id}/corrections`, 'ana');
    const fairer = draftInput([
      { personId: 'ana', basisPoints: 5000 },
      { personId: 'ben', basisPoints: 5000 },
    ]);
    await call('PUT', `/api/innovations/${id}/draft`, 'ana', fairer);
    expect(body(await publish(id, 'ana')).detail).toContain('ben has not accepted');
    expect((await consent(id, 'ben', 'accept')).status).toBe(200);
    expect((await publish(id, 'ana')).status).toBe(200);
    expect(await lastEvent()).toMatchObject({ kind: 'publish', version: 2, consentedBy: ['ana', 'ben'] });
  });

  it('lets one inventor alone publish a correction that only changes the text', async () => {
    const id = await published();
    await call('POST', `/api/innovations/${id}/corrections`, 'ben');
    const text = {
      ...draftInput([
        { personId: 'ben', basisPoints: 3000 },
        { personId: 'ana', basisPoints: 7000 },
      ]),
      title: 'The triage card, with a sixth check',
      evidence: [],
    };
    expect((await call('PUT', `/api/innovations/${id}/draft`, 'ben', text)).status).toBe(200);
    expect((await publish(id, 'ben')).status).toBe(200);
    expect(body(await call('GET', `/api/innovations/${id}`, null)).record.title).toBe(
      'The triage card, with a sixth check',
    );
    // The consent of both stands from version 1: they agreed these very shares then.
    expect(await lastEvent()).toMatchObject({ version: 2, consentedBy: ['ana', 'ben'] });
  });
});

describe('naming someone invites them', () => {
  it('keeps the author from publishing until a named stranger accepts, and logs who consented', async () => {
    const id = await draft([{ personId: 'ana' }, { personId: 'stranger' }]);
    const refused = await publish(id, 'ana');
    expect(body(refused)).toMatchObject({ status: 422, rule: 'consent-needed' });
    expect(body(refused).detail).toContain('stranger has not accepted');
    // Only the steward's credit grant to the mill (entry 0): nothing was published.
    expect(await logSize()).toBe(1);
    expect((await call('GET', `/api/innovations/${id}`, null)).status).toBe(404);
    expect((await consent(id, 'stranger', 'accept')).status).toBe(200);
    expect((await publish(id, 'ana')).status).toBe(200);
    expect(await lastEvent()).toMatchObject({ kind: 'publish', version: 1, consentedBy: ['ana', 'stranger'] });
  });

  it('shows the invited person the invitation and the draft, and nobody else', async () => {
    const id = await draft();
    const mine = body(await call('GET', '/api/me/innovations', 'ben'));
    expect(mine.invitations.map((i: { record: { id: string }; role: string }) => [i.record.id, i.role])).toEqual([
      [id, 'invited'],
    ]);
    expect(mine.items).toEqual([]);
    const seen = await call('GET', `/api/innovations/${id}/draft`, 'ben');
    expect(seen.status).toBe(200);
    expect(body(seen).consent).toMatchObject({ role: 'invited', invited: ['ben'], missing: ['ben'] });
    expect((await call('GET', `/api/innovations/${id}/draft`, 'stranger')).status).toBe(404);
    expect(body(await call('GET', '/api/me/innovations', 'stranger')).invitations).toEqual([]);
    // Invited is not yet an inventor: no editing, no publishing.
    expect((await call('PUT', `/api/innovations/${id}/draft`, 'ben', draftInput([{ personId: 'ben' }]))).status).toBe(
      403,
    );
    expect(body(await publish(id, 'ben'))).toMatchObject({ rule: 'consent-needed' });
    expect(body(await call('GET', '/api/me/innovations', 'ana')).items[0].inventorIds).toEqual(['ana']);
  });

  it('names nobody invited to a correction in what the public sees', async () => {
    const id = await published();
    await call('POST', `/api/innovations/${id}/corrections`, 'ana');
    const withStranger = draftInput([
      { personId: 'ana', basisPoints: 6000 },
      { personId: 'ben', basisPoints: 3000 },
      { personId: 'stranger', basisPoints: 1000 },
    ]);
    expect((await call('PUT', `/api/innovations/${id}/draft`, 'ana', withStranger)).status).toBe(200);
    for (const path of ['/api/innovations', `/api/innovations/${id}`]) {
      expect(JSON.stringify(body(await call('GET', path, null))), path).not.toContain('stranger');
    }
    expect(body(await call('GET', '/api/me/innovations', 'stranger')).invitations).toHaveLength(1);
  });

  it('takes a decliner off the draft, spreads their share in proportion, and asks the others again', async () => {
    const id = await draft([
      { personId: 'ana', basisPoints: 6000 },
      { personId: 'ben', basisPoints: 3000 },
      { personId: 'stranger', basisPoints: 1000 },
    ]);
    await accepted(id, ['ben']);
    // Only for oneself: the body names no one, and a name slipped in is refused.
    expect(
      (await call('PUT', `/api/innovations/${id}/draft/consent`, 'ana', { decision: 'decline', personId: 'stranger' }))
        .status,
    ).toBe(400);
    expect(body(await consent(id, 'stranger', 'decline'))).toEqual({ decision: 'decline' });

    const after = body(await call('GET', `/api/innovations/${id}/draft`, 'ana'));
    // 6000 and 3000 of 9000 make 6666.67 and 3333.33: the leftover point goes to the larger remainder.
    expect(after.inventors).toEqual([
      { personId: 'ana', basisPoints: 6667 },
      { personId: 'ben', basisPoints: 3333 },
    ]);
    expect(after.consent).toMatchObject({ missing: ['ana', 'ben'], invited: [] });
    expect((await call('GET', `/api/innovations/${id}/draft`, 'stranger')).status).toBe(404);
    expect((await consent(id, 'stranger', 'accept')).status).toBe(404);
    expect(body(await call('GET', '/api/me/innovations', 'stranger'))).toMatchObject({ items: [], invitations: [] });

    expect(body(await publish(id, 'ana')).detail).toContain('ana and ben have not accepted');
    await accepted(id, ['ana', 'ben']);
    expect((await publish(id, 'ben')).status).toBe(200);
  });

  it('keeps the last inventor who joined from leaving, and anyone from answering for someone else', async () => {
    const id = await draft();
    expect(body(await consent(id, 'ana', 'decline'))).toMatchObject({ status: 422, rule: 'last-inventor' });
    expect((await consent(id, 'stranger', 'decline')).status).toBe(404);
    expect(body(await call('GET', `/api/innovations/${id}/draft`, 'ana')).consent.invited).toEqual(['ben']);
  });

  it('asks everyone again when an edit changes the shares, and no one when it changes only the text', async () => {
    const id = await accepted(await draft());
    const same = {
      ...draftInput([
        { personId: 'ben', basisPoints: 3000 },
        { personId: 'ana', basisPoints: 7000 },
      ]),
      title: 'Renamed card',
    };
    await call('PUT', `/api/innovations/${id}/draft`, 'ana', same);
    expect(body(await call('GET', `/api/innovations/${id}/draft`, 'ana')).consent.missing).toEqual([]);
    const shifted = draftInput([
      { personId: 'ana', basisPoints: 8000 },
      { personId: 'ben', basisPoints: 2000 },
    ]);
    await call('PUT', `/api/innovations/${id}/draft`, 'ana', shifted);
    expect(body(await call('GET', `/api/innovations/${id}/draft`, 'ana')).consent.missing).toEqual(['ben']);
    expect(body(await publish(id, 'ana'))).toMatchObject({ rule: 'consent-needed' });
  });
});

describe('an edit racing a publication', () => {
  it('never publishes terms that an edit changed after the consents were read', async () => {
    const id = await accepted(await draft());
    // Ben's edit lands between the publication's reads and its transaction.
    const ben = { personId: 'ben', name: 'ben' };
    const greedy = draftInput([
      { personId: 'ana', basisPoints: 1000 },
      { personId: 'ben', basisPoints: 9000 },
    ]);
    const realPublish = services.innovations.publish;
    let edits = 0;
    services.innovations.publish = async (write, log) => {
      if (edits++ === 0) await updateDraft(services, ben, id, greedy);
      return realPublish(write, log);
    };
    const refused = await publish(id, 'ana');
    services.innovations.publish = realPublish;
    expect(edits).toBe(1);
    expect(body(refused)).toMatchObject({ status: 422, rule: 'consent-needed' });
    expect(body(refused).detail).toContain('ana has not accepted');
    // Only the steward's credit grant to the mill (entry 0): nothing was published.
    expect(await logSize()).toBe(1);
  });

  it('publishes either the terms everyone accepted or nothing, whichever lands first', async () => {
    for (let round = 0; round < 6; round++) {
      const id = await accepted(await draft());
      const greedy = draftInput([
        { personId: 'ana', basisPoints: 1000 },
        { personId: 'ben', basisPoints: 9000 },
      ]);
      const [edit, published] = await Promise.all([
        call('PUT', `/api/innovations/${id}/draft`, 'ben', greedy),
        publish(id, 'ana'),
      ]);
      const view = await call('GET', `/api/innovations/${id}`, null);
      if (published.status === 200) {
        expect(body(view).current.inventors).toEqual([
          { personId: 'ana', basisPoints: 7000 },
          { personId: 'ben', basisPoints: 3000 },
        ]);
        // Too late: the draft is gone (404), or was published between the edit's read and write (409).
        expect([404, 409]).toContain(edit.status);
      } else {
        expect(body(published)).toMatchObject({ status: 422, rule: 'consent-needed' });
        expect(edit.status).toBe(200);
        expect(view.status).toBe(404);
      }
    }
  });

  it('makes the store refuse a publication whose draft changed or lost a consent since it was read', async () => {
    const id = await accepted(await draft());
    const record = await services.innovations.get(id);
    const version = await services.innovations.getVersion(id, 1);
    if (!record || !version) throw new Error('no draft');
    const at = clock.now.toISOString();
    const write = (draftRev: number, consentedBy: string[]) => ({
      record: {
        ...record,
        status: 'published' as const,
        currentVersion: 1,
        draftVersion: undefined,
        rev: record.rev + 1,
      },
      before: record,
      version: { ...version, status: 'published' as const, publishedAt: at, rev: version.rev + 1 },
      draftRev,
      consentedBy,
    });
    const { appendFor } = await import('#domain/innovations/dependencies.ts');
    const event = {
      kind: 'publish' as const,
      at,
      innovationId: id,
      version: 1,
      replaces: null,
      contentHash: 'x',
      inventors: version.inventors,
    };
    // A version-only write (the record untouched) that takes Ben's consent back, as a stale reader would miss.
    const client = documentClient();
    await client.send(
      new PutCommand({
        TableName: services.config.TABLE_NAME,
        Item: {
          ...innovationVersionKeys(id, 1),
          type: 'innovation-version',
          ...version,
          acceptedBy: ['ana'],
          rev: version.rev + 1,
        },
      }),
    );
    await expect(
      services.innovations.publish(write(version.rev, ['ana', 'ben']), await appendFor(services, event)),
    ).rejects.toThrow(/changed meanwhile/);
    await expect(
      services.innovations.publish(write(version.rev + 1, ['ana', 'ben']), await appendFor(services, event)),
    ).rejects.toThrow(/changed meanwhile/);
    expect((await services.innovations.get(id))?.status).toBe('draft');
    // Only the steward's credit grant to the mill (entry 0): nothing was published.
    expect(await logSize()).toBe(1);
    // With the revision and the consents it holds, the same write lands: the refusals were the conditions.
    await services.innovations.publish(write(version.rev + 1, ['ana']), await appendFor(services, event));
    expect((await services.innovations.get(id))?.status).toBe('published');
    client.destroy();
  });
});

describe('an acceptance is of the terms the person read', () => {
  it('refuses an acceptance of shares changed after they were read, and takes one of text changed since', async () => {
    const id = await draft();
    const read = body(await call('GET', `/api/innovations/${id}/draft`, 'ben')).rev;
    const textOnly = {
      ...draftInput([
        { personId: 'ana', basisPoints: 7000 },
        { personId: 'ben', basisPoints: 3000 },
      ]),
      title: 'Retitled card',
    };
    expect((await call('PUT', `/api/innovations/${id}/draft`, 'ana', textOnly)).status).toBe(200);
    const shifted = draftInput([
      { personId: 'ana', basisPoints: 9000 },
      { personId: 'ben', basisPoints: 1000 },
    ]);
    expect((await call('PUT', `/api/innovations/${id}/draft`, 'ana', shifted)).status).toBe(200);
    const stale = await call('PUT', `/api/innovations/${id}/draft/consent`, 'ben', { decision: 'accept', rev: read });
    expect(stale.status).toBe(409);
    expect(body(await call('GET', `/api/innovations/${id}/draft`, 'ben')).consent.missing).toEqual(['ben']);
    const now = body(await call('GET', `/api/innovations/${id}/draft`, 'ben')).rev;
    await call('PUT', `/api/innovations/${id}/draft`, 'ana', { ...shifted, title: 'Retitled again' });
    expect(
      (await call('PUT', `/api/innovations/${id}/draft/consent`, 'ben', { decision: 'accept', rev: now })).status,
    ).toBe(200);
    expect((await publish(id, 'ana')).status).toBe(200);
  });

  it('does not carry an acceptance over to shares an edit changed while it was being saved', async () => {
    const id = await draft();
    const ana = { personId: 'ana', name: 'ana' };
    const shifted = draftInput([
      { personId: 'ana', basisPoints: 9000 },
      { personId: 'ben', basisPoints: 1000 },
    ]);
    const realSave = services.innovations.saveDraft;
    let edits = 0;
    services.innovations.saveDraft = async (record, version, before) => {
      // Ana's edit lands between Ben's reads and his write.
      if (edits++ === 0) await updateDraft(services, ana, id, shifted);
      return realSave(record, version, before);
    };
    const answer = await consent(id, 'ben', 'accept');
    services.innovations.saveDraft = realSave;
    expect(answer.status).toBe(409);
    expect(body(await call('GET', `/api/innovations/${id}/draft`, 'ben')).consent).toMatchObject({
      missing: ['ben'],
      invited: ['ben'],
    });
  });
});

describe('drafts written before consent was asked', () => {
  it('need every inventor to accept before they are published, and take the acceptance', async () => {
    const id = await accepted(await draft());
    const version = await services.innovations.getVersion(id, 1);
    if (!version) throw new Error('no draft');
    const { acceptedBy: _a, invited: _i, rev: _r, termsRev: _t, ...legacy } = version;
    const client = documentClient();
    await client.send(
      new PutCommand({
        TableName: services.config.TABLE_NAME,
        Item: { ...innovationVersionKeys(id, 1), type: 'innovation-version', ...legacy },
      }),
    );
    client.destroy();
    expect(body(await publish(id, 'ana')).detail).toContain('ana and ben have not accepted');
    await accepted(id, ['ana', 'ben']);
    expect((await publish(id, 'ana')).status).toBe(200);
  });
});
