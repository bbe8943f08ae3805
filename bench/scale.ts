// `npm run bench:scale`: growth must not cost (issue 14). On its own DynamoDB Local and the embedded
// search engine, it builds three worlds, each in a table and a search process of its own: the 1,000
// scale, the same again (the control), and full size: 100,000 openings, 20,000 syndicates, 50,000
// innovation records, 200,000 ledger entries and 100,000 people. Then it times every GET route of the API
// (bench/scale-routes.ts) in all three in the same rounds: each row is called in one world, then at once
// in the next, the first world taking turns. Target: each route's p95 at full size within 1.5× its p95 at
// 1,000. Routes are called through the API's router in this process (no HTTP).
//
// Why three worlds in one run, not one world measured, grown and measured again: the machine is shared,
// and an hour's drift (another job, a slower host) moved every row of the old sequential runs alike, even
// rows that read nothing that grows (/api/courses 0.7 → 1.1 ms in the eleventh session's idle run). Called
// in turn, a minute's load falls on every world's calls alike, so a row's ratio is what the data's size
// costs it. And the control, the same data measured twice, says how far a ratio moves when nothing grew:
// the run prints its spread, and says so when it reaches the target.
//
// The search index is the embedded engine's, in a process of its own (bench/search-process.ts) asked over
// HTTP, as the functions ask Meilisearch in AWS: this process's heap, and the garbage collections that
// pause the routes it times, are the API's alone, not those of an index of 166,321 documents. The routes
// that ask that engine cost more at full size by nature, not by the store: `/api/search`,
// `/api/me/best-matches` and the registry by a skill or words (`/api/innovations, a skill`), whose cost grows
// with the engine's documents (in AWS, Meilisearch's; their store reads stay the same at both sizes). /api/shortages reads
// one aggregate per skill at both sizes, folded by the daily sweep as in production (fold.ts), so each
// holds the same few counters however many days of demand were posted; the log says how many.
//
//   npm run bench:scale -- --scale=0.1     a tenth of full size (or BENCH_SCALE=0.1)
//   BENCH_CONTROL=0                        no control world (the 1k again): a third less time measuring
//   BENCH_RUNS=200                         calls a route in each world, after 10 warm rounds (at most 60 s a route there)
//   BENCH_ROUTES=/api/me/offers,/api/people/{id}   only these rows (and their variants and second pages)
//   BENCH_TRACE=1                          prints each row's store requests in its last round, with their times
//   BENCH_MINOR_GC=0                       no minor collection before each call (below)
//   BENCH_SEARCH_WRITES=0                  no write to the search index before each call of a search row (below)
//   BENCH_SEARCH_KEPT=0                    the search engine keeps no answer: every search a pass over its matches
//
// A live index is written while it is read: before each call of a row that searches, the world's search
// process replaces one of its documents (an edit, untimed), as the stream indexer does when an opening
// changes. The engine corrects the answers it keeps at a write rather than forgetting them
// (functions/adapters/search/embedded/kept-queries.ts), so a search row's call times that corrected answer,
// not a pass over every match (that is what BENCH_SEARCH_KEPT=0 times, and `npm run bench:search-scale`
// prints beside it).
//
// One heap, all routes: this process runs every API function's routes, where AWS gives each function a heap
// of its own, so the garbage one route leaves used to be collected during another's call: a row's slowest
// calls were those a scavenge of the others' garbage fell in (4–6 ms at full size), not its own work. So each
// timed call starts with an empty young generation: `gc({ type: 'minor' })` (`--expose-gc`, which
// `npm run bench:scale` passes) runs before it, outside the timed span, and a call meets a collection here
// only if its own allocation fills the young generation, or the old generation's marking falls in it. What a
// call allocates is measured beside it (the heap before and after, with no collection during it) and printed
// for each row over target at both sizes: a route whose tail is its own allocation growing with the data
// shows it there. `BENCH_MINOR_GC=0` measures as before, every route's garbage in every route's calls.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
import { promisify } from 'node:util';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { tradeOf } from '#app/search-sync.ts';
import type { InnovationRecord, InnovationVersion } from '#domain/innovations/innovation.ts';
import { currentMatches } from '#domain/openings/applicant-match.ts';
import { maxApplicationsPerOpening } from '#domain/openings/opening-repository.ts';
import { innovationDocument, isSearchable, openingDocument, syndicateDocument } from '#domain/search/documents.ts';
import type { SearchDocument } from '#domain/search/search-port.ts';
import { foldDemandIndex } from '#domain/shortages/fold.ts';
import { recordSnapshot } from '#domain/shortages/shortage-use-cases.ts';
import { takeQuizDirectly } from '../test/support/quiz.ts';
import { benchApi, call, createBenchTable, startBenchStore } from './bench-store.ts';
import { createSeeder, hot, pageFill, type Sizes } from './innovations-seed.ts';
import { createJobsSeeder, type JobSizes, jobsHot, openingId, personId } from './jobs-seed.ts';
import { seedWorkLogs, workLogId } from './work-seed.ts';
import { bootstrapRatio, percentile } from './percentile.ts';
import { type Beside, processProbe } from './process-load.ts';
import { startSearchProcess } from './remote-search.ts';
import { type Sample, samples, secondPages } from './scale-routes.ts';
import { createShortageLoader } from './scale-shortages.ts';
import { storeCalls, storeTrace } from './store-calls.ts';
import { emailServices } from '#app/email-services.ts';
import { unsubscribeToken } from '#domain/notifications/unsubscribe.ts';
import { createOffer, createWant } from '#domain/market/market-use-cases.ts';
import { offerInputSchema } from '#domain/market/offer.ts';
import { wantInputSchema } from '#domain/market/want.ts';
import { proposalInputSchema } from '#domain/decisions/proposal.ts';
import { propose } from '#domain/decisions/proposal-use-cases.ts';
import { orderInputSchema } from '#domain/orders/order.ts';
import { placeOrder } from '#domain/orders/order-use-cases.ts';

