// How a page reaches its reader's language without a copy of the page per language. A request for
// `/es/jobs/` is answered by the page at `/jobs/` with `Astro.locals.locale` set to `es` (middleware.ts
// rewrites it; astro.config's i18n fallback makes Astro build the prerendered pages under each prefix
// too). The pages write their links unprefixed, as they always did; `localizeHtml` then keeps a reader
// of a Spanish page on Spanish pages by prefixing every link, form and redirect to another page.
import { defaultLocale, isLocale, type Locale, localizedPath, negotiateLocale } from '#domain/i18n/locales.ts';

// Not pages: the API, sign-in (it returns to `returnTo`, localized below), built assets, dev tools.
const notPages = /^\/(?:api|auth|_astro|_server-islands|dev|es|nl)(?:\/|$)/;
// A file, not a page: a feed, a download, an image (`/jobs/feed.xml`, `/me/profile/cv.pdf`).
const aFile = /\.[a-z0-9]{2,5}$/i;

/** A site address (path and query) as it reads on a page in `locale`; other addresses stay as they are. */
export function localizeHref(locale: Locale, href: string): string {
  if (locale === defaultLocale || !href.startsWith('/') || href.startsWith('//')) return href;
  const hashAt = href.indexOf('#');
  const hash = hashAt < 0 ? '' : href.slice(hashAt);
  const beforeHash = hashAt < 0 ? href : href.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  const path = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = queryAt < 0 ? undefined : beforeHash.slice(queryAt + 1);
  if (path.startsWith('/auth/') && query !== undefined) {
    // Sign-in and sign-out come back to `returnTo`: back to the page in the reader's language.
    const params = new URLSearchParams(query);
    const back = params.get('returnTo');
    if (back?.startsWith('/') && !back.startsWith('//')) params.set('returnTo', localizeHref(locale, back));
    return `${path}?${params}${hash}`;
  }
  if (notPages.test(path) || aFile.test(path)) return href;
  return localizedPath(locale, path) + (query === undefined ? '' : `?${query}`) + hash;
}

const tagWithAddress = /<(a|form|area)\b[^>]*>/gi;
const address = /\s(href|action)="(\/[^"]*)"/g;

/**
 * Every link and form target of a page's HTML in `locale`. A tag that names its own language
 * (`hreflang`: the language switcher, the alternates) is left as written. Scripts and styles are not
 * touched, so the hashes in the page's Content-Security-Policy still match.
 */
export function localizeHtml(html: string, locale: Locale): string {
  if (locale === defaultLocale) return html;
  return html.replace(tagWithAddress, (tag) => {
    if (/\shreflang=/i.test(tag)) return tag;
    return tag.replace(address, (_whole, name: string, value: string) => {
      const decoded = value.replaceAll('&amp;', '&');
      return ` ${name}="${localizeHref(locale, decoded).replaceAll('&', '&amp;')}"`;
    });
  });
}

/**
 * Where a visit to `/` should go: to `/es/` or `/nl/` when the reader chose that language before (the
 * cookie) or, on a first visit with no choice made, when their browser prefers it. An explicit `?lang=`
 * and an English choice stay on `/`, so there is no loop: only `/` ever redirects.
 */
export function homeRedirect(input: {
  cookie: string | undefined;
  acceptLanguage: string | null;
  lang: string | null;
}): Locale | undefined {
  if (input.lang !== null) return undefined;
  const chosen = isLocale(input.cookie) ? input.cookie : negotiateLocale(input.acceptLanguage);
  return chosen && chosen !== defaultLocale ? chosen : undefined;
}
