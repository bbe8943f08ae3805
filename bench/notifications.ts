// `npm run bench:notifications`: the notification producer and the inbox on DynamoDB Local (issue 15,
// "Tests and figures"). The consumer is handed 1,000 stream records, one at a time as a batch of one (so
// each is timed alone), of every kind it notifies: each resolves its recipients (a syndicate's three
// admins among fifty members, an adoption's inventors) and the name it is about, by key, and stores one
// notification per person with its counter. Then the same 1,000 again, as a replayed stream (nothing is
// stored twice). Then `GET /api/me/notifications` through the router, beside the same Query made raw (the
// page and one more) and the route's own Query raw (the counter, the page and one more: one read).
// Targets: p95 under 50 ms per event; the inbox route within 1.5× the raw Query.
//
//   BENCH_EVENTS=1000 BENCH_RUNS=300 npm run bench:notifications
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { prefixValues, startsWith } from '#adapters/dynamodb/key-prefix.ts';
import {
  adoptionKeys,
  inboxOf,
  innovationKeys,
  membershipKeys,
  openingKeys,
  syndicateKeys,
} from '#adapters/dynamodb/keys.ts';
import type { StreamRecord } from '#app/stream-indexer.ts';
import { notificationStreamDependencies, notifyStreamRecords } from '#app/stream-notifications.ts';
import { createLogger } from '#platform/log.ts';
import { benchApi, call, createBenchTable, startBenchStore } from './bench-store.ts';
import { percentile } from './percentile.ts';

