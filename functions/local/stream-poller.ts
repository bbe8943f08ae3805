// DynamoDB Streams on one machine: reads DynamoDB Local's stream for the table and hands each batch
// to the same function the indexer Lambda runs. Failed records are retried with capped backoff, then
// parked in a failure queue (in AWS: the event source's on-failure destination) for a redrive.
// A shard's iterator can die. Unused for 15 minutes it expires: a new one starts after the last record
// handled there. Under a burst of writes DynamoDB Local trims a shard past it (`TrimmedDataAccessException`
// on every read after): a new one starts at the shard's oldest record kept, the records trimmed before
// they were read are lost, and the poller says so (a warning naming the shard; `stats().trimmed`).
// Keeping the dead iterator instead stopped indexing without a word, and `drain()` never saw the stream idle.
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type GetRecordsCommandOutput,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { StreamRecord } from '#app/stream-indexer.ts';
import { backoffDelay } from '#domain/retry.ts';
import { createLogger, type Logger } from '#platform/log.ts';

export type BatchHandler = (
  records: StreamRecord[],
) => Promise<{ batchItemFailures: Array<{ itemIdentifier: string }> }>;

export interface StreamPoller {
  /** Resolves once every record written so far has been handled (or parked). */
  drain(timeoutMs?: number): Promise<void>;
  failures(): StreamRecord[];
  /** Hands every parked record to the handler again; returns how many still fail. */
  redrive(): Promise<number>;
  stop(): Promise<void>;
  /** `trimmed`: how often a shard was read on past records trimmed before they were read (lost). */
  stats(): { handled: number; parked: number; lagMs: number[]; trimmed: number };
}

export interface PollerOptions {
  endpoint: string;
  region: string;
  tableName: string;
  handler: BatchHandler;
  intervalMs?: number;
  maxAttempts?: number;
  /** First retry delay; doubles per attempt, capped at 1 s, with jitter. */
  backoffMs?: number;
  /** Where a trimmed shard is reported; by default a `warn` logger of its own. */
  log?: Logger;
  /** The AWS clients, for a unit test's fakes; by default made for `endpoint`. */
  clients?: { dynamo: DynamoDBClient; streams: DynamoDBStreamsClient };
}

