// Who could fill an opening, when thousands could: the answer reads at most `readinessCap` holders of
// the rarest skill and as many enrollments, and says "at least" past them, never a wrong exact count.
// The counts are kept for `readinessMaxAgeMs`: the clock here is the services' own, moved on by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { batchWriteAll } from '#adapters/dynamodb/bulk.ts';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { enrollmentKeys } from '#adapters/dynamodb/keys.ts';
import type { Services } from '#app/services.ts';
import { readinessCap, readinessMaxAgeMs } from '#domain/shortages/opening-readiness.ts';
import type { Holder } from '#domain/shortages/shortage-repository.ts';
import { type ApiResponse, apiOnFreshTable, body } from '../support/api-client.ts';
import { localEndpoint } from '../support/dynamodb.ts';

type Call = Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let call: Call;
let services: Services;
let openingId: string;
let clock = Date.now();

const framing = 'stud-wall-framing';
const boarding = 'plasterboard-hanging';
const course = 'timber-stud-partition-walls';
const person = (n: number) => `h${String(n).padStart(4, '0')}`;
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

const openingInput = {
  title: 'Partition builder',
  description: 'Frame and board partitions in a tenant-run retrofit, with a team that shares the work.',
  skills: [
    { skill: framing, level: 'working' },
    { skill: boarding, level: 'working' },
  ],
  positions: 2,
  hoursPerWeek: 32,
  pay: [{ amount: 4000, currency: 'EUR', per: 'hour' }],
  place: 'Delft, NL',
  remote: false,
  employmentType: 'CONTRACTOR',
  validThrough: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
};

/** The shortage index as holders `framers` and `boarders` (by number) would leave it. */
async function holders(framers: number[], boarders: number[]) {
  const of = (skill: string, numbers: number[]) =>
    numbers.map((n): Holder => ({ skill, personId: person(n), how: 'declared' }));
  await services.shortages.replaceIndex({
    contributions: new Map(),
    aggregates: new Map([
      [framing, { declared: framers.length }],
      [boarding, { declared: boarders.length }],
    ]),
    holders: [...of(framing, framers), ...of(boarding, boarders)],
  });
}

async function learners(count: number) {
  const client = createDocumentClient({ region: 'eu-west-1', endpoint: localEndpoint(), timeoutMs: 10_000 });
  const at = '2026-11-01T00:00:00.000Z';
  await batchWriteAll(
    client,
    services.config.TABLE_NAME,
    range(0, count).map((n) => ({
      PutRequest: {
        Item: {
          ...enrollmentKeys(person(n), course),
          type: 'enrollment',
          personId: person(n),
          courseId: course,
          status: 'in-progress',
          enrolledAt: at,
          updatedAt: at,
          lessonsDone: [],
          quizAttempts: 0,
          version: 1,
        },
      },
    })),
  );
  client.destroy();
}

/** The counts as kept now, whatever their age. */
async function keptReadiness() {
  const answer: ApiResponse = await call('GET', `/api/openings/${openingId}/readiness`, 'admin');
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return body(answer);
}

/** The counts once the kept ones are too old to answer: counted again from the index. */
async function readiness() {
  clock += readinessMaxAgeMs;
  const answer: ApiResponse = await call('GET', `/api/openings/${openingId}/readiness`, 'admin');
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return body(answer);
}

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable({ now: () => new Date(clock) }));
  const syndicate = await call('POST', '/api/syndicates', 'admin', {
    id: 'delft-boarders',
    name: 'Delft Boarders',
    trade: 'construction',
    description: 'Dry-liners and carpenters sharing work in Delft.',
    place: 'Delft, NL',
    rateCard: [],
  });
  expect(syndicate.status).toBe(201);
  const opening = await call('POST', '/api/syndicates/delft-boarders/openings', 'admin', openingInput);
  expect(opening.status, JSON.stringify(opening.body)).toBe(201);
  openingId = String(body(opening).id);
  // Three holders join: two who hold both skills, one who frames only.
  for (const n of [0, 1, 2]) {
    await call('POST', '/api/syndicates/delft-boarders/join-requests', person(n));
    await call('PUT', `/api/syndicates/delft-boarders/members/${person(n)}`, 'admin', { decision: 'approve' });
  }
}, 60_000);

describe('an opening’s readiness at the cap', () => {
  it('counts exactly when the rarest skill has as many holders as the cap', async () => {
    // Framers 0..cap-1 (the rarer skill), boarders: every even framer and 400 others.
    const evens = range(0, readinessCap).filter((n) => n % 2 === 0);
    await holders(range(0, readinessCap), [...evens, ...range(10_000, 10_400)]);
    expect(await readiness()).toMatchObject({
      qualified: readinessCap / 2,
      qualifiedInSyndicate: 2,
      qualifiedAtLeast: false,
      cap: readinessCap,
      skills: [
        { skill: framing, holders: readinessCap },
        { skill: boarding, holders: readinessCap / 2 + 400 },
      ],
    });
  });

  it('says “at least” once the rarest skill has more holders than the cap, counting only what it read', async () => {
    const framers = range(0, readinessCap + 100);
    await holders(framers, [...framers.filter((n) => n % 2 === 0), ...range(10_000, 10_400)]);
    expect(await readiness()).toMatchObject({
      qualified: readinessCap / 2,
      qualifiedInSyndicate: 2,
      qualifiedAtLeast: true,
      skills: [
        { skill: framing, holders: readinessCap + 100 },
        { skill: boarding, holders: (readinessCap + 100) / 2 + 400 },
      ],
    });
  });

  it('counts learners exactly up to the cap, and says “at least” past it', async () => {
    await learners(readinessCap);
    expect(await readiness()).toMatchObject({ learners: readinessCap, learnersAtLeast: false });
    await learners(readinessCap + 1);
    expect(await readiness()).toMatchObject({ learners: readinessCap, learnersAtLeast: true });
  });

  it('answers with the counts it kept, saying when they were made, until they are older than the max age', async () => {
    await holders(range(0, 10), range(0, 10));
    const first = await readiness();
    expect(first).toMatchObject({ qualified: 10, computedAt: new Date(clock).toISOString(), maxAgeSeconds: 300 });
    await holders(range(0, 20), range(0, 20));
    clock += readinessMaxAgeMs - 1;
    expect(await keptReadiness()).toEqual(first);
    clock += 1;
    expect(await keptReadiness()).toMatchObject({ qualified: 20, computedAt: new Date(clock).toISOString() });
  });

  it('counts again at once when the opening asks for other skills than the kept counts', async () => {
    await holders(range(0, 10), range(0, 10));
    await readiness();
    const edited = await call('PUT', `/api/openings/${openingId}`, 'admin', {
      ...openingInput,
      skills: [{ skill: framing, level: 'working' }],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const answer = await keptReadiness();
    expect(answer.skills).toMatchObject([{ skill: framing, holders: 10 }]);
    expect(answer.qualified).toBe(10);
  });

  it('tells anyone but the syndicate’s admins that the opening does not exist', async () => {
    expect((await call('GET', `/api/openings/${openingId}/readiness`, person(0))).status).toBe(404);
  });
});
