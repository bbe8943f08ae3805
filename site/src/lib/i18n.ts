// A page's language: the catalogue's words (`t`), `Intl` formats and the addresses of this page in every
// language, from `Astro.locals.locale`, which middleware.ts sets from the address before a page renders.
import { AsyncLocalStorage } from 'node:async_hooks';
import { type Translate, translator } from '#domain/i18n/catalogue.ts';
import { formats } from '#domain/i18n/format.ts';
import { defaultLocale, type Locale } from '#domain/i18n/locales.ts';

export interface PageLanguage {
  locale: Locale;
  t: Translate;
  format: ReturnType<typeof formats>;
  /** A skill level in words: foundation → "Foundation", "Básico", "Basis". */
  level: (level: 'foundation' | 'working' | 'proficient') => string;
}

export function pageLanguage(locals: { locale?: Locale }): PageLanguage {
  const locale = locals.locale ?? defaultLocale;
  const t = translator(locale);
  return { locale, t, format: formats(locale, t), level: (level) => t(`level.${level}`) };
}

/**
 * The language of the request being rendered, for code far from any page (a form's refusal messages,
 * lib/forms.ts): middleware.ts renders every page inside `requestLanguage.run(locale, …)`.
 */
export const requestLanguage = new AsyncLocalStorage<Locale>();
export const currentLocale = (): Locale => requestLanguage.getStore() ?? defaultLocale;
