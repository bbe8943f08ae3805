// The economy in the open: GET /api/economy, the figures the stream keeps (domain/ledger/economy.ts),
// as JSON or CSV. One store call whatever the number of movements (economy-use-cases.ts): for the
// periods the page offers (7, 30, 90, 365 days), one small item, their snapshot (economy-snapshot.ts).
import { documented } from '#config/bundle.ts';
import * as z from 'zod/mini';
import { economyCsv } from '#domain/ledger/economy-csv.ts';
import { type EconomyFigures, maxPeriodDays } from '#domain/ledger/economy-figures.ts';
import { economyReport } from '#domain/ledger/economy-use-cases.ts';
import { publicRoute } from '../route.ts';
import { minorUnits, wholeNumber } from './params.ts';

// Open data: anyone may fetch it, from any origin; a minute old at most.
const openData = { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' };

/**
 * The figures as the answer's JSON, amounts as strings of digits: one pass (the `json` answer's copy
 * through a string and back, then its serialisation, cost three). A standard period's figures come from
 * the snapshot's parse cache (economy-snapshot-items.ts), frozen to the bottom and shared by every reader
 * of the same stored text, so their JSON is made once per stored text, and a new snapshot, new figures,
 * is answered from its own the moment it is read. Figures not frozen (a period read from the counts, a
 * snapshot just recomputed) are serialised each time.
 */
const answered = new WeakMap<EconomyFigures, string>();
export function figuresJson(figures: EconomyFigures): string {
  const kept = answered.get(figures);
  if (kept !== undefined) return kept;
  const text = JSON.stringify(figures, (_key, value) => (typeof value === 'bigint' ? value.toString() : value));
  if (Object.isFrozen(figures)) answered.set(figures, text);
  return text;
}

const figuresSchema = () => {
  const int = () => z.number().check(z.int());
  return z.object({
    period: z.object({ from: z.string(), to: z.string(), days: int() }),
    accounts: int().check(z.describe('Accounts that have moved Bound or been granted credit.')),
    activeTraders: int().check(z.describe('Accounts that moved Bound (paid or were paid) in the period.')),
    movements: int(),
    volume: minorUnits().check(z.describe('Bound paid in the period.')),
    realValue: minorUnits().check(
      z.describe('The real value created: the sum of the positive increments of every account in the period.'),
    ),
    velocity: z
      .nullable(z.number())
      .check(z.describe('Volume in the period over the sum of positive balances now; null when nobody holds Bound.')),
    positiveBalances: minorUnits(),
    perDay: z
      .optional(z.array(z.object({ day: z.string(), movements: int(), volume: minorUnits(), realValue: minorUnits() })))
      .check(z.describe('Every day of the period, for a period of 31 days or fewer; absent for a longer one.')),
    perMonth: z
      .array(
        z.object({
          month: z.string(),
          from: z.string(),
          to: z.string(),
          movements: int(),
          volume: minorUnits(),
          realValue: minorUnits(),
        }),
      )
      .check(z.describe('Every month the period touches, with the period’s first and last day in it.')),
    perTrade: z.array(z.object({ trade: z.string(), volume: minorUnits() })),
    histogram: z.array(
      z.object({ from: z.optional(minorUnits()), to: z.optional(minorUnits()), label: z.string(), accounts: int() }),
    ),
    nearLimit: int().check(z.describe('Accounts granted credit that have drawn nine tenths of it or more.')),
    sumOfBalances: minorUnits().check(z.describe('The sum of every balance, from the ledger’s totals: zero.')),
  });
};

export const economyRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/economy',
    auth: 'none',
    input: () => ({
      query: z.object({
        days: z._default(wholeNumber({ min: 1, max: maxPeriodDays }), 30),
        format: z.optional(z.enum(['json', 'csv'])),
      }),
    }),
    doc: documented && {
      summary: 'The economy in figures: accounts, active traders, volume, real value created, velocity, balances',
      tags: ['ledger'],
      responses: {
        200: {
          description:
            'The figures for the `days` days ending today (UTC), amounts in minor units as strings; CSV with `?format=csv` or `Accept: text/csv` (one row per figure: figure, key, value).',
          schema: figuresSchema,
          alternatives: [{ contentType: 'text/csv', schema: () => z.string() }],
        },
      },
    },
    async handle({ query, services, headers }) {
      const figures = await economyReport(services, query.days);
      if (query.format === 'csv' || (query.format !== 'json' && /\btext\/csv\b/.test(headers.accept ?? ''))) {
        return {
          body: economyCsv(figures),
          contentType: 'text/csv; charset=utf-8; header=present',
          headers: { ...openData, 'content-disposition': `inline; filename="economy-${figures.period.to}.csv"` },
        };
      }
      return {
        status: 200,
        body: figuresJson(figures),
        contentType: 'application/json; charset=utf-8',
        headers: openData,
      };
    },
  }),
];
