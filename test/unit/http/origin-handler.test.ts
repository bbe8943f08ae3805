// The API's Lambda entry point refuses a request that did not come through CloudFront before it
// builds anything, and serves one that did. (The site's entry point does the same; the bundle smoke
// run, .ci/smoke-bundles.ts, calls both as Lambda would.)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvent } from '#http/apigw.ts';
import { originVerifyHeader } from '#http/origin-check.ts';
import { compileOpenApi } from '#local/compile-openapi.ts';

const origin = 'a-value-only-cloudfront-knows-0123456789abcdef';
type Handler = (event: ApiEvent) => Promise<{ statusCode?: number; body?: string }>;
let handler: Handler;
let ledgerHandler: Handler;

const saved = { ...process.env };
afterAll(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
});

beforeAll(async () => {
  Object.assign(process.env, {
    STAGE: 'test',
    AUTH_ISSUER: 'https://issuer.test',
    AUTH_AUDIENCE: 'test',
    AUTH_JWKS: JSON.stringify({ keys: [{ kty: 'RSA', n: 'AQAB', e: 'AQAB' }] }),
    // Nothing listens here: the routes used below never reach the store.
    DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
    ORIGIN_VERIFY: origin,
    LOG_LEVEL: 'silent',
    // The document the function serves, generated beside its bundle at build time as the CDK app does.
    OPENAPI_FILE: compileOpenApi(join(mkdtempSync(join(tmpdir(), 'guildhall-openapi-')), 'openapi.json')),
  });
  ({ handler } = await import('#handlers/api.ts'));
  ({ handler: ledgerHandler } = await import('#handlers/ledger-api.ts'));
});

const event = (headers: Record<string, string>, method = 'GET', path = '/api/openapi.json') =>
  ({
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abc.execute-api.eu-west-1.amazonaws.com', ...headers },
    requestContext: {
      http: { method, path, sourceIp: '203.0.113.9', protocol: 'HTTP/1.1', userAgent: 't' },
      requestId: 'r1',
    },
    isBase64Encoded: false,
  }) as unknown as ApiEvent;

describe('the API entry point behind CloudFront', () => {
  it('answers 403 to a request sent straight to its execute-api address', async () => {
    const result = await handler(event({}));
    expect(result.statusCode).toBe(403);
    expect(JSON.parse(result.body ?? '{}')).toMatchObject({ status: 403 });
  });

  it('answers 403 to a guessed header value too', async () => {
    expect((await handler(event({ [originVerifyHeader]: 'guess' }))).statusCode).toBe(403);
  });

  it('serves a request carrying the value CloudFront adds', async () => {
    const result = await handler(event({ [originVerifyHeader]: origin }));
    expect(result.statusCode).toBe(200);
    expect(result.body).toContain('"openapi":"3.1.0"');
  });

  it('refuses a direct request to the ledger function too, and serves its own routes through CloudFront', async () => {
    // A wrong method on a path it serves: the router answers it without reaching the store.
    const direct = await ledgerHandler(event({}, 'DELETE', '/api/registry-log/head'));
    expect(direct.statusCode).toBe(403);
    const through = await ledgerHandler(event({ [originVerifyHeader]: origin }, 'DELETE', '/api/registry-log/head'));
    expect(through.statusCode).toBe(405);
    // The document is the API function's: the ledger function does not know the path.
    expect((await ledgerHandler(event({ [originVerifyHeader]: origin }))).statusCode).toBe(404);
  });
});
