// How the project builds schemas. Every schema is zod/mini (`import * as z from 'zod/mini'`): zod's own
// parser, with functions in place of methods (`z.optional(z.string().check(z.maxLength(80)))`), so a
// bundle carries only the kinds of schema and check it uses. zod's classic API carries every kind, and
// its JSON Schema generator, in any bundle that imports it: 100 KB of the API function against ~40.
// Import zod/mini itself, as a namespace: a module that re-exported it would reach the site's function
// as a runtime namespace object (Vite leaves zod external), and that bundle would take all of zod.
//
// zod/mini sets no language for its messages (they would all read "Invalid input"), and zod's English
// locale writes for developers ("Too small: expected string to have >=5 characters"): Guildhall's own
// sentences (plain-words.ts) are set here, once. Every module that defines a schema imports
// `lazySchema` from here, and the modules that parse (validation.ts, config.ts) import this module
// too, so they are set before anything can parse.
import { config } from 'zod/mini';
import { plainError } from './plain-words.ts';

config({ customError: plainError });

/**
 * Set on `globalThis` by the mutation tests only (test/mutation/rebuild-schemas.ts): Stryker switches
 * mutants inside one running process, and a schema kept from the first build would keep whatever code
 * was active then, so each mutant of a schema's definition must see the schema built again.
 */
const rebuildSchemas = Symbol.for('guildhall.rebuild-schemas');

/**
 * A schema built the first time it is asked for, then kept. Importing a module builds none of its
 * schemas this way, so a cold start pays only for those its first request parses with (building one
 * costs ~16 µs, and the API declares well over a thousand). Unused ones are dropped from bundles when the
 * call is marked `const x = /* @__PURE__ *\/ lazySchema(…)`: esbuild (0.28) honours the annotation below
 * only within this file, so without the mark every schema of every module a bundle imports stays in it
 * (issue 19: 7 KB of `api`, 11 KB of innovations-api and learning-api).
 */
/* @__NO_SIDE_EFFECTS__ */
export function lazySchema<T>(build: () => T): () => T {
  let schema: T | undefined;
  return () => {
    if ((globalThis as { [rebuildSchemas]?: boolean })[rebuildSchemas]) return build();
    schema ??= build();
    return schema;
  };
}
