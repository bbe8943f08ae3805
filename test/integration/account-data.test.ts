// A person's data as a whole: the export walks everything held about them a page at a time, and the
// account deletion removes it (found by key), leaving the ledger summing to zero and the registry log
// verifying, refusing a sole admin who has not handed over, and finishing after a fault when retried.
import { beforeAll, describe, expect, it } from 'vitest';
import { getItem } from '#adapters/dynamodb/items.ts';
import { feedTokenKeys } from '#adapters/dynamodb/keys.ts';
import { tokenHash } from '#adapters/dynamodb/saved-search-repository.ts';
import { createMemoryFileStore } from '#adapters/files/memory-file-store.ts';
import type { Services } from '#app/services.ts';
import { StoreUnavailableError } from '#domain/errors.ts';
import { cvFileKey } from '#domain/files/file-store.ts';
import { notificationId } from '#domain/notifications/produce.ts';
import { deleteAccount } from '#domain/people/delete-account.ts';
import type { PersonDataPart } from '#domain/people/person-data.ts';
import { createApi } from '#http/api.ts';
import { verifyTable } from '#local/verify-log.ts';
import { type ApiResponse, body, callerFor } from '../support/api-client.ts';
import { documentClient, localEndpoint } from '../support/dynamodb.ts';
import { type Call, innovationSteps, innovationWorld, ledgerSums } from '../support/innovation-world.ts';
import { putOffer } from '../support/offers.ts';
import { pdf } from '../support/pdf.ts';
import { courseNamed, takeQuiz } from '../support/quiz.ts';
import { syndicateInput } from '../unit/innovations/fixtures.ts';

const clock = { now: new Date('2026-11-02T10:00:00Z') };
const files = createMemoryFileStore();
/** The people whose sign-in accounts were forgotten (Cognito's users in AWS), in order. */
const forgotten: string[] = [];
const signIns = {
  async forget(personId: string) {
    forgotten.push(personId);
  },
};
let call: Call;
let services: Services;
let openingId = '';
let credentialId = '';
let recordId = '';
let boughtId = '';
let soldId = '';
let draftId = '';
let proposalId = '';
const disputeReason = 'The pump still leaks at the seal.';
const voteReason = 'The old stone is cracked along its eye.';

const ok = async (response: Promise<ApiResponse>, status = 200) => {
  const answer = await response;
  expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(status);
  return body(answer);
};

/** Saves a job-board search for `personId` and answers its feed token (the secret in its feed URL). */
async function savedSearchOf(personId: string) {
  const saved = await ok(call('POST', '/api/me/saved-searches', personId, { name: 'Repairs', query: {} }), 201);
  return String(saved.feedUrl).split('/jobs/saved/')[1]?.split('/')[0] ?? '';
}

/** Whether a feed URL still answers (its page 404s on null) and its address is still stored at all. */
async function feedLeft(token: string) {
  const stored = await getItem(documentClient(), services.config.TABLE_NAME, feedTokenKeys(tokenHash(token)));
  return { answers: (await services.savedSearches.byFeedToken(token)) !== null, stored: stored !== undefined };
}

