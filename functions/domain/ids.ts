// The ids people and pages put in addresses: checked before they reach a key, by the API's routes and
// the site's pages alike, so a 3,000-character or odd id is a 400 or a 404, never a store error.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';

/** A Guildhall id (a syndicate, an opening, a record, a course…): lowercase words, digits and hyphens. */
export const idSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .check(
      z.minLength(1),
      z.maxLength(100),
      z.regex(/^[a-z0-9-]+$/, 'Use the id as given: lowercase letters, digits and hyphens.'),
    ),
);

/** A person's id as it appears in an address (the issuer's subject): at most 128 characters. */
export const personIdSchema = /* @__PURE__ */ lazySchema(() => z.string().check(z.minLength(1), z.maxLength(128)));

/** Whether `value` can be an id at all (a page answers 404 for one that cannot). */
export const isId = (value: string | undefined): value is string => idSchema().safeParse(value).success;
