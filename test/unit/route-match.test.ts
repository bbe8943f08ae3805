// matchRoute tries only the routes whose first two segments can be the path's: for any path, made of the
// route table's own segments, values and odd bits, it finds what trying every route in turn finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '#http/api.ts';
import { type CompiledRoute, compileRoutes, matchRoute } from '#http/router.ts';

const compiled = compileRoutes(apiRoutes);
// A table with parameters where the API has none (a first or second segment), in an order that matters.
const odd = [
  ['GET', '/api/things'],
  ['GET', '/api/{id}'],
  ['POST', '/api/{id}'],
  ['GET', '/{kind}/things'],
  ['PUT', '/{kind}/{id}'],
  ['GET', '/api'],
  ['DELETE', '/api/things/{id}'],
].map(([method, path]) => ({ method: method as string, path: path as string }));
const oddTable = compileRoutes(odd as unknown as typeof apiRoutes);

/** Every route tried in turn, as matchRoute did before it had an index. */
function everyRoute(table: CompiledRoute[], method: string, path: string) {
  const wanted = method === 'HEAD' ? 'GET' : method;
  const allowed: string[] = [];
  for (const entry of table) {
    if (!entry.pattern.test(path)) continue;
    if (!allowed.includes(entry.route.method)) allowed.push(entry.route.method);
    // The first route for the method answers; the methods listed are those met up to it.
    if (entry.route.method === wanted) return { found: `${entry.route.method} ${entry.route.path}`, allowed };
  }
  return { found: undefined, allowed };
}

const segments = [
  ...new Set([...apiRoutes, ...odd].flatMap((route) => route.path.split('/')).filter((s) => !s.startsWith('{'))),
  'abc',
  'demo-ada',
  '',
  '%2F',
  '{id}',
];
const paths = fc
  .array(fc.oneof(fc.constantFrom(...segments), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 6 })
  .chain((parts) => fc.constantFrom(`/${parts.join('/')}`, `/${parts.join('/')}/`));
const methods = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE');

describe('matchRoute', () => {
  it('finds the route and the allowed methods that trying every route finds, for any path', () => {
    fc.assert(
      fc.property(fc.constantFrom(compiled, oddTable), methods, paths, (table, method, path) => {
        const { found, allowed } = matchRoute(table, method, path);
        const expected = everyRoute(table, method, path);
        expect(allowed).toEqual(expected.allowed);
        expect(found && `${found.route.method} ${found.route.path}`).toEqual(expected.found);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds every route of the table by a path made from its template', () => {
    for (const [table, routes] of [
      [compiled, apiRoutes],
      [oddTable, odd],
    ] as const) {
      for (const route of routes) {
        const path = route.path.replace(/\{\w+\}/g, 'x1');
        const { found } = matchRoute(table, route.method, path);
        expect(found, path).toBeDefined();
        expect(everyRoute(table, route.method, path).found).toBe(`${found?.route.method} ${found?.route.path}`);
      }
    }
  });
});
