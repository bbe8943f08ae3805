// What `npm run bench:scale` calls: every GET route of the API's route table, with ids the generated data
// holds, as the hot person where the route needs someone signed in. A route the table gains without a
// sample here stops the benchmark with its name, so the table stays complete. Lists are also read a
// second time with the cursor their first page gave (when they give one).
import type { createApi } from '#http/api.ts';
import { apiRoutes } from '#http/api.ts';
import { call } from './bench-store.ts';
import { skillNobodyAsks } from './jobs-seed.ts';

export interface Sample {
  label: string;
  path: string;
  as?: string | undefined;
}

type Api = ReturnType<typeof createApi>;

/**
 * Extra queries worth timing on their own: filters that make a paged list read further to fill a page.
 * The board by a skill: one no generated opening asks (bench/jobs-seed.ts), and one about one opening in a
 * hundred asks, eight or so at 1,000 openings: read 3 to a page, it has a full first and second page at
 * both sizes (with 20 to a page, 1,000-scale data would have one short page and no second).
 */
const variants: Record<string, Array<{ suffix: string; query: string }>> = {
  '/api/openings': [
    { suffix: 'a skill nobody asks', query: `pageSize=20&skill=${skillNobodyAsks}` },
    { suffix: 'a skill openings ask', query: 'pageSize=3&skill={skill}' },
  ],
  '/api/innovations': [
    { suffix: 'a skill', query: 'pageSize=20&skill={skill}' },
    { suffix: 'words', query: 'pageSize=20&q=triage%20card' },
  ],
  '/api/me/statement': [{ suffix: 'CSV', query: 'format=csv' }],
};

/** Queries for routes whose first page needs more than a page size. */
const queries: Record<string, string> = {
  '/api/search': 'q=carpenter&pageSize=20',
  '/api/registry-log/entries': 'start=0&end=100',
  '/api/registry-log/proofs/inclusion': 'leafIndex=7',
  '/api/registry-log/proofs/consistency': 'first=3&second=900',
  '/api/shortages/trend': 'days=30',
};

/**
 * The path parameters of the GET routes, each of which bench/scale.ts gives a sample value (the type makes
 * it give every one; test/unit/bench-scale-routes.test.ts checks that no GET route has one missing here).
 */
export const sampledParameters = [
  'courseId',
  'lessonId',
  'credentialId',
  'syndicateId',
  'openingId',
  'innovationId',
  'id',
  'personId',
  'requestId',
  'workLogId',
  'version',
  'skill',
  'offerId',
  'wantId',
  'orderId',
  'proposalId',
  'token',
  'identifier',
  'pathId',
  'taskId',
  'imageId',
  'slug',
  'date',
] as const;
export type SampledParameter = (typeof sampledParameters)[number];

/**
 * Where one route's parameter names another thing than the parameter's name says elsewhere: `{identifier}`
 * is a syndicate (a Group actor) under `/api/federation/actors/`, but an opening's Note under
 * `/api/federation/openings/`, which a syndicate id would time as a 404.
 */
const sampledAs: Record<string, Partial<Record<SampledParameter, SampledParameter>>> = {
  '/api/federation/openings/{identifier}': { identifier: 'openingId' },
};

export function samples(values: Record<SampledParameter, string>, person: string): Sample[] {
  const fill = (text: string, path: string) =>
    text.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = (values as Record<string, string>)[sampledAs[path]?.[name as SampledParameter] ?? name];
      if (value === undefined) throw new Error(`bench/scale-routes.ts has no sample for {${name}} in ${path}: add one`);
      return encodeURIComponent(value);
    });
  const list: Sample[] = [];
  for (const route of apiRoutes) {
    if (route.method !== 'GET') continue;
    const shape =
      (route.input?.().query as { def?: { shape?: Record<string, unknown> } } | undefined)?.def?.shape ?? {};
    const query = queries[route.path] ?? ('pageSize' in shape ? 'pageSize=20' : '');
    const as = route.auth === 'required' ? person : undefined;
    const path = fill(route.path, route.path);
    list.push({ label: route.path, path: query ? `${path}?${fill(query, route.path)}` : path, as });
    for (const variant of variants[route.path] ?? []) {
      list.push({ label: `${route.path}, ${variant.suffix}`, path: `${path}?${fill(variant.query, route.path)}`, as });
    }
  }
  return list;
}

/** Each list's second page, read by the cursor its first page hands out (a list without one has no row). */
export async function secondPages(api: Api, list: Sample[]): Promise<Sample[]> {
  const pages: Sample[] = [];
  for (const sample of list) {
    const { body } = await call(api, sample);
    const next = parseNext(body);
    if (!next) continue;
    const separator = sample.path.includes('?') ? '&' : '?';
    pages.push({
      label: `${sample.label}, page 2`,
      path: `${sample.path}${separator}cursor=${encodeURIComponent(next)}`,
      as: sample.as,
    });
  }
  return pages;
}

function parseNext(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { next?: unknown };
    return typeof parsed.next === 'string' ? parsed.next : undefined;
  } catch {
    return undefined;
  }
}
