import { describe, expect, it } from 'vitest';
import { createDynamoRateLimiter } from '#adapters/dynamodb/rate-limiter.ts';
import { parseConfig } from '#config/config.ts';
import { apiOnFreshTable } from '../support/api-client.ts';
import { documentClient, freshTable } from '../support/dynamodb.ts';

describe('per-identity write limits', () => {
  it('answers 429 with Retry-After once a person passes the limit, and counts people separately', async () => {
    const { services, call } = await apiOnFreshTable();
    const limited = {
      ...services,
      rateLimiter: createDynamoRateLimiter(documentClient(), services.config.TABLE_NAME, {
        limit: 3,
        windowSeconds: 60,
      }),
    };
    Object.assign(services, limited);
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await call('POST', '/api/syndicates/none/join-requests', 'busy')).status);
    expect(statuses.slice(0, 3)).toEqual([404, 404, 404]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    const limitedResponse = await call('POST', '/api/syndicates/none/join-requests', 'busy');
    expect(Number(limitedResponse.headers['retry-after'])).toBeGreaterThan(0);
    expect((await call('POST', '/api/syndicates/none/join-requests', 'calm')).status).toBe(404);
    expect((await call('GET', '/api/me/applications', 'busy')).status).toBe(200);
  });

  it('never lets concurrent writes past the limit', async () => {
    const { tableName } = await freshTable();
    const limiter = createDynamoRateLimiter(documentClient(), tableName, { limit: 10, windowSeconds: 3600 });
    const now = new Date();
    const verdicts = await Promise.all(Array.from({ length: 40 }, () => limiter.take('racer', now)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
  });

  it('is configured from WRITE_RATE_LIMIT', () => {
    expect(
      parseConfig({
        STAGE: 'local',
        AUTH_ISSUER: 'i',
        AUTH_AUDIENCE: 'a',
        AUTH_JWKS_URL: 'https://i/j',
        WRITE_RATE_LIMIT: '5',
      }).WRITE_RATE_LIMIT,
    ).toBe(5);
  });
});
