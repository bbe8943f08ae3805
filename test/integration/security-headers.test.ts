// Every kind of API answer carries the security headers: what the router answers (JSON, problem+json,
// CSV, 404, 405, 413) and what API Gateway would answer by itself, played here by the local gateway
// (its authorizer's 401, its own 413). Requests go over HTTP through the gateway to the real router
// on a fresh DynamoDB Local table, as `npm start` serves them; none of them gets HSTS (plain http).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '#http/api.ts';
import { createApiHandler } from '#http/api-handler.ts';
import { createLogger } from '#platform/log.ts';
import { compileRoutes } from '#http/router.ts';
import { apiSecurityHeaders } from '#http/security-headers.ts';
import { createGateway } from '#local/gateway.ts';
import { apiOnFreshTable } from '../support/api-client.ts';

let server: Server;
let origin = '';
const maxBodyBytes = 4096;

beforeAll(async () => {
  const { services } = await apiOnFreshTable({}, { MAX_BODY_BYTES: maxBodyBytes });
  server = createGateway({
    // The API functions' handler (functions/http/api-handler.ts) over every route, as the local stack
    // serves them, on this test's services.
    api: createApiHandler({ routes: apiRoutes, telemetry: services.telemetry, services: async () => services }),
    apiRoutes: compileRoutes(apiRoutes),
    verifyToken: async () => {
      throw new Error('no token is valid here');
    },
    log: createLogger('silent', 'gateway'),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

const json = { 'content-type': 'application/json' };
const answers: Array<[string, string, string, RequestInit, number, RegExp]> = [
  ['JSON', 'GET', '/api/health', {}, 200, /^application\/json/],
  ['CSV', 'GET', '/api/shortages?format=csv', {}, 200, /^text\/csv/],
  [
    'a 400 problem',
    'POST',
    '/api/credentials/verify',
    { headers: json, body: '{"credential":""}' },
    400,
    /problem\+json/,
  ],
  ['a 404 problem', 'GET', '/api/no-such-route', {}, 404, /problem\+json/],
  ['a 405 problem', 'DELETE', '/api/health', {}, 405, /problem\+json/],
  [
    'a 413 problem',
    'POST',
    '/api/credentials/verify',
    { headers: json, body: 'x'.repeat(maxBodyBytes + 1) },
    413,
    /problem\+json/,
  ],
  ['the authorizer’s 401', 'GET', '/api/me', { headers: { authorization: 'Bearer nonsense' } }, 401, /json/],
  [
    'the gateway’s own 413',
    'POST',
    '/api/credentials/verify',
    { headers: json, body: 'x'.repeat(10 * 1024 * 1024 + 1) },
    413,
    /json/,
  ],
];

describe('security headers on API answers', () => {
  it.each(answers)('come with %s', async (_kind, method, path, init, status, type) => {
    const response = await fetch(`${origin}${path}`, { method, ...init });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(type);
    for (const [name, value] of Object.entries(apiSecurityHeaders)) expect(response.headers.get(name)).toBe(value);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });
});
