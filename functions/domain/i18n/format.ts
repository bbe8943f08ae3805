// Dates, numbers and money as a reader of each language expects them (`Intl`, from the locale's tag):
// 1,234.50 in English, 1.234,50 in Spanish and Dutch; "7 December 2026", "7 de diciembre de 2026".
import { boundDecimal } from '../innovations/statements.ts';
import type { Translate } from './catalogue.ts';
import { intlTags, type Locale } from './locales.ts';

const periods = new Set([
  'money.period.hour',
  'money.period.day',
  'money.period.week',
  'money.period.month',
  'money.period.job',
]);
const isPeriod = (key: string): key is 'money.period.hour' => periods.has(key);

export interface Formats {
  /** A count: 12,345 / 12.345. */
  number(value: number): string;
  /** A day (`2026-12-07`, or the day of a timestamp) in words, as the calendar of the UTC day. */
  date(iso: string): string;
  /** Minor units of Bound, exact at any size, with a true minus sign: "−1.234,50 Bound". */
  bound(minor: bigint): string;
  /** An opening's pay: "€42.00 per hour", "42,00 € por hora", "2 horas de trabajo por día". */
  pay(pay: ReadonlyArray<{ amount: number; currency: string; per: string }>): string;
}

const centsIn: Partial<Record<Locale, Intl.NumberFormat>> = {};

/**
 * Minor units of Bound as the number `Formats.bound` writes before "Bound" ("1.234,50"), exact at any
 * size, with a true minus sign: for the sentences kept apart from the catalogue (a refusal's).
 */
export function boundNumber(minor: bigint, locale: Locale): string {
  // One formatter per language, made when first used: a page of statements writes hundreds of amounts.
  let cents = centsIn[locale];
  if (!cents) {
    cents = new Intl.NumberFormat(intlTags[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    centsIn[locale] = cents;
  }
  // A decimal string keeps every digit: Intl formats strings exactly, where a Number would round.
  return `${minor < 0n ? '−' : ''}${cents.format(boundDecimal(minor < 0n ? -minor : minor) as unknown as number)}`;
}

export function formats(locale: Locale, t: Translate): Formats {
  const tag = intlTags[locale];
  const counts = new Intl.NumberFormat(tag);
  const days = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const upToCents = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const bound = (minor: bigint) => t('money.bound', boundNumber(minor, locale));
  const money = ({ amount, currency, per }: { amount: number; currency: string; per: string }) => {
    const major = amount / 100;
    const said =
      currency === 'BOUND'
        ? t('money.bound', upToCents.format(major))
        : currency === 'HOURS'
          ? t('money.hoursOfLabour', upToCents.format(major), major === 1)
          : new Intl.NumberFormat(tag, { style: 'currency', currency }).format(major);
    const period = `money.period.${per}`;
    return t('money.per', said, isPeriod(period) ? t(period) : per);
  };
  return {
    number: (value) => counts.format(value),
    date: (iso) => days.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    bound,
    pay: (pay) => pay.map(money).join(' · '),
  };
}
