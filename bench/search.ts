// Benchmark of the embedded search engine on generated job-opening-like corpora (issue 8).
// Prints index build time, memory after build and query latency p50/p95/p99 for four kinds of query.
// Run: npm run bench:search (node --expose-gc, so memory is measured after a full collection).
// Optional arguments: corpus sizes, e.g. `node --expose-gc bench/search.ts 10000`.
// Benchmarks are not tests: nothing here asserts; the targets are printed next to the figures.
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import type { DocumentType, SearchDocument, SearchIndex, SearchQuery } from '#domain/search/search-port.ts';
import { percentile } from './percentile.ts';
import { rng } from './seeded-random.ts';

const sizes = process.argv.slice(2).map(Number).filter(Number.isFinite);
const corpora = sizes.length > 0 ? sizes : [10_000, 100_000];
const targets = new Map<number, { p95: number; heapMb?: number }>([
  [10_000, { p95: 5 }],
  [100_000, { p95: 50, heapMb: 300 }],
]);
const queriesPerKind = 500;
const warmup = 100;

// --- A deterministic corpus -------------------------------------------------------------------------

const list = (text: string) => text.trim().split(/\s+/);
const glue = list(`the and with for of to in on a an is are we you our your will be have has as at by from this
  that it or all who work working need needs looking join must can good new some each other into across`);
const trades = list(`carpenter carpentry joiner joinery plumber plumbing electrician electrical bricklayer bricklaying
  plasterer plastering roofer roofing glazier glazing tiler tiling stonemason masonry welder welding scaffolder
  scaffolding painter decorator decorating landscaper landscaping gardener mechanic fabricator blacksmith
  cabinetmaker upholsterer thatcher thatching surveyor estimator apprentice foreman`);
const materials = list(`timber oak pine ash beech larch cedar plywood chipboard brick block mortar lime cement concrete
  render plaster gypsum slate tile stone granite sandstone copper steel iron aluminium zinc lead glass insulation
  membrane felt bitumen paint varnish stain adhesive sealant fixings screws nails bolts pipework cable conduit joist
  rafter stud beam lintel`);
const actions = list(`install installing repair repairing restore restoration replace fit fitting build building
  construct measure cut shape join fix maintain maintenance inspect inspection survey plan design finish finishing
  sand level lay point repoint weld solder wire rewire glaze paint decorate clear dig excavate frame framing clad
  cladding insulate waterproof`);
const context = list(`site project client team crew workshop van tools power hand safety training qualification
  certificate experience years week day hours shift overtime contract permanent temporary apprenticeship mentor
  customer quality standard regulations heritage listed property house flat school hospital office kitchen bathroom
  staircase window door floor wall ceiling roof chimney garden fence patio driveway extension loft conversion
  renovation refurbishment newbuild commercial domestic cooperative syndicate guild members share fair`);
const places = list(`Leeds Bristol Manchester Glasgow Cardiff Belfast Norwich York Bradford Sheffield Exeter Plymouth
  Swansea Dundee Aberdeen Inverness Carlisle Durham Lincoln Hereford Bath Oxford Cambridge Brighton Hull`);
const content = [...trades, ...materials, ...actions, ...context];
const skills = Array.from(
  { length: 80 },
  (_, i) => `${materials[i % materials.length]} ${actions[(i * 7) % actions.length]}`,
);
const types: DocumentType[] = ['opening', 'opening', 'opening', 'opening', 'course', 'lesson', 'practice', 'syndicate'];

function corpusWords(random: () => number, tailSize: number): () => string {
  // A long tail of rare made-up words (names, brands, local terms) so the dictionary grows with the corpus.
  const syllables = list('ka lo mi ber ston wick ham ford ley ton dun bry gar mel tor vin hal pen rick sel');
  const tail = Array.from({ length: tailSize }, () => {
    let word = '';
    for (let n = 2 + Math.floor(random() * 3); n > 0; n--) word += syllables[Math.floor(random() * syllables.length)];
    return word;
  });
  const vocabulary = [...glue, ...content];
  // Zipf-like: the r-th word is drawn about 1/(r+1) as often as the first.
  const weights = vocabulary.map((_, rank) => 1 / (rank + 1) ** 0.9);
  const cumulative: number[] = [];
  let sum = 0;
  for (const weight of weights) {
    sum += weight;
    cumulative.push(sum);
  }
  const total = cumulative.at(-1) ?? 1;
  return () => {
    if (random() < 0.03) return tail[Math.floor(random() * tail.length)] as string;
    const target = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo] as string;
  };
}

function* documents(count: number, seed: number): Generator<SearchDocument> {
  const random = rng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  // About one rare word per document: 100,000 distinct words at 100,000 documents, as Heaps' law predicts.
  const word = corpusWords(random, count);
  const text = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, word).join(' ');
  for (let i = 0; i < count; i++) {
    const type = pick(types);
    const place = pick(places);
    const trade = pick(trades);
    const title = `${pick(trades)} for ${pick(materials)} ${pick(context)} ${pick(actions)} in ${place}`;
    yield {
      id: `${type}:${i}`,
      type,
      title: title[0]?.toUpperCase() + title.slice(1),
      summary: text(12, 30),
      body: text(80, 200),
      url: `/${type}s/${i}/`,
      skills: Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(skills)),
      trade,
      place,
      remote: random() < 0.1,
      status: pick(['open', 'open', 'open', 'filled', 'closed']),
      pay: type === 'opening' ? 1200 + Math.floor(random() * 2800) : undefined,
      payUnit: type === 'opening' ? pick(['GBP/hour', 'GBP/day']) : undefined,
      hours: type === 'opening' ? 8 + Math.floor(random() * 33) : undefined,
      updatedAt: new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 365 * 86_400_000)).toISOString(),
    };
  }
}

