import { describe, expect, it } from 'vitest';
import { createSearchIndex } from '#app/search-index.ts';
import { ConfigError, parseConfig } from '#config/config.ts';
import { checkHealth } from '#domain/health/check-health.ts';

describe('checkHealth', () => {
  const ok = (name: string, essential: boolean) => ({ name, essential, probe: async () => ({ detail: 'fine' }) });
  const down = (name: string, essential: boolean) => ({
    name,
    essential,
    probe: async () => {
      throw new Error(`${name} unreachable`);
    },
  });

  it('is ok when every dependency answers', async () => {
    const report = await checkHealth([ok('store', true), ok('search', false)]);
    expect(report.status).toBe('ok');
    expect(report.checks.store?.status).toBe('ok');
  });

  it('is degraded when only search is down, and says why', async () => {
    const report = await checkHealth([ok('store', true), down('search', false)]);
    expect(report.status).toBe('degraded');
    expect(report.checks.search).toMatchObject({ status: 'down', detail: 'search unreachable' });
  });

  it('is degraded when search answers but not as declared, and passes on what to do', async () => {
    const drifted = {
      name: 'search',
      essential: false,
      probe: async () => ({ engine: 'meilisearch', documents: 3, degraded: 'Run npm run reindex.' }),
    };
    const report = await checkHealth([ok('store', true), drifted]);
    expect(report.status).toBe('degraded');
    expect(report.checks.search).toMatchObject({
      status: 'degraded',
      detail: 'Run npm run reindex.',
      engine: 'meilisearch',
      documents: 3,
    });
    expect(report.checks.search).not.toHaveProperty('degraded');
  });

  it('is down when the store is down, whatever search does', async () => {
    expect((await checkHealth([down('store', true), ok('search', false)])).status).toBe('down');
    expect((await checkHealth([down('search', false), down('store', true)])).status).toBe('down');
  });

  it('counts a dependency that never answers as down', async () => {
    const hanging = { name: 'store', essential: true, probe: () => new Promise<Record<string, unknown>>(() => {}) };
    const report = await checkHealth([hanging], 20);
    expect(report.checks.store?.detail).toMatch(/no answer/);
  });
});

describe('parseConfig', () => {
  // A throwaway key, made for this test only.
  const key =
    '{"crv":"Ed25519","d":"1ZWqdr0LgqANWyN2zgP2-Eh8FB7BCe7zncDrij-XNPI","x":"FK17rjUt4rownWczBlMdCUsGl4nJpXqDlzm-KX31XrY","kty":"OKP"}';
  const valid = {
    AUTH_ISSUER: 'https://issuer',
    AUTH_AUDIENCE: 'app',
    AUTH_JWKS_URL: 'https://issuer/jwks.json',
    CREDENTIAL_SIGNING_KEY: key,
    MEILISEARCH_URL: 'https://search.example.org',
  };
  // The stream consumers and the sweep build no search index, so parseConfig alone does not ask for one.

  it('fills defaults', () => {
    expect(parseConfig(valid)).toMatchObject({ TABLE_NAME: 'guildhall', STAGE: 'aws', MAX_BODY_BYTES: 65536 });
  });

  it('names each variable that is wrong', () => {
    expect(() => parseConfig({ ...valid, MAX_BODY_BYTES: 'lots', DYNAMODB_ENDPOINT: 'not a url' })).toThrow(
      /MAX_BODY_BYTES[\s\S]*DYNAMODB_ENDPOINT|DYNAMODB_ENDPOINT[\s\S]*MAX_BODY_BYTES/,
    );
  });

  it('needs a way to get signing keys', () => {
    expect(() => parseConfig({ AUTH_ISSUER: 'x', AUTH_AUDIENCE: 'y' })).toThrow(ConfigError);
  });

  // Only the functions that sign need the key; the API and site refuse to start without it in AWS
  // (test/unit/secrets.test.ts), the stream consumers and the sweep are given none.
  it('takes the credential signing key only as an Ed25519 private key', () => {
    const { CREDENTIAL_SIGNING_KEY: _key, ...withoutKey } = valid;
    expect(() => parseConfig({ ...valid, CREDENTIAL_SIGNING_KEY: '{"kty":"RSA"}' })).toThrow(/Ed25519/);
    expect(parseConfig({ ...withoutKey, STAGE: 'local' }).CREDENTIAL_SIGNING_KEY).toBeUndefined();
  });

  it('requires a Meilisearch host in AWS for a search index, where an embedded one would be each function’s own', async () => {
    const { MEILISEARCH_URL: _url, ...withoutSearch } = valid;
    expect(() => createSearchIndex(parseConfig(withoutSearch))).toThrow(/MEILISEARCH_URL/);
    expect(await createSearchIndex(parseConfig({ ...withoutSearch, STAGE: 'local' })).health()).toMatchObject({
      engine: 'embedded',
    });
  });

  it('refuses inline keys that are not a key set', () => {
    expect(() => parseConfig({ ...valid, AUTH_JWKS: '{"nope":1}' })).toThrow(/AUTH_JWKS/);
  });
});
