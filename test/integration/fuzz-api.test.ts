// Throws malformed input at every route of the API (path, query, body, headers) through the real
// router and DynamoDB Local: no input may produce a 5xx or pollute a prototype.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryRateLimiter } from '#domain/limits/rate-limiter.ts';
import { apiRoutes } from '#http/api.ts';
import { createApi } from '#http/api.ts';
import { apiOnFreshTable } from '../support/api-client.ts';

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '..',
    '%',
    '%00',
    '\u0000',
    '\ud800',
    '🧰',
    'NaN',
    '-1',
    '1e309',
    ' ',
    '',
  ),
  fc.string({ minLength: 5000, maxLength: 20_000 }),
  fc.integer().map(String),
);
/** Lone surrogates cannot be encoded; send them as the broken bytes a client might. */
const encode = (segment: string) => {
  try {
    return encodeURIComponent(segment);
  } catch {
    return '%ED%A0%80';
  }
};
const deep = (depth: number): unknown => (depth === 0 ? 'x' : { a: deep(depth - 1) });
const bodies = fc.oneof(
  fc.anything({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'status', 'filled', 'id', 'pk', 'version'), fc.anything()),
  fc.constant(deep(500)),
  fc.array(fc.integer(), { minLength: 1000, maxLength: 5000 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 1e308, -0, null),
);

describe('fuzzing every route', () => {
  it('answers 10,000 malformed requests without a single 5xx or polluted prototype', async () => {
    const { services } = await apiOnFreshTable();
    const router = createApi({ ...services, rateLimiter: memoryRateLimiter({ limit: 1_000_000, windowSeconds: 60 }) });
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...apiRoutes),
        fc.array(nasty, { maxLength: 4 }),
        fc.dictionary(
          fc.oneof(fc.constantFrom('q', 'page', 'pageSize', 'trade', 'skill', 'type', '__proto__'), fc.string()),
          nasty,
          { maxKeys: 5 },
        ),
        fc.oneof(
          bodies.map((b) => JSON.stringify(b) ?? 'undefined'),
          fc.string(),
          fc.constant(undefined),
        ),
        fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8', undefined),
        fc.option(fc.constantFrom('fuzzer', 'other', '__proto__')),
        async (route, segments, query, body, contentType, personId) => {
          let index = 0;
          const path = route.path.replace(/\{\w+\}/g, () => encode(segments[index++] ?? 'x'));
          const response = await router.handle({
            method: route.method,
            path,
            rawQuery: new URLSearchParams(query).toString(),
            headers: contentType ? { 'content-type': contentType } : {},
            body,
            identity: personId ? { personId } : null,
            requestId: 'fuzz',
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status >= 500)
            throw new Error(`${route.method} ${path} → ${response.status}: ${response.body.slice(0, 300)}`);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(Object.getPrototypeOf({})).toBe(Object.prototype);
        },
      ),
      { numRuns: 10_000 },
    );
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
    expect(statuses.get(400)).toBeGreaterThan(1000);
  }, 300_000);
});
