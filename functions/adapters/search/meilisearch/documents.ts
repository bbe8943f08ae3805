// Search documents as Meilisearch stores them, and back. Meilisearch accepts only `[A-Za-z0-9_-]` in
// document ids, at most 511 bytes, and ours read `<type>:<natural id>` (`lesson:course/lesson`) of any
// length. So each document carries its id as a field and a `key` derived from it: the SHA-256 of the id
// in base64url, 43 characters whatever the id, the same on every upsert, and different for different ids
// (a collision is as likely as guessing a 128-bit secret). The key is never read back: hits carry `id`.
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { documentTypes, type SearchDocument } from '#domain/search/search-port.ts';
import { primaryKey } from './settings.ts';

export function documentKey(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('base64url');
}

/** The document to store: only the port's fields (no stray properties), plus the key. */
export function toMeilisearchDocument(document: SearchDocument): Record<string, unknown> {
  const { id, type, title, summary, body, url, skills, trade, practice, place, remote, status, pay, payUnit, hours } =
    document;
  const stored: Record<string, unknown> = {
    [primaryKey]: documentKey(id),
    id,
    type,
    title,
    summary,
    body,
    url,
    skills: [...skills],
    updatedAt: document.updatedAt,
  };
  const optional = {
    trade,
    practice,
    kind: document.kind,
    course: document.course,
    place,
    remote,
    status,
    pay,
    payUnit,
    hours,
    ...datesOf(document),
  };
  for (const [name, value] of Object.entries(optional)) if (value !== undefined) stored[name] = value;
  return stored;
}

const datesOf = ({ posted, closes, origin }: SearchDocument) => ({ posted, closes, origin });

// Absent optional fields are omitted when stored; null is accepted too, in case a document was written
// by another tool.
const optionalString = /* @__PURE__ */ lazySchema(() => z.nullish(z.string()));
const optionalNumber = /* @__PURE__ */ lazySchema(() => z.nullish(z.number()));

/** A hit as Meilisearch returns it: the displayed attributes (not `body`) and `_formatted`. */
export const hitSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    id: z.string(),
    type: z.enum(documentTypes),
    title: z.string(),
    summary: z.string(),
    url: z.string(),
    skills: z.array(z.string()),
    trade: optionalString(),
    practice: optionalString(),
    kind: optionalString(),
    course: optionalString(),
    place: optionalString(),
    remote: z.nullish(z.boolean()),
    status: optionalString(),
    pay: optionalNumber(),
    payUnit: optionalString(),
    hours: optionalNumber(),
    updatedAt: z.string(),
    posted: optionalString(),
    closes: optionalString(),
    origin: optionalString(),
    _formatted: z.optional(z.partial(z.object({ title: z.unknown(), summary: z.unknown() }))),
  }),
);

export type Hit = z.infer<ReturnType<typeof hitSchema>>;

/** The port's document from a hit; `body` is not displayed, so it is empty, as in the embedded engine. */
export function documentFromHit(hit: Hit): SearchDocument {
  const {
    _formatted,
    trade,
    practice,
    kind,
    course,
    place,
    remote,
    status,
    pay,
    payUnit,
    hours,
    posted,
    closes,
    origin,
    ...required
  } = hit;
  const document: SearchDocument = { ...required, body: '' };
  if (trade != null) document.trade = trade;
  if (practice != null) document.practice = practice;
  if (kind != null) document.kind = kind;
  if (course != null) document.course = course;
  if (place != null) document.place = place;
  if (remote != null) document.remote = remote;
  if (status != null) document.status = status;
  if (pay != null) document.pay = pay;
  if (payUnit != null) document.payUnit = payUnit;
  if (hours != null) document.hours = hours;
  if (posted != null) document.posted = posted;
  if (closes != null) document.closes = closes;
  if (origin != null) document.origin = origin;
  return document;
}

/** The fields `get` reads: a hit's, without `_formatted` (the documents route highlights nothing). */
export const hitFields = () => Object.keys(hitSchema().shape).filter((field) => field !== '_formatted');

/** `GET /indexes/{uid}/documents?ids=…`: the documents read by key. */
export const documentPageSchema = /* @__PURE__ */ lazySchema(() => z.object({ results: z.array(hitSchema()) }));

/** One page of `GET /indexes/{uid}/documents?fields=id,updatedAt`. */
export const idPageSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    results: z.array(z.object({ id: z.string(), updatedAt: z.string() })),
    total: z.number(),
  }),
);
