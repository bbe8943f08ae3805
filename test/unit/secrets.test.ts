// Secrets are read at run time, once, and validated like the values they replace; a function that
// signs nothing is given no key and starts without one.
import { describe, expect, it } from 'vitest';
import { cachedSecretReader, hasUnreadSecrets, once, withSecrets } from '#app/secrets.ts';
import { createServices } from '#app/services.ts';
import { createStoreServices } from '#app/store-services.ts';
import { ConfigError, parseConfig } from '#config/config.ts';

// A throwaway key, made for this test only.
const key =
  '{"crv":"Ed25519","d":"1ZWqdr0LgqANWyN2zgP2-Eh8FB7BCe7zncDrij-XNPI","x":"FK17rjUt4rownWczBlMdCUsGl4nJpXqDlzm-KX31XrY","kty":"OKP"}';
const aws = {
  AUTH_ISSUER: 'https://issuer',
  AUTH_AUDIENCE: 'app',
  AUTH_JWKS_URL: 'https://issuer/jwks.json',
  MEILISEARCH_URL: 'https://search.example.org',
  CREDENTIAL_SIGNING_KEY_SECRET: 'guildhall/credential-signing-key',
  MEILISEARCH_KEY_SECRET: 'guildhall/meilisearch-search-key',
};

/** Secrets Manager as a map, counting reads. */
function fakeSecrets(values: Record<string, string>) {
  const reads: string[] = [];
  const read = async (id: string) => {
    reads.push(id);
    const value = values[id];
    if (value === undefined) throw new Error(`no secret ${id}`);
    return value;
  };
  return { reads, read };
}

describe('reading secrets at run time', () => {
  it('reads each named secret once and gives the value to the configuration, validated as if it were inline', async () => {
    const secrets = fakeSecrets({ 'guildhall/credential-signing-key': key, 'guildhall/meilisearch-search-key': 'k1' });
    const config = parseConfig(aws);
    expect(hasUnreadSecrets(config)).toBe(true);
    const read = cachedSecretReader(secrets.read);
    const resolved = await withSecrets(config, read);
    await withSecrets(config, read);
    expect(resolved.CREDENTIAL_SIGNING_KEY).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(resolved.MEILISEARCH_KEY).toBe('k1');
    expect(hasUnreadSecrets(resolved)).toBe(false);
    expect(secrets.reads.sort()).toEqual(['guildhall/credential-signing-key', 'guildhall/meilisearch-search-key']);
  });

  it('fails on a malformed secret naming the variable and the secret, never the value', async () => {
    const wrong = '{"kty":"RSA","d":"a-private-part-that-must-not-be-logged"}';
    const secrets = fakeSecrets({ 'guildhall/credential-signing-key': wrong, 'guildhall/meilisearch-search-key': 'k' });
    const failure = withSecrets(parseConfig(aws), secrets.read);
    await expect(failure).rejects.toThrow(ConfigError);
    await expect(failure).rejects.toThrow(/CREDENTIAL_SIGNING_KEY \(from the secret guildhall\/credential-signing-key/);
    await expect(failure).rejects.not.toThrow(/must-not-be-logged/);
  });

  it('keeps a read secret for the life of the process, reads again after a failure, and re-reads when asked for a fresh value', async () => {
    let calls = 0;
    const read = cachedSecretReader(async () => {
      calls++;
      if (calls === 1) throw new Error('throttled');
      return `value ${calls}`;
    });
    await expect(read('s')).rejects.toThrow('throttled');
    expect(await read('s')).toBe('value 2');
    expect(await read('s')).toBe('value 2');
    expect(await read('s', { fresh: true })).toBe('value 3');
    expect(calls).toBe(3);
  });

  it('runs a cold-start load once, and again after it failed', async () => {
    let runs = 0;
    const load = once(async () => {
      runs++;
      if (runs === 1) throw new Error('no network yet');
      return runs;
    });
    await expect(load()).rejects.toThrow('no network yet');
    expect(await Promise.all([load(), load()])).toEqual([2, 2]);
    expect(runs).toBe(2);
  });

  it('refuses a value and the secret that holds it set together, since one would silently win', () => {
    expect(() => parseConfig({ ...aws, CREDENTIAL_SIGNING_KEY: key })).toThrow(
      /CREDENTIAL_SIGNING_KEY: set it or CREDENTIAL_SIGNING_KEY_SECRET/,
    );
    expect(() => parseConfig({ ...aws, ORIGIN_VERIFY: 'x'.repeat(40), ORIGIN_VERIFY_SECRET: 'o' })).toThrow(
      /ORIGIN_VERIFY: set it or ORIGIN_VERIFY_SECRET/,
    );
  });
});

describe('who needs the signing key', () => {
  it('refuses to build the API and site services in AWS before their secrets are read', () => {
    expect(() => createServices(parseConfig(aws))).toThrow(/not read yet: await loadServices\(\) first/);
  });

  it('refuses to build the API and site services in AWS without a signing key, so credentials never use a passing key', () => {
    const { CREDENTIAL_SIGNING_KEY_SECRET: _secret, MEILISEARCH_KEY_SECRET: _search, ...withoutKey } = aws;
    expect(() => createServices(parseConfig(withoutKey))).toThrow(/CREDENTIAL_SIGNING_KEY: required in AWS/);
    expect(createServices(parseConfig({ ...withoutKey, CREDENTIAL_SIGNING_KEY: key })).signer).toBeDefined();
  });

  it('starts a stream consumer or the sweep in AWS without any key, and refuses only if one of them tried to sign', () => {
    const { CREDENTIAL_SIGNING_KEY_SECRET: _secret, MEILISEARCH_KEY_SECRET: _search, ...withoutKey } = aws;
    const store = createStoreServices(parseConfig(withoutKey));
    expect(() => store.logSigner.publicJwk).toThrow(/CREDENTIAL_SIGNING_KEY: required in AWS to sign log heads/);
    const signing = createStoreServices(parseConfig({ ...withoutKey, CREDENTIAL_SIGNING_KEY: key }));
    expect(signing.logSigner.publicJwk).toMatchObject({ kty: 'OKP', x: JSON.parse(key).x });
    expect(signing.logSigner.publicJwk).not.toHaveProperty('d');
  });
});
