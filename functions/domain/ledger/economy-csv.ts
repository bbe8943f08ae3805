// The economy's figures as one CSV (open data): one row per figure, in long form (figure, key, value),
// so a day, a month, a trade or a bar of the histogram is a row and every figure fits one header. Days
// only for a period of at most a month (economy-months.ts); months always.
import { type CsvCell, toCsv } from '../csv.ts';
import { decimal } from '../decimal.ts';
import type { EconomyFigures } from './economy-figures.ts';

const bound = (minor: bigint) => decimal(minor, 2);

export function economyCsv(figures: EconomyFigures): string {
  const rows: CsvCell[][] = [
    ['period-from', null, figures.period.from],
    ['period-to', null, figures.period.to],
    ['accounts', null, figures.accounts],
    ['active-traders', null, figures.activeTraders],
    ['movements', null, figures.movements],
    ['volume', null, bound(figures.volume)],
    ['real-value-created', null, bound(figures.realValue)],
    ['velocity', null, figures.velocity],
    ['positive-balances', null, bound(figures.positiveBalances)],
    ['accounts-near-limit', null, figures.nearLimit],
    ['sum-of-balances', null, bound(figures.sumOfBalances)],
    ...(figures.perDay ?? []).flatMap((d): CsvCell[][] => [
      ['movements-per-day', d.day, d.movements],
      ['volume-per-day', d.day, bound(d.volume)],
      ['real-value-per-day', d.day, bound(d.realValue)],
    ]),
    ...figures.perMonth.flatMap((m): CsvCell[][] => [
      ['movements-per-month', m.month, m.movements],
      ['volume-per-month', m.month, bound(m.volume)],
      ['real-value-per-month', m.month, bound(m.realValue)],
    ]),
    ...figures.perTrade.map((t): CsvCell[] => ['volume-per-trade', t.trade, bound(t.volume)]),
    ...figures.histogram.map((bar): CsvCell[] => ['accounts-by-balance', bar.label, bar.accounts]),
  ];
  return toCsv(['figure', 'key', 'value'], rows);
}
