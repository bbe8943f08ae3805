import { describe, expect, it } from 'vitest';
import { createServices } from '#app/services.ts';
import { parseConfig } from '#config/config.ts';
import { createApi } from '#http/api.ts';
import type { HttpRequest } from '#http/router.ts';
import { freshTable, localEndpoint, uniqueId } from '../support/dynamodb.ts';
import { commons } from '../support/services.ts';

async function api(tableName: string) {
  const config = parseConfig({
    STAGE: 'test',
    AWS_REGION: 'eu-west-1',
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: localEndpoint(),
    AUTH_ISSUER: 'https://issuer.test',
    AUTH_AUDIENCE: 'test',
    AUTH_JWKS: JSON.stringify({ keys: [{ kty: 'RSA', n: 'AQAB', e: 'AQAB' }] }),
    LOG_LEVEL: 'silent',
  });
  return createApi(createServices(config, { commons }));
}

const get = (path: string, identity: HttpRequest['identity'] = null): HttpRequest => ({
  method: 'GET',
  path,
  rawQuery: '',
  headers: {},
  body: undefined,
  identity,
  requestId: 'it',
});

describe('the API against DynamoDB Local', () => {
  it('reports a healthy store', async () => {
    const { tableName } = await freshTable();
    const response = await (await api(tableName)).handle(get('/api/health'));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({
      status: 'ok',
      checks: { store: { status: 'ok', table: tableName }, search: { status: 'ok' } },
    });
  });

  it('serves a lesson as markdown and as safe HTML whose outline starts under the page title', async () => {
    const { tableName } = await freshTable();
    const response = await (await api(tableName)).handle(
      get('/api/courses/timber-stud-partition-walls/lessons/01-safety-tools-and-materials'),
    );
    expect(response.status).toBe(200);
    const lesson = JSON.parse(response.body);
    expect(lesson.markdown).toMatch(/^#{1,2} /m);
    expect(lesson.html).toMatch(/^<p>Before you cut/);
    expect(lesson.html).toMatch(/<h2>/);
    expect(lesson.html).not.toMatch(/<h1[\s>]/);
  });

  it('reports 503 when the table is missing', async () => {
    const response = await (await api('no-such-table')).handle(get('/api/health'));
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body).checks.store.status).toBe('down');
  });

  it('creates a profile on the first /api/me and returns the same one after', async () => {
    const { tableName } = await freshTable();
    const router = await api(tableName);
    const identity = { personId: uniqueId('sub'), claimedName: 'Grace Hopper', email: 'grace@example.org' };
    const first = await router.handle(get('/api/me', identity));
    expect(first.status).toBe(200);
    const person = JSON.parse(first.body);
    expect(person).toMatchObject({ id: identity.personId, name: 'Grace Hopper', email: 'grace@example.org' });
    const second = await router.handle(get('/api/me', { ...identity, claimedName: 'Changed in token' }));
    expect(JSON.parse(second.body)).toEqual(person);
  });
});
