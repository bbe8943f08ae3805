// The hiring loop through the API router, against DynamoDB Local: stages an admin moves, the
// applicant's withdrawal and answer to an offer, and the application's thread, which only the
// applicant and the syndicate's admins can see.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { applicationLookup } from '#adapters/dynamodb/keys.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { documentClient } from '../support/dynamodb.ts';
import { opening, syndicate } from '../support/write-world.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Awaited<ReturnType<typeof apiOnFreshTable>>['services'];
let id: string;

const stage = (person: string, move: Record<string, unknown>, as = 'admin') =>
  call('PUT', `/api/openings/${id}/applicants/${person}/stage`, as, move);
const answer = (as: string, value: 'accept' | 'decline', extra: Record<string, unknown> = {}) =>
  call('PUT', `/api/openings/${id}/applications/me/offer`, as, { answer: value, ...extra });
const thread = (applicant: string) => `/api/openings/${id}/applications/${applicant}/messages`;

async function storedApplication(person: string) {
  const client = documentClient();
  const item = await client.send(
    new GetCommand({ TableName: services.config.TABLE_NAME, Key: applicationLookup(id, person) }),
  );
  client.destroy();
  return item.Item;
}

beforeEach(async () => {
  ({ call, services } = await apiOnFreshTable());
  expect((await call('POST', '/api/syndicates', 'admin', syndicate('riverside'))).status).toBe(201);
  await call('POST', '/api/syndicates/riverside/join-requests', 'member');
  await call('PUT', '/api/syndicates/riverside/members/member', 'admin', { decision: 'approve' });
  id = String(body(await call('POST', '/api/syndicates/riverside/openings', 'admin', { ...opening, positions: 1 })).id);
  expect((await call('PUT', `/api/openings/${id}/status`, 'admin', { status: 'open' })).status).toBe(200);
  for (const person of ['ada', 'bo'])
    expect((await call('PUT', `/api/openings/${id}/applications/me`, person, { note: 'Hi' })).status).toBe(200);
});

