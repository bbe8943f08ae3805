import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiInfo, apiRoutes, createApi } from '#http/api.ts';
import { buildOpenApi } from '#http/openapi.ts';
import { compileOpenApi } from '#local/compile-openapi.ts';
import { callerFor } from '../support/api-client.ts';
import { fakeServices } from '../support/services.ts';

describe('the OpenAPI document', () => {
  const document = buildOpenApi(apiRoutes, { title: 'Guildhall API', version: 'test' });

  it('documents every route of the route table, and nothing else', () => {
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(apiRoutes.map((route) => `${route.method} ${route.path}`).sort());
  });

  it('marks protected routes as needing a bearer token and documents their 401', () => {
    const me = document.paths['/api/me']?.get as { security: unknown; responses: Record<string, unknown> };
    expect(me.security).toEqual([{ bearer: [] }]);
    expect(me.responses['401']).toBeDefined();
  });

  it('documents 409 on every protected write: a write can lose a race or meet a state that refuses it', () => {
    const decide = document.paths['/api/openings/{openingId}/applicants/{personId}/stage']?.put as {
      responses: Record<string, unknown>;
    };
    expect(decide.responses['409']).toBeDefined();
    const read = document.paths['/api/me']?.get as { responses: Record<string, unknown> };
    expect(read.responses['409']).toBeUndefined();
  });

  it('documents 503 on every operation: any call can meet a store that is down or busy', () => {
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods)) as Array<{
      responses: Record<string, unknown>;
    }>;
    expect(operations.filter((operation) => !operation.responses['503'])).toEqual([]);
  });

  it('documents how a quiz submission is refused, each as problem+json: lost race, rule or draw, and the wait', () => {
    const submit = document.paths['/api/me/enrollments/{courseId}/quiz-attempts']?.post as {
      responses: Record<string, { description: string; content?: Record<string, unknown> }>;
    };
    for (const status of ['404', '409', '422', '429']) {
      expect(Object.keys(submit.responses[status]?.content ?? {}), status).toEqual(['application/problem+json']);
    }
    expect(submit.responses['422']?.description).toContain('lessons-not-done');
    expect(submit.responses['429']?.description).toContain('Retry-After');
    const quiz = document.paths['/api/me/enrollments/{courseId}/quiz']?.get as { responses: Record<string, unknown> };
    expect(quiz.responses['200']).toBeDefined();
  });

  it('describes a free-text field by a shared schema of its lengths and a pattern that refuses invisible and unsafe text', () => {
    const body = document.paths['/api/syndicates']?.post as {
      requestBody: { content: { 'application/json': { schema: { properties: Record<string, unknown> } } } };
    };
    const name = body.requestBody.content['application/json'].schema.properties.name;
    expect(name).toEqual({ $ref: '#/components/schemas/OneLineText3To80' });
    const schemas = document.components.schemas as Record<string, Record<string, unknown>>;
    const shared = schemas.OneLineText3To80 as { pattern?: string; description?: string };
    // Lengths and pattern side by side, where a fuzzer that must build an over-long string can drop the pattern.
    expect(shared).toMatchObject({ type: 'string', minLength: 3, maxLength: 80 });
    expect(shared.description).toContain('at least 3 visible characters');
    const pattern = new RegExp(shared?.pattern ?? '', 'u');
    expect(['Riverside builders', ' Riverside ', 'Zoe\u0308'].every((value) => pattern.test(value))).toBe(true);
    expect(['\u200B\u200B\u200B', 'River\u202Eside', 'River\nside'].some((value) => pattern.test(value))).toBe(false);
  });

  it('points every reference at a schema the document holds', () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (match) => match[1] ?? '',
    );
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.filter((ref) => !(ref in document.components.schemas))).toEqual([]);
  });

  it('gives every operation a unique id', () => {
    const ids = Object.values(document.paths).flatMap((operations) =>
      Object.values(operations).map((operation) => (operation as { operationId: string }).operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is served as compiled at build time: the route table’s document, as compact JSON, cacheable', async () => {
    const file = compileOpenApi(join(mkdtempSync(join(tmpdir(), 'guildhall-openapi-')), 'openapi.json'));
    const call = callerFor(createApi(fakeServices({}, { OPENAPI_FILE: file })));
    const response = await call('GET', '/api/openapi.json', null);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.body).toEqual(JSON.parse(JSON.stringify(buildOpenApi(apiRoutes, apiInfo))));
  });

  it('refuses to document a route without its doc, as in a bundle built for AWS', () => {
    const [route] = apiRoutes;
    if (!route) throw new Error('no routes');
    expect(() => buildOpenApi([{ ...route, doc: false }], apiInfo)).toThrow(/has no doc/);
  });
});
