// A count as the reader's language writes it (12,345 / 12.345), for the refusal files kept apart from
// the catalogue. Its own small module, importing only the locales: every API function carries one of
// those files, and format.ts would bring the statements' Bound arithmetic along.
import { intlTags, type Locale } from './locales.ts';

export const countIn = (value: number | bigint, locale: Locale) =>
  new Intl.NumberFormat(intlTags[locale]).format(value);
