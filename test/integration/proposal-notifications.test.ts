// A syndicate's proposal tells its members through the stream, on the real store: each member who may
// vote hears it opened (not the proposer, not someone who joined later, not an outsider), those who have
// not voted hear a day before it closes, and every member who could vote hears the result, once, however
// often the records are replayed. Members are read two a record here, so the fan-out runs over pages.
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamRecord } from '#app/stream-indexer.ts';
import { notificationStreamDependencies, notifyStreamRecords } from '#app/stream-notifications.ts';
import { closeDueProposals } from '#domain/decisions/close-proposal.ts';
import { markClosingSoon } from '#domain/decisions/closing-soon.ts';
import type { Notification } from '#domain/notifications/notification.ts';
import { type StreamPoller, startStreamPoller } from '#local/stream-poller.ts';
import { createLogger } from '#platform/log.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { localEndpoint } from '../support/dynamodb.ts';
import { createPeople } from '../support/innovation-world.ts';
import { syndicateInput } from '../unit/innovations/fixtures.ts';

let poller: StreamPoller | undefined;
afterEach(() => poller?.stop());

const clock = { now: new Date('2026-03-01T09:00:00.000Z') };
const later = (ms: number) => {
  clock.now = new Date(clock.now.getTime() + ms);
};
const hour = 3_600_000;
const rateCard = [{ service: 'Roof repair', rate: { amount: 4500, currency: 'BOUND', per: 'hour' }, unpleasant: true }];
const members = ['ada', 'bram', 'carla', 'dev', 'eli'];
const everyone = [...members, 'late', 'outsider'];

