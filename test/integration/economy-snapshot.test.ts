// The economy's standard periods as snapshots, against DynamoDB Local's stream, with a clock the test
// moves: after random payments on both sides of midnight, GET /api/economy answers for 7, 30, 90 and
// 365 days with what a recomputation from every statement line finds for the period ending that day,
// and a week with no payment at all slides the 7 days past them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { countEconomyRecords } from '#app/stream-economy.ts';
import { periodOf } from '#domain/ledger/economy-figures.ts';
import { standardPeriods } from '#domain/ledger/economy-snapshot.ts';
import { createLogger } from '#platform/log.ts';
import { type StreamPoller, startStreamPoller } from '#local/stream-poller.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { localEndpoint } from '../support/dynamodb.ts';
import { figuresFromStatements, shownFigures } from '../support/economy-statements.ts';
import { createPeople } from '../support/innovation-world.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;
let poller: StreamPoller | undefined;
let clock = new Date('2026-12-06T23:40:00Z');
const people = ['ada', 'bram', 'carla', 'dev'];
const log = createLogger('silent');

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON, as the test client gives it.
const economy = async (days: number): Promise<Record<string, any>> =>
  body(await call('GET', `/api/economy?days=${days}`, null));

/** A small seeded generator, so a failure replays: the payments are random but the same every run. */
function seeded(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % below;
  };
}

let paid = 0;
async function randomPayments(count: number, random: (below: number) => number) {
  for (let i = 0; i < count; i++) {
    const from = people[random(people.length)] as string;
    const others = people.filter((p) => p !== from);
    const to = others[random(others.length)] as string;
    const amount = 1 + random(40_000);
    const sent = await call('POST', '/api/payments', from, { to: `person:${to}`, amount, memo: `Payment ${paid}` });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    paid++;
  }
}

/** The figures of the period of `days` days ending on the clock's day, from every account and statement line. */
async function fromStatements(days: number) {
  const period = periodOf(clock, days);
  return { period: { ...period, days }, ...(await figuresFromStatements(services, period)), sumOfBalances: '0' };
}

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON, as the test client gives it.
const shown = (figures: Record<string, any>) => ({
  period: figures.period,
  ...shownFigures(figures),
  sumOfBalances: figures.sumOfBalances,
});

/** Waits until the stream has counted every payment made and kept the year's snapshot after them. */
async function settled() {
  for (let i = 0; i < 300; i++) {
    const year = await economy(365);
    if (year.movements >= paid && (await economy(365)).volume === (await fromStatements(365)).volume) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the stream did not count ${paid} payments`);
}

/** Every standard period as the API answers it, beside the recomputation for the same day. */
async function everyPeriod() {
  const answered = [];
  const recomputed = [];
  for (const days of standardPeriods) {
    answered.push(shown(await economy(days)));
    recomputed.push(await fromStatements(days));
  }
  return { answered, recomputed };
}

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable({ now: () => clock }, {}, { streams: true }));
  poller = await startStreamPoller({
    endpoint: localEndpoint(),
    region: 'eu-west-1',
    tableName: services.config.TABLE_NAME,
    handler: (records) => countEconomyRecords({ ...services, log }, records),
    intervalMs: 50,
    maxAttempts: 2,
  });
  await createPeople(services, people);
  for (const person of people) {
    const granted = await call('PUT', `/api/people/${person}/credit-limit`, 'steward', {
      credit: 5_000_000,
      reason: 'Agreed at the members’ meeting.',
    });
    expect(granted.status).toBe(200);
  }
}, 60_000);
afterAll(() => poller?.stop());

describe('the economy’s standard periods', () => {
  it('answer with what the statements say after random payments, on both sides of midnight', async () => {
    const random = seeded(16);
    await randomPayments(8, random);
    await settled();
    const before = await everyPeriod();
    expect(before.answered).toEqual(before.recomputed);

    clock = new Date('2026-12-07T00:05:00Z');
    // Read before any payment of the new day: yesterday's snapshots are stale, and recomputed.
    const midnight = await everyPeriod();
    expect(midnight.answered).toEqual(midnight.recomputed);
    expect(midnight.answered[0]?.period).toEqual({ from: '2026-12-01', to: '2026-12-07', days: 7 });

    await randomPayments(8, random);
    await settled();
    const after = await everyPeriod();
    expect(after.answered).toEqual(after.recomputed);
    expect(after.answered[0]?.movements).toBe(paid);
  });

  it('slide with the date when nothing is paid: a week later the 7 days hold no payment, the 30 all of them', async () => {
    await settled();
    clock = new Date('2026-12-14T09:00:00Z');
    const week = shown(await economy(7));
    expect(week).toEqual(await fromStatements(7));
    expect(week).toMatchObject({ movements: 0, volume: '0', activeTraders: 0 });
    expect((await economy(30)).movements).toBe(paid);
  });
});

describe('a snapshot in the table', () => {
  const figures = (volume: bigint) => ({
    period: { from: '2026-12-01', to: '2026-12-07', days: 7 },
    accounts: 2,
    activeTraders: 2,
    movements: 1,
    volume,
    realValue: volume,
    velocity: null,
    positiveBalances: volume,
    perMonth: [{ month: '2026-12', from: '2026-12-01', to: '2026-12-07', movements: 1, volume, realValue: volume }],
    perTrade: [{ trade: 'other', volume }],
    histogram: [
      { from: 1n, to: 1000n, label: 'over 0 to 10', accounts: 1 },
      { to: -1n, label: 'under 0', accounts: 1 },
    ],
    nearLimit: 0,
    sumOfBalances: 0n,
  });
  // A period no reader asks for, so the standard ones above stay as the stream keeps them.
  const snapshot = (day: string, rev: number, volume: bigint) => ({ days: 999, day, rev, figures: figures(volume) });

  it('keeps the newer of two computations landing out of order, amounts past 2^53 read back exactly', async () => {
    const huge = 2n ** 63n + 7n;
    expect(await services.economy.keepSnapshot(snapshot('2026-12-07', 5, huge))).toBe(true);
    expect(await services.economy.keepSnapshot(snapshot('2026-12-07', 4, 1n))).toBe(false);
    expect(await services.economy.keepSnapshot(snapshot('2026-12-07', 5, 2n))).toBe(false);
    expect(await services.economy.keepSnapshot(snapshot('2026-12-06', 9, 3n))).toBe(false);
    expect(await services.economy.snapshot(999)).toEqual(snapshot('2026-12-07', 5, huge));
    expect(await services.economy.keepSnapshot(snapshot('2026-12-07', 6, 4n))).toBe(true);
    expect(await services.economy.keepSnapshot(snapshot('2026-12-08', 1, 5n))).toBe(true);
    expect((await services.economy.snapshot(999))?.figures.volume).toBe(5n);
  });
});