const scaleArgument = process.argv.find((arg) => arg.startsWith('--scale='))?.slice('--scale='.length);
const scale = Number(scaleArgument ?? process.env.BENCH_SCALE ?? 1);
const runs = Number(process.env.BENCH_RUNS ?? 200);
const warmRounds = 10;
const only = process.env.BENCH_ROUTES?.split(',').filter(Boolean);
const emptyYoung = process.env.BENCH_MINOR_GC !== '0';
const collect = globalThis.gc;
if (emptyYoung && !collect)
  throw new Error('bench:scale runs with --expose-gc (npm run bench:scale), or BENCH_MINOR_GC=0');
/** The forced minor collections before the calls: how many, and the ms they took (outside the timed spans). */
const emptied = { count: 0, ms: 0 };
const emptyYoungGeneration = () => {
  const started = performance.now();
  collect?.({ type: 'minor' });
  emptied.ms += performance.now() - started;
  emptied.count++;
};
const chosen = (label: string) => !only || only.some((route) => label === route || label.startsWith(`${route}, `));
if (!(scale > 0 && scale <= 1) || !(runs >= 5)) throw new Error('--scale must be in (0, 1] and BENCH_RUNS at least 5');
const controlled = process.env.BENCH_CONTROL !== '0';
const startedAll = performance.now();
const log = (message: string) =>
  console.log(`  ${((performance.now() - startedAll) / 1000).toFixed(0).padStart(5)} s  ${message}`);

type Size = { jobs: JobSizes; innovations: Sizes };
const sized = (fraction: number): Size => {
  const n = (full: number) => Math.max(1, Math.round(full * fraction));
  return {
    jobs: { people: n(100_000), syndicates: n(20_000), openings: n(100_000) },
    innovations: { records: n(50_000), ledgerEntries: n(200_000), logEntries: n(200_000), accounts: n(20_000) },
  };
};
// The 1,000 scale: a hundredth of full size (1,000 openings and people), or the full size if smaller.
const large = sized(scale);
const small = sized(Math.min(scale, 0.01));

const benchRequestId = 'bench-request-0';

/**
 * One world: an emulator of its own (a second table on one DynamoDB Local loaded 5× slower than the
 * first: 261 against 1,396 items/s), a search process of its own, the API's services and router over
 * them, and the seeders that grow it to `size`. The worlds share nothing but this process and the
 * machine, as two deployments' routes would share a machine. Each emulator logs its collections (the
 * local stack's does not): their pauses while measuring are printed beside the table.
 */