async function setUp() {
  const world = await apiOnFreshTable({ now: () => clock.now }, {}, { streams: true });
  const { call, services } = world;
  await createPeople(services, everyone);
  expect((await call('POST', '/api/syndicates', 'bram', syndicateInput('riverside'))).status).toBe(201);
  for (const person of ['ada', 'carla', 'dev', 'eli']) {
    await call('POST', '/api/syndicates/riverside/join-requests', person);
    const approved = await call('PUT', `/api/syndicates/riverside/members/${person}`, 'bram', { decision: 'approve' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  }
  const seen: StreamRecord[] = [];
  const mailed: Notification[] = [];
  const deps = {
    ...notificationStreamDependencies(world.services, async (notification) => {
      mailed.push(notification);
    }),
    log: createLogger('silent'),
    proposalPageSize: 2,
  };
  poller = await startStreamPoller({
    endpoint: localEndpoint(),
    region: 'eu-west-1',
    tableName: services.config.TABLE_NAME,
    handler: async (records) => {
      seen.push(...records);
      return notifyStreamRecords(deps, records);
    },
    intervalMs: 50,
    maxAttempts: 2,
  });
  const settled = async () => {
    await poller?.drain();
    expect(poller?.failures()).toEqual([]);
  };
  /** Each person's proposal notifications, by kind, read from their own inbox. */
  const inboxes = async () =>
    Object.fromEntries(
      await Promise.all(
        everyone.map(async (person) => {
          const answer = await call('GET', '/api/me/notifications?pageSize=50', person);
          expect(answer.status).toBe(200);
          const items = body(answer).items as Notification[];
          return [
            person,
            items
              .filter((n) => n.kind.startsWith('proposal-'))
              .map((n) => n.kind)
              .sort(),
          ];
        }),
      ),
    );
  return { ...world, seen, mailed, deps, settled, inboxes };
}

describe('a syndicate proposal’s notifications', () => {
  it('reach each member who may vote when it opens, a day before it closes if they have not voted, and with the result, once each', async () => {
    const { call, services, seen, mailed, deps, settled, inboxes } = await setUp();
    later(24 * hour);
    const opened = await call('POST', '/api/proposals', 'ada', {
      kind: 'rate-card',
      scope: 'syndicate:riverside',
      title: 'Roof repair rate, unpleasant work at 1.5×',
      change: { rateCard },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const proposal = body(opened);
    // Joins after it opened: no vote on it, and no word of it.
    await call('POST', '/api/syndicates/riverside/join-requests', 'late');
    await call('PUT', '/api/syndicates/riverside/members/late', 'bram', { decision: 'approve' });
    await settled();
    expect(await inboxes()).toEqual({
      ada: [],
      bram: ['proposal-opened'],
      carla: ['proposal-opened'],
      dev: ['proposal-opened'],
      eli: ['proposal-opened'],
      late: [],
      outsider: [],
    });
    const told = await call('GET', '/api/me/notifications?pageSize=5', 'eli');
    expect(body(told).items.find((n: Notification) => n.kind === 'proposal-opened')).toMatchObject({
      title: expect.stringContaining(
        'is voting on Roof repair rate, unpleasant work at 1.5×, until 2026-03-05 09:00 UTC',
      ),
      link: `/decisions/${proposal.id}/`,
    });

    for (const person of ['ada', 'bram', 'carla']) {
      const voted = await call('PUT', `/api/proposals/${proposal.id}/votes/me`, person, { choice: 'yes' });
      expect(voted.status, JSON.stringify(voted.body)).toBe(200);
    }
    // Two days and an hour on: it closes within the day. A second sweep flags nothing again.
    later(49 * hour);
    expect((await markClosingSoon(services)).marked).toBe(1);
    expect((await markClosingSoon(services)).marked).toBe(0);
    await settled();
    const reminded = await inboxes();
    expect({ dev: reminded.dev, eli: reminded.eli, ada: reminded.ada, bram: reminded.bram }).toEqual({
      dev: ['proposal-closing-soon', 'proposal-opened'],
      eli: ['proposal-closing-soon', 'proposal-opened'],
      ada: [],
      bram: ['proposal-opened'],
    });

    later(24 * hour);
    expect((await closeDueProposals(services)).closed).toBe(1);
    await settled();
    const decided = await inboxes();
    expect(decided).toEqual({
      ada: ['proposal-decided'],
      bram: ['proposal-decided', 'proposal-opened'],
      carla: ['proposal-decided', 'proposal-opened'],
      dev: ['proposal-closing-soon', 'proposal-decided', 'proposal-opened'],
      eli: ['proposal-closing-soon', 'proposal-decided', 'proposal-opened'],
      late: [],
      outsider: [],
    });
    const result = (body(await call('GET', '/api/me/notifications?pageSize=9', 'dev')).items as Notification[]).find(
      (n) => n.kind === 'proposal-decided',
    );
    expect(result?.summary).toContain('passed: yes 3, no 0, abstain 0 of 5 who could vote.');
    expect(result?.summary).toContain('The rate card proposed is now the syndicate’s rate card.');

    // Six memberships (late's too) read two a record: each stage went on over two more pages.
    const pages = seen.flatMap((record) => {
      const image = record.dynamodb?.NewImage;
      return image?.type?.S === 'proposal-notice' ? [`${image.stage?.S} ${image.page?.N}`] : [];
    });
    expect(pages.sort()).toEqual([
      'closing-soon 1',
      'closing-soon 2',
      'decided 1',
      'decided 2',
      'opened 1',
      'opened 2',
    ]);

    // Every record delivered again, the notice items' too: nothing new in any inbox or any mailbox.
    const mailedBefore = mailed.length;
    expect(await notifyStreamRecords(deps, seen)).toEqual({ batchItemFailures: [] });
    await settled();
    expect(await inboxes()).toEqual(decided);
    expect(mailed).toHaveLength(mailedBefore);
    // By email too (every kind is on by default): 4 opened, 2 reminded, 5 decided.
    expect(mailed.filter((n) => n.kind.startsWith('proposal-'))).toHaveLength(4 + 2 + 5);
  });
});
