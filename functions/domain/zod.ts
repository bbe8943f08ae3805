// Every schema of the project is built with zod/mini: zod's own parser, with functions in place of
// methods (`z.optional(z.string().check(z.maxLength(80)))`), so a bundle carries only the kinds of
// schema and check it uses. zod's classic API carries every kind, and its JSON Schema generator, in any
// bundle that imports it: 100 KB of the API function against ~20 here.
// zod/mini sets no language for its messages (they would all read "Invalid input"): English is set
// here, once, before anything can parse, so every refusal reads as it always has.
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';

/**
 * A schema built the first time it is asked for, then kept. Importing a module builds none of its
 * schemas this way, so a cold start pays only for those its first request parses with (building one
 * costs ~16 µs, and the API declares well over a thousand). Unused ones are dropped from bundles.
 */
/* @__NO_SIDE_EFFECTS__ */
export function lazySchema<T>(build: () => T): () => T {
  let schema: T | undefined;
  return () => {
    schema ??= build();
    return schema;
  };
}