export async function startStreamPoller(options: PollerOptions): Promise<StreamPoller> {
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const { dynamo, streams } = options.clients ?? {
    dynamo: new DynamoDBClient({ endpoint: options.endpoint, region: options.region, credentials }),
    streams: new DynamoDBStreamsClient({ endpoint: options.endpoint, region: options.region, credentials }),
  };
  const log = options.log ?? createLogger('warn', 'stream-poller');
  const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
  dynamo.destroy();
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${options.tableName} has no stream`);

  const iterators = new Map<string, string | undefined>();
  /** The last record's sequence number read from each shard. */
  const lastSequence = new Map<string, string>();
  let trimmed = 0;
  const parked: StreamRecord[] = [];
  const lagMs: number[] = [];
  let handled = 0;
  let stopped = false;
  let idleSince = 0;
  const interval = options.intervalMs ?? 100;
  const maxAttempts = options.maxAttempts ?? 4;
  const backoffMs = options.backoffMs ?? 50;

  async function refreshShards() {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || iterators.has(shard.ShardId)) continue;
      iterators.set(shard.ShardId, await iteratorFor(shard.ShardId));
    }
  }

  /** An iterator for `shardId`: after `sequence` (the last record handled there), or at its oldest record. */
  async function iteratorFor(shardId: string, sequence?: string): Promise<string | undefined> {
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(sequence
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: sequence }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return ShardIterator;
  }

  /** A new iterator for a shard whose iterator died (see the top of the file); other errors are thrown. */
  async function renew(shardId: string, error: unknown) {
    const name = error instanceof Error ? error.name : undefined;
    if (name !== 'ExpiredIteratorException' && name !== 'TrimmedDataAccessException') throw error;
    const sequence = lastSequence.get(shardId);
    if (name === 'ExpiredIteratorException') {
      try {
        iterators.set(shardId, await iteratorFor(shardId, sequence));
        return;
      } catch (again) {
        // The last record handled was trimmed meanwhile too: read on from the oldest one kept.
        if (!(again instanceof Error && again.name === 'TrimmedDataAccessException')) throw again;
      }
    }
    trimmed++;
    log.warn('stream shard trimmed before all its records were read: those records are lost', {
      shardId,
      afterSequence: sequence,
    });
    iterators.set(shardId, await iteratorFor(shardId));
  }

  async function deliver(records: _Record[]) {
    let pending = records as StreamRecord[];
    // Attempts count per failing record: progress past a record starts the count again.
    let attempt = 0;
    while (pending.length > 0) {
      const index = await firstFailure(pending);
      if (index === -1) {
        handled += pending.length;
        return;
      }
      handled += index;
      attempt = index > 0 ? 1 : attempt + 1;
      if (attempt >= maxAttempts) {
        // Park the poison record, carry on with the rest: one bad item must not stall the index.
        const poison = pending[index];
        if (poison) parked.push(poison);
        pending = pending.slice(index + 1);
        attempt = 0;
        continue;
      }
      pending = pending.slice(index);
      // Capped exponential backoff with full jitter (the one policy, domain/retry.ts), as Lambda's
      // event source retries; the attempts, not a time budget, decide when a record is parked.
      await sleep(backoffDelay(attempt, { baseMs: 2 * backoffMs, capMs: 1000 }));
    }
  }

  /**
   * Where the handler failed in the batch, or -1. A handler that throws failed the whole batch, as
   * Lambda's event source treats it: the batch is retried, never skipped (its iterator has moved on).
   */
  async function firstFailure(pending: StreamRecord[]): Promise<number> {
    try {
      const { batchItemFailures } = await options.handler(pending);
      const failed = batchItemFailures[0]?.itemIdentifier;
      return failed === undefined ? -1 : pending.findIndex((r) => r.dynamodb?.SequenceNumber === failed);
    } catch {
      return 0;
    }
  }

  async function pollOnce(): Promise<boolean> {
    await refreshShards();
    let sawRecords = false;
    for (const [shardId, iterator] of iterators) {
      if (!iterator) continue;
      let page: GetRecordsCommandOutput;
      try {
        page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      } catch (error) {
        await renew(shardId, error);
        continue;
      }
      iterators.set(shardId, page.NextShardIterator);
      const records = page.Records ?? [];
      if (records.length === 0) continue;
      const last = records.at(-1)?.dynamodb?.SequenceNumber;
      if (last) lastSequence.set(shardId, last);
      sawRecords = true;
      const now = Date.now();
      for (const record of records) {
        const created = record.dynamodb?.ApproximateCreationDateTime;
        if (created) lagMs.push(now - new Date(created).getTime());
      }
      await deliver(records);
    }
    return sawRecords;
  }

  const loop = (async () => {
    while (!stopped) {
      try {
        const busy = await pollOnce();
        idleSince = busy ? 0 : idleSince || Date.now();
      } catch {
        idleSince = 0;
      }
      if (!stopped) await sleep(interval);
    }
  })();

  return {
    // A guard against a hang, not a speed check (the integration project's test timeout is 60 s).
    async drain(timeoutMs = 50_000) {
      const deadline = Date.now() + timeoutMs;
      idleSince = 0;
      // Idle for two polls in a row means every record written before the call has been read.
      while (!(idleSince && Date.now() - idleSince >= interval * 2)) {
        if (Date.now() > deadline) throw new Error('the stream did not drain in time');
        await sleep(interval / 2);
      }
    },
    failures: () => [...parked],
    async redrive() {
      const records = parked.splice(0);
      for (const record of records) {
        if ((await firstFailure([record])) !== -1) parked.push(record);
        else handled++;
      }
      return parked.length;
    },
    async stop() {
      stopped = true;
      await loop;
      streams.destroy();
    },
    stats: () => ({ handled, parked: parked.length, lagMs: [...lagMs], trimmed }),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
