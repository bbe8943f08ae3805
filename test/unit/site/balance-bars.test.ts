import { describe, expect, it } from 'vitest';
import { translator } from '../../../functions/domain/i18n/catalogue.ts';
import { formats } from '../../../functions/domain/i18n/format.ts';
import type { Locale } from '../../../functions/domain/i18n/locales.ts';
import { histogramBars } from '../../../functions/domain/ledger/economy-figures.ts';
import { barInWords } from '../../../site/src/lib/balance-bars.ts';

const bars = histogramBars({});
const inWords = (locale: Locale) => {
  const t = translator(locale);
  const { number } = formats(locale, t);
  return bars.map((bar) => barInWords(t, number, bar));
};

describe('the economy page’s balance ranges', () => {
  it('words every bar in English exactly as the API labels it', () => {
    expect(inWords('en')).toEqual(bars.map((bar) => bar.label));
  });

  it('words the ranges in Spanish and Dutch, thousands grouped the reader’s way', () => {
    const es = inWords('es');
    const nl = inWords('nl');
    expect(es[0]).toMatch(/^menos de −\d/);
    expect(es.at(-1)).toMatch(/^más de \d/);
    expect(nl[0]).toMatch(/^onder −\d/);
    expect(nl.at(-1)).toMatch(/^boven \d/);
    // Spanish groups thousands from five digits on, Dutch from four.
    expect(es[0]).toBe('menos de −5000');
    expect(nl[0]).toBe('onder −5.000');
    expect(nl.join(' ')).not.toContain(',000');
    expect(es).toContain('0');
  });
});
