// The day's shortage snapshot, as the sweep keeps it, goes to the commons' followers from the stream: a
// snapshot item written is a Create of its Document from the Service actor; nothing else is; a failure
// leaves the batch from that record for the retry.
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { publishSnapshotRecords } from '#app/stream-catalogue.ts';
import type { StreamRecord } from '#app/stream-indexer.ts';
import type { OutboxJob } from '#domain/federation/outbox.ts';
import { commons } from '../../support/services.ts';

const origin = 'https://a.example';
const log = { warn: () => {} };
const snapshot = (day: string): StreamRecord => ({
  eventName: 'INSERT',
  dynamodb: {
    SequenceNumber: day,
    NewImage: marshall({
      pk: 'SHORTAGE-SNAPSHOTS',
      sk: `DAY#${day}`,
      type: 'shortage-snapshot',
      day,
      skills: {},
      trades: {},
      members: 4,
      openPositions: 2,
    }),
  },
});

describe('the daily snapshot from the stream', () => {
  it('queues a Create of each snapshot written, and nothing for any other item or a removal', async () => {
    const queued: OutboxJob[] = [];
    const outbox = { enqueue: async (job: OutboxJob) => void queued.push(job) };
    const result = await publishSnapshotRecords({ outbox, commons, origin, log }, [
      snapshot('2026-12-06'),
      { eventName: 'INSERT', dynamodb: { SequenceNumber: 'x', NewImage: marshall({ type: 'syndicate', id: 's1' }) } },
      {
        eventName: 'REMOVE',
        dynamodb: { SequenceNumber: 'y', OldImage: marshall({ type: 'shortage-snapshot', day: '2026-12-01' }) },
      },
    ]);
    expect(result).toEqual({ batchItemFailures: [] });
    expect(queued).toEqual([
      {
        kind: 'commons',
        attempt: 0,
        activity: expect.objectContaining({
          type: 'Create',
          actor: `${origin}/api/federation/actors/_instance`,
          object: expect.objectContaining({
            id: `${origin}/api/federation/shortages/2026-12-06`,
            'guildhall:shortages': expect.objectContaining({ date: '2026-12-06', members: 4, openPositions: 2 }),
          }),
        }),
      },
    ]);
  });

  it('reports the first record it could not queue, and queues nothing where the instance has no outbox', async () => {
    const outbox = {
      enqueue: async () => {
        throw new Error('the queue did not answer');
      },
    };
    expect(
      await publishSnapshotRecords({ outbox, commons, origin, log }, [snapshot('2026-12-05'), snapshot('2026-12-06')]),
    ).toEqual({
      batchItemFailures: [{ itemIdentifier: '2026-12-05' }],
    });
    expect(await publishSnapshotRecords({ outbox: undefined, commons, origin, log }, [snapshot('2026-12-06')])).toEqual(
      {
        batchItemFailures: [],
      },
    );
  });
});