async function createWorld(name: string, size: Size) {
  const tableName = 'bench-scale';
  const gcLog = resolve(import.meta.dirname, `../.tmp/bench-scale-gc-${name}.log`);
  mkdirSync(resolve(gcLog, '..'), { recursive: true });
  const dynamo = await startBenchStore([`-Xlog:gc:file=${gcLog}::filecount=0`]);
  log(`${name}: DynamoDB Local answers at ${dynamo.endpoint} (pid ${dynamo.process.pid})`);
  const client = createDocumentClient({ region: 'eu-west-1', endpoint: dynamo.endpoint, timeoutMs: 120_000 });
  await createBenchTable(dynamo, tableName);
  const searchProcess = await startSearchProcess();
  const { commons, services, api } = benchApi(dynamo, tableName, searchProcess.index);
  const pendingDocuments: SearchDocument[] = [];
  /** Documents the bench edits in the search index before a search row's call (see the top of the file). */
  const editable: SearchDocument[] = [];
  let edits = 0;
  const innovations = createSeeder(client, tableName, commons, services.logSigner, (items) => {
    // A record and its version are written in the same batch; the document takes both, as the indexer does.
    const records = new Map<string, InnovationRecord>();
    for (const item of items)
      if (item.type === 'innovation') records.set(String(item.id), item as unknown as InnovationRecord);
    for (const item of items) {
      if (item.type !== 'innovation-version') continue;
      const version = item as unknown as InnovationVersion;
      pendingDocuments.push(innovationDocument(version, tradeOf(commons, version), records.get(version.innovationId)));
    }
  });
  const jobs = createJobsSeeder(client, tableName, commons);
  const shortages = createShortageLoader(client, tableName, services);
  const [course = missing('a course in content/')] = commons.courses.values();
  let credentialId = '';

  /** Grows the world to its size, indexes what was written, rebuilds the shortage index; returns items/s. */
  async function grow() {
    const before = { ...jobs.written, ...innovations.written };
    let started = performance.now();
    await innovations.grow(size.innovations);
    const innovationSeconds = (performance.now() - started) / 1000;
    const written = await jobs.grow(size.jobs);
    const now = services.now();
    for (const s of written.syndicates) pendingDocuments.push(syndicateDocument(s));
    for (const o of written.openings.filter(isSearchable)) {
      pendingDocuments.push(openingDocument(o, jobs.syndicateOf(o.syndicateId), now));
    }
    // Applications through the repository, which keeps each opening's count beside them: one person in a
    // hundred applies to the hot opening, up to the most an opening takes; the hot person to one opening
    // in five hundred, and to each of the first `pageFill` openings, so that /api/me/applications reads a
    // full page at 1k too (4 items read at 1k against 41 at full was only its first page filling up).
    const applications: Array<{ openingId: string; personId: string }> = [];
    for (let n = before.people; n < size.jobs.people; n++) {
      if (n % 100 === 50 && (n - 50) / 100 < maxApplicationsPerOpening) {
        applications.push({ openingId: jobsHot.opening, personId: personId(n) });
      }
    }
    for (let n = before.openings; n < size.jobs.openings; n++) {
      if (n % 500 === 5 || (n >= 1 && n <= pageFill)) {
        applications.push({ openingId: openingId(n), personId: jobsHot.person });
      }
    }
    const opened = new Map(written.openings.map((o) => [o.id, o]));
    for (let i = 0; i < applications.length; i += 8) {
      await Promise.all(
        applications.slice(i, i + 8).map(async (application, j) => {
          const opening = opened.get(application.openingId) ?? (await services.openings.get(application.openingId));
          const at = new Date(Date.UTC(2026, 5, 1) + (i + j) * 1000).toISOString();
          // Scored as applying scores it, so the ranked list holds it (applicant-match.ts).
          const scored = opening && (await currentMatches(services, opening, [application.personId], at));
          await services.openings.createApplication({
            match: scored ? scored.get(application.personId)?.match : undefined,
            ...application,
            syndicateId: opening?.syndicateId ?? jobsHot.syndicate,
            note: 'Benchmark application',
            status: 'submitted',
            createdAt: at,
            updatedAt: at,
          });
        }),
      );
    }
    // Work logs, one per person of the jobs world: half the hot person's, one in a hundred awaiting approval.
    const workLogs = await seedWorkLogs(client, tableName, before.people, size.jobs.people);
    const seconds = (performance.now() - started) / 1000;
    // One payment request the hot person sent the hot syndicate, for GET /api/payment-requests/{requestId}.
    if (!(await services.payments.getRequest(benchRequestId))) {
      await services.payments.createRequest({
        id: benchRequestId,
        payer: `syndicate:${jobsHot.syndicate}`,
        payee: `person:${jobsHot.person}`,
        amount: 1250n,
        memo: 'Benchmark request',
        requestedBy: jobsHot.person,
        createdAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
        status: 'open',
      });
    }
    // The hot person's learning, through the use cases, once: a course passed, so a credential to download.
    if (!credentialId) {
      const outcome = await takeQuizDirectly(
        services,
        { personId: jobsHot.person, claimedName: 'Bench person' },
        course,
      );
      credentialId = outcome.credentialId ?? '';
    }
    const items =
      2 * (size.innovations.records - before.records) +
      (size.innovations.ledgerEntries - before.ledgerEntries) +
      (size.innovations.logEntries - before.logEntries) +
      written.items.length +
      applications.length +
      workLogs;
    log(
      `${name}: wrote ~${items.toLocaleString('en')} items in ${seconds.toFixed(0)} s (innovations, ledger and log ${innovationSeconds.toFixed(0)} s): ${Math.round(items / seconds)} items/s`,
    );

    started = performance.now();
    const documents = pendingDocuments.splice(0);
    // Every kind of document, spread over the world: an edit lands among a search's hits as often as it would.
    const stride = Math.max(1, Math.ceil(documents.length / 500));
    editable.push(...documents.filter((_, i) => i % stride === 0));
    for (let i = 0; i < documents.length; i += 1000) await services.search.upsert(documents.slice(i, i + 1000));
    log(
      `${name}: indexed ${documents.length.toLocaleString('en')} search documents in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    started = performance.now();
    shortages.add(written.items);
    const shortageIndex = await shortages.write([
      { kind: 'person', personId: jobsHot.person },
      { kind: 'enrollment', personId: jobsHot.person, courseId: course.id },
    ]);
    // As the daily sweep leaves it: each skill's demand days folded into one faded sum (fold.ts), so the
    // aggregates /api/shortages reads hold the same counters at both sizes, however many days were posted.
    const unfolded = counters(await services.shortages.listAggregates());
    const fold = await foldDemandIndex(services);
    await recordSnapshot(services);
    log(
      `${name}: shortage index built from ${shortageIndex.sources.toLocaleString('en')} sources (${shortageIndex.written.toLocaleString('en')} items written) in ${((performance.now() - started) / 1000).toFixed(0)} s; the daily fold took ${fold.folded} skills' aggregates from ${unfolded} to ${counters(await services.shortages.listAggregates())}`,
    );
    // Nothing is written after this: the loader's copy of the index is the generator's, not the API's.
    shortages.forget();
    return { items, seconds };
  }

  /**
   * One offer and one want of the hot person's, an order of the offer and a proposal, for the routes by
   * id of the marketplace, orders and decisions (made once per world).
   */
  async function marketSamples() {
    const identity = { personId: jobsHot.person };
    const listing = {
      title: 'Benchmark stud walls',
      description: 'Stud walls framed by the metre.',
      kind: 'service',
      trade: 'construction',
      place: 'Rotterdam, NL',
      unit: 'job',
    };
    const [{ offer }, { want }] = await Promise.all([
      createOffer(services, identity, offerInputSchema().parse({ ...listing, price: 40_000 })),
      createWant(services, identity, wantInputSchema().parse({ ...listing, hours: 8 })),
    ]);
    // An order of that offer by the first applicant (the hot person, its seller, reads it), and a commons
    // proposal the hot person opens, for the routes by order and by proposal.
    const [order, proposal] = await Promise.all([
      placeOrder(services, { personId: personId(50) }, orderInputSchema().parse({ offerId: offer.id, quantity: 1 })),
      propose(
        services,
        identity,
        proposalInputSchema().parse({ kind: 'sense-check', scope: 'commons', title: 'Benchmark: meet monthly?' }),
      ),
    ]);
    return { offerId: offer.id, wantId: want.id, orderId: order.id, proposalId: proposal.id };
  }

  /** Every GET route's sample in this world, and the second pages its lists give cursors for. */
  async function routes(): Promise<Sample[]> {
    const list = samples(
      {
        courseId: course.id,
        lessonId: course.lessons[0]?.id ?? missing('a lesson in the first course'),
        credentialId,
        syndicateId: jobsHot.syndicate,
        // /api/federation/actors/{identifier}: the hot syndicate as its ActivityPub Group.
        identifier: jobsHot.syndicate,
        openingId: jobsHot.opening,
        innovationId: hot.record,
        // /api/people/{id}: a person's public profile.
        id: jobsHot.person,
        // The applicant routes: the first person who applied to the hot opening (seeded in `grow`).
        personId: personId(50),
        requestId: benchRequestId,
        // /api/work-logs/{workLogId}: the hot person's first log (bench/work-seed.ts).
        workLogId: workLogId(0),
        version: '1',
        // Practical work's routes (issue 18): a task of a practical course and a photo id; with no practical
        // work in the generated data they time the reads of the assessment, the syndicate and the refusal.
        taskId: [...commons.courses.values()].find((c) => c.practical.length > 0)?.practical[0]?.id ?? '',
        imageId: 'bench-photo',
        // The catalogue's federated Documents (issue 20): the first course, and the newest snapshot.
        slug: course.id,
        date: 'latest',
        skill: [...commons.skills.keys()][0] ?? '',
        // /api/paths/{pathId}: a path whose skills generated openings ask for (they ask any skill but one).
        pathId: 'carpenter',
        ...(await marketSamples()),
        // /api/unsubscribe/{token}: a link from one of the hot person's emails (the GET redirects to its page).
        token: unsubscribeToken(emailServices(services).emailLinkKey, {
          personId: jobsHot.person,
          kind: 'application-message',
        }),
      },
      jobsHot.person,
    );
    const kept = list.filter((sample) => chosen(sample.label));
    return [...kept, ...(await secondPages(api, kept))];
  }

  return {
    name,
    size,
    api,
    searchProcess,
    /** Replaces one indexed document with itself, edited, as the stream indexer does after a change. */
    async edit() {
      const document = editable[edits % editable.length];
      edits++;
      if (!document) return;
      const updatedAt = new Date(Date.parse(document.updatedAt) + edits * 1000).toISOString();
      await searchProcess.index.upsert([{ ...document, updatedAt }]);
    },
    dynamo,
    gcLog,
    grow,
    routes,
    async stop() {
      client.destroy();
      searchProcess.stop();
      await dynamo.stop();
    },
  };
}
type World = Awaited<ReturnType<typeof createWorld>>;

