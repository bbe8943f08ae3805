// Benchmark of the skills picker (issue 18): the commons and all of ESCO's 13,939 skills in the embedded
// engine, as the local start builds it, and `suggestSkills` (the route's whole answer: the commons'
// ranking, the search, the merge) for what a person types into a picker. Prints the data file's parse
// time, the index's build time and memory, and latency by kind of query. Target: p95 < 50 ms.
// Run through `npm run bench:search` (node --expose-gc, so memory is measured after a full collection).
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { loadCommons } from '#adapters/content/load-commons.ts';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import { parseEscoData } from '#domain/content/esco-data.ts';
import { suggestSkills } from '#domain/content/suggest-skills.ts';
import { contentDocuments } from '#domain/search/documents.ts';
import { escoSkillDocuments } from '#domain/search/esco-documents.ts';
import { percentile } from './percentile.ts';
import { rng } from './seeded-random.ts';

const root = join(import.meta.dirname, '..');
const queriesPerKind = 500;
const warmup = 100;
const targetP95 = 50;

function memory() {
  globalThis.gc?.();
  globalThis.gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

const commons = loadCommons(join(root, 'content'));
const beforeParse = memory();
let started = performance.now();
const esco = parseEscoData(gunzipSync(readFileSync(join(root, 'content/esco/esco.json.gz'))).toString('utf8'));
const parseMs = performance.now() - started;
const afterParse = memory();
const search = createEmbeddedSearchEngine();
started = performance.now();
const content = contentDocuments(commons, '2026-01-01T00:00:00.000Z');
await search.upsert(content);
const documents = escoSkillDocuments(esco);
for (let i = 0; i < documents.length; i += 500) await search.upsert(documents.slice(i, i + 500));
const buildMs = performance.now() - started;
const afterBuild = memory();

const labelWords = esco.skills.map(([, label]) =>
  label
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 1),
);
type Kind = 'typing a word' | 'one word' | 'two words' | 'one typo';
const kinds: Kind[] = ['typing a word', 'one word', 'two words', 'one typo'];

function queries(kind: Kind, count: number, seed: number): string[] {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const out: string[] = [];
  while (out.length < count) {
    const words = pick(labelWords);
    const word = pick(words);
    if (!word) continue;
    if (kind === 'typing a word') {
      // Each keystroke of a word from its second letter: what a picker asks as a person types.
      for (let n = 2; n <= word.length && out.length < count; n++) out.push(word.slice(0, n));
    } else if (kind === 'one word') out.push(word);
    else if (kind === 'two words') out.push(words.slice(0, 2).join(' '));
    else if (word.length >= 5) {
      const at = 1 + Math.floor(random() * (word.length - 1));
      out.push(word.slice(0, at) + word.slice(at + 1));
    }
  }
  return out;
}

console.log(`Skills picker benchmark, Node ${process.versions.node}, ${queriesPerKind} queries per kind\n`);
console.log(`${esco.skills.length.toLocaleString('en')} ESCO skills + ${content.length} commons documents`);
console.log(`  data file parsed in ${parseMs.toFixed(0)} ms (${mb(afterParse - beforeParse)} MB)`);
console.log(`  index built in ${(buildMs / 1000).toFixed(2)} s, ${mb(afterBuild - afterParse)} MB more after build`);
console.log(`  | query           |  p50 ms |  p95 ms |  p99 ms | mean items | p95 < ${targetP95} ms |`);
console.log('  |-----------------|---------|---------|---------|------------|-------------|');
for (const [k, kind] of kinds.entries()) {
  const list = queries(kind, warmup + queriesPerKind, 500 + k);
  const times: number[] = [];
  let items = 0;
  for (const [i, text] of list.entries()) {
    const begun = performance.now();
    const answer = await suggestSkills({ commons, search }, text, 10);
    if (i < warmup) continue;
    times.push(performance.now() - begun);
    items += answer.items.length;
  }
  times.sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(times, p).toFixed(2).padStart(7));
  const met = (Number(p95) < targetP95 ? 'yes' : 'NO').padEnd(11);
  const mean = (items / queriesPerKind).toFixed(1).padStart(10);
  console.log(`  | ${kind.padEnd(15)} | ${p50} | ${p95} | ${p99} | ${mean} | ${met} |`);
}
