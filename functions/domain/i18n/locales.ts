// The languages Guildhall speaks, and how a request's address and headers choose one. English is the
// default and keeps the unprefixed addresses (`/jobs/`); the others live under their code (`/es/jobs/`),
// so a page's address alone says its language: a shared cache, a crawler and a link all agree.

export const locales = ['en', 'es', 'nl'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** Each language by its own name, as the switcher offers it: a reader finds theirs without knowing ours. */
export const localeNames: Record<Locale, string> = { en: 'English', es: 'Español', nl: 'Nederlands' };

/** The BCP 47 tag `Intl` formats with: dates, numbers and money read as they do in the places we serve. */
export const intlTags: Record<Locale, string> = { en: 'en-GB', es: 'es-ES', nl: 'nl-NL' };

export const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale);

/** The name of the cookie that remembers a language chosen on the site. */
export const languageCookie = 'guildhall-lang';

/** A path's language and the same path without its prefix: `/es/jobs/` → es, `/jobs/`. */
export function localeOfPath(pathname: string): { locale: Locale; rest: string } {
  const match = /^\/(es|nl)(?=\/|$)(.*)$/.exec(pathname);
  if (!match) return { locale: defaultLocale, rest: pathname };
  return { locale: match[1] as Locale, rest: match[2] || '/' };
}

/** An unprefixed site path in `locale`: `/jobs/` → `/es/jobs/`; English keeps it as it is. */
export function localizedPath(locale: Locale, path: string): string {
  if (locale === defaultLocale) return path;
  return path === '/' ? `/${locale}/` : `/${locale}${path}`;
}

/**
 * The language an `Accept-Language` header prefers among ours, by its q-values (RFC 9110 §12.5.4), or
 * undefined when it names none of them. `es-MX` counts as `es`; `*` says nothing we can act on.
 */
export function negotiateLocale(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .slice(0, 32)
    .map((part, order) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/i.exec(param)?.[1]).find(Boolean);
      return { language: range.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), order };
    })
    .filter((entry) => entry.q > 0 && isLocale(entry.language))
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked[0]?.language as Locale | undefined;
}
