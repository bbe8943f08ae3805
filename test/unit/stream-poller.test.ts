// The local stream poller when a shard's iterator dies: DynamoDB Local trims a shard past it under a
// burst of writes, or it expires unused. The poller must read on with a new iterator (it once kept the
// dead one: indexing stopped without a word and `drain()` never returned). The streams client is a fake
// shard that answers as DynamoDB Streams does: no DynamoDB Local here, so the trim happens exactly when
// the test says.
import { DescribeStreamCommand, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { afterEach, describe, expect, it } from 'vitest';
import { startStreamPoller, type StreamPoller } from '#local/stream-poller.ts';
import type { Logger } from '#platform/log.ts';

const shardId = 'shardId-0001';
const named = (name: string) => Object.assign(new Error(name), { name });

/**
 * One shard: records with sequence numbers "1", "2", …; `trim(n)` drops the oldest n, as the emulator
 * does under load; `expire()` makes every iterator handed out so far expired.
 */
function fakeShard() {
  let written = 0;
  let horizon = 0; // how many of the oldest records are trimmed away
  let generation = 0; // iterators made before the last `expire()` carry an older one
  const iteratorRequests: Array<{ type: string | undefined; after: string | undefined }> = [];
  const iteratorAt = (position: number) => `${generation}:${position}`;
  const streams = {
    async send(command: object) {
      if (command instanceof DescribeStreamCommand) return { StreamDescription: { Shards: [{ ShardId: shardId }] } };
      if (command instanceof GetShardIteratorCommand) {
        const { ShardIteratorType: type, SequenceNumber: after } = command.input;
        iteratorRequests.push({ type, after });
        if (type === 'TRIM_HORIZON') return { ShardIterator: iteratorAt(horizon) };
        if (Number(after) < horizon) throw named('TrimmedDataAccessException');
        return { ShardIterator: iteratorAt(Number(after)) };
      }
      if (command instanceof GetRecordsCommand) {
        const [made, position] = (command.input.ShardIterator ?? '').split(':').map(Number);
        if (made !== generation) throw named('ExpiredIteratorException');
        if (position === undefined || position < horizon) throw named('TrimmedDataAccessException');
        const sequences = Array.from({ length: written - position }, (_, i) => String(position + i + 1));
        return {
          Records: sequences.map((sequence) => ({ eventID: sequence, dynamodb: { SequenceNumber: sequence } })),
          NextShardIterator: iteratorAt(written),
        };
      }
      throw new Error(`the fake shard does not answer ${command.constructor.name}`);
    },
    destroy() {},
  };
  const dynamo = {
    send: async () => ({ Table: { LatestStreamArn: 'arn:aws:dynamodb:local:000000000000:table/t/stream/1' } }),
    destroy() {},
  };
  return {
    clients: { dynamo, streams } as never,
    iteratorRequests,
    write(count: number) {
      written += count;
    },
    trim(count: number) {
      horizon += count;
    },
    expire() {
      generation++;
    },
  };
}

function recordingLog() {
  const warnings: Array<{ message: string; fields: Record<string, unknown> | undefined }> = [];
  const log: Logger = {
    debug() {},
    info() {},
    warn: (message, fields) => warnings.push({ message, fields }),
    error() {},
  };
  return { log, warnings };
}

let poller: StreamPoller | undefined;
afterEach(async () => {
  await poller?.stop();
  poller = undefined;
});

/** Starts a poller on `shard`; `afterHandling(sequence)` runs once each record is handled. */
async function poll(shard: ReturnType<typeof fakeShard>, afterHandling: (sequence: string) => void) {
  const handled: string[] = [];
  const { log, warnings } = recordingLog();
  poller = await startStreamPoller({
    endpoint: 'http://fake',
    region: 'eu-west-1',
    tableName: 't',
    intervalMs: 2,
    log,
    clients: shard.clients,
    handler: async (records) => {
      for (const record of records) {
        const sequence = record.dynamodb?.SequenceNumber ?? '';
        handled.push(sequence);
        afterHandling(sequence);
      }
      return { batchItemFailures: [] };
    },
  });
  return { poller, handled, warnings };
}

/**
 * Two records written, a poller started on them, and `afterSecond(shard)` run once the second is handled
 * (the trim or expiry under test); the poller drained (a hang fails the test), with what it handled.
 */
async function drainedAfterSecond(afterSecond: (shard: ReturnType<typeof fakeShard>) => void) {
  const shard = fakeShard();
  shard.write(2);
  const polled = await poll(shard, (sequence) => {
    if (sequence === '2') afterSecond(shard);
  });
  await polled.poller.drain(20_000);
  return { shard, ...polled };
}

describe('the local stream poller when a shard iterator dies', () => {
  it('reads on from the oldest record kept after a trim, says the trimmed records are lost, and drains', async () => {
    const { shard, poller, handled, warnings } = await drainedAfterSecond((shard) => {
      // A burst of writes, and the emulator trims the shard past the poller's iterator: "3" is lost.
      shard.write(3);
      shard.trim(3);
    });
    expect(handled).toEqual(['1', '2', '4', '5']);
    expect(poller.stats()).toMatchObject({ handled: 4, trimmed: 1 });
    expect(warnings).toEqual([
      { message: expect.stringContaining('lost'), fields: expect.objectContaining({ shardId, afterSequence: '2' }) },
    ]);
    expect(shard.iteratorRequests).toEqual([
      { type: 'TRIM_HORIZON', after: undefined },
      { type: 'TRIM_HORIZON', after: undefined },
    ]);
  });

  it('renews an expired iterator after the last record handled, so none is handled twice or skipped', async () => {
    const { shard, poller, handled, warnings } = await drainedAfterSecond((shard) => {
      shard.write(2);
      shard.expire();
    });
    expect(handled).toEqual(['1', '2', '3', '4']);
    expect(shard.iteratorRequests).toEqual([
      { type: 'TRIM_HORIZON', after: undefined },
      { type: 'AFTER_SEQUENCE_NUMBER', after: '2' },
    ]);
    expect(poller.stats()).toMatchObject({ handled: 4, trimmed: 0 });
    expect(warnings).toEqual([]);
  });

  it('reads on from the oldest record kept when an expired iterator was trimmed past too, and says so', async () => {
    const { shard, poller, handled, warnings } = await drainedAfterSecond((shard) => {
      shard.write(3);
      shard.trim(3);
      shard.expire();
    });
    expect(handled).toEqual(['1', '2', '4', '5']);
    expect(shard.iteratorRequests.map((request) => request.type)).toEqual([
      'TRIM_HORIZON',
      'AFTER_SEQUENCE_NUMBER',
      'TRIM_HORIZON',
    ]);
    expect(poller.stats().trimmed).toBe(1);
    expect(warnings).toHaveLength(1);
  });
});
