// Prerendered pages are files, so their Content-Security-Policy (with the hashes of the scripts and
// styles Astro put in each) cannot travel in them: the site's adapter writes every page's policy to
// one JSON file at build time, beside the server bundle, and whoever serves the files reads it: the
// site's Lambda in AWS, the local gateway on one machine.
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';

export const prerenderedPoliciesFile = 'prerendered-policies.json';

/** One key per page: `/learn/x/`, `/learn/x`, `learn/x/index.html` and `learn/x.html` are one page. */
export function pageKey(path: string): string {
  const trimmed = path
    .replaceAll('\\', '/')
    .replace(/(^|\/)index\.html$/, '')
    .replace(/\.html$/, '')
    .replace(/^\/+|\/+$/g, '');
  return `/${trimmed}`;
}

/** A page's policy by its path or its file's path under the client folder; undefined if it has none. */
export type PrerenderedPolicies = (path: string) => string | undefined;

const policiesSchema = /* @__PURE__ */ lazySchema(() =>
  z.record(z.string().check(z.startsWith('/')), z.string().check(z.minLength(1))),
);

export function readPrerenderedPolicies(file: string): PrerenderedPolicies {
  let policies: Map<string, string>;
  try {
    policies = new Map(Object.entries(policiesSchema().parse(JSON.parse(readFileSync(file, 'utf8')))));
  } catch (error) {
    // Without it every prerendered page would lose its scripts to the strict fallback policy.
    throw new Error(`Cannot read ${file}: build the site again (npm run build).`, { cause: error });
  }
  return (path) => policies.get(pageKey(path));
}
