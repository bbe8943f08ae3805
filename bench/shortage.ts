// Benchmark of the shortage index (issue 6) on generated data: 100,000 openings and 200,000 members,
// in memory, through the same domain functions and port the DynamoDB adapter serves. Prints the cost of
// a full recompute and of one incremental update (how many skill aggregates it touches, and its time).
// Run: npm run bench:shortage. Optional arguments: openings and members, e.g. `… bench/shortage.ts 10000 20000`.
// Benchmarks are not tests: nothing here asserts; the targets are printed next to the figures.
import { join } from 'node:path';
import { loadCommons } from '#adapters/content/load-commons.ts';
import { memoryShortageRepository, memorySourceTable } from '#domain/shortages/memory-repository.ts';
import { compareAggregates, buildIndex, recomputeIndex } from '#domain/shortages/recompute.ts';
import { refreshSource } from '#domain/shortages/refresh-source.ts';
import { rankShortages } from '#domain/shortages/score.ts';
import type { SourceRef } from '#domain/shortages/sources.ts';
import { rng } from './seeded-random.ts';

const [openingCount = 100_000, memberCount = 200_000] = process.argv.slice(2).map(Number).filter(Number.isFinite);
const updates = 2_000;
const commons = loadCommons(join(import.meta.dirname, '../content'));

const random = rng(6);
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
// Zipf-like: a few skills are asked for and held far more often than the rest.
const skills = [...commons.skills.values()];
const weights = skills.map((_, rank) => 1 / (rank + 1) ** 0.8);
const total = weights.reduce((a, b) => a + b, 0);
const popularSkill = () => {
  let r = random() * total;
  for (let i = 0; i < skills.length; i++) {
    r -= weights[i] ?? 0;
    if (r <= 0) return skills[i]?.id ?? '';
  }
  return skills[0]?.id ?? '';
};
const someSkills = (n: number) => [...new Set(Array.from({ length: n }, popularSkill))];
const courses = [...commons.courses.keys()];
const today = new Date('2026-11-21T12:00:00Z');
const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

// --- The generated table -------------------------------------------------------------------------------
const generating = performance.now();
const table = memorySourceTable();
for (let i = 0; i < openingCount; i++) {
  const r = random();
  const status = r < 0.7 ? 'open' : r < 0.8 ? 'draft' : r < 0.9 ? 'filled' : 'closed';
  const positions = int(1, 5);
  const through = day(int(-20, 60));
  const posted = day(-int(0, 120));
  table.openings.set(`o${i}`, {
    id: `o${i}`,
    syndicateId: `s${int(0, 4_999)}`,
    status,
    positions,
    filled: status === 'filled' ? positions : int(0, positions - 1),
    hoursPerWeek: int(8, 40),
    skills: someSkills(int(1, 4)).map((skill) => ({ skill })),
    validThrough: through,
    datePosted: `${posted}T09:00:00.000Z`,
    createdAt: `${posted}T08:00:00.000Z`,
    ...(through < day(0) && random() < 0.8 ? { expiredOn: through } : {}),
    version: 1,
  });
}
for (let i = 0; i < memberCount; i++) {
  const personId = `p${i}`;
  table.people.set(personId, { id: personId, available: random() < 0.85, declaredSkills: someSkills(int(0, 4)) });
  if (random() < 0.4) table.credentials.set(personId, new Set(someSkills(int(1, 3))));
  const r = random();
  if (r < 0.35) {
    const courseId = pick(courses);
    table.enrollments.set(`${personId}|${courseId}`, {
      personId,
      courseId,
      status: r < 0.25 ? 'in-progress' : 'completed',
    });
  }
}
const generated = performance.now() - generating;
const repo = memoryShortageRepository(table);
const deps = { shortages: repo, commons };

// --- Full recompute ------------------------------------------------------------------------------------
const recomputeStarted = performance.now();
const report = await recomputeIndex(deps);
const recomputeMs = performance.now() - recomputeStarted;
const rankStarted = performance.now();
const ranking = rankShortages(await repo.listAggregates(), commons, day(0));
const rankMs = performance.now() - rankStarted;