const worlds: World[] = [];
let probe: ReturnType<typeof processProbe>;

/** How many counters the shortage aggregates hold, and the most one holds: what /api/shortages reads. */
function counters(aggregates: Array<{ tally: Record<string, number> }>) {
  const each = aggregates.map((a) => Object.keys(a.tally).length);
  return `${each.reduce((a, b) => a + b, 0).toLocaleString('en')} counters (at most ${Math.max(0, ...each)} in one)`;
}

/** The rows whose answer the search engine gives (their store reads only fill in what it found). */
const searching = ['/api/search', '/api/me/best-matches', '/api/innovations, a skill', '/api/innovations, words'];
const searchWrites = process.env.BENCH_SEARCH_WRITES !== '0';

type Figures = {
  p50: number;
  p95: number;
  /** p95 of the odd and of the even calls: how far p95 moves on the same row, same size, same run. */
  halves: [number, number];
  status: number;
  n: number;
  requests: number;
  items: number;
  /** What ran beside the calls at or over p95 (the tail), and beside the others, on average. */
  tail: Beside;
  rest: Beside;
  /** p95 of the calls whose thread and the JVM's waited under 1 ms for a core and met no collection here, and how many. */
  quiet: { p95: number; n: number };
  /** Every call's ms, in the order they ran (for the bootstrap interval of a row's p95 ratio). */
  times: number[];
  /** What a call allocated, KB, on average over the `n` calls no collection here overlapped; `met` calls one did. */
  heap: { kb: number; n: number; met: number };
};

