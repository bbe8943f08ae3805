// Shortage figures in a language: two decimals (or `places`), the language's decimal mark and no grouping
// (0.42 / 0,42), the same on the shortages page, its charts and trends, and a course's demand.
import { intlTags, type Locale } from '#domain/i18n/locales.ts';

export function decimalsIn(locale: Locale, places = 2): (value: number) => string {
  const format = new Intl.NumberFormat(intlTags[locale], {
    minimumFractionDigits: places,
    maximumFractionDigits: places,
    useGrouping: false,
  });
  return (value) => format.format(value);
}
