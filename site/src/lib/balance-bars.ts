// A balance histogram bar's range in the reader's language: the domain gives each bar its bounds (from,
// to, in minor units) and an English label for the API; the economy page words the same bounds here.
import type { Translate } from '#domain/i18n/catalogue.ts';
import type { HistogramBar } from '#domain/ledger/economy-figures.ts';

export function barInWords(t: Translate, number: (value: number) => string, bar: HistogramBar): string {
  // Whole Bound, grouped as the reader groups thousands, with a true minus sign.
  const whole = (minor: bigint) => `${minor < 0n ? '−' : ''}${number(Number((minor < 0n ? -minor : minor) / 100n))}`;
  const { from, to } = bar;
  if (to !== undefined && to < 0n) {
    // Below zero a bar runs up to, but not including, the edge after its highest balance.
    const edge = whole(to + 1n);
    return from === undefined ? t('economy.bar.under', edge) : t('economy.bar.range', whole(from), edge);
  }
  if (from === undefined || from <= 0n) return whole(0n);
  // Above zero a bar starts just over the edge before its lowest balance.
  const edge = whole(from - 1n);
  return to === undefined ? t('economy.bar.over', edge) : t('economy.bar.overTo', edge, whole(to));
}