const mean = (list: readonly Beside[]): Beside => {
  const n = Math.max(1, list.length);
  const sum = (key: keyof Beside) => list.reduce((total, b) => total + b[key], 0) / n;
  return {
    jvmMs: sum('jvmMs'),
    gcMs: sum('gcMs'),
    searchMs: sum('searchMs'),
    ownWaitMs: sum('ownWaitMs'),
    jvmWaitMs: sum('jvmWaitMs'),
    ownGcMs: sum('ownGcMs'),
    runnable: sum('runnable'),
    heapKb: sum('heapKb'),
  };
};

/** The emulators' collections logged since `offsets` of their GC logs: how many, their pauses in ms. */
function gcPausesSince(offsets: readonly number[]) {
  const pauses = worlds.flatMap((world, i) => {
    let text = '';
    try {
      text = readFileSync(world.gcLog, 'utf8').slice(offsets[i] ?? 0);
    } catch {
      return [];
    }
    return [...text.matchAll(/Pause[^\n]* ([\d.]+)ms/g)].map((m) => Number(m[1]));
  });
  return { count: pauses.length, total: pauses.reduce((a, b) => a + b, 0), longest: Math.max(0, ...pauses) };
}
const gcLogSizes = () =>
  worlds.map((world) => {
    try {
      return statSync(world.gcLog).size;
    } catch {
      return 0;
    }
  });

/**
 * Steady state before measuring: the JVMs collect (jcmd GC.run), the search processes and this one too,
 * then a bounded wait (60 s) until the JVMs and the search processes use under 2% of a core each for two
 * seconds running, so what loading left behind (promotions, the engine's post-load work) is not measured.
 */
