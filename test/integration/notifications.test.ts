import { afterEach, describe, expect, it } from 'vitest';
import type { StreamRecord } from '#app/stream-indexer.ts';
import { notificationStreamDependencies, notifyStreamRecords } from '#app/stream-notifications.ts';
import { type NotificationMessage, renderMessage } from '#domain/notifications/notification-text.ts';
import { createLogger } from '#platform/log.ts';
import { type StreamPoller, startStreamPoller } from '#local/stream-poller.ts';
import { localEndpoint } from '../support/dynamodb.ts';
import { body, innovationSteps, innovationWorld, type Call } from '../support/innovation-world.ts';
import { reportInput } from '../unit/innovations/fixtures.ts';

let poller: StreamPoller | undefined;
afterEach(() => poller?.stop());

const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const opening = {
  title: 'Bench repairer',
  description: 'Repair kettles, lamps and radios at a shared bench; work and pay are divided at a weekly meeting.',
  skills: [{ skill: 'repair-systematic-fault-finding', level: 'working' }],
  positions: 1,
  hoursPerWeek: 24,
  pay: [{ amount: 3000, currency: 'EUR', per: 'hour' }],
  place: 'Valencia, ES',
  remote: false,
  employmentType: 'CONTRACTOR',
  validThrough: inAMonth,
};

async function setUp() {
  const clock = { now: new Date() };
  const world = await innovationWorld(clock, {}, { streams: true });
  const seen: StreamRecord[] = [];
  const deps = { ...notificationStreamDependencies(world.services), log: createLogger('silent') };
  poller = await startStreamPoller({
    endpoint: localEndpoint(),
    region: 'eu-west-1',
    tableName: world.services.config.TABLE_NAME,
    handler: async (records) => {
      seen.push(...records);
      return notifyStreamRecords(deps, records);
    },
    intervalMs: 50,
    maxAttempts: 2,
  });
  return { ...world, seen, deps };
}

type Item = {
  id: string;
  kind: string;
  title: string;
  summary: string;
  link: string;
  readAt?: string;
  message?: NotificationMessage;
};

