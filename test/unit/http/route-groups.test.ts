// The route table is split into groups, one per Lambda function (functions/http/api.ts). In AWS, API
// Gateway picks a request's function by the most specific route; locally one router takes the first
// match. The two agree only if no path one group serves can be matched by another group's template.
import { describe, expect, it } from 'vitest';
import { apiRoutes, createApi, routeGroups } from '#http/api.ts';
import { createApiRouter } from '#http/api-handler.ts';
import { apiGroup } from '#http/groups/api-group.ts';
import { boundGroup } from '#http/groups/bound-group.ts';
import { marketGroup } from '#http/groups/market-group.ts';
import { decisionsGroup } from '#http/groups/decisions-group.ts';
import { innovationsGroup } from '#http/groups/innovations-group.ts';
import { ledgerGroup } from '#http/groups/ledger-group.ts';
import { peopleGroup } from '#http/groups/people-group.ts';
import type { HttpRequest } from '#http/router.ts';
import { fakeServices } from '../../support/services.ts';

/** Whether some concrete path matches both templates: same length, each segment equal or a parameter. */
function overlap(a: string, b: string): boolean {
  const [x, y] = [a.split('/'), b.split('/')];
  return (
    x.length === y.length && x.every((segment, i) => segment === y[i] || /^\{/.test(segment) || /^\{/.test(y[i] ?? ''))
  );
}

const request = (method: string, path: string): HttpRequest => ({
  method,
  path,
  rawQuery: '',
  headers: {},
  body: undefined,
  identity: null,
  requestId: 't',
});

describe('the route groups', () => {
  it('make up the whole table, each route in exactly one group', () => {
    expect(routeGroups.map((group) => group.name)).toEqual([
      'api',
      'learning-api',
      'practical-api',
      'innovations-api',
      'ledger-api',
      'people-api',
      'hiring-api',
      'bound-api',
      'market-api',
      'decisions-api',
      'federation-api',
    ]);
    const grouped = routeGroups.flatMap((group) => group.routes);
    expect(new Set(grouped).size).toBe(grouped.length);
    expect(new Set(grouped)).toEqual(new Set(apiRoutes));
  });

  it('never let a path one group serves match another group’s template, so API Gateway and the local router agree', () => {
    expect(overlap('/api/syndicates/{id}/adoptions', '/api/syndicates/{syndicateId}/adoptions')).toBe(true);
    const clashes = routeGroups.flatMap((group, i) =>
      routeGroups
        .slice(i + 1)
        .flatMap((other) =>
          group.routes.flatMap((a) =>
            other.routes.filter((b) => overlap(a.path, b.path)).map((b) => `${a.path} ~ ${b.path}`),
          ),
        ),
    );
    expect(clashes).toEqual([]);
  });

  it('answer another method on a registry log path 405 from the ledger router alone (so AWS routes it there)', async () => {
    const services = fakeServices();
    const apiOnly = createApiRouter(apiGroup.routes, services);
    const whole = createApi(services);
    expect((await apiOnly.handle(request('DELETE', '/api/registry-log/head'))).status).toBe(404);
    expect((await whole.handle(request('DELETE', '/api/registry-log/head'))).status).toBe(405);
    const ledgerOnly = createApiRouter(ledgerGroup.routes, services);
    expect((await ledgerOnly.handle(request('DELETE', '/api/registry-log/head'))).status).toBe(405);
    expect((await ledgerOnly.handle(request('GET', '/api/health'))).status).toBe(404);
    // The registry's own router no longer answers the log's paths: AWS sends them to the ledger's function.
    const innovationsOnly = createApiRouter(innovationsGroup.routes, services);
    expect((await innovationsOnly.handle(request('DELETE', '/api/innovations/x/draft'))).status).toBe(405);
    expect((await innovationsOnly.handle(request('GET', '/api/registry-log/head'))).status).toBe(404);
  });

  it('answer a profile path from the people router alone, and leave the catch-all to the api router', async () => {
    const services = fakeServices();
    const peopleOnly = createApiRouter(peopleGroup.routes, services);
    expect((await peopleOnly.handle(request('PUT', '/api/me'))).status).toBe(405);
    expect((await createApiRouter(apiGroup.routes, services).handle(request('PUT', '/api/me'))).status).toBe(404);
    expect((await peopleOnly.handle(request('GET', '/api/health'))).status).toBe(404);
  });

  it('answer a payment path from the Bound router alone, and leave the catch-all to the api router', async () => {
    const services = fakeServices();
    const boundOnly = createApiRouter(boundGroup.routes, services);
    expect((await boundOnly.handle(request('DELETE', '/api/payments'))).status).toBe(405);
    expect((await createApiRouter(apiGroup.routes, services).handle(request('DELETE', '/api/payments'))).status).toBe(
      404,
    );
    expect((await boundOnly.handle(request('GET', '/api/health'))).status).toBe(404);
  });

  it('answer a marketplace path from the market router alone, and leave the catch-all to the api router', async () => {
    const services = fakeServices();
    const marketOnly = createApiRouter(marketGroup.routes, services);
    expect((await marketOnly.handle(request('DELETE', '/api/offers'))).status).toBe(405);
    expect((await createApiRouter(apiGroup.routes, services).handle(request('DELETE', '/api/offers'))).status).toBe(
      404,
    );
    expect((await marketOnly.handle(request('GET', '/api/health'))).status).toBe(404);
  });

  it('answer a proposal path from the decisions router alone, and leave the catch-all to the api router', async () => {
    const services = fakeServices();
    const decisionsOnly = createApiRouter(decisionsGroup.routes, services);
    expect((await decisionsOnly.handle(request('DELETE', '/api/proposals'))).status).toBe(405);
    expect((await createApiRouter(apiGroup.routes, services).handle(request('DELETE', '/api/proposals'))).status).toBe(
      404,
    );
    expect((await decisionsOnly.handle(request('GET', '/api/health'))).status).toBe(404);
  });
});