// --- Incremental updates -------------------------------------------------------------------------------
// Each is a write to one source followed by its refresh, as the stream consumer does it.
const openIds = [...table.openings.values()].filter((o) => o.status === 'open').map((o) => o.id);
const kinds = [
  'fill a position',
  'new opening published',
  'availability toggled',
  'skill credentialed',
  'enrollment',
] as const;
const timings = new Map<string, number[]>(kinds.map((k) => [k, []]));
const touched: number[] = [];
let outside = 0;
for (let i = 0; i < updates; i++) {
  const kind = kinds[i % kinds.length] ?? 'fill a position';
  let ref: SourceRef;
  let itemSkills: string[];
  if (kind === 'fill a position' || kind === 'new opening published') {
    const id = kind === 'fill a position' ? pick(openIds) : `new${i}`;
    const current = table.openings.get(id) ?? table.openings.get(pick(openIds));
    if (!current) continue;
    const next =
      kind === 'fill a position'
        ? { ...current, filled: Math.min(current.positions, current.filled + 1), version: current.version + 1 }
        : { ...current, id, filled: 0, datePosted: `${day(0)}T10:00:00.000Z`, version: 1 };
    table.openings.set(id, next);
    ref = { kind: 'opening', openingId: id };
    itemSkills = next.skills.map((s) => s.skill);
  } else {
    const personId = `p${int(0, memberCount - 1)}`;
    const person = table.people.get(personId) ?? { id: personId, available: true, declaredSkills: [] };
    if (kind === 'availability toggled') {
      table.people.set(personId, { ...person, available: !person.available });
      ref = { kind: 'person', personId };
      itemSkills = [...person.declaredSkills, ...(table.credentials.get(personId) ?? [])];
    } else if (kind === 'skill credentialed') {
      const skill = popularSkill();
      table.credentials.set(personId, new Set([...(table.credentials.get(personId) ?? []), skill]));
      ref = { kind: 'person', personId };
      itemSkills = [skill];
    } else {
      const courseId = pick(courses);
      table.enrollments.set(`${personId}|${courseId}`, { personId, courseId, status: 'in-progress' });
      ref = { kind: 'enrollment', personId, courseId };
      itemSkills = commons.courses.get(courseId)?.skills.map((s) => s.skill) ?? [];
    }
  }
  const started = performance.now();
  const result = await refreshSource(deps, ref);
  timings.get(kind)?.push(performance.now() - started);
  touched.push(result.touchedSkills.length);
  if (result.touchedSkills.some((skill) => !itemSkills.includes(skill))) outside++;
}
const equal =
  compareAggregates(await repo.listAggregates(), buildIndex(await repo.readAllSources(), commons).aggregates).length ===
  0;

// --- Report --------------------------------------------------------------------------------------------
const ms = (value: number) => (value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(3)} ms`);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const all = [...timings.values()].flat();
console.log(
  `Shortage index benchmark: ${openingCount.toLocaleString('en')} openings, ${memberCount.toLocaleString('en')} members, ${table.enrollments.size.toLocaleString('en')} enrollments, ${commons.skills.size} skills (Node ${process.versions.node})`,
);
console.log(`  generated the table in ${ms(generated)}`);
console.log(
  `Full recompute: ${ms(recomputeMs)} (target < 10 s) for ${report.sources.toLocaleString('en')} sources, ${report.contributing.toLocaleString('en')} contributing, ${report.skills} skill aggregates`,
);
console.log(
  `  ranking every skill and trade from the aggregates: ${ms(rankMs)} (top: ${ranking.skills[0]?.label}, score ${ranking.skills[0]?.score})`,
);
console.log(
  `One incremental update (${all.length} updates): p50 ${ms(percentile(all, 50))}, p95 ${ms(percentile(all, 95))}, max ${ms(Math.max(...all))}`,
);
for (const [kind, values] of timings) {
  console.log(`  ${kind.padEnd(22)} p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}`);
}
console.log(
  `  skill aggregates touched per update: mean ${(touched.reduce((a, b) => a + b, 0) / touched.length).toFixed(2)}, max ${Math.max(...touched)}; updates touching a skill outside the changed item: ${outside} (target 0)`,
);
console.log(`  incremental index equals a recompute afterwards: ${equal ? 'yes' : 'NO'}`);