// --- Queries ----------------------------------------------------------------------------------------

type Kind = 'plain words' | 'one typo' | 'prefix' | 'filter + facets';
const kinds: Kind[] = ['plain words', 'one typo', 'prefix', 'filter + facets'];

function queries(kind: Kind, count: number, seed: number): SearchQuery[] {
  const random = rng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const words = (n: number) => Array.from({ length: n }, () => pick(content)).join(' ');
  const typo = (word: string) => {
    // One edit after the first letter: substitution, deletion, insertion or swap of neighbours.
    const at = 1 + Math.floor(random() * (word.length - 2));
    const letter = pick(list('a b c d e f g h i j k l m n o p q r s t u v w x y z'));
    const edits = [
      () => word.slice(0, at) + letter + word.slice(at + 1),
      () => word.slice(0, at) + word.slice(at + 1),
      () => word.slice(0, at) + letter + word.slice(at),
      () => word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2),
    ];
    return pick(edits)();
  };
  const longWords = content.filter((word) => word.length >= 5);
  const wordCount = () => 1 + Math.floor(random() * 3);
  const make: Record<Kind, () => SearchQuery> = {
    'plain words': () => ({ text: words(wordCount()) }),
    'one typo': () => ({ text: `${words(wordCount() - 1)} ${typo(pick(longWords))}`.trim() }),
    prefix: () => ({
      text: `${words(wordCount() - 1)} ${pick(content).slice(0, 2 + Math.floor(random() * 4))}`.trim(),
    }),
    'filter + facets': () => ({
      text: words(wordCount()),
      filters: {
        type: ['opening'],
        status: ['open'],
        remote: random() < 0.5,
        pay: { min: 1500 + Math.floor(random() * 1000) },
        ...(random() < 0.5 ? { trade: [pick(trades), pick(trades)] } : {}),
      },
      facets: ['type', 'skills', 'trade', 'place', 'remote', 'status', 'payUnit'],
    }),
  };
  return Array.from({ length: count }, make[kind]);
}

// --- Measuring --------------------------------------------------------------------------------------

const mb = (bytes: number) => bytes / 1024 / 1024;

function memory() {
  globalThis.gc?.();
  globalThis.gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return { heapUsed, arrayBuffers };
}

async function measure(size: number) {
  const before = memory();
  const engine: SearchIndex = createEmbeddedSearchEngine();
  let buildMs = 0;
  let batch: SearchDocument[] = [];
  const flush = async () => {
    const started = performance.now();
    await engine.upsert(batch);
    buildMs += performance.now() - started;
    batch = [];
  };
  for (const document of documents(size, 42)) {
    batch.push(document);
    if (batch.length === 1000) await flush();
  }
  await flush();
  const after = memory();
  const latency = new Map<Kind, number[]>();
  const meanHits = new Map<Kind, number>();
  for (const [k, kind] of kinds.entries()) {
    const list = queries(kind, warmup + queriesPerKind, 1000 + k);
    const times: number[] = [];
    let hits = 0;
    for (const [i, query] of list.entries()) {
      const started = performance.now();
      const { total } = await engine.search(query);
      if (i < warmup) continue;
      times.push(performance.now() - started);
      hits += total;
    }
    latency.set(
      kind,
      times.sort((a, b) => a - b),
    );
    meanHits.set(kind, hits / queriesPerKind);
  }
  return {
    size,
    documents: (await engine.health()).documents,
    buildMs,
    heapMb: mb(after.heapUsed - before.heapUsed),
    buffersMb: mb(after.arrayBuffers - before.arrayBuffers),
    latency,
    meanHits,
  };
}

const gcNote = globalThis.gc ? '' : ' (no --expose-gc: memory includes garbage)';
console.log(`Embedded search benchmark, Node ${process.versions.node}, ${queriesPerKind} queries per kind${gcNote}\n`);
for (const size of corpora) {
  const result = await measure(size);
  const target = targets.get(size);
  const memoryMb = result.heapMb + result.buffersMb;
  console.log(`${result.documents.toLocaleString('en')} documents`);
  console.log(`  build ${(result.buildMs / 1000).toFixed(2)} s`);
  console.log(
    `  memory after build ${memoryMb.toFixed(0)} MB (JS heap ${result.heapMb.toFixed(0)} MB + typed arrays ` +
      `${result.buffersMb.toFixed(0)} MB)${target?.heapMb ? `, target < ${target.heapMb} MB` : ''}`,
  );
  const goal = target ? ` p95 < ${target.p95} ms |` : '';
  console.log(`  | query           |  p50 ms |  p95 ms |  p99 ms | mean total |${goal}`);
  console.log(`  |-----------------|---------|---------|---------|------------|${target ? '-------------|' : ''}`);
  for (const [kind, times] of result.latency) {
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(times, p).toFixed(2).padStart(7));
    const met = target ? ` ${(Number(p95) < target.p95 ? 'yes' : 'NO').padEnd(11)} |` : '';
    const hits = Math.round(result.meanHits.get(kind) ?? 0)
      .toLocaleString('en')
      .padStart(10);
    console.log(`  | ${kind.padEnd(15)} | ${p50} | ${p95} | ${p99} | ${hits} |${met}`);
  }
  console.log('');
}
