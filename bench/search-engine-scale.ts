// The embedded search engine in process, at bench:scale's two sizes (1,000 openings and a hundredth of the
// rest; 100,000 openings, 20,000 syndicates, 50,000 innovation records), with the documents bench:scale
// indexes (the jobs seeder's openings and syndicates, exactly; innovation records shaped as
// bench/innovations-seed.ts writes them) and the queries its search-bound rows send. For each query shape
// it prints the CPU time per query (process.cpuUsage(), so a loaded machine's waits are not counted), p50
// and p95 over the calls, at both sizes, and their ratio: a query's cost should follow the page asked for,
// not the index's size (issue 14), and three ways: fresh (an engine that keeps no answer: each call a
// pass over its matches), after a write (one document replaced before each call: the kept answer corrected)
// and asked again. `npm run bench:search-scale`; `BENCH_CALLS` calls a shape (300).
// Benchmarks are not tests: nothing here asserts; `uptime`'s load is printed with the figures.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { loadCommons } from '#adapters/content/load-commons.ts';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import { tradeOf } from '#app/search-sync.ts';
import { innovationDocument, isSearchable, openingDocument, syndicateDocument } from '#domain/search/documents.ts';
import type { SearchDocument, SearchQuery } from '#domain/search/search-port.ts';
import type { InnovationVersion } from '#domain/innovations/innovation.ts';
import { words } from './innovations-seed.ts';
import { createJobsSeeder } from './jobs-seed.ts';
import { percentile } from './percentile.ts';

const calls = Number(process.env.BENCH_CALLS ?? 300);
const commons = loadCommons(resolve(import.meta.dirname, '../content'));
const skills = [...commons.skills.keys()];
const practices = [...commons.practices.keys()];
const firstSkill = skills[0] ?? '';

/** The queries bench:scale's search-bound rows send to the engine (bench/scale-routes.ts). */
const only = process.env.BENCH_SHAPES?.split(',');
const shapes: Array<{ label: string; query: SearchQuery }> = [
  {
    label: '/api/search?q=carpenter (5 facets)',
    query: { text: 'carpenter', facets: ['type', 'trade', 'skills', 'remote', 'payUnit'], page: 1, pageSize: 20 },
  },
  {
    label: '/api/search?q=carpenter, page 2',
    query: { text: 'carpenter', facets: ['type', 'trade', 'skills', 'remote', 'payUnit'], page: 2, pageSize: 20 },
  },
  {
    label: '/api/innovations, a skill (no words)',
    query: {
      text: '',
      filters: { type: ['innovation'], skills: [firstSkill] },
      sort: { field: 'updatedAt', direction: 'desc' },
      facets: [],
      page: 1,
      pageSize: 20,
    },
  },
  {
    label: '/api/innovations, words',
    query: { text: 'triage card', filters: { type: ['innovation'] }, facets: [], page: 1, pageSize: 20 },
  },
  {
    label: 'the board, newest (no words)',
    query: {
      text: '',
      filters: { type: ['opening'], status: ['open'] },
      sort: { field: 'posted', direction: 'desc' },
      facets: [],
      page: 1,
      pageSize: 20,
    },
  },
  {
    label: '/api/me/best-matches (a skill, page of 100)',
    query: {
      text: '',
      filters: { type: ['opening'], status: ['open'], skills: [firstSkill] },
      sort: { field: 'posted', direction: 'desc' },
      facets: [],
      page: 1,
      pageSize: 100,
    },
  },
];

/** The jobs seeder's openings and syndicates, written nowhere (a client that accepts every batch). */
async function jobsDocuments(openings: number, syndicates: number): Promise<SearchDocument[]> {
  const client = { send: async () => ({}) } as unknown as DynamoDBDocumentClient;
  const jobs = createJobsSeeder(client, 'none', commons);
  const written = await jobs.grow({ people: 0, syndicates, openings });
  const now = new Date();
  return [
    ...written.syndicates.map(syndicateDocument),
    ...written.openings.filter(isSearchable).map((o) => openingDocument(o, jobs.syndicateOf(o.syndicateId), now)),
  ];
}

