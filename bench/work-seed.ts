// Generated work logs for `npm run bench:scale`, written with BatchWriteItem under the item builder the
// repository uses, so the lists read them as production writes them: one log per person of the jobs
// world (100,000 at full size), half of them the hot person's, all at the hot syndicate, one in a
// hundred still awaiting approval (on the syndicate's awaiting list), the rest approved and paid.
// Every value follows from the log's number, so two runs write the same data.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll } from '#adapters/dynamodb/bulk.ts';
import { workLogItem } from '#adapters/dynamodb/work-log-repository.ts';
import type { WorkLog } from '#domain/work/work-log.ts';
import { jobsHot, openingId, personId } from './jobs-seed.ts';

export const workLogId = (n: number) => `bench-work-${String(n).padStart(7, '0')}`;

function workLog(n: number): WorkLog {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  const awaiting = n % 100 === 1;
  return {
    id: workLogId(n),
    syndicateId: jobsHot.syndicate,
    personId: n % 2 === 0 ? jobsHot.person : personId(n),
    for: { kind: 'position', openingId: openingId(0) },
    date: at.slice(0, 10),
    hours: 1 + (n % 8) / 4,
    service: 'Benchmark work',
    note: `Benchmark work log ${n}`,
    status: awaiting ? 'awaiting' : 'approved',
    createdAt: at,
    ...(awaiting
      ? {}
      : {
          decidedBy: jobsHot.person,
          decidedAt: at,
          hourlyRate: 2000n,
          amount: 2000n,
          paymentId: `work-${workLogId(n)}`,
        }),
  };
}

/** Writes the logs numbered `from` up to `to`; returns how many items it wrote. */
export async function seedWorkLogs(client: DynamoDBDocumentClient, tableName: string, from: number, to: number) {
  const items = [];
  for (let n = from; n < to; n++) items.push({ PutRequest: { Item: workLogItem(workLog(n)) } });
  await batchWriteAll(client, tableName, items);
  return items.length;
}
