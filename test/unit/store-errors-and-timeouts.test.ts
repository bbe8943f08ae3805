import { describe, expect, it } from 'vitest';
import { storeAttempts } from '#adapters/dynamodb/client.ts';
import { translateStoreError } from '#adapters/dynamodb/errors.ts';
import { ConfigError, parseConfig } from '#config/config.ts';
import { ConflictError, StoreUnavailableError } from '#domain/errors.ts';

const sdkError = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name} from the store`), { name, ...extra });

describe('store errors', () => {
  it.each([
    ['a request past its timeout', sdkError('TimeoutError', { code: 'ETIMEDOUT' })],
    ['a connection that did not open in time', sdkError('TimeoutError')],
    ['a refused connection', sdkError('Error', { code: 'ECONNREFUSED' })],
    ['a reset connection', sdkError('Error', { code: 'ECONNRESET' })],
    ['a socket timeout', sdkError('Error', { code: 'ETIMEDOUT' })],
    ['a broken pipe', sdkError('Error', { code: 'EPIPE' })],
    ['an unreachable host', sdkError('Error', { code: 'EHOSTUNREACH' })],
    ['a failed name lookup', sdkError('Error', { code: 'EAI_AGAIN' })],
    ['throttling', sdkError('ThrottlingException')],
    ['a server error', sdkError('InternalServerError')],
  ])('makes %s a StoreUnavailableError (503, Retry-After), keeping the cause', (_what, error) => {
    const translated = translateStoreError(error);
    expect(translated).toBeInstanceOf(StoreUnavailableError);
    expect(translated.cause).toBe(error);
  });

  it('makes a failed condition a conflict, and leaves an unknown error alone', () => {
    expect(translateStoreError(sdkError('ConditionalCheckFailedException'))).toBeInstanceOf(ConflictError);
    const unknown = sdkError('ValidationException');
    expect(translateStoreError(unknown)).toBe(unknown);
  });
});

describe('store timeouts', () => {
  const aws = {
    AUTH_ISSUER: 'https://issuer',
    AUTH_AUDIENCE: 'app',
    AUTH_JWKS_URL: 'https://issuer/jwks.json',
    CREDENTIAL_SIGNING_KEY:
      '{"crv":"Ed25519","d":"1ZWqdr0LgqANWyN2zgP2-Eh8FB7BCe7zncDrij-XNPI","x":"FK17rjUt4rownWczBlMdCUsGl4nJpXqDlzm-KX31XrY","kty":"OKP"}',
  };
  // The SDK's longest wait before retry i (from 0) follows throttling: 1 s × 2^i (its 2026 backoff).
  const worstCase = (timeoutMs: number) =>
    storeAttempts * timeoutMs +
    Array.from({ length: storeAttempts - 1 }, (_, i) => 1_000 * 2 ** i).reduce((a, b) => a + b, 0);

  it('gives up on a frozen store within 5 s by default, well inside the functions’ 10 s', () => {
    expect(worstCase(parseConfig(aws).STORE_TIMEOUT_MS)).toBeLessThanOrEqual(5_000);
  });

  it('refuses in AWS a timeout whose two attempts would not end inside the functions’ 10 s', () => {
    expect(worstCase(parseConfig({ ...aws, STORE_TIMEOUT_MS: '4000' }).STORE_TIMEOUT_MS)).toBeLessThan(10_000);
    expect(() => parseConfig({ ...aws, STORE_TIMEOUT_MS: '4001' })).toThrow(ConfigError);
    expect(() => parseConfig({ ...aws, STORE_TIMEOUT_MS: '4001' })).toThrow(/STORE_TIMEOUT_MS/);
    expect(parseConfig({ ...aws, STAGE: 'local', STORE_TIMEOUT_MS: '30000' }).STORE_TIMEOUT_MS).toBe(30_000);
  });
});