/** Innovation records as bench/innovations-seed.ts writes them: three words and a number, one skill. */
function innovationDocuments(records: number): SearchDocument[] {
  let state = 42;
  const rand = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
  return Array.from({ length: records }, (_, n) => {
    const practice = rand() < 0.3 ? pick(practices) : undefined;
    const version = {
      innovationId: `bench-rec-${String(n).padStart(7, '0')}`,
      title: `${pick(words)} ${pick(words)} ${pick(words)} ${n}`,
      problem: 'Work stalls while people guess where to start; this is the problem written at length.',
      improvement: 'A fixed order of checks on one card, kept at every bench, and read before starting.',
      practice,
      skills: [n < 41 ? firstSkill : pick(skills)],
      updatedAt: at(n),
      publishedAt: at(n),
    } as InnovationVersion;
    return innovationDocument(version, tradeOf(commons, version), { adopterCount: rand() < 0.2 ? 1 : 0 });
  });
}

async function build(fraction: number) {
  const n = (full: number) => Math.max(1, Math.round(full * fraction));
  const documents = [...(await jobsDocuments(n(100_000), n(20_000))), ...innovationDocuments(n(50_000))];
  // The engine as `npm start` runs it, and one that keeps no answer (every call its own pass).
  const engine = createEmbeddedSearchEngine();
  const passing = createEmbeddedSearchEngine({ keptQueries: 0 });
  for (let i = 0; i < documents.length; i += 1000) {
    await engine.upsert(documents.slice(i, i + 1000));
    await passing.upsert(documents.slice(i, i + 1000));
  }
  return { engine, passing, documents };
}

type Mode = 'fresh' | 'written' | 'again';

/**
 * CPU microseconds of each call (user + system), after a warm-up. `fresh`: the engine that keeps nothing,
 * so each call makes its own pass over the matches; `written`: one document is replaced (an edit, untimed)
 * before each call, so the kept answer is corrected, not reused as is; `again`: nothing between calls (for
 * page 2, page 1 before it).
 */
async function measure(built: Awaited<ReturnType<typeof build>>, query: SearchQuery, mode: Mode) {
  const engine = mode === 'fresh' ? built.passing : built.engine;
  for (let i = 0; i < 30; i++) await engine.search(query);
  const cpu: number[] = [];
  const writes: number[] = [];
  let total = 0;
  for (let i = 0; i < calls; i++) {
    if (mode === 'written') {
      const edited = built.documents[(i * 7919) % built.documents.length] as SearchDocument;
      const before = process.cpuUsage();
      await engine.upsert([{ ...edited, updatedAt: new Date(Date.UTC(2026, 6, 1, 0, 0, i)).toISOString() }]);
      const used = process.cpuUsage(before);
      writes.push(used.user + used.system);
    } else if ((query.page ?? 1) > 1) await engine.search({ ...query, page: 1 });
    const before = process.cpuUsage();
    const result = await engine.search(query);
    const used = process.cpuUsage(before);
    cpu.push(used.user + used.system);
    total = result.total;
  }
  cpu.sort((a, b) => a - b);
  writes.sort((a, b) => a - b);
  return { p50: percentile(cpu, 50), p95: percentile(cpu, 95), total, write: percentile(writes, 50) };
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`embedded engine, CPU per query (${calls} calls a shape after 30 warm), load average ${load()} at start`);
const sizes = [0.01, 1];
const built = [];
for (const fraction of sizes) {
  const started = performance.now();
  const size = await build(fraction);
  console.log(
    `  ${size.documents.length.toLocaleString('en')} documents indexed (twice) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  built.push(size);
}
globalThis.gc?.();
const us = (value: number) => `${value.toFixed(0)} µs`;
for (const { label, query } of shapes.filter((_, i) => !only || only.includes(String(i)))) {
  // Both sizes in one process, one after the other, so both meet the same load.
  const [one, full] = built;
  if (!one || !full) break;
  const said: Record<Mode, string> = {
    fresh: 'fresh (its own pass)',
    written: 'after a write (one document replaced)',
    again: (query.page ?? 1) > 1 ? 'after its page 1' : 'asked again',
  };
  for (const mode of ['fresh', 'written', 'again'] as const) {
    const small = await measure(one, query, mode);
    const large = await measure(full, query, mode);
    console.log(
      `  ${label}, ${said[mode]}: hits ${small.total.toLocaleString('en')} → ${large.total.toLocaleString('en')}; CPU p50 ${us(small.p50)} → ${us(large.p50)} (${(large.p50 / Math.max(1, small.p50)).toFixed(2)}×), p95 ${us(small.p95)} → ${us(large.p95)} (${(large.p95 / Math.max(1, small.p95)).toFixed(2)}×)${mode === 'written' ? `; the write itself p50 ${us(small.write)} → ${us(large.write)}` : ''}`,
    );
  }
}
console.log(`load average ${load()} at the end`);
