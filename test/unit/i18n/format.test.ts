import { describe, expect, it } from 'vitest';
import { translator } from '#domain/i18n/catalogue.ts';
import { formats } from '#domain/i18n/format.ts';
import type { Locale } from '#domain/i18n/locales.ts';

const format = (locale: Locale) => formats(locale, translator(locale));

describe('dates, numbers and money in the reader’s language', () => {
  it('writes a count with the locale’s grouping', () => {
    expect(format('en').number(12345)).toBe('12,345');
    expect(format('es').number(12345)).toBe('12.345');
    expect(format('nl').number(12345)).toBe('12.345');
  });

  it('writes a day in words, the same calendar day whatever the time zone', () => {
    expect(format('en').date('2026-12-07')).toBe('7 December 2026');
    expect(format('es').date('2026-12-07T23:30:00Z')).toBe('7 de diciembre de 2026');
    expect(format('nl').date('2026-12-07')).toBe('7 december 2026');
  });

  it('writes Bound exactly at any size, with a true minus sign', () => {
    expect(format('en').bound(123450n)).toBe('1,234.50 Bound');
    expect(format('es').bound(-123450n)).toBe('−1234,50 Bound');
    expect(format('nl').bound(12345678901234567890n)).toBe('123.456.789.012.345.678,90 Bound');
  });

  it('writes an opening’s pay in the locale’s currency style and words', () => {
    const pay = [
      { amount: 4200, currency: 'EUR', per: 'hour' },
      { amount: 100, currency: 'HOURS', per: 'day' },
    ];
    expect(format('en').pay(pay)).toBe('€42.00 per hour · 1 hour of labour per day');
    expect(format('es').pay(pay)).toBe('42,00\u00a0€ por hora · 1 hora de trabajo por día');
    expect(format('nl').pay(pay)).toBe('€\u00a042,00 per uur · 1 arbeidsuur per dag');
  });
});
