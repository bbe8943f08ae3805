import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { BusyError, ConflictError, NotFoundError } from '#domain/errors.ts';
import { protectedRoute, publicRoute } from '#http/route.ts';
import { createRouter, type HttpRequest, queryObject } from '#http/router.ts';
import { createLogger } from '#platform/log.ts';
import type { RequestServed } from '#platform/telemetry.ts';
import { wholeNumber } from '#http/routes/params.ts';
import { fakeServices } from '../support/services.ts';

const echo = publicRoute<{ id: string }, { limit: number }, { title: string; count: number }>({
  method: 'POST',
  path: '/api/things/{id}',
  auth: 'none',
  input: () => ({
    params: z.object({ id: z.string().check(z.regex(/^[a-z]+$/)) }),
    query: z.object({ limit: z._default(wholeNumber({ min: 1, max: 50 }), 20) }),
    body: z.object({ title: z.string().check(z.minLength(1)), count: z.number().check(z.int()) }),
  }),
  doc: {
    summary: 'echo',
    tags: ['test'],
    responses: { 201: { description: 'made' } },
  },
  async handle({ params, query, body }) {
    return { status: 201, body: { id: params.id, limit: query.limit, ...body } };
  },
});

const routes = [
  echo,
  publicRoute({
    method: 'PUT',
    path: '/api/choices',
    auth: 'none',
    input: () => ({
      body: z.union([
        z.strictObject({ decision: z.enum(['approve', 'decline']) }),
        z.strictObject({ role: z.string(), rate: z.strictObject({ amount: z.number() }) }),
      ]),
    }),
    doc: {
      summary: 'one of two strict shapes',
      tags: ['test'],
      responses: { 200: { description: 'ok' } },
    },
    async handle({ body }) {
      return { body };
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/things/{id}',
    auth: 'none',
    doc: {
      summary: 'get',
      tags: ['test'],
      responses: { 200: { description: 'ok' } },
    },
    async handle({ identity }) {
      return { body: { sawIdentity: identity !== null } };
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/missing',
    auth: 'none',
    doc: {
      summary: 'throws not found',
      tags: ['test'],
      responses: {},
    },
    async handle() {
      throw new NotFoundError('course', 'nope');
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/busy',
    auth: 'none',
    doc: {
      summary: 'throws busy',
      tags: ['test'],
      responses: {},
    },
    async handle() {
      throw new BusyError('Too many changes at once.');
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/conflict',
    auth: 'none',
    doc: {
      summary: 'throws conflict',
      tags: ['test'],
      responses: {},
    },
    async handle() {
      throw new ConflictError('Already applied.');
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/bug',
    auth: 'none',
    doc: {
      summary: 'throws a bug',
      tags: ['test'],
      responses: {},
    },
    async handle() {
      throw new TypeError('secret internals');
    },
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/private',
    auth: 'required',
    doc: {
      summary: 'needs identity',
      tags: ['test'],
      responses: { 200: { description: 'ok' } },
    },
    async handle({ identity }) {
      return { body: { personId: identity.personId } };
    },
  }),
];

function router(exposeInternals = false, served: RequestServed[] = []) {
  return createRouter(routes, {
    services: fakeServices(),
    maxBodyBytes: 2048,
    exposeInternals,
    telemetry: { log: createLogger('silent'), requestServed: (record) => served.push(record) },
  });
}

function request(overrides: Partial<HttpRequest>): HttpRequest {
  return {
    method: 'GET',
    path: '/',
    rawQuery: '',
    headers: {},
    body: undefined,
    identity: null,
    requestId: 'req-1',
    ...overrides,
  };
}

const json = { 'content-type': 'application/json' };

describe('router', () => {
  it('validates path, query and body and passes typed values to the route', async () => {
    const response = await router().handle(
      request({
        method: 'POST',
        path: '/api/things/abc',
        rawQuery: 'limit=5',
        headers: json,
        body: '{"title":"Hi","count":2}',
      }),
    );
    expect(response.status).toBe(201);
    expect(JSON.parse(response.body)).toEqual({ id: 'abc', limit: 5, title: 'Hi', count: 2 });
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });

  it('lists every invalid field in one problem+json 400', async () => {
    const response = await router().handle(
      request({
        method: 'POST',
        path: '/api/things/ABC',
        rawQuery: 'limit=500',
        headers: json,
        body: '{"title":"","count":1.5}',
      }),
    );
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json');
    const problem = JSON.parse(response.body);
    expect(problem.status).toBe(400);
    expect(problem.errors.map((issue: { field: string }) => issue.field).sort()).toEqual([
      'body.count',
      'body.title',
      'path.id',
      'query.limit',
    ]);
  });

  it('explains each refused field in a plain English sentence, not a bare "Invalid input"', async () => {
    const response = await router().handle(
      request({ method: 'POST', path: '/api/things/abc', headers: json, body: '{"title":"","count":1.5}' }),
    );
    const problem = JSON.parse(response.body);
    expect(problem.errors).toEqual([
      { field: 'body.title', message: 'Fill this in.' },
      { field: 'body.count', message: 'Enter a whole number, for example 12.' },
    ]);
    expect(problem.detail).toBe('Title: Fill this in. Count: Enter a whole number, for example 12.');
  });

  it('explains a refusal in the language of Accept-Language, keeping the same field paths', async () => {
    const send = (language: string) =>
      router().handle(
        request({
          method: 'POST',
          path: '/api/things/abc',
          headers: { ...json, 'accept-language': language },
          body: '{"title":"","count":1.5}',
        }),
      );
    const spanish = await send('es-ES,es;q=0.9,en;q=0.5');
    expect(spanish.headers['content-language']).toBe('es');
    const problem = JSON.parse(spanish.body);
    expect(problem.errors).toEqual([
      { field: 'body.title', message: 'Rellena este campo.' },
      { field: 'body.count', message: 'Escribe un número entero; por ejemplo, 12.' },
    ]);
    expect(problem.detail).toBe('Título: Rellena este campo. Count: Escribe un número entero; por ejemplo, 12.');
    const dutch = JSON.parse((await send('nl')).body);
    expect(dutch.errors.map((issue: { field: string }) => issue.field)).toEqual(['body.title', 'body.count']);
    expect(dutch.detail).toBe('Titel: Vul dit in. Count: Vul een heel getal in, bijvoorbeeld 12.');
    expect(JSON.parse((await send('fr-FR')).body).detail).toBe(
      'Title: Fill this in. Count: Enter a whole number, for example 12.',
    );
  });

  it('builds a route’s schemas the first time the route is matched, once, and no other route’s', async () => {
    const builds = { a: 0, b: 0 };
    const counted = (name: 'a' | 'b') =>
      publicRoute({
        method: 'GET',
        path: `/api/${name}`,
        auth: 'none',
        input: () => {
          builds[name]++;
          return { query: z.object({ n: z._default(wholeNumber({ min: 1, max: 9 }), 1) }) };
        },
        doc: {
          summary: name,
          tags: ['test'],
          responses: { 200: { description: 'ok' } },
        },
        async handle({ query }) {
          return { body: query };
        },
      });
    const lazyRouter = createRouter([counted('a'), counted('b')], {
      services: fakeServices(),
      maxBodyBytes: 2048,
      exposeInternals: false,
      telemetry: { log: createLogger('silent'), requestServed: () => {} },
    });
    expect(builds).toEqual({ a: 0, b: 0 });
    expect((await lazyRouter.handle(request({ path: '/api/a', rawQuery: 'n=2' }))).body).toBe('{"n":2}');
    expect((await lazyRouter.handle(request({ path: '/api/a', rawQuery: 'n=x' }))).status).toBe(400);
    expect(builds).toEqual({ a: 1, b: 0 });
  });

  it('names each field the request may not send, nested ones by their path', async () => {
    const send = async (body: string) =>
      JSON.parse((await router().handle(request({ method: 'PUT', path: '/api/choices', headers: json, body }))).body);
    const top = await send('{"decision":"approve","balance":5,"__proto__":{"admin":true}}');
    expect(top.status).toBe(400);
    expect(top.errors).toEqual([
      { field: 'body.balance', message: 'This request does not take this field.' },
      { field: 'body.__proto__', message: 'This request does not take this field.' },
    ]);
    // No shape matches: the problem explains the one the request came closest to.
    const nested = await send('{"role":"admin","rate":{"amount":1,"owner":"x"}}');
    expect(nested.errors).toEqual([{ field: 'body.rate.owner', message: 'This request does not take this field.' }]);
  });

  it('answers 400 naming the body when the JSON does not parse', async () => {
    const response = await router().handle(
      request({ method: 'POST', path: '/api/things/abc', headers: json, body: '{"title":' }),
    );
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).errors).toEqual([{ field: 'body', message: 'The body is not valid JSON.' }]);
  });

  it('answers 400 naming the body when a body is required and missing', async () => {
    const response = await router().handle(request({ method: 'POST', path: '/api/things/abc', headers: json }));
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).errors[0].field).toBe('body');
  });

  it('refuses a body over the cap with 413 before parsing it', async () => {
    const body = JSON.stringify({ title: 'x'.repeat(3000), count: 1 });
    const response = await router().handle(request({ method: 'POST', path: '/api/things/abc', headers: json, body }));
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body).type).toMatch(/payload-too-large$/);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await router().handle(
      request({ method: 'POST', path: '/api/things/abc', headers: { 'content-type': 'text/plain' }, body: 'title=x' }),
    );
    expect(response.status).toBe(415);
  });

  it('answers 404 as problem+json for an unknown path', async () => {
    const response = await router().handle(request({ path: '/api/nothing-here' }));
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body).title).toBe('Not found');
  });

  it('answers 405 with Allow listing the methods the path has', async () => {
    const response = await router().handle(request({ method: 'DELETE', path: '/api/things/abc' }));
    expect(response.status).toBe(405);
    expect(response.headers.allow?.split(', ').sort()).toEqual(['GET', 'POST']);
  });

  it('maps domain errors by class: not found to 404, conflict to 409', async () => {
    expect((await router().handle(request({ path: '/api/missing' }))).status).toBe(404);
    expect((await router().handle(request({ path: '/api/conflict' }))).status).toBe(409);
  });

  it('answers a writer that gave up in a crowd with 503 busy and Retry-After, so the client asks again', async () => {
    const response = await router().handle(request({ path: '/api/busy' }));
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(JSON.parse(response.body).type).toBe('https://guildhall.coop/problems/busy');
  });

  it('hides the details of an unexpected error unless running locally', async () => {
    const hidden = JSON.parse((await router(false).handle(request({ path: '/api/bug' }))).body);
    expect(hidden).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500, instance: '/api/bug' });
    const shown = JSON.parse((await router(true).handle(request({ path: '/api/bug' }))).body);
    expect(shown.detail).toBe('TypeError: secret internals');
  });

  it('answers 401 on a protected route without identity and passes the identity when present', async () => {
    expect((await router().handle(request({ path: '/api/private' }))).status).toBe(401);
    const ok = await router().handle(request({ path: '/api/private', identity: { personId: 'p1' } }));
    expect(JSON.parse(ok.body)).toEqual({ personId: 'p1' });
  });

  it('never hands an identity to a public route, as API Gateway would not either', async () => {
    const response = await router().handle(request({ path: '/api/things/abc', identity: { personId: 'p1' } }));
    expect(JSON.parse(response.body)).toEqual({ sawIdentity: false });
  });

  it('puts the request id on every response, errors included', async () => {
    for (const path of ['/api/things/abc', '/api/nothing', '/api/bug']) {
      expect((await router().handle(request({ path, requestId: 'abc-123' }))).headers['x-request-id']).toBe('abc-123');
    }
  });

  it('reports each request once, by its route template and status, whatever the outcome', async () => {
    const served: RequestServed[] = [];
    const api = router(false, served);
    await api.handle(
      request({ method: 'POST', path: '/api/things/abc', headers: json, body: '{"title":"Hi","count":2}' }),
    );
    await api.handle(request({ path: '/api/things/xyz', requestId: 'r-2', identity: { personId: 'p1' } }));
    await api.handle(request({ path: '/api/conflict' }));
    await api.handle(request({ path: '/api/bug' }));
    await api.handle(request({ path: '/api/nothing-here' }));
    await api.handle(request({ method: 'DELETE', path: '/api/things/abc' }));
    expect(served.map(({ route, status }) => `${route} ${status}`)).toEqual([
      'POST /api/things/{id} 201',
      'GET /api/things/{id} 200',
      'GET /api/conflict 409',
      'GET /api/bug 500',
      // No route: one name for every unknown path, so a scan of made-up paths cannot make new metrics.
      'unmatched 404',
      'unmatched 405',
    ]);
    expect(served[1]).toMatchObject({
      correlationId: 'r-2',
      method: 'GET',
      path: '/api/things/xyz',
      personId: 'p1',
    });
    expect(served.every((record) => record.durationMs >= 0)).toBe(true);
  });

  it('answers HEAD like GET without a body', async () => {
    const response = await router().handle(request({ method: 'HEAD', path: '/api/things/abc' }));
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
  });
});

describe('queryObject', () => {
  it('keeps single keys as strings and repeated keys as arrays', () => {
    expect(queryObject('skill=a&skill=b&q=weld')).toEqual({ skill: ['a', 'b'], q: 'weld' });
  });

  it('makes no prototype from a __proto__ key', () => {
    const query = queryObject('__proto__=x&constructor=y');
    expect(Object.getPrototypeOf(query)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
