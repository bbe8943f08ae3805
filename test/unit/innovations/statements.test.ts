import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValueReport } from '#domain/innovations/adoption.ts';
import type { LedgerEntry, RoyaltyEntry } from '#domain/innovations/innovation-repository.ts';
import {
  accountRows,
  boundDecimal,
  formatBound,
  jsonSafe,
  recordParts,
  statementCsv,
} from '#domain/innovations/statements.ts';
import { royaltySplit } from '#domain/ledger/royalty.ts';
import { splitByShares, WHOLE } from '#domain/ledger/shares.ts';

const entry = (at: string, amount: bigint, balanceAfter?: bigint): RoyaltyEntry => ({
  accountId: 'person:ana',
  at,
  amount,
  counterparty: 'syndicate:mill',
  kind: 'royalty',
  innovationId: 'rec',
  reportId: `r-${at}`,
  syndicateId: 'mill',
  sequence: 0,
  logIndex: 1,
  balanceAfter,
});

describe('amounts of Bound', () => {
  it.each([
    [0n, '0.00', '0.00 Bound'],
    [5n, '0.05', '0.05 Bound'],
    [-1234n, '-12.34', '−12.34 Bound'],
    [123456789n, '1234567.89', '1,234,567.89 Bound'],
    [10n ** 30n, `${10n ** 28n}.00`, `${(10n ** 28n).toLocaleString('en-GB')}.00 Bound`],
  ])('writes %s minor units as %s and %s', (minor, decimal, formatted) => {
    expect(boundDecimal(minor)).toBe(decimal);
    expect(formatBound(minor)).toBe(formatted);
  });

  it('turns bigints into strings of digits for JSON', () => {
    expect(jsonSafe({ a: 12n, b: [{ c: -3n }], d: 'x' })).toEqual({ a: '12', b: [{ c: '-3' }], d: 'x' });
  });
});

describe('statements', () => {
  it('shows each royalty with the balance it left, a share and an entry from before balances were kept with none', () => {
    const share: LedgerEntry = { ...entry('2026-11-02', 25n), kind: 'implementer-share', sequence: 100 };
    const rows = accountRows(
      [entry('2026-11-01', 100n, 100n), share, entry('2026-11-03', -40n, 60n), entry('2026-11-04', 5n)],
      new Map([['rec', 'Triage card']]),
    );
    expect(rows.map((r) => [r.at, r.kind, r.balance, r.title])).toEqual([
      ['2026-11-01', 'royalty-received', 100n, 'Triage card'],
      ['2026-11-02', 'implementer-share', undefined, 'Triage card'],
      ['2026-11-03', 'royalty-paid', 60n, 'Triage card'],
      ['2026-11-04', 'royalty-received', undefined, 'Triage card'],
    ]);
  });

  it('writes titles as text in the statement CSV, and amounts, negative ones too, as numbers', () => {
    const rows = accountRows([entry('2026-11-01', -1250n, -1250n)], new Map([['rec', '-1+1|cmd']]));
    expect(statementCsv(rows).split('\r\n')[1]).toBe(
      "2026-11-01,royalty-paid,rec,'-1+1|cmd,r-2026-11-01,mill,syndicate:mill,-1250,-12.50,-1250,,,",
    );
  });

  it('puts one row per movement in the statement CSV', () => {
    const csv = statementCsv(accountRows([entry('2026-11-01', 350n, 350n)], new Map()));
    expect(csv.split('\r\n')[1]).toBe(
      '2026-11-01,royalty-received,rec,rec,r-2026-11-01,mill,syndicate:mill,350,3.50,350,,,',
    );
  });

  it('shows a payment with its counterparty, memo and balance after, made or received by its sign', () => {
    const payment = (amount: bigint, memo: string): LedgerEntry => ({
      accountId: 'person:ana',
      at: '2026-11-05',
      amount,
      counterparty: 'syndicate:mill',
      kind: 'payment',
      paymentId: 'p1',
      memo,
      by: 'ana',
      sequence: 0,
      logIndex: 9,
      balanceAfter: amount,
    });
    const rows = accountRows([payment(-1250n, 'Bike repair'), payment(300n, '=SUM(A1)')], new Map());
    expect(rows.map((row) => [row.kind, row.counterparty, row.memo, row.balance, row.title])).toEqual([
      ['payment-sent', 'syndicate:mill', 'Bike repair', -1250n, undefined],
      ['payment-received', 'syndicate:mill', '=SUM(A1)', 300n, undefined],
    ]);
    // The memo is the payer's text: one that starts like a formula is written as text.
    expect(statementCsv(rows).split('\r\n').slice(1, 3)).toEqual([
      '2026-11-05,payment-sent,,,,,syndicate:mill,-1250,-12.50,-1250,p1,Bike repair,',
      "2026-11-05,payment-received,,,,,syndicate:mill,300,3.00,300,p1,'=SUM(A1),",
    ]);
  });

  it('names the order a payment paid, on the row and in the statement CSV', () => {
    const entry: LedgerEntry = {
      accountId: 'syndicate:mill',
      at: '2026-11-06',
      amount: 6000n,
      counterparty: 'person:ana',
      kind: 'payment',
      paymentId: 'order-o1',
      memo: 'Order o1: 3 × Bookkeeping',
      by: 'ana',
      orderId: 'o1',
      sequence: 1,
      logIndex: 10,
      balanceAfter: 6000n,
    };
    const rows = accountRows([entry], new Map());
    expect(rows[0]?.orderId).toBe('o1');
    expect(statementCsv(rows).split('\r\n')[1]).toBe(
      '2026-11-06,payment-received,,,,,person:ana,6000,60.00,6000,order-o1,Order o1: 3 × Bookkeeping,o1',
    );
  });

  it('pays out exactly the settled value to inventors and implementers, for any value and shares', () => {
    const sharesArb = (prefix: string) =>
      fc.integer({ min: 1, max: 5 }).chain((n) =>
        fc.array(fc.nat({ max: WHOLE }), { minLength: n - 1, maxLength: n - 1 }).map((cuts) => {
          const points = [0, ...cuts.sort((a, b) => a - b), WHOLE];
          return points.slice(1).map((p, i) => ({ id: `${prefix}${i}`, basisPoints: p - (points[i] as number) }));
        }),
      );
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 20n }),
        sharesArb('inv'),
        sharesArb('imp'),
        (value, inventors, implementers) => {
          const split = royaltySplit(value, inventors);
          const report = {
            id: 'r',
            syndicateId: 'mill',
            settlement: {
              settledAt: '2026-11-21',
              value,
              inventorsTotal: split.inventorsTotal,
              implementersTotal: split.implementers,
              inventorParts: split.inventors.map((p) => ({ personId: p.id, amount: p.amount })),
              implementerParts: splitByShares(split.implementers, implementers).map((p) => ({
                personId: p.id,
                amount: p.amount,
              })),
              logIndex: 0,
            },
          } as unknown as ValueReport;
          const parts = recordParts([report]);
          expect(parts.reduce((sum, p) => sum + p.amount, 0n)).toBe(value);
        },
      ),
    );
  });
});
