import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountId } from '#domain/ledger/account.ts';
import { balanceBucket, type CountedLine } from '#domain/ledger/economy.ts';
import { countLimitChange, countLine, economyReport, pruneEconomy } from '#domain/ledger/economy-use-cases.ts';
import { fakeEconomy } from '../../support/economy-fake.ts';

const accounts: AccountId[] = ['person:ana', 'person:ben', 'syndicate:mill', 'person:cai'];

/** A history of payments, as movePayment writes it: two lines each, with the balances after. */
function history(payments: Array<{ from: number; to: number; amount: number; day: number; trade?: string }>) {
  const balances = new Map<AccountId, bigint>();
  const lines: CountedLine[] = [];
  payments.forEach((p, logIndex) => {
    const from = accounts[p.from % accounts.length] as AccountId;
    const to = accounts[(p.from + 1 + (p.to % (accounts.length - 1))) % accounts.length] as AccountId;
    const amount = BigInt(p.amount);
    const at = `2026-12-${String(1 + p.day).padStart(2, '0')}T12:00:00.000Z`;
    balances.set(from, (balances.get(from) ?? 0n) - amount);
    balances.set(to, (balances.get(to) ?? 0n) + amount);
    const base = { at, source: `pay${logIndex}`, logIndex, trade: p.trade };
    lines.push({ ...base, accountId: from, sequence: 0, amount: -amount, balanceAfter: balances.get(from) });
    lines.push({ ...base, accountId: to, sequence: 1, amount, balanceAfter: balances.get(to) });
  });
  return { lines, balances };
}

/** The figures recomputed from every line at once, the slow way the stream spares the page. */
function recompute(lines: CountedLine[], balances: Map<AccountId, bigint>) {
  const days: Record<string, { movements: number; volume: bigint; realValue: bigint }> = {};
  const lastDay = new Map<AccountId, string>();
  for (const l of lines) {
    const day = l.at.slice(0, 10);
    const d = days[day] ?? { movements: 0, volume: 0n, realValue: 0n };
    days[day] = d;
    if (l.amount < 0n) {
      d.movements++;
      d.volume -= l.amount;
    } else d.realValue += l.amount;
    if ((lastDay.get(l.accountId) ?? '') < day) lastDay.set(l.accountId, day);
  }
  const buckets: Record<number, number> = {};
  for (const balance of balances.values()) buckets[balanceBucket(balance)] = (buckets[balanceBucket(balance)] ?? 0) + 1;
  const active: Record<string, number> = {};
  for (const day of lastDay.values()) active[day] = (active[day] ?? 0) + 1;
  const positiveSum = [...balances.values()].reduce((sum, b) => (b > 0n ? sum + b : sum), 0n);
  return { days, buckets, active, accounts: balances.size, positiveSum };
}

const nonZero = (record: Record<number | string, number>) =>
  Object.fromEntries(Object.entries(record).filter(([, n]) => n !== 0));

const payments = fc.array(
  fc.record({
    from: fc.nat(3),
    to: fc.nat(2),
    amount: fc.integer({ min: 1, max: 900_000 }),
    day: fc.nat(4),
    trade: fc.constantFrom(undefined, 'care', 'food'),
  }),
  { minLength: 1, maxLength: 12 },
);