const events = Number(process.env.BENCH_EVENTS ?? 1000);
const runs = Number(process.env.BENCH_RUNS ?? 300);
const tableName = 'bench-notifications';
const dynamo = await startBenchStore();
try {
  await createBenchTable(dynamo, tableName);
  const { services, api } = benchApi(dynamo, tableName);
  const client = createDocumentClient({ region: 'eu-west-1', endpoint: dynamo.endpoint, timeoutMs: 60_000 });
  const at = '2026-12-01T09:00:00.000Z';
  const syndicateId = 'bench-syn';
  const openingId = 'bench-opening';
  const innovationId = 'bench-record';
  const admins = ['admin-0', 'admin-1', 'admin-2'];
  const members = Array.from({ length: 47 }, (_, i) => `member-${i}`);
  const inventors = ['inventor-0', 'inventor-1'];
  const world = [
    { ...syndicateKeys(syndicateId, 'Bench Syndicate'), type: 'syndicate', id: syndicateId, name: 'Bench Syndicate' },
    ...[...admins, ...members].map((personId) => ({
      ...membershipKeys(syndicateId, personId),
      type: 'membership',
      syndicateId,
      personId,
      role: personId.startsWith('admin') ? 'admin' : 'member',
      status: 'active',
      requestedAt: at,
    })),
    {
      ...openingKeys({ id: openingId, syndicateId, status: 'open', datePosted: at, createdAt: at }),
      type: 'opening',
      id: openingId,
      syndicateId,
      title: 'Bench repairer',
      status: 'open',
      createdAt: at,
    },
    {
      ...innovationKeys({ id: innovationId, status: 'published', publishedAt: at }),
      type: 'innovation',
      id: innovationId,
      title: 'A two-minute fault triage card',
      status: 'published',
    },
    {
      ...adoptionKeys(innovationId, syndicateId, at),
      type: 'adoption',
      innovationId,
      syndicateId,
      inventors: inventors.map((personId) => ({ personId, basisPoints: 5000 })),
      implementers: [{ personId: 'admin-0', basisPoints: 10_000 }],
    },
  ];
  for (let i = 0; i < world.length; i += 25) {
    await client.send(
      new BatchWriteCommand({
        RequestItems: { [tableName]: world.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }

  // Eight kinds in turn: about 2.6 notifications an event.
  const application = { type: 'application', openingId, syndicateId, status: 'submitted', note: 'Hello' };
  const report = { type: 'value-report', innovationId, syndicateId, reportedBy: 'admin-1', status: 'pending' };
  const change = (i: number): [Record<string, unknown> | undefined, Record<string, unknown>] => {
    const person = `person-${i}`;
    switch (i % 8) {
      case 0:
        return [undefined, { ...application, personId: person }];
      case 1:
        return [
          { ...application, personId: person },
          { ...application, personId: person, status: 'shortlisted', decidedBy: 'admin-0' },
        ];
      case 2:
        return [
          undefined,
          { type: 'application-message', openingId, syndicateId, applicantId: person, authorId: person, body: 'Hi' },
        ];
      case 3:
        return [
          { type: 'membership', syndicateId, personId: person, status: 'requested' },
          { type: 'membership', syndicateId, personId: person, status: 'active' },
        ];
      case 4:
        return [
          undefined,
          {
            type: 'innovation-version',
            innovationId,
            title: 'Draft',
            status: 'draft',
            createdBy: person,
            invited: inventors,
          },
        ];
      case 5:
        return [undefined, { ...report, id: `r${i}` }];
      case 6:
        return [
          { ...report, id: `r${i}` },
          { ...report, id: `r${i}`, status: 'disputed', decidedBy: 'inventor-0' },
        ];
      default:
        return [
          { ...report, id: `r${i}`, status: 'confirmed' },
          {
            ...report,
            id: `r${i}`,
            status: 'settled',
            settlement: {
              inventorParts: inventors.map((personId) => ({ personId, amount: 250 })),
              implementerParts: [{ personId: 'admin-0', amount: 500 }],
            },
          },
        ];
    }
  };
  const recordsOf = (run: string): StreamRecord[] =>
    Array.from({ length: events }, (_, i) => {
      const [oldItem, newItem] = change(i);
      return {
        eventID: `${run}-${i}`,
        eventName: oldItem ? 'MODIFY' : 'INSERT',
        dynamodb: {
          SequenceNumber: String(i).padStart(21, '0'),
          ApproximateCreationDateTime: Date.parse(at) / 1000 + i,
          NewImage: marshall(newItem, { removeUndefinedValues: true }),
          ...(oldItem ? { OldImage: marshall(oldItem) } : {}),
        },
      };
    });
  const records = recordsOf('bench');

  const deps = { ...notificationStreamDependencies(services), log: createLogger('silent') };
  const consume = async (label: string) => {
    const times: number[] = [];
    const byKind = new Map<number, number[]>();
    const started = performance.now();
    for (const [i, record] of records.entries()) {
      const t = performance.now();
      const { batchItemFailures } = await notifyStreamRecords(deps, [record]);
      times.push(performance.now() - t);
      byKind.set(i % 8, [...(byKind.get(i % 8) ?? []), performance.now() - t]);
      if (batchItemFailures.length > 0) throw new Error(`record ${record.eventID} failed`);
    }
    const total = performance.now() - started;
    times.sort((a, b) => a - b);
    if (process.env.BENCH_KINDS) {
      for (const [kind, list] of byKind) {
        list.sort((a, b) => a - b);
        console.log(
          `${label} kind ${kind}: p50 ${percentile(list, 50).toFixed(1)} p95 ${percentile(list, 95).toFixed(1)}`,
        );
      }
    }
    return {
      label,
      events: records.length,
      totalMs: total,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
    };
  };
  const first = await consume('consumer, first delivery');
  const replay = await consume('consumer, replayed (nothing new)');
  // As Lambda hands them over: batches of 100 (new records), each batch's lookups read once.
  const batched = recordsOf('batched');
  const batchStart = performance.now();
  const batchTimes: number[] = [];
  for (let i = 0; i < batched.length; i += 100) {
    const t = performance.now();
    const { batchItemFailures } = await notifyStreamRecords(deps, batched.slice(i, i + 100));
    if (batchItemFailures.length > 0) throw new Error('a batch failed');
    batchTimes.push(performance.now() - t);
  }
  const batchTotal = performance.now() - batchStart;
  const stored = (await services.notifications.page('admin-0', { limit: 1 })).unread;

  // The inbox: admin-0 holds the most notifications (every application, message and report).
  const person = 'admin-0';
  const { pk, prefix } = inboxOf(person);
  const route: number[] = [];
  const raw: number[] = [];
  const routeQuery: number[] = [];
  const query = (condition: string, limit: number) => async (times: number[]) => {
    const t = performance.now();
    await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: `pk = :pk AND ${condition}`,
        ExpressionAttributeValues: { ':pk': pk, ...prefixValues(prefix) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    times.push(performance.now() - t);
  };
  // The page and one more, as any list reads it; and the route's own read: the counter, the page, one more.
  // The same range the repository sends (adapters/dynamodb/key-prefix.ts), so the raw read is like for like.
  const inboxQuery = query(startsWith('sk'), 21);
  const firstPageQuery = query('sk >= :prefix', 22);
  for (let i = 0; i < runs; i++) {
    const answer = await call(api, { path: '/api/me/notifications?pageSize=20', as: person });
    if (answer.status !== 200) throw new Error(`inbox answered ${answer.status}`);
    route.push(answer.ms);
    await inboxQuery(raw);
    await firstPageQuery(routeQuery);
  }
  routeQuery.sort((a, b) => a - b);
  route.sort((a, b) => a - b);
  raw.sort((a, b) => a - b);
  const ms = (n: number) => n.toFixed(1);
  console.log(`\nnotification consumer (DynamoDB Local; ${events} events, each a batch of one)`);
  console.log('| run | events | total s | p50 ms | p95 ms | p99 ms |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of [first, replay]) {
    console.log(
      `| ${r.label} | ${r.events} | ${(r.totalMs / 1000).toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} |`,
    );
  }
  console.log(
    `batches of 100: ${(batchTotal / 1000).toFixed(1)} s for ${batched.length} events, ${ms(batchTotal / batched.length)} ms an event on average, slowest batch ${ms(Math.max(...batchTimes))} ms`,
  );
  console.log(`(${person} holds ${stored} unread: the first delivery's and the batches', none from the replay)`);
  console.log(`\ninbox (${runs} runs, first page of 20 of ${stored})`);
  console.log('| call | p50 ms | p95 ms | p99 ms |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(
    `| GET /api/me/notifications (router) | ${ms(percentile(route, 50))} | ${ms(percentile(route, 95))} | ${ms(percentile(route, 99))} |`,
  );
  console.log(
    `| the same Query, raw | ${ms(percentile(raw, 50))} | ${ms(percentile(raw, 95))} | ${ms(percentile(raw, 99))} |`,
  );
  const row = (label: string, times: number[]) =>
    console.log(
      `| ${label} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 95))} | ${ms(percentile(times, 99))} |`,
    );
  row('the route’s one Query (the counter, the page, one more), raw', routeQuery);
  const ratio = (a: number[], b: number[], p: number) => (percentile(a, p) / percentile(b, p)).toFixed(2);
  console.log(`route / raw Query: p50 ${ratio(route, raw, 50)}×, p95 ${ratio(route, raw, 95)}×`);
  console.log(`route / its own Query raw: p50 ${ratio(route, routeQuery, 50)}×, p95 ${ratio(route, routeQuery, 95)}×`);
  client.destroy();
} finally {
  await dynamo.stop();
}
