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
