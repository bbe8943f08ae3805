// The API and the site answer only through CloudFront, which adds a secret header to every request.
import { describe, expect, it } from 'vitest';
import { originCheckFrom } from '#http/origin-check-config.ts';
import { parseConfig } from '#config/config.ts';
import { createOriginCheck, originRefusal, originVerifyHeader } from '#http/origin-check.ts';

const secret = 'k7Qf3N9xWmB2pL8vR4tY6uJ1hG5dS0aZcX3eV9nM';

function expectedValue(values: string[]) {
  const reads: boolean[] = [];
  return {
    reads,
    expected: async (options?: { fresh?: boolean }) => {
      reads.push(options?.fresh ?? false);
      return values[Math.min(reads.length - 1, values.length - 1)] as string;
    },
  };
}

describe('the origin check', () => {
  it('refuses a request without the header at once, without reading the secret', async () => {
    const source = expectedValue([secret]);
    const check = createOriginCheck({ expected: source.expected });
    expect(await check({ host: 'abc.execute-api.eu-west-1.amazonaws.com' })).toBe(false);
    expect(await check(undefined)).toBe(false);
    expect(await check({ [originVerifyHeader]: '' })).toBe(false);
    expect(source.reads).toEqual([]);
  });

  it('lets through a request carrying the value CloudFront sends, and refuses a wrong or partial one', async () => {
    const check = createOriginCheck({ expected: expectedValue([secret]).expected });
    expect(await check({ [originVerifyHeader]: secret })).toBe(true);
    expect(await check({ 'X-Origin-Verify': secret })).toBe(true);
    expect(await check({ [originVerifyHeader]: secret.slice(0, -1) })).toBe(false);
    expect(await check({ [originVerifyHeader]: `${secret}x` })).toBe(false);
    expect(await check({ [originVerifyHeader]: 'guess' })).toBe(false);
  });

  it('picks up a rotated secret, re-reading it at most once a minute however many wrong values arrive', async () => {
    let clock = 0;
    const source = expectedValue([secret, 'rotated-value-rotated-value-rotated-value']);
    const check = createOriginCheck({ expected: source.expected, now: () => clock, refreshAfterMs: 60_000 });
    expect(await check({ [originVerifyHeader]: secret })).toBe(true);
    clock = 61_000;
    expect(await check({ [originVerifyHeader]: 'rotated-value-rotated-value-rotated-value' })).toBe(true);
    const readsAfterRotation = source.reads.length;
    for (let i = 0; i < 20; i++) expect(await check({ [originVerifyHeader]: `wrong ${i}` })).toBe(false);
    // Every wrong value is compared with the cached secret; none forces another fresh read within the minute.
    expect(source.reads.slice(readsAfterRotation).filter(Boolean)).toEqual([]);
  });

  it('answers a refused request with a 403 problem that tells a person where to go instead', () => {
    const refusal = originRefusal();
    expect(refusal.statusCode).toBe(403);
    expect(refusal.headers?.['content-type']).toBe('application/problem+json');
    expect(JSON.parse(String(refusal.body))).toMatchObject({
      status: 403,
      detail: expect.stringMatching(/public URL/),
    });
  });
});

describe('which check a function runs', () => {
  const base = { AUTH_ISSUER: 'https://issuer', AUTH_AUDIENCE: 'app', AUTH_JWKS_URL: 'https://issuer/jwks.json' };
  const noSecrets = () => {
    throw new Error('no secret may be read');
  };

  it('refuses to start in AWS without the value or its secret, so the execute-api URL can never be left open', () => {
    expect(() => originCheckFrom(parseConfig(base), noSecrets)).toThrow(/ORIGIN_VERIFY_SECRET: required in AWS/);
  });

  it('checks nothing on one machine, where no CloudFront is in front', async () => {
    expect(await originCheckFrom(parseConfig({ ...base, STAGE: 'local' }), noSecrets)({})).toBe(true);
  });

  it('reads the value from the named secret on the first request that carries the header', async () => {
    const reads: string[] = [];
    const check = originCheckFrom(
      parseConfig({ ...base, ORIGIN_VERIFY_SECRET: 'guildhall/origin' }),
      () => async (id) => {
        reads.push(id);
        return secret;
      },
    );
    expect(await check({})).toBe(false);
    expect(reads).toEqual([]);
    expect(await check({ [originVerifyHeader]: secret })).toBe(true);
    expect(reads).toEqual(['guildhall/origin']);
  });

  it('refuses a secret too short to keep the API behind CloudFront', async () => {
    const check = originCheckFrom(parseConfig({ ...base, ORIGIN_VERIFY_SECRET: 'o' }), () => async () => 'short');
    await expect(check({ [originVerifyHeader]: 'short' })).rejects.toThrow(/at least 32 characters/);
    expect(() => parseConfig({ ...base, ORIGIN_VERIFY: 'short' })).toThrow(/ORIGIN_VERIFY/);
  });
});
