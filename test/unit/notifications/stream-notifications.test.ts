// The notification consumer over a batch of stream records: lookups read once a batch, the first
// failing record reported (and nothing after it handled), replays harmless.
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import type { StreamRecord } from '#app/stream-indexer.ts';
import { type NotificationStreamDependencies, notifyStreamRecords } from '#app/stream-notifications.ts';
import { createLogger } from '#platform/log.ts';
import { memoryNotifications } from '../../support/memory-notifications.ts';
import { memoryProposalNotices } from '../../support/memory-proposal-notices.ts';
import { memorySyndicates } from '../../support/memory-syndicates.ts';

const applied = (n: number): StreamRecord => ({
  eventID: `e${n}`,
  eventName: 'INSERT',
  dynamodb: {
    SequenceNumber: String(n),
    ApproximateCreationDateTime: 1_796_000_000 + n,
    NewImage: marshall({
      type: 'application',
      openingId: 'o1',
      syndicateId: 's1',
      personId: `p${n}`,
      status: 'submitted',
    }),
  },
});

function consumer(options: { failAdd?: (personId: string) => boolean } = {}) {
  const reads: string[] = [];
  const counted: string[] = [];
  const store = memoryNotifications();
  const deps: NotificationStreamDependencies = {
    notificationLookups: {
      adminsOf: async (id) => {
        reads.push(`admins ${id}`);
        return ['bram'];
      },
      inventorsOf: async () => [],
      nameOf: async () => {
        reads.push('name');
        return 'Carpenter';
      },
    },
    notifications: {
      ...store,
      add: async (notification) => {
        if (options.failAdd?.(notification.eventKey)) throw new Error('the store is away');
        return store.add(notification);
      },
    },
    proposalNotices: memoryProposalNotices(),
    commons: { courses: new Map() },
    syndicates: memorySyndicates(),
    learning: { findCredentialedSkills: async () => [] },
    openings: { pageApplicationsOf: async () => ({ items: [] }) },
    now: () => new Date('2026-12-06T10:00:00.000Z'),
    log: createLogger('silent'),
    count: (name) => counted.push(name),
  };
  return { deps, reads, counted, store };
}

describe('the notification consumer', () => {
  it('reads a syndicate’s admins and an opening’s name once for a whole batch', async () => {
    const { deps, reads, store, counted } = consumer();
    expect(await notifyStreamRecords(deps, [applied(1), applied(2), applied(3)])).toEqual({ batchItemFailures: [] });
    expect(reads).toEqual(['admins s1', 'name']);
    expect(store.all('bram')).toHaveLength(3);
    expect(counted).toEqual(['notifications', 'notifications', 'notifications']);
    // The time is the record's, from the Lambda event's epoch seconds.
    expect(store.all('bram').at(-1)?.at).toBe(new Date(1_796_000_001 * 1000).toISOString());
  });

  it('reports the first record that fails and handles nothing after it, so the retry starts there', async () => {
    const { deps, store, counted } = consumer({ failAdd: (key) => key.startsWith('e2#') });
    expect(await notifyStreamRecords(deps, [applied(1), applied(2), applied(3)])).toEqual({
      batchItemFailures: [{ itemIdentifier: '2' }],
    });
    expect(store.all('bram').map((n) => n.eventKey)).toEqual(['e1#application-received#bram']);
    expect(counted).toEqual(['notifications', 'notificationFailures']);
  });

  it('reads again in the next batch: nothing is kept between batches', async () => {
    const { deps, reads } = consumer();
    await notifyStreamRecords(deps, [applied(1)]);
    await notifyStreamRecords(deps, [applied(1)]);
    expect(reads).toEqual(['admins s1', 'name', 'admins s1', 'name']);
  });
});
