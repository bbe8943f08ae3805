// `npm run bench:federation`: one opening fanned out to 1,000 followers' inboxes (issue 20, "Tests and
// figures"), on DynamoDB Local with the table's stream, as the local stack runs it: the write (PUT
// /api/openings/{id}/status, open) answers; the stream poller queues the change in the outbox; the outbox
// reads the followers a page of 100 at a time and queues one delivery per inbox; deliveries run ten at a
// time (as the SQS consumer takes a batch of ten), each signed (draft-cavage, rsa-sha256) and sent
// through the SSRF guard to local listeners (ten servers in a child process, a hundred inboxes each), which answer 202 at
// once and say how long they took. Printed: p50/p95 of our own time per delivery (signing and sending,
// the listener's own time taken off), the fan-out's total time, and the write's latency with no
// followers and with 1,000, with whether it answered before the first delivery arrived.
// Target: p95 per delivery under 50 ms.
//
//   BENCH_FOLLOWERS=1000 BENCH_WRITES=5 npm run bench:federation
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { importActorKeyPair } from '#adapters/activitypub/actor-keys.ts';
import { createDeliverer } from '#adapters/activitypub/deliver.ts';
import { guardedFetch } from '#adapters/activitypub/guarded-fetch.ts';
import { federationPaths } from '#adapters/activitypub/paths.ts';
import { createFollowerRepository } from '#adapters/dynamodb/follower-repository.ts';
import { createInProcessQueue } from '#adapters/queue/in-process-queue.ts';
import { outboxDeps } from '#app/federation-outbox.ts';
import { publishOpeningRecords } from '#app/stream-federation.ts';
import type { DeliveryJob } from '#domain/federation/delivery.ts';
import { isBlockedUrl } from '#domain/federation/instance-block.ts';
import { type OutboxJob, runOutboxJob } from '#domain/federation/outbox.ts';
import type { HttpRequest } from '#http/router.ts';
import { startStreamPoller } from '#local/stream-poller.ts';
import { createLogger } from '#platform/log.ts';
import { benchApi, createBenchTable, startBenchStore } from './bench-store.ts';
import { percentile } from './percentile.ts';

const followerCount = Number(process.env.BENCH_FOLLOWERS ?? 1000);
const writes = Number(process.env.BENCH_WRITES ?? 5);
const listenerCount = 10;
/** Deliveries side by side: an SQS batch of ten, as the delivery function takes them. */
const concurrency = 10;
const tableName = 'bench-federation';
const syndicateId = 'bench-syn';
const admin = 'bench-admin';
const log = createLogger('silent');