async function settle() {
  const started = performance.now();
  const collected = (
    await Promise.all(
      worlds.map((world) =>
        promisify(execFile)('jcmd', [String(world.dynamo.process.pid), 'GC.run']).then(
          () => 'collected (jcmd GC.run)',
          (error: Error) => `not collected (jcmd: ${error.message.split('\n')[0]})`,
        ),
      ),
    )
  ).join(', ');
  await Promise.all(worlds.map((world) => world.searchProcess.heapMb()));
  globalThis.gc?.();
  let quiet = 0;
  let last = { jvmMs: 0, searchMs: 0 };
  while (quiet < 2 && performance.now() - started < 60_000) {
    last = await probe.busyOver(1000);
    // 2% of a core for each world's emulator and search process.
    quiet = last.jvmMs + last.searchMs < 20 * worlds.length ? quiet + 1 : 0;
  }
  log(
    `settled in ${((performance.now() - started) / 1000).toFixed(1)} s: the JVMs ${collected}; over the last second the JVMs used ${last.jvmMs.toFixed(0)} ms of CPU, the search processes ${last.searchMs.toFixed(0)} ms${quiet < 2 ? ' (not idle after 60 s: measured anyway)' : ''}; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
  );
}

/** Garbage collection in this process (the API; the search engine is in its own) while measuring. */
const pauses: number[] = [];
const pauseSpans: Array<[number, number]> = [];
/** The collections here while measuring, by kind (minor, major, incremental marking, weak callbacks). */
const pauseKinds = new Map<string, { count: number; ms: number }>();
const gcKinds: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const { detail } = entry as unknown as { detail?: { kind?: number; flags?: number } };
    // The minor collections this bench forces before each call are counted in `emptied`, not here.
    if ((detail?.flags ?? 0) & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) continue;
    pauses.push(entry.duration);
    pauseSpans.push([entry.startTime, entry.startTime + entry.duration]);
    const kind = gcKinds[detail?.kind ?? 0] ?? `kind ${detail?.kind}`;
    const sofar = pauseKinds.get(kind) ?? { count: 0, ms: 0 };
    pauseKinds.set(kind, { count: sofar.count + 1, ms: sofar.ms + entry.duration });
  }
}).observe({ entryTypes: ['gc'] });

/**
 * Every sample of every world, in rounds: warm rounds, then `runs` rounds. In a round each row is called
 * once in each world, one right after another, the first world taking turns from row to row and round to
 * round, so whatever else the machine does that minute falls on every world's calls alike: a row's ratio
 * between worlds is its own growth, not the hour it ran in. A row is dropped in a world once it used 60 s
 * there.
 */
async function measure(lists: Array<{ world: World; list: Sample[] }>): Promise<Map<string, Map<string, Figures>>> {
  // Warm rounds, discarded: the first calls would otherwise pay for the JIT of every process.
  for (let round = 0; round < warmRounds; round++)
    for (const { world, list } of lists) for (const sample of list) await call(world.api, sample);
  await settle();
  const gcOffset = gcLogSizes();
  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  pauses.length = 0;
  pauseSpans.length = 0;
  pauseKinds.clear();
  Object.assign(emptied, { count: 0, ms: 0 });
  const spans: Array<{ span: [number, number]; beside: Beside }> = [];
  const key = (world: World, label: string) => `${world.name}|${label}`;
  const keys = lists.flatMap(({ world, list }) => list.map((s) => key(world, s.label)));
  const times = new Map<string, number[]>(keys.map((k) => [k, []]));
  const besides = new Map<string, Beside[]>(keys.map((k) => [k, []]));
  const spent = new Map<string, number>();
  const status = new Map<string, number>();
  const reads = new Map<string, { requests: number; items: number }>();
  // Rows in the order the largest world lists them; a world without a row (a second page its data has
  // not got) skips it.
  const labels = [...new Set(lists.toReversed().flatMap(({ list }) => list.map((s) => s.label)))];
  const byLabel = lists.map(({ world, list }) => ({ world, samples: new Map(list.map((s) => [s.label, s])) }));
  for (let round = 0; round < runs; round++) {
    for (const [row, label] of labels.entries()) {
      const turn = (round + row) % byLabel.length;
      for (const { world, samples: worldSamples } of [...byLabel.slice(turn), ...byLabel.slice(0, turn)]) {
        const sample = worldSamples.get(label);
        if (!sample) continue;
        const k = key(world, label);
        const mine = times.get(k) ?? [];
        if (mine.length >= 5 && (spent.get(k) ?? 0) > 60_000) continue;
        if (searchWrites && searching.some((prefix) => label.startsWith(prefix))) await world.edit();
        Object.assign(storeCalls, { requests: 0, items: 0 });
        storeTrace.length = 0;
        const { result, beside, span } = await probe.around(
          () => call(world.api, sample),
          emptyYoung ? emptyYoungGeneration : undefined,
        );
        besides.get(k)?.push(beside);
        spans.push({ span, beside });
        if (round === runs - 1 && storeTrace.length > 0)
          console.log(`${world.name}: ${label}\n  ${storeTrace.join('\n  ')}`);
        reads.set(k, { ...storeCalls });
        mine.push(result.ms);
        spent.set(k, (spent.get(k) ?? 0) + result.ms);
        status.set(k, result.status);
      }
    }
  }
  await new Promise((resolveTick) => setImmediate(resolveTick));
  // This process's collections, onto the calls they overlapped (both lists run in time order).
  let first = 0;
  for (const [from, to] of pauseSpans) {
    while (first < spans.length && (spans[first]?.span[1] ?? 0) <= from) first++;
    for (let i = first; i < spans.length; i++) {
      const call = spans[i];
      if (!call || call.span[0] >= to) break;
      const overlap = Math.min(to, call.span[1]) - Math.max(from, call.span[0]);
      if (overlap > 0) call.beside.ownGcMs += overlap;
    }
  }
  const total = pauses.reduce((sum, ms) => sum + ms, 0);
  log(
    `heap ${heap.toFixed(0)} MB after a collection (the search processes' ${(await Promise.all(worlds.map(async (w) => `${w.name} ${(await w.searchProcess.heapMb()).toFixed(0)}`))).join(', ')} MB); ${pauses.length} collections here while measuring, ${total.toFixed(0)} ms in all, the longest ${Math.max(0, ...pauses).toFixed(0)} ms`,
  );
  const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  log(
    `  by kind: ${[...pauseKinds].map(([kind, k]) => `${k.count} ${kind} (${k.ms.toFixed(0)} ms)`).join(', ') || 'none'}; young generation ${((young?.space_size ?? 0) / 2 ** 20).toFixed(0)} MB; ${emptyYoung ? `before each call a minor collection, ${emptied.count} of them, ${emptied.ms.toFixed(0)} ms in all (${(emptied.ms / Math.max(1, emptied.count)).toFixed(2)} ms each, outside the timed spans)` : 'no collection forced before the calls (BENCH_MINOR_GC=0)'}`,
  );
  const jvm = gcPausesSince(gcOffset);
  log(
    `the emulators' JVMs paused ${jvm.count} times for their collectors while measuring, ${jvm.total.toFixed(0)} ms in all, the longest ${jvm.longest.toFixed(1)} ms; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
  );
  const figures = new Map<string, Map<string, Figures>>(lists.map(({ world }) => [world.name, new Map()]));
  const sorted = (list: readonly number[]) => [...list].sort((a, b) => a - b);
  for (const [k, inOrder] of times) {
    const [name = '', label = ''] = k.split(/\|(.*)/s);
    const values = sorted(inOrder);
    const p95 = percentile(values, 95);
    const beside = besides.get(k) ?? [];
    figures.get(name)?.set(label, {
      p50: percentile(values, 50),
      p95,
      halves: sorted([
        percentile(sorted(inOrder.filter((_, i) => i % 2 === 0)), 95),
        percentile(sorted(inOrder.filter((_, i) => i % 2 === 1)), 95),
      ]) as [number, number],
      quiet: (() => {
        const quiet = (b: Beside | undefined) => !!b && b.ownWaitMs + b.jvmWaitMs < 1 && b.ownGcMs === 0;
        const kept = sorted(inOrder.filter((_, i) => quiet(beside[i])));
        return { p95: percentile(kept, 95), n: kept.length };
      })(),
      heap: (() => {
        const clean = beside.filter((b) => b.ownGcMs === 0);
        return { kb: mean(clean).heapKb, n: clean.length, met: beside.length - clean.length };
      })(),
      tail: mean(beside.filter((_, i) => (inOrder[i] ?? 0) >= p95)),
      rest: mean(beside.filter((_, i) => (inOrder[i] ?? 0) < p95)),
      status: status.get(k) ?? 0,
      n: values.length,
      times: inOrder,
      ...(reads.get(k) ?? { requests: 0, items: 0 }),
    });
  }
  return figures;
}

try {
  // The worlds: the 1,000 scale, the same again (the control: what the same data measures twice by
  // chance and by the machine), and full size.
  worlds.push(await createWorld('1k', small));
  if (controlled) worlds.push(await createWorld('1k-again', small));
  worlds.push(await createWorld('full', large));
  probe = processProbe(
    worlds.map((world) => world.dynamo.process.pid ?? 0),
    worlds.map((world) => world.searchProcess.pid),
  );
  if (!probe.vmThreadFound) log('the JVM has no "VM Thread" to sample: its collections are not told apart');
  let load = { items: 0, seconds: 0 };
  for (const world of worlds) {
    log(`loading ${world.name} (${describe(world.size)})`);
    load = await world.grow();
  }
  const sampled = new Map<string, Sample[]>();
  for (const world of worlds) sampled.set(world.name, await world.routes());
  // The hot person's best matches weigh a window of the newest matching openings: full in every world,
  // or the row compares a window filling up (bench/jobs-seed.ts, `person`).
  const windows = await Promise.all(
    worlds.map(async (world) => {
      const { body } = await call(world.api, { path: '/api/me/best-matches?pageSize=20', as: jobsHot.person });
      const { total, windowFull } = JSON.parse(String(body)) as { total: number; windowFull: boolean };
      return `${world.name} ${total}${windowFull ? ' (more matched)' : ''}`;
    }),
  );
  log(`the hot person's best matches weigh ${windows.join(', ')} openings`);
  log(
    `measuring ${sampled.get('full')?.length} reads in ${worlds.length} worlds, ${runs} calls each, a call of each world in turn`,
  );
  const figures = await measure(worlds.map((world) => ({ world, list: sampled.get(world.name) ?? [] })));
  log('done');
  const [before, control, after] = ['1k', '1k-again', 'full'].map((name) => figures.get(name));
  printTable(before ?? new Map(), after ?? new Map(), control, load);
  // Every row's figures in each world, for a closer look than the table's (allocation, what ran beside).
  const figuresFile = resolve(import.meta.dirname, '../.tmp/bench-scale-figures.json');
  writeFileSync(
    figuresFile,
    JSON.stringify(Object.fromEntries([...figures].map(([name, rows]) => [name, Object.fromEntries(rows)]))),
  );
  console.log(`Each row's figures: ${figuresFile}`);
} finally {
  for (const world of worlds) await world.stop();
}

function missing(what: string): never {
  throw new Error(`bench:scale needs ${what}`);
}

function describe(size: Size): string {
  const f = (n: number) => n.toLocaleString('en');
  return `${f(size.jobs.openings)} openings, ${f(size.jobs.syndicates)} syndicates, ${f(size.innovations.records)} innovation records, ${f(size.innovations.ledgerEntries)} ledger entries, ${f(size.innovations.logEntries)} log entries, ${f(size.jobs.people)} people`;
}

function printTable(
  before: Map<string, Figures>,
  after: Map<string, Figures>,
  control: Map<string, Figures> | undefined,
  load: { items: number; seconds: number },
) {
  const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(1)} ms`);
  const labels = [...new Set([...before.keys(), ...after.keys()])];
  let failed = 0;
  /** Each row's p95 ratio between the two 1k worlds: what a ratio is when nothing grew. */
  const twice: number[] = [];
  console.log(`\nNode ${process.versions.node}, scale ${scale}: ${describe(large)}`);
  console.log(
    `| route | p50 / p95 (p95 of each half) at 1k | p50 / p95 (halves) at full | p95 ratio | target ≤ 1.5× | p50 ratio | ${control ? 'control: p95 ratio of the same 1k twice | ' : ''}store requests / items read at 1k → full | status |`,
  );
  console.log(`|---|---|---|---|---|---|${control ? '---|' : ''}---|---|`);
  for (const label of labels) {
    const a = before.get(label);
    const b = after.get(label);
    const ratio = a && b ? b.p95 / a.p95 : Number.NaN;
    const pass = Number.isNaN(ratio) ? '—' : ratio <= 1.5 ? 'pass' : 'FAIL';
    if (pass === 'FAIL') failed++;
    const cell = (f?: Figures) =>
      f
        ? `${ms(f.p50)} / ${ms(f.p95)} (${f.halves.map((h) => h.toFixed(1)).join('–')})${f.n < runs ? ` (n=${f.n})` : ''}`
        : '—';
    const status = [a?.status, b?.status].filter(Boolean).join(' → ');
    const p50 = a && b ? `${(b.p50 / a.p50).toFixed(2)}×` : '—';
    const store = (f?: Figures) => (f ? `${f.requests} / ${f.items.toLocaleString('en')}` : '—');
    const again = control?.get(label);
    const same = a && again ? again.p95 / a.p95 : Number.NaN;
    if (!Number.isNaN(same)) twice.push(same);
    const controlCell = control ? ` ${Number.isNaN(same) ? '—' : `${same.toFixed(2)}×`} |` : '';
    console.log(
      `| ${label} | ${cell(a)} | ${cell(b)} | ${Number.isNaN(ratio) ? '—' : `${ratio.toFixed(2)}×`} | ${pass} | ${p50} |${controlCell} ${store(a)} → ${store(b)} | ${status} |`,
    );
  }
  console.log(
    `\nLoad to full size: ${load.items.toLocaleString('en')} items in ${load.seconds.toFixed(0)} s (${Math.round(load.items / load.seconds)} items/s). ` +
      `Total time ${((performance.now() - startedAll) / 1000).toFixed(0)} s. ${failed} of ${labels.length} over target.`,
  );
  if (control) {
    // The control measures the bench, not the code: the same data, the same rows, the same rounds. Its
    // ratios are what chance and the machine give a ratio here; if they reach the target, so may the
    // full size's, and the run says so.
    const spread = twice.map((r) => Math.max(r, 1 / r)).sort((x, y) => x - y);
    const overTarget = twice.filter((r) => r > 1.5).length;
    console.log(
      `The control (the 1,000 scale again, in a table and search process of its own, called in the same rounds): its p95 over the first 1k's by more than 1.5× on ${overTarget} of ${twice.length} rows; apart by more than 1.1× either way on ${spread.filter((r) => r > 1.1).length}; the middle row ${percentile(spread, 50).toFixed(2)}×, the widest ${(spread.at(-1) ?? Number.NaN).toFixed(2)}×. ` +
        (overTarget > 0
          ? 'The same data measured twice reaches the target: this run cannot tell growth from noise for rows near it.'
          : 'No row of the same data measured twice reaches the target: what is over target at full size grew.'),
    );
  }
  besideTable(before, after);
  console.log(
    `Rows that ask the search engine (${searching.join(', ')}) grow with its documents: it runs in a process of its own, as Meilisearch does in AWS, and its growth is the engine's, not the store's.`,
  );
}