async function inbox(call: Call, person: string): Promise<{ items: Item[]; unread: number }> {
  const items: Item[] = [];
  let cursor: string | undefined;
  let unread = 0;
  do {
    const answer = await call(
      'GET',
      `/api/me/notifications?pageSize=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      person,
    );
    expect(answer.status).toBe(200);
    items.push(...body(answer).items);
    unread = body(answer).unread;
    cursor = body(answer).next;
  } while (cursor);
  return { items, unread };
}

const kinds = async (call: Call, person: string) => (await inbox(call, person)).items.map((n) => n.kind).sort();

describe('notifications from the stream', () => {
  it('tells each person concerned exactly once per event, however often the records are replayed', async () => {
    const { call, seen, deps } = await setUp();
    const steps = innovationSteps(() => call);

    // A join request decided.
    await call('POST', '/api/syndicates/mill/join-requests', 'stranger');
    await call('PUT', '/api/syndicates/mill/members/stranger', 'admin', { decision: 'approve' });
    // The hiring loop: an application, a stage change, a message each way through the thread.
    const created = await call('POST', '/api/syndicates/mill/openings', 'admin', opening);
    const openingId = String(body(created).id);
    await call('PUT', `/api/openings/${openingId}/status`, 'admin', { status: 'open' });
    expect(
      (await call('PUT', `/api/openings/${openingId}/applications/me`, 'ana', { note: 'I fix radios.' })).status,
    ).toBe(200);
    expect(
      (await call('PUT', `/api/openings/${openingId}/applicants/ana/stage`, 'admin', { stage: 'shortlisted' })).status,
    ).toBe(200);
    const thread = `/api/openings/${openingId}/applications/ana/messages`;
    for (const author of ['ana', 'admin']) {
      const body = { body: 'Bring your own multimeter on Monday, at the back door of Calle Mayor 3.' };
      expect((await call('POST', thread, author, body)).status).toBe(201);
    }
    // A draft naming a co-inventor; published, adopted, reported, confirmed (which settles it).
    const { id, reportId } = await steps.adoptedAndReported(1001);
    expect(
      (await call('PUT', `/api/innovations/${id}/reports/${reportId}/decision`, 'ana', { decision: 'confirm' })).status,
    ).toBe(200);
    // A second report, disputed.
    const second = await call('POST', `/api/innovations/${id}/adoptions/mill/reports`, 'admin', {
      ...reportInput(200, '2026-11-30'),
      periodFrom: '2026-11-01',
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    const disputed = await call('PUT', `/api/innovations/${id}/reports/${body(second).report.id}/decision`, 'ben', {
      decision: 'dispute',
      reason: 'The hours saved were counted twice.',
    });
    expect(disputed.status, JSON.stringify(disputed.body)).toBe(200);
    await poller?.drain();
    expect(poller?.failures()).toEqual([]);

    const expected = {
      stranger: ['join-request-decided'],
      member: ['join-request-decided', 'value-report-settled'],
      // Reporter of both: told the first was confirmed (then settled, as an implementer) and the second disputed.
      admin: [
        'application-message',
        'application-received',
        'value-report-decided',
        'value-report-decided',
        'value-report-settled',
      ],
      ana: [
        'application-message',
        'application-stage-changed',
        'value-report-awaiting',
        'value-report-awaiting',
        'value-report-decided',
        'value-report-settled',
      ],
      // Told ana confirmed the first; not told of the dispute he made himself.
      ben: [
        'co-inventor-invited',
        'value-report-awaiting',
        'value-report-awaiting',
        'value-report-decided',
        'value-report-settled',
      ],
    };
    const now = async () =>
      Object.fromEntries(await Promise.all(Object.keys(expected).map(async (p) => [p, await kinds(call, p)])));
    expect(await now()).toEqual(expected);

    // Delivered again: the whole stream at once, then in overlapping halves, as a retried batch is.
    expect(seen.length).toBeGreaterThan(20);
    expect(await notifyStreamRecords(deps, seen)).toEqual({ batchItemFailures: [] });
    const half = Math.floor(seen.length / 2);
    await notifyStreamRecords(deps, seen.slice(half - 5));
    await notifyStreamRecords(deps, seen.slice(0, half + 5));
    expect(await now()).toEqual(expected);
    for (const [person, list] of Object.entries(expected)) {
      expect((await inbox(call, person)).unread, person).toBe(list.length);
    }

    // What the applicant reads: the stage and where to act, never the thread's body.
    const ana = (await inbox(call, 'ana')).items;
    const staged = ana.find((n) => n.kind === 'application-stage-changed');
    expect(staged).toMatchObject({
      title: 'You are shortlisted for Bench repairer',
      link: `/jobs/${openingId}/applications/ana/`,
      message: { key: expect.any(String), values: expect.objectContaining({ name: 'Bench repairer' }) },
    });
    // Beside its English, the message a client words in its reader's language, as the inbox page does.
    expect(renderMessage(staged?.message, 'en')).toEqual({ title: staged?.title, summary: staged?.summary });
    expect(renderMessage(staged?.message, 'es')?.title).toMatch(/Bench repairer/);
    expect(renderMessage(staged?.message, 'es')?.title).not.toBe(staged?.title);
    expect(JSON.stringify(ana)).not.toMatch(/multimeter|Calle Mayor/);
    expect(ana.find((n) => n.kind === 'value-report-settled')?.summary).toContain('you received 3.50 Bound');
  }, 90_000);

  it('marks one read, then all, keeping the count exact and never below zero', async () => {
    const { call, seen, deps } = await setUp();
    const steps = innovationSteps(() => call);
    await steps.adoptedAndReported(1001);
    await call('POST', '/api/syndicates/mill/join-requests', 'stranger');
    await call('PUT', '/api/syndicates/mill/members/stranger', 'admin', { decision: 'approve' });
    await poller?.drain();
    const before = await inbox(call, 'ben');
    expect(before.unread).toBe(2);
    const [newest, older] = before.items;
    if (!newest || !older) throw new Error('ben has two notifications');

    const read = await call('PUT', `/api/me/notifications/${older.id}/read`, 'ben');
    expect(body(read)).toEqual({ unread: 1 });
    // Again, as a form sent twice: no change, no error, the count stays.
    expect(body(await call('PUT', `/api/me/notifications/${older.id}/read`, 'ben'))).toEqual({ unread: 1 });
    expect((await inbox(call, 'ben')).items.find((n) => n.id === older.id)?.readAt).toBeDefined();

    expect(body(await call('POST', '/api/me/notifications/read-all', 'ben'))).toEqual({ unread: 0 });
    expect(body(await call('PUT', `/api/me/notifications/${newest.id}/read`, 'ben'))).toEqual({ unread: 0 });
    const after = await inbox(call, 'ben');
    expect(after.unread).toBe(0);
    expect(after.items.every((n) => n.readAt)).toBe(true);
    expect(body(await call('GET', '/api/me/notifications/unread-count', 'ben'))).toEqual({ unread: 0 });

    // A replay after everything was read brings nothing back unread.
    await notifyStreamRecords(deps, seen);
    expect((await inbox(call, 'ben')).unread).toBe(0);
  }, 90_000);

  it('lets nobody read or mark another person’s notifications', async () => {
    const { call } = await setUp();
    await call('POST', '/api/syndicates/mill/join-requests', 'stranger');
    await call('PUT', '/api/syndicates/mill/members/stranger', 'admin', { decision: 'approve' });
    await poller?.drain();
    const [theirs] = (await inbox(call, 'stranger')).items;
    if (!theirs) throw new Error('stranger has a notification');

    // Another person's inbox holds none of theirs, and marking theirs answers as for no such notification.
    expect((await inbox(call, 'ben')).items).toEqual([]);
    const foreign = await call('PUT', `/api/me/notifications/${theirs.id}/read`, 'ben');
    expect(foreign.status).toBe(404);
    expect((await inbox(call, 'stranger')).unread).toBe(1);
    await call('POST', '/api/me/notifications/read-all', 'ben');
    expect((await inbox(call, 'stranger')).unread).toBe(1);
    // The owner's own call succeeds: the refusal was about whose it is.
    expect((await call('PUT', `/api/me/notifications/${theirs.id}/read`, 'stranger')).status).toBe(200);
    expect((await call('GET', '/api/me/notifications', null)).status).toBe(401);
  }, 90_000);
});
