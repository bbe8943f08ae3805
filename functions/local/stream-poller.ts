// DynamoDB Streams on one machine: reads DynamoDB Local's stream for the table and hands each batch
// to the same function the indexer Lambda runs. Failed records are retried with capped backoff, then
// parked in a failure queue (in AWS: the event source's on-failure destination) for a redrive.
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { StreamRecord } from '#app/stream-indexer.ts';
import { backoffDelay } from '#domain/retry.ts';

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
  stats(): { handled: number; parked: number; lagMs: number[] };
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
}

export async function startStreamPoller(options: PollerOptions): Promise<StreamPoller> {
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const dynamo = new DynamoDBClient({ endpoint: options.endpoint, region: options.region, credentials });
  const streams = new DynamoDBStreamsClient({ endpoint: options.endpoint, region: options.region, credentials });
  const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
  dynamo.destroy();
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${options.tableName} has no stream`);

  const iterators = new Map<string, string | undefined>();
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
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      iterators.set(shard.ShardId, ShardIterator);
    }
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
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      iterators.set(shardId, page.NextShardIterator);
      const records = page.Records ?? [];
      if (records.length === 0) continue;
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
    stats: () => ({ handled, parked: parked.length, lagMs: [...lagMs] }),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