describe('counting statement lines from the stream', () => {
  it('comes out as a recomputation from the statements, whatever the order and however often lines arrive', async () => {
    await fc.assert(
      fc.asyncProperty(payments, fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), async (paid, picks) => {
        const { lines, balances } = history(paid);
        // Every line at least once, some twice, in an order drawn by the property.
        const delivered = [...lines, ...lines.filter((_, i) => i % 3 === 0)];
        const shuffled = delivered.map((l, i) => ({ l, k: picks[i] ?? 0 })).sort((a, b) => a.k - b.k);
        const store = fakeEconomy();
        for (const { l } of shuffled) await countLine({ economy: store }, l);

        const expected = recompute(lines, balances);
        expect(store.summary.accounts).toBe(expected.accounts);
        expect(store.summary.positiveSum).toBe(expected.positiveSum);
        expect(nonZero(store.summary.buckets)).toEqual(expected.buckets);
        for (const [day, d] of Object.entries(expected.days)) {
          expect(store.days.get(day)).toMatchObject(d);
        }
        const active = Object.fromEntries([...store.days].map(([day, d]) => [day, d.lastActive]));
        expect(nonZero(active)).toEqual(expected.active);
        for (const [account, balance] of balances) expect(store.figures.get(account)?.balance).toBe(balance);
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    { case: 'the same line twice', deliveries: [0, 0], counted: [true, false], movements: 1, balance: -500n },
    {
      case: 'a later line, then an earlier one, then the later again',
      deliveries: [1, 0, 1],
      counted: [true, true, false],
      movements: 2,
      balance: -1200n,
    },
  ])('counts each line once when the stream delivers $case', async ({ deliveries, counted, movements, balance }) => {
    const { lines } = history([
      { from: 0, to: 0, amount: 500, day: 0 },
      { from: 0, to: 0, amount: 700, day: 1 },
    ]);
    const payer = lines.filter((l) => l.accountId === 'person:ana');
    const store = fakeEconomy();
    const answers = [];
    for (const i of deliveries) answers.push(await countLine({ economy: store }, payer[i] as CountedLine));
    expect(answers).toEqual(counted);
    expect([...store.days.values()].reduce((sum, d) => sum + d.movements, 0)).toBe(movements);
    expect(store.figures.get('person:ana')?.balance).toBe(balance);
    expect(store.summary.accounts).toBe(1);
  });

  it('decides again over what another line of the same account wrote in between', async () => {
    const { lines } = history([
      { from: 0, to: 0, amount: 500, day: 0 },
      { from: 0, to: 0, amount: 700, day: 0 },
    ]);
    const [first, , second] = lines as [CountedLine, CountedLine, CountedLine];
    const store = fakeEconomy();
    store.interleave = async () => {
      await countLine({ economy: store }, second);
    };
    expect(await countLine({ economy: store }, first)).toBe(true);
    expect(store.figures.get('person:ana')).toMatchObject({ balance: -1200n, balanceLog: 1, rev: 1 });
    expect(store.summary.accounts).toBe(1);
    expect(store.days.get('2026-12-01')).toMatchObject({ movements: 2, volume: 1200n, lastActive: 1 });
  });

  it('counts an account near its limit once its credit is granted and drawn, whichever comes first', async () => {
    const { lines } = history([{ from: 0, to: 0, amount: 9_500, day: 0 }]);
    const grant = { limit: -10_000n, logIndex: 7 };
    for (const grantFirst of [true, false]) {
      const store = fakeEconomy();
      if (grantFirst) await countLimitChange({ economy: store }, 'person:ana', grant);
      for (const l of lines) await countLine({ economy: store }, l);
      expect(await countLimitChange({ economy: store }, 'person:ana', grant)).toBe(!grantFirst);
      expect(store.summary.nearLimit).toBe(1);
      expect(store.summary.accounts).toBe(2);
    }
  });
});

describe('the economy’s report', () => {
  it('sums the period’s days and shows the ledger’s sum of balances', async () => {
    const { lines } = history([
      { from: 0, to: 0, amount: 500, day: 0, trade: 'care' },
      { from: 1, to: 1, amount: 300, day: 2 },
    ]);
    const store = fakeEconomy(0n);
    for (const l of lines) await countLine({ economy: store }, l);
    const report = await economyReport({ economy: store, now: () => new Date('2026-12-03T18:00:00Z') }, 3);
    expect(report.period).toEqual({ from: '2026-12-01', to: '2026-12-03', days: 3 });
    expect(report.volume).toBe(800n);
    expect(report.realValue).toBe(800n);
    expect(report.movements).toBe(2);
    expect(report.activeTraders).toBe(3);
    expect(report.perTrade).toEqual([
      { trade: 'care', volume: 500n },
      { trade: 'other', volume: 300n },
    ]);
    expect(report.sumOfBalances).toBe(0n);
  });
});

describe('the sweep’s prune of the economy’s days', () => {
  it('drops the months no period reaches any more and leaves a year’s report as it was', async () => {
    const store = fakeEconomy();
    // A payment every fifth day for 430 days before 15 March 2026: 15 months, the oldest out of reach.
    const start = Date.parse('2025-01-11T12:00:00Z');
    for (let i = 0; i * 5 < 430; i++) {
      const at = new Date(start + i * 5 * 86_400_000).toISOString();
      const base = { at, source: `pay${i}`, logIndex: i, trade: i % 2 ? 'care' : undefined };
      await countLine({ economy: store }, { ...base, accountId: 'person:ana', sequence: 0, amount: -100n });
      await countLine({ economy: store }, { ...base, accountId: 'person:ben', sequence: 1, amount: 100n });
    }
    const deps = { economy: store, now: () => new Date('2026-03-15T18:00:00Z') };
    const before = await economyReport(deps, 366);
    expect(await pruneEconomy(deps)).toBe(2);
    expect([...store.days.keys()].sort()[0]?.slice(0, 7)).toBe('2025-03');
    expect(await economyReport(deps, 366)).toEqual(before);
    expect(await pruneEconomy(deps)).toBe(0);
  });
});