/**
 * What ran beside the slowest calls: for each size, the calls at or over a row's p95 against its other
 * calls, over every row: the JVM's CPU (its collector's alone), the search process's, the runnable tasks.
 * Then the rows over target, one line each.
 */
function besideTable(before: Map<string, Figures>, after: Map<string, Figures>) {
  const f = (b: Beside) =>
    `waited for a core ${b.ownWaitMs.toFixed(2)} ms (the JVM's threads ${b.jvmWaitMs.toFixed(2)} ms); own GC ${b.ownGcMs.toFixed(2)} ms; heap ${b.heapKb >= 0 ? '+' : ''}${b.heapKb.toFixed(0)} KB; JVM CPU ${b.jvmMs.toFixed(2)} ms (its collector ${b.gcMs.toFixed(2)} ms); search CPU ${b.searchMs.toFixed(2)} ms; ${b.runnable.toFixed(1)} runnable`;
  const over = (figures: Map<string, Figures>, key: 'tail' | 'rest') => mean([...figures.values()].map((x) => x[key]));
  console.log(
    '\nBeside each call, on average: how long it waited for a core, this process’s collections, the CPU the other processes used while it ran, tasks runnable as it started:',
  );
  for (const [name, figures] of [
    ['1k', before],
    ['full', after],
  ] as const) {
    console.log(`  ${name}, calls at or over their row's p95: ${f(over(figures, 'tail'))}`);
    console.log(`  ${name}, the other calls:                    ${f(over(figures, 'rest'))}`);
  }
  let quietOver = 0;
  for (const [label, b] of after) {
    const a = before.get(label);
    if (!a || b.p95 / a.p95 <= 1.5) continue;
    // Fewer than 20 quiet calls at a size: too few for a p95.
    const enough = a.quiet.n >= 20 && b.quiet.n >= 20;
    const quiet = b.quiet.p95 / a.quiet.p95;
    if (enough && quiet > 1.5) quietOver++;
    const quietCell = enough
      ? `${a.quiet.p95.toFixed(1)} → ${b.quiet.p95.toFixed(1)} ms (${quiet.toFixed(2)}×, n ${a.quiet.n} → ${b.quiet.n})`
      : `— (n ${a.quiet.n} → ${b.quiet.n})`;
    const [low, high] = bootstrapRatio(a.times, b.times);
    const interval = `p95 ratio ${(b.p95 / a.p95).toFixed(2)}× (90% bootstrap interval ${low.toFixed(2)}–${high.toFixed(2)}×${low <= 1.5 ? ', reaches the target: may be noise' : ''})`;
    const heap = `allocates ${a.heap.kb.toFixed(0)} → ${b.heap.kb.toFixed(0)} KB a call (n ${a.heap.n} → ${b.heap.n}; ${a.heap.met} → ${b.heap.met} calls met a collection here)`;
    console.log(
      `  over: ${label}: ${interval}; quiet calls' p95 ${quietCell}; ${heap}; at full, its tail: ${f(b.tail)}; its other calls: ${f(b.rest)}`,
    );
  }
  const grown = [...after]
    .map(([label, b]) => ({ label, a: before.get(label)?.heap, b: b.heap }))
    .filter(({ a, b }) => a && a.n >= 20 && b.n >= 20 && b.kb > 1.5 * a.kb && b.kb - a.kb > 16);
  console.log(
    `  Rows whose calls allocate over 1.5× (and 16 KB) more at full than at 1k (calls no collection here overlapped): ${grown.map(({ label, a, b }) => `${label} ${a?.kb.toFixed(0)} → ${b.kb.toFixed(0)} KB`).join('; ') || 'none'}.`,
  );
  console.log(
    `  Of the rows over target, ${quietOver} are over on the p95 of their quiet calls (this thread and the JVM's waited under 1 ms for a core, no collection here; at least 20 at each size): a diagnosis, not the target.`,
  );
}