describe('stages', () => {
  it('takes an application from submitted to shortlisted to offered, and back to interview before it is filled', async () => {
    expect(body(await stage('ada', { stage: 'shortlisted' })).application.status).toBe('shortlisted');
    expect(body(await stage('ada', { stage: 'offered' })).application.status).toBe('offered');
    expect(body(await stage('ada', { stage: 'interview' })).application.status).toBe('interview');
    expect((await storedApplication('ada'))?.status).toBe('interview');
  });

  it('refuses a move the table does not allow with 409 and a sentence naming the current stage', async () => {
    await stage('ada', { stage: 'shortlisted' });
    const again = await stage('ada', { stage: 'shortlisted' });
    expect(again.status).toBe(409);
    expect(body(again).detail).toBe('The application is shortlisted already.');
    const early = await answer('ada', 'accept');
    expect(early.status).toBe(409);
    expect(body(early).detail).toBe('The application is shortlisted; only an offer can be accepted or declined.');
    const byAdmin = await stage('ada', { stage: 'accepted' });
    expect(byAdmin.status).toBe(400);
    expect(JSON.stringify(body(byAdmin).errors)).toContain('body.stage');
  });

  it('asks a decline for a reason, keeps a reason to declines, and tells the reason and message in the stored item', async () => {
    const bare = await stage('bo', { stage: 'declined' });
    expect(bare.status).toBe(422);
    expect(body(bare).errors).toEqual([
      { field: 'body.reason', message: 'Pick the reason the applicant will be told.' },
    ]);
    const misplaced = await stage('bo', { stage: 'shortlisted', reason: 'skills' });
    expect(misplaced.status).toBe(422);
    expect((await storedApplication('bo'))?.status).toBe('submitted');
    const declined = await stage('bo', {
      stage: 'declined',
      reason: 'experience',
      note: 'Come back after a season on site.',
      message: 'Thank you for applying.',
    });
    expect(declined.status).toBe(200);
    expect(await storedApplication('bo')).toMatchObject({
      type: 'application',
      status: 'declined',
      openingId: id,
      syndicateId: 'riverside',
      personId: 'bo',
      declineReason: 'experience',
      declineNote: 'Come back after a season on site.',
      stageMessage: 'Thank you for applying.',
      decidedBy: 'admin',
    });
    const reopened = await stage('bo', { stage: 'submitted' });
    expect(reopened.status).toBe(409);
    expect(body(reopened).detail).toBe('The application is declined, so it cannot change any more.');
  });

  it('lets the applicant withdraw from any open stage, and not after an offer is accepted', async () => {
    await stage('bo', { stage: 'interview' });
    expect(body(await call('DELETE', `/api/openings/${id}/applications/me`, 'bo')).status).toBe('withdrawn');
    await stage('ada', { stage: 'offered' });
    expect((await answer('ada', 'accept')).status).toBe(200);
    const late = await call('DELETE', `/api/openings/${id}/applications/me`, 'ada');
    expect(late.status).toBe(409);
    expect(body(late).detail).toBe(
      'The application is accepted (the position is filled), so it cannot change any more.',
    );
  });

  it('fills the position when the offer is accepted, then refuses any further offer or move of the filled one', async () => {
    await stage('ada', { stage: 'offered' });
    const accepted = body(await answer('ada', 'accept', { message: 'Delighted, see you Monday.' }));
    expect(accepted).toMatchObject({ application: { status: 'accepted', decidedBy: 'ada' }, opening: { filled: 1 } });
    expect(body(await call('GET', `/api/openings/${id}`, null))).toMatchObject({ filled: 1, status: 'filled' });
    const offer = await stage('bo', { stage: 'offered' });
    expect(offer.status).toBe(422);
    expect(body(offer).detail).toBe('Every position of this opening is filled, so no offer can be made.');
    expect((await stage('ada', { stage: 'interview' })).status).toBe(409);
    // The applicant's words came with the answer: they are in the thread too.
    expect(body(await call('GET', thread('ada'), 'admin')).items[0]).toMatchObject({
      body: 'Delighted, see you Monday.',
      authorId: 'ada',
      stage: 'accepted',
    });
  });

  it('lets the applicant decline an offer, which fills nothing', async () => {
    await stage('ada', { stage: 'offered' });
    expect(body(await answer('ada', 'decline')).application.status).toBe('declined');
    expect(body(await call('GET', `/api/openings/${id}`, null))).toMatchObject({ filled: 0, status: 'open' });
    expect((await answer('ada', 'accept')).status).toBe(409);
  });

  it('says the stage an application is at now when another admin moved it first', async () => {
    const stale = await services.openings.getApplication(id, 'ada');
    await stage('ada', { stage: 'interview' });
    const real = services.openings;
    // The second admin read the application before the first one's move landed.
    let reads = 0;
    services.openings = {
      ...real,
      getApplication: async (openingId, personId) => (reads++ === 0 ? stale : real.getApplication(openingId, personId)),
    };
    const late = await stage('ada', { stage: 'shortlisted' });
    services.openings = real;
    expect(late.status).toBe(409);
    expect(body(late).detail).toBe(
      'The application was moved meanwhile: it is at interview now. Reload it and decide again.',
    );
    expect((await storedApplication('ada'))?.status).toBe('interview');
  });

  it('refuses an offer on a closed opening, and its acceptance, saying the opening is closed', async () => {
    await stage('ada', { stage: 'offered' });
    await call('PUT', `/api/openings/${id}/status`, 'admin', { status: 'closed' });
    const offer = await stage('bo', { stage: 'offered' });
    expect(offer.status).toBe(422);
    expect(body(offer).detail).toBe('This opening is closed, so no offer can be made.');
    const accepted = await answer('ada', 'accept');
    expect(accepted.status).toBe(422);
    expect(body(accepted)).toMatchObject({ rule: 'opening-closed' });
    expect((await storedApplication('ada'))?.status).toBe('offered');
  });

  it('never fills one position twice when two offered applicants accept at once, 20 times over', async () => {
    for (let round = 0; round < 20; round++) {
      id = String(
        body(await call('POST', '/api/syndicates/riverside/openings', 'admin', { ...opening, positions: 1 })).id,
      );
      await call('PUT', `/api/openings/${id}/status`, 'admin', { status: 'open' });
      for (const person of ['ada', 'bo']) {
        await call('PUT', `/api/openings/${id}/applications/me`, person, { note: 'Hi' });
        await stage(person, { stage: 'offered' });
      }
      const results = await Promise.all([answer('ada', 'accept'), answer('bo', 'accept')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
      expect(body(await call('GET', `/api/openings/${id}`, null)).filled).toBe(1);
    }
  });
});

describe('the thread', () => {
  it('carries messages both ways, newest first, and the message sent with a stage change', async () => {
    expect((await call('POST', thread('ada'), 'ada', { body: 'When could we talk?' })).status).toBe(201);
    await stage('ada', { stage: 'shortlisted', message: 'You are **shortlisted**.' });
    const reply = await call('POST', thread('ada'), 'admin', { body: 'Tuesday at ten?' });
    expect(body(reply)).toMatchObject({
      applicantId: 'ada',
      authorId: 'admin',
      syndicateId: 'riverside',
      openingId: id,
    });
    const page = body(await call('GET', thread('ada'), 'ada'));
    expect(page.items.map((m: { body: string }) => m.body)).toEqual([
      'Tuesday at ten?',
      'You are **shortlisted**.',
      'When could we talk?',
    ]);
    expect(page.items[1]).toMatchObject({ stage: 'shortlisted', fromApplicant: false });
    expect(page.items[2]).toMatchObject({ fromApplicant: true, authorId: 'ada' });
  });

  it('writes a message once however often the same request is sent', async () => {
    const key = { 'idempotency-key': 'thread-once-1' };
    const first = await call('POST', thread('ada'), 'ada', { body: 'Hello' }, key);
    const again = await call('POST', thread('ada'), 'ada', { body: 'Hello' }, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(body(again).messageId).toBe(body(first).messageId);
    expect(body(await call('GET', thread('ada'), 'ada')).items).toHaveLength(1);
  });

  it('adds a message with a used id once, answering with the first, when the request itself ran twice', async () => {
    const message = {
      openingId: id,
      syndicateId: 'riverside',
      applicantId: 'ada',
      authorId: 'ada',
      messageId: 'same-id',
      at: '2026-12-01T10:00:00.000Z',
      body: 'First',
    };
    await services.threads.addMessage(message);
    const second = await services.threads.addMessage({ ...message, at: '2026-12-01T10:00:05.000Z', body: 'First' });
    expect(second.at).toBe('2026-12-01T10:00:00.000Z');
    expect((await services.threads.pageMessages(id, 'ada', { limit: 10 })).items).toHaveLength(1);
  });

  it('is invisible to another applicant, a member who is no admin and an outsider, while its two sides see it', async () => {
    await call('POST', thread('ada'), 'ada', { body: 'Only for the syndicate.' });
    for (const person of ['bo', 'member', 'stranger']) {
      expect((await call('GET', thread('ada'), person)).status, person).toBe(404);
      expect((await call('POST', thread('ada'), person, { body: 'Let me in' })).status, person).toBe(404);
    }
    expect((await call('GET', thread('ada'), null)).status).toBe(401);
    expect((await call('GET', thread('ada'), 'ada')).status).toBe(200);
    expect((await call('GET', thread('ada'), 'admin')).status).toBe(200);
    expect((await call('GET', thread('nobody'), 'admin')).status).toBe(404);
    expect(body(await call('GET', thread('ada'), 'admin')).items).toHaveLength(1);
  });

  it('refuses an empty or oversized message naming the field, and a message to a withdrawn application', async () => {
    const empty = await call('POST', thread('ada'), 'ada', { body: '   ' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(body(empty).errors)).toContain('body.body');
    expect((await call('POST', thread('ada'), 'ada', { body: 'x'.repeat(4001) })).status).toBe(400);
    await call('DELETE', `/api/openings/${id}/applications/me`, 'ada');
    const closed = await call('POST', thread('ada'), 'admin', { body: 'Still there?' });
    expect(closed.status).toBe(409);
    expect(body(closed).detail).toBe('The application is withdrawn, so its thread takes no more messages.');
    expect((await call('GET', thread('ada'), 'ada')).status).toBe(200);
  });
});
