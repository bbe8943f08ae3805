// The query strings and path numbers the API's routes and the site's pages both read: the job board's,
// the registry's and search's filters, the catalog's hours, a registry-log index, a record's version.
// Apart from the route tables, so a page that reads a query takes none of them (nor their words).
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { tradeIds } from '#domain/content/commons.ts';
import { skillRefSchema } from '#domain/content/skill-ref.ts';
import { openingKinds } from '#domain/openings/opening.ts';
import { documentTypes, type SearchQuery, type SortField } from '#domain/search/search-port.ts';
import { cursorQuery, idParam as id, wholeNumber } from './params.ts';

export const boardQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    // A commons skill's id or an ESCO skill's URI, as openings store them (content/skill-ref.ts).
    skill: z.optional(skillRefSchema()),
    trade: z.optional(z.enum(tradeIds)),
    place: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
    remote: z.optional(
      z.pipe(
        z.enum(['true', 'false']),
        z.transform((value) => value === 'true'),
      ),
    ),
    payUnit: z.optional(
      z.string().check(z.regex(/^(BOUND|HOURS|[A-Z]{3})$/, 'Choose BOUND, HOURS or a currency code such as EUR.')),
    ),
    // Jobs or training places only; and the training places toward one course (a commons id).
    kind: z.optional(z.enum(openingKinds)),
    course: z.optional(id()),
    ...cursorQuery(),
  }),
);

export const registryQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    q: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
    trade: z.optional(z.enum(tradeIds)),
    skill: z.optional(id()),
    practice: z.optional(id()),
    adopted: z.optional(
      z.pipe(
        z.enum(['yes', 'no']),
        z.transform((value) => value === 'yes'),
      ),
    ),
    ...cursorQuery(),
  }),
);

/** The catalog's hours filter: courses of at most this many hours. */
export const courseHours = /* @__PURE__ */ lazySchema(() => wholeNumber({ min: 1, max: 1000 }));

/** An entry of the registry log by its index, and a size of its tree. */
export const logIndex = /* @__PURE__ */ lazySchema(() => wholeNumber({ min: 0, max: Number.MAX_SAFE_INTEGER }));

/** Lines in one page of a statement's CSV, and settlements in one of a record's (the API's and the site's). */
export const csvLines = 1000;
export const csvSettlements = 100;

/**
 * The headers of one page of a statement's CSV: a download named `name`, and the next page's address
 * (RFC 8288, relative to this request's, `?<query>cursor=…`) when there is more.
 */
export function csvHeaders(name: string, privacy: 'public' | 'private', next: string | undefined, query = '') {
  return {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}.csv"`,
    'cache-control': privacy === 'private' ? 'private, no-store' : 'public, max-age=60',
    ...(next ? { link: `<?${query}cursor=${encodeURIComponent(next)}>; rel="next"` } : {}),
  };
}

/** A published version of a record, from 1. */
export const versionNumber = /* @__PURE__ */ lazySchema(() => wholeNumber({ min: 1, max: 9999 }));

/** `?skills=a&skills=b` and `?skills=a` both become a list. */
const list = <T extends z.ZodMiniType<string>>(item: T) =>
  z.optional(
    z.pipe(
      z.union([item, z.array(item).check(z.maxLength(20))]),
      z.transform((value): Array<z.output<T>> => (Array.isArray(value) ? value : [value])),
    ),
  );
const shortText = /* @__PURE__ */ lazySchema(() => z.string().check(z.trim(), z.minLength(1), z.maxLength(80)));
const pay = /* @__PURE__ */ lazySchema(() => wholeNumber({ min: 0, max: 100_000_000 }));
const facetNames = ['type', 'skills', 'trade', 'place', 'remote', 'status', 'payUnit'] as const;

export const searchQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    q: z._default(z.string().check(z.maxLength(200)), ''),
    type: list(z.enum(documentTypes)),
    skills: list(shortText()),
    trade: list(shortText()),
    place: list(shortText()),
    status: list(shortText()),
    payUnit: list(shortText()),
    remote: z.optional(
      z.pipe(
        z.enum(['true', 'false']),
        z.transform((v) => v === 'true'),
      ),
    ),
    payMin: z.optional(pay()),
    payMax: z.optional(pay()),
    sort: z.optional(
      z.enum([
        'updatedAt:desc',
        'updatedAt:asc',
        'pay:desc',
        'pay:asc',
        'hours:asc',
        'hours:desc',
        'title:asc',
        'posted:desc',
        'posted:asc',
        'closes:asc',
        'closes:desc',
      ]),
    ),
    facets: list(z.enum(facetNames)),
    ...cursorQuery(),
  }),
);

export type SearchParams = z.infer<ReturnType<typeof searchQuerySchema>>;

/** From the query string's shape to the search port's (the page is the cursor's: see search-page.ts). */
export function toSearchQuery(params: SearchParams): Omit<SearchQuery, 'page' | 'pageSize'> {
  const [field, direction] = (params.sort ?? '').split(':') as [SortField, 'asc' | 'desc'];
  return {
    text: params.q,
    filters: {
      ...(params.type ? { type: params.type } : {}),
      ...(params.skills ? { skills: params.skills } : {}),
      ...(params.trade ? { trade: params.trade } : {}),
      ...(params.place ? { place: params.place } : {}),
      ...(params.status ? { status: params.status } : {}),
      ...(params.payUnit ? { payUnit: params.payUnit } : {}),
      ...(params.remote !== undefined ? { remote: params.remote } : {}),
      ...(params.payMin !== undefined || params.payMax !== undefined
        ? {
            pay: {
              ...(params.payMin !== undefined ? { min: params.payMin } : {}),
              ...(params.payMax !== undefined ? { max: params.payMax } : {}),
            },
          }
        : {}),
    },
    facets: params.facets ?? ['type', 'trade', 'skills', 'remote', 'payUnit'],
    ...(params.sort ? { sort: { field, direction } } : {}),
  };
}
