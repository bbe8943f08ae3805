// Schemas every route table shares: ids in paths, whole numbers in paths and queries, and the paging
// of lists. The site's pages read numbers from their URLs with the same functions.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { idSchema } from '#domain/ids.ts';
import { defaultPageSize, maxCursorLength, maxPageSize } from '#domain/paging.ts';

/** A Guildhall id in a path or query: lowercase words, digits and hyphens (see domain/ids.ts). */
export const idParam = idSchema;

/** A credential's id in a path, as it was issued (only ids made unguessable exist; any other is 404). */
export const credentialIdParam = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .check(
      z.minLength(1),
      z.maxLength(300),
      z.regex(/^[A-Za-z0-9._-]+$/, 'Use the credential id exactly as it was given.'),
    ),
);

export interface WholeNumberRange {
  min: number;
  max: number;
}

/**
 * A whole number as a URL writes it: plain ASCII digits, a minus only where negatives are allowed,
 * no leading zeros. Anything else (empty, spaces, `0x10`, `1e3`, `+1`, `-0`, `1.0`, other scripts'
 * digits) is refused rather than guessed at, as `Number()` and `z.coerce.number()` would: they read
 * `''` and `' '` as 0 and `0x10` as 16. `undefined` when the text is not such a number or out of range.
 */
export function parseWholeNumber(text: string, { min, max }: WholeNumberRange): number | undefined {
  // The longest canonical form of a number in range; checked first, so a huge input costs nothing.
  const longest = Math.max(String(min).length, String(max).length);
  if (text.length > longest) return undefined;
  if (!(min < 0 ? /^(?:0|-?[1-9][0-9]*)$/ : /^(?:0|[1-9][0-9]*)$/).test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

function wholeNumberMessage({ min, max }: WholeNumberRange): string {
  const signs = min < 0 ? 'a minus sign only before a negative number; no spaces, plus sign' : 'no spaces, signs';
  return `Write a whole number from ${min} to ${max} in plain digits, such as ${min}: ${signs}, decimal point, exponent or leading zeros.`;
}

/**
 * A whole number in a path or query, parsed by `parseWholeNumber` into a number. The OpenAPI document
 * describes it as what it is on the wire: an integer with its bounds (OpenAPI writes an integer
 * parameter in decimal digits), so generated clients and Schemathesis send only values it accepts.
 */
export function wholeNumber(range: WholeNumberRange) {
  if (!Number.isSafeInteger(range.min) || !Number.isSafeInteger(range.max) || range.min > range.max) {
    throw new RangeError(`Bad whole-number range ${range.min}..${range.max}.`);
  }
  const message = wholeNumberMessage(range);
  return z
    .pipe(
      z.string({ error: message }),
      z.transform((text, context) => {
        const value = parseWholeNumber(text, range);
        if (value === undefined) {
          context.issues.push({ code: 'custom', message, input: text });
          return z.NEVER;
        }
        return value;
      }),
    )
    .check(z.meta({ type: 'integer', minimum: range.min, maximum: range.max }));
}

/**
 * A page of a list read by cursor (see domain/paging.ts): `cursor` from the previous page's `next`,
 * and how many items at most. Every list route takes these and answers `{ items, next? }`.
 */
export const cursorQuery = /* @__PURE__ */ lazySchema(() => ({
  cursor: z
    .optional(z.string().check(z.minLength(1), z.maxLength(maxCursorLength)))
    .check(z.describe('The `next` of the page before; none for the first page.')),
  pageSize: z._default(wholeNumber({ min: 1, max: maxPageSize }), defaultPageSize),
}));

/** Amounts of Bound in answers: minor units as a string of digits (JSON numbers cannot hold them all). */
export const minorUnits = /* @__PURE__ */ lazySchema(() =>
  z.string().check(z.regex(/^-?\d+$/), z.describe('Minor units of Bound, as a string of digits.')),
);