/** Local listeners, in a child process (bench/fanout-listeners.ts): each post's activity id and arrival time. */
interface Arrival {
  at: number;
  activity: string;
}
const arrivals: Arrival[] = [];
const listeners = spawn(process.execPath, [join(import.meta.dirname, 'fanout-listeners.ts'), String(listenerCount)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const bases = await new Promise<string[]>((resolve, reject) => {
  const lines = createInterface({ input: listeners.stdout });
  let started = false;
  lines.on('line', (line) => {
    if (!started) {
      started = true;
      resolve(JSON.parse(line) as string[]);
      return;
    }
    const [activity = '', at = '0'] = line.split(' ');
    // Epoch milliseconds in both processes, so arrivals compare with this process's clock.
    arrivals.push({ activity, at: Number(at) });
  });
  listeners.once('exit', (code) => reject(new Error(`the listeners exited (${code})`)));
});
/** Epoch milliseconds, as the listeners stamp arrivals. */
const now = () => performance.timeOrigin + performance.now();

const dynamo = await startBenchStore();
try {
  await createBenchTable(dynamo, tableName);
  const { services, api } = benchApi(dynamo, tableName);
  const origin = services.config.PUBLIC_URL;
  const at = new Date().toISOString();
  await services.syndicates.create(
    {
      id: syndicateId,
      name: 'Bench Syndicate',
      trade: 'construction',
      description: 'A syndicate with a thousand followers.',
      place: 'Rotterdam',
      rateCard: [],
      createdAt: at,
      createdBy: admin,
      memberCount: 1,
      adminCount: 1,
    },
    { syndicateId, personId: admin, role: 'admin', status: 'active', requestedAt: at },
  );
  const request = async (method: HttpRequest['method'], path: string, body?: unknown) => {
    const started = performance.now();
    const response = await api.handle({
      method,
      path,
      rawQuery: '',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      identity: { personId: admin, claimedName: admin },
      requestId: randomUUID(),
    });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${response.body}`);
    return { ms: performance.now() - started, returnedAt: now(), body: JSON.parse(response.body) };
  };
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const draft = async (n: number) =>
    String(
      (
        await request('POST', `/api/syndicates/${syndicateId}/openings`, {
          title: `Bench repairer ${n}`,
          description: 'Repair kettles, lamps and radios at a shared bench; work and pay are divided weekly.',
          skills: [{ skill: 'repair-systematic-fault-finding', level: 'working' }],
          positions: 1,
          hoursPerWeek: 24,
          pay: [{ amount: 3000, currency: 'EUR', per: 'hour' }],
          place: 'Valencia, ES',
          remote: false,
          employmentType: 'CONTRACTOR',
          validThrough: inAMonth,
        })
      ).body.id,
    );

  // The deliverer as the delivery function runs it, timed per delivery; the listener's time taken off.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keys = await importActorKeyPair(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  const ownMs: number[] = [];
  const guarded = guardedFetch({ allowLoopback: true, timeoutMs: 5_000 });
  let listenerMs = 0;
  const deliver = createDeliverer({
    fetch: async (input) => {
      const response = await guarded(input);
      listenerMs = Number(response.headers.get('x-listener-ms') ?? 0);
      return response;
    },
    keys: async () => keys,
    keyIdOf: (signer) => new URL(`${origin}${federationPaths.actor.replace('{identifier}', signer)}#main-key`),
    blocked: (inbox) => isBlockedUrl(services.instanceBlocks, inbox),
  });
  // Ten at a time, as an SQS batch: each delivery's time is its own, not the wait for a free slot.
  const waiting: DeliveryJob[] = [];
  let running = 0;
  let wake: (() => void) | undefined;
  const pump = () => {
    while (running < concurrency && waiting.length > 0) {
      const job = waiting.shift() as DeliveryJob;
      running += 1;
      void (async () => {
        const started = performance.now();
        let own = 0;
        try {
          await deliver(job);
          own = performance.now() - started - listenerMs;
        } finally {
          ownMs.push(own);
          running -= 1;
          pump();
          if (running === 0 && waiting.length === 0) wake?.();
        }
      })();
    }
  };
  const deliveries = {
    enqueue: async (job: DeliveryJob) => {
      waiting.push(job);
      pump();
    },
    idle: () =>
      running === 0 && waiting.length === 0 ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve)),
  };
  const followers = createFollowerRepository(services.storeClient, tableName);
  const outbox = createInProcessQueue<OutboxJob>({
    run: async (job) => void (await runOutboxJob(deps, job)),
    policy: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100 },
    log,
  });
  const deps = outboxDeps({
    origin,
    syndicates: services.syndicates,
    followers,
    instanceBlocks: services.instanceBlocks,
    deliveries,
    outbox,
    commons: () => services.commons,
  });
  const poller = await startStreamPoller({
    endpoint: dynamo.endpoint,
    region: 'eu-west-1',
    tableName,
    handler: (records) => publishOpeningRecords({ outbox, log }, records),
  });
  const settle = async () => {
    await poller.drain(120_000);
    await outbox.idle();
    await deliveries.idle();
  };

  // The write with no followers.
  const alone: number[] = [];
  for (let n = 0; n < writes; n++) {
    const id = await draft(n);
    alone.push((await request('PUT', `/api/openings/${id}/status`, { status: 'open' })).ms);
    await settle();
  }

  for (let n = 0; n < followerCount; n++) {
    const base = bases[n % listenerCount] as string;
    const actorId = `${base}/users/${n}`;
    await followers.save({
      syndicateId,
      actorId,
      inbox: `${actorId}/inbox`,
      followId: `${actorId}/follows/1`,
      followedAt: at,
    });
  }

  // The write with 1,000 followers, each fanned out before the next.
  const followed: number[] = [];
  const totals: number[] = [];
  let answeredFirst = true;
  for (let n = 0; n < writes; n++) {
    const id = await draft(writes + n);
    arrivals.length = 0;
    const write = await request('PUT', `/api/openings/${id}/status`, { status: 'open' });
    followed.push(write.ms);
    await settle();
    // The listeners' lines come through a pipe: wait for the last of them (bounded).
    for (let waited = 0; arrivals.length < followerCount && waited < 100; waited++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const mine = arrivals.filter((arrival) => arrival.activity.includes('/activities/'));
    if (mine.length !== followerCount) throw new Error(`${mine.length} of ${followerCount} inboxes reached`);
    const first = Math.min(...mine.map((arrival) => arrival.at));
    const last = Math.max(...mine.map((arrival) => arrival.at));
    answeredFirst &&= write.returnedAt < first;
    totals.push(last - write.returnedAt);
  }
  await poller.stop();

  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const own = sorted(ownMs);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`fan-out of one opening to ${followerCount} followers (${listenerCount} listeners), ${writes} openings`);
  console.log(
    `  own time per delivery (sign + send, listener excluded), ${own.length} deliveries: p50 ${ms(percentile(own, 50))}, p95 ${ms(percentile(own, 95))}, max ${ms(own.at(-1) ?? Number.NaN)}`,
  );
  console.log(
    `  total, write answered → last inbox reached: median ${ms(percentile(sorted(totals), 50))} (each: ${totals.map((t) => t.toFixed(0)).join(', ')} ms)`,
  );
  console.log(
    `  the write (PUT …/status open): with no followers median ${ms(percentile(sorted(alone), 50))}, with ${followerCount} median ${ms(percentile(sorted(followed), 50))}`,
  );
  console.log(`  every write answered before its first delivery arrived: ${answeredFirst ? 'yes' : 'NO'}`);
  console.log(`  target p95 per delivery < 50 ms: ${percentile(own, 95) < 50 ? 'met' : 'NOT met'}`);
} finally {
  await dynamo.stop();
  listeners.kill();
}