/** Everything one part of a person's data holds, walked a page at a time as the deletion does. */
async function held(personId: string, part: PersonDataPart) {
  const items: Array<{ type: string }> = [];
  let cursor: string | undefined;
  do {
    const page = await services.personData.page(personId, part, { limit: 100, cursor });
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return items.map((item) => item.type).sort();
}

/** Everything `personId` can download, `pageSize` items a page, following the cursors to the end. */
async function download(personId: string, pageSize: number) {
  const items: Array<Record<string, unknown>> = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const query = `pageSize=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await ok(call('GET', `/api/me/export?${query}`, personId));
    expect(page.items.length).toBeLessThanOrEqual(pageSize);
    items.push(...page.items);
    cursor = page.next;
    if (!cursor) break;
  }
  expect(cursor).toBeUndefined();
  return items;
}

beforeAll(async () => {
  ({ call, services } = await innovationWorld(clock, { files, signIns }));
  // ana is paid a royalty: her Bound account has entries, and the registry log has her record.
  const steps = innovationSteps(() => call);
  const { id, reportId } = await steps.adoptedAndReported();
  recordId = id;
  const decided = await ok(
    call('PUT', `/api/innovations/${id}/reports/${reportId}/decision`, 'ana', { decision: 'confirm' }),
  );
  expect(decided.report.status).toBe('settled');
  // Her profile, skill, CV, learning and credential, memberships and an application with the CV.
  await ok(call('PUT', '/api/me/skills/solar-site-survey', 'ana', { level: 'working' }));
  await ok(call('PUT', '/api/me/cv', 'ana', { pdf: pdf().toString('base64') }));
  credentialId = (await ok(takeQuiz(call, 'ana', courseNamed('double-entry-bookkeeping-basics')))).credentialId;
  await ok(call('POST', '/api/syndicates/mill/join-requests', 'ana'), 201);
  await ok(call('PUT', '/api/syndicates/mill/members/ana', 'admin', { decision: 'approve' }));
  await ok(call('POST', '/api/syndicates', 'ana', syndicateInput('ana-alone')), 201);
  await ok(call('POST', '/api/syndicates', 'ana', syndicateInput('ana-coop')), 201);
  await ok(call('POST', '/api/syndicates/ana-coop/join-requests', 'ben'), 201);
  await ok(call('PUT', '/api/syndicates/ana-coop/members/ben', 'ana', { decision: 'approve' }));
  openingId = (
    await ok(
      call('POST', '/api/syndicates/mill/openings', 'admin', {
        title: 'Miller’s assistant',
        description: 'Run the stones and keep the grain dry, with the work shared at a weekly meeting.',
        skills: [{ skill: 'repair-systematic-fault-finding', level: 'working' }],
        positions: 1,
        hoursPerWeek: 20,
        pay: [{ amount: 2000, currency: 'EUR', per: 'hour' }],
        place: 'Ghent, BE',
        remote: false,
        employmentType: 'CONTRACTOR',
        validThrough: '2026-12-31',
      }),
      201,
    )
  ).id;
  await ok(call('PUT', `/api/openings/${openingId}/status`, 'admin', { status: 'open' }));
  await ok(call('PUT', `/api/openings/${openingId}/applications/me`, 'ana', { note: 'Hello', withCv: true }));
  // A thread (the message sent with a stage change, and one of hers) and an admin's private note on it.
  await ok(
    call('PUT', `/api/openings/${openingId}/applicants/ana/stage`, 'admin', {
      stage: 'shortlisted',
      message: 'Could you come on Tuesday?',
    }),
  );
  await ok(call('POST', `/api/openings/${openingId}/applications/ana/messages`, 'ana', { body: 'Yes, at ten.' }), 201);
  await ok(
    call('POST', `/api/openings/${openingId}/applicants/ana/notes`, 'admin', { body: 'Knows the stones.' }),
    201,
  );
  // Orders on both sides of her own account: one she placed and disputed, in her words, and one of hers
  // that ben ordered.
  await putOffer(services, { id: 'ben-pumps', seller: 'person:ben', title: 'Pump repair', unit: 'job' });
  await putOffer(services, { id: 'ana-books', seller: 'person:ana', title: 'Bookkeeping' });
  boughtId = String((await ok(call('POST', '/api/orders', 'ana', { offerId: 'ben-pumps', quantity: 1 }), 201)).id);
  await ok(call('PUT', `/api/orders/${boughtId}/step`, 'ben', { action: 'accept' }));
  await ok(call('PUT', `/api/orders/${boughtId}/step`, 'ben', { action: 'deliver' }));
  await ok(call('PUT', `/api/orders/${boughtId}/step`, 'ana', { action: 'dispute', reason: disputeReason }));
  soldId = String((await ok(call('POST', '/api/orders', 'ben', { offerId: 'ana-books', quantity: 2 }), 201)).id);
  // A proposal draft of hers, and her vote (with its reason) on a proposal the mill opened after she joined.
  const draft = { kind: 'sense-check', scope: 'syndicate:mill', title: 'Shall we grind on Sundays?', draft: true };
  draftId = String((await ok(call('POST', '/api/proposals', 'ana', draft), 201)).id);
  clock.now = new Date(clock.now.getTime() + 60_000);
  const opened = { kind: 'sense-check', scope: 'syndicate:mill', title: 'Shall we buy a second millstone?' };
  proposalId = String((await ok(call('POST', '/api/proposals', 'admin', opened), 201)).id);
  await ok(call('PUT', `/api/proposals/${proposalId}/votes/me`, 'ana', { choice: 'yes', reason: voteReason }));
  // A notification in her inbox, as the stream consumer stores it.
  const at = new Date().toISOString();
  const eventKey = 'account-data#application-stage-changed#ana';
  await services.notifications.add({
    id: notificationId(at, eventKey),
    personId: 'ana',
    kind: 'application-stage-changed',
    at,
    title: 'You are shortlisted for Miller’s assistant',
    summary: 'You are shortlisted for Miller’s assistant.',
    link: `/jobs/${openingId}/applications/ana/`,
    eventKey,
  });
}, 120_000);

describe('downloading your data', () => {
  it('walks everything held about you, a page at a time, and nothing of anyone else’s', async () => {
    const items = await download('ana', 5);
    const types = new Set(items.map((item) => item.type));
    for (const type of [
      'person',
      'cv',
      'enrollment',
      'attempt',
      'credential',
      'held-skill',
      'membership',
      'application',
      'inventor-link',
      'account',
      'ledger-entry',
      'notification',
    ]) {
      expect(types, type).toContain(type);
    }
    expect(items.filter((item) => item.type === 'person').map((item) => item.id)).toEqual(['ana']);
    const link = items.find((item) => item.type === 'inventor-link');
    expect(link?.record).toMatchObject({ id: recordId });
    expect(new Set(items.map((item) => JSON.stringify(item))).size).toBe(items.length);
  });

  it('holds the orders on both sides of your account, your proposal drafts and your votes, in your words', async () => {
    const items = await download('ana', 7);
    const of = (part: string) => items.filter((item) => item.part === part);
    expect(of('buying')).toEqual([
      expect.objectContaining({ type: 'order', id: boughtId, status: 'disputed', disputeReason }),
    ]);
    expect(of('selling')).toEqual([expect.objectContaining({ type: 'order', id: soldId, buyer: 'person:ben' })]);
    expect(of('drafts')).toEqual([expect.objectContaining({ type: 'proposal', id: draftId, status: 'draft' })]);
    expect(of('votes')).toEqual([
      expect.objectContaining({ type: 'vote', proposalId, personId: 'ana', choice: 'yes', reason: voteReason }),
    ]);
    // The vote's place in her listing is bookkeeping, not something she holds.
    expect(of('votes')[0]).not.toHaveProperty('gsi1pk');
  });

  it('holds the messages of your applications’ threads, both sides, and not the admins’ private notes', async () => {
    // One item a page: the cursor stands between two messages and between two applications.
    const items = await download('ana', 1);
    const thread = items.filter((item) => item.part === 'thread');
    // Both were sent on the test's one clock tick: their order in the thread is their ids'.
    expect(thread.map((item) => [item.type, item.openingId, item.authorId, item.body]).sort()).toEqual([
      ['application-message', openingId, 'admin', 'Could you come on Tuesday?'],
      ['application-message', openingId, 'ana', 'Yes, at ten.'],
    ]);
    expect(JSON.stringify(items)).not.toContain('Knows the stones.');
    expect(items.some((item) => String(item.type).startsWith('application-note'))).toBe(false);
  });

  it('refuses a cursor it did not give out, naming the field', async () => {
    const response = await call('GET', '/api/me/export?cursor=v1.e30', 'ana');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('query.cursor');
  });
});

describe('deleting your account', () => {
  it('refuses the only admin of a syndicate with other members, saying to hand it over, and changes nothing', async () => {
    const response = await call('DELETE', '/api/me', 'ana');
    expect(response.status).toBe(422);
    expect(body(response).detail).toContain('only admin of');
    expect(await services.personData.getDeletion('ana')).toBeNull();
    await ok(call('GET', '/api/me', 'ana'));
  });

  it('removes the person’s data, keeps the ledger at zero-sum and the log verifying, and refuses them after', async () => {
    await ok(call('PUT', '/api/syndicates/ana-coop/members/ben', 'ana', { role: 'admin' }));
    const before = await ledgerSums(services);
    const millBefore = await services.syndicates.get('mill');

    const aboutHerApplication = async () =>
      Promise.all(
        (['thread', 'notes'] as const).map(async (scope) =>
          (await services.personData.pageBelowApplication(openingId, 'ana', { limit: 100 }, scope)).items.map(
            (item) => item.type,
          ),
        ),
      );
    expect(await aboutHerApplication()).toEqual([
      ['application-message', 'application-message', 'application-message-id', 'application-message-id'],
      ['application-note'],
    ]);

    const feedToken = await savedSearchOf('ana');
    expect(await feedLeft(feedToken)).toEqual({ answers: true, stored: true });

    const done = await ok(call('DELETE', '/api/me', 'ana'));
    expect(done).toMatchObject({ status: 'deleted' });
    // Her saved search's feed address, kept outside her partition, went with it: the feed answers 404.
    expect(await feedLeft(feedToken)).toEqual({ answers: false, stored: false });
    // Her application's thread and the admins' notes on it went with the application.
    expect(await aboutHerApplication()).toEqual([[], []]);

    expect(await held('ana', 'own')).toEqual(['account-deletion']);
    expect(await held('ana', 'listed')).toEqual(['inventor-link']);
    expect(await held('ana', 'answers')).toEqual([]);
    expect(await held('ana', 'inbox')).toEqual([]);
    // Her draft is gone; the orders and her vote stay as records others share, without her words.
    expect(await held('ana', 'drafts')).toEqual([]);
    expect((await call('GET', `/api/proposals/${draftId}`, 'ana')).status).not.toBe(200);
    const bought = await ok(call('GET', `/api/orders/${boughtId}`, 'ben'));
    expect(bought).toMatchObject({ id: boughtId, status: 'disputed', buyer: 'person:ana' });
    expect(bought).not.toHaveProperty('disputeReason');
    expect(await ok(call('GET', `/api/orders/${soldId}`, 'ben'))).toMatchObject({ seller: 'person:ana' });
    expect(await held('ana', 'buying')).toEqual(['order']);
    expect(await held('ana', 'selling')).toEqual(['order']);
    const votes = (await services.personData.page('ana', 'votes', { limit: 10 })).items.map((item) => item.data);
    expect(votes).toEqual([expect.objectContaining({ proposalId, choice: 'yes' })]);
    expect(votes[0]).not.toHaveProperty('reason');
    const proposal = await ok(call('GET', `/api/proposals/${proposalId}`, 'admin'));
    expect(proposal.tally).toMatchObject({ yes: 1 });
    expect(JSON.stringify(await ok(call('GET', `/api/proposals/${proposalId}/votes`, 'admin')))).not.toContain(
      voteReason,
    );
    expect(files.keys()).not.toContain(cvFileKey('ana'));
    // Her sign-in account (email, name, password) is forgotten too.
    expect(forgotten).toContain('ana');
    expect((await call('GET', `/api/credentials/${credentialId}`, null)).status).toBe(404);
    expect((await call('GET', `/api/openings/${openingId}/applications/ana/cv`, 'admin')).status).toBe(404);
    const applicants = await ok(call('GET', `/api/openings/${openingId}/applicants`, 'admin'));
    expect(applicants.items).toEqual([]);
    expect((await services.syndicates.get('mill'))?.memberCount).toBe((millBefore?.memberCount ?? 0) - 1);
    expect(await services.syndicates.get('ana-alone')).toMatchObject({ memberCount: 0, adminCount: 0 });
    expect(await services.syndicates.get('ana-coop')).toMatchObject({ memberCount: 1, adminCount: 1 });

    // Her Bound account and entries stay, under her now anonymous id: the balances still sum to zero.
    expect(await held('ana', 'ledger')).toContain('ledger-entry');
    const after = await ledgerSums(services);
    expect(after).toEqual(before);
    expect(after.balances).toBe(0n);
    const { result } = await verifyTable({
      endpoint: localEndpoint(),
      tableName: services.config.TABLE_NAME,
      publicKey: services.logSigner.publicJwk,
    });
    expect(result).toMatchObject({ ok: true });

    const again = await call('GET', '/api/me', 'ana');
    expect(again.status).toBe(403);
    expect(body(again).detail).toContain('This account was deleted');
    // Nor may a token she still holds write anything again: no write remakes an item of hers.
    const rejoin = await call('POST', '/api/syndicates/mill/join-requests', 'ana');
    expect(rejoin.status).toBe(403);
    expect(body(rejoin).detail).toContain('This account was deleted');
    expect((await call('PUT', '/api/me/skills/solar-site-survey', 'ana', { level: 'working' })).status).toBe(403);
    expect(await held('ana', 'listed')).toEqual(['inventor-link']);
    expect(await held('ana', 'own')).toEqual(['account-deletion']);
    expect(await services.people.get('ana')).toBeNull();
  });

  it('answers a second deletion with the first one’s outcome, removing nothing more', async () => {
    expect(await ok(call('DELETE', '/api/me', 'ana'))).toMatchObject({ status: 'deleted', removed: 0 });
  });

  it('finishes after a store fault mid-way when asked again, and refuses sign-in from the first attempt on', async () => {
    await ok(call('PUT', '/api/me/cv', 'member', { pdf: pdf().toString('base64') }));
    await ok(call('PUT', '/api/me/skills/solar-site-survey', 'member', { level: 'working' }));
    const feedToken = await savedSearchOf('member');
    let removals = 0;
    const faulty = {
      ...services.personData,
      async remove(refs: readonly string[]) {
        if (++removals === 1) throw new StoreUnavailableError('The store stopped answering.');
        return services.personData.remove(refs);
      },
    };
    const faultyCall = callerFor(createApi({ ...services, personData: faulty }));
    expect((await faultyCall('DELETE', '/api/me', 'member')).status).toBe(503);
    expect(removals).toBe(1);
    expect(await services.personData.getDeletion('member')).toMatchObject({ status: 'deleting' });
    expect((await call('GET', '/api/me', 'member')).status).toBe(403);

    expect(await ok(call('DELETE', '/api/me', 'member'))).toMatchObject({ status: 'deleted' });
    expect(await held('member', 'own')).toEqual(['account-deletion']);
    expect(await held('member', 'listed')).toEqual([]);
    // The fault struck before the saved search went, so the retry still found its feed address.
    expect(await feedLeft(feedToken)).toEqual({ answers: false, stored: false });
  });

  it('keeps going when the sign-in service does not answer, and forgets the sign-in account when asked again', async () => {
    const unanswered = {
      async forget() {
        throw new StoreUnavailableError('The sign-in service is not answering; try again in a moment.');
      },
    };
    await ok(call('GET', '/api/me', 'learner'));
    const cutOff = callerFor(createApi({ ...services, signIns: unanswered }));
    const first = await cutOff('DELETE', '/api/me', 'learner');
    expect(first.status).toBe(503);
    expect(body(first).detail).toContain('sign-in service');
    expect(await services.personData.getDeletion('learner')).toMatchObject({ status: 'deleting' });
    expect(forgotten).not.toContain('learner');
    expect(await ok(call('DELETE', '/api/me', 'learner'))).toMatchObject({ status: 'deleted' });
    expect(forgotten).toContain('learner');
  });

  it('removes at most a budget of items a call, and goes on where it stopped on the next', async () => {
    await ok(call('GET', '/api/me', 'stranger'));
    await ok(call('PUT', '/api/me/cv', 'stranger', { pdf: pdf().toString('base64') }));
    for (const skill of ['solar-site-survey', 'pv-system-sizing', 'repair-systematic-fault-finding']) {
      await ok(call('PUT', `/api/me/skills/${skill}`, 'stranger', { level: 'working' }));
    }
    const identity = { personId: 'stranger' };
    const first = await deleteAccount(services, identity, 1);
    expect(first).toMatchObject({ status: 'deleting', removed: 1 });
    let last = first;
    for (let calls = 0; last.status !== 'deleted' && calls < 10; calls++)
      last = await deleteAccount(services, identity, 1);
    expect(last.status).toBe('deleted');
    expect(await held('stranger', 'own')).toEqual(['account-deletion']);
  });
});
