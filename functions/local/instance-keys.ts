// The local stack's own keys, made once and kept under .cache, so what they sign (credentials, log
// heads, the unsubscribe links in caught mail) still verifies after a restart.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JWK } from 'jose';

/** The instance's credential signing key, made once and kept, so credentials verify across restarts. */
export function instanceKey(file: string): JWK {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as JWK;
  const jwk = {
    ...generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }),
    kid: `local-${Date.now().toString(36)}`,
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
  return jwk;
}

/** The key that signs unsubscribe links, made once and kept (like the instance key). */
export function emailLinkKey(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = randomBytes(32).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/**
 * The instance's ActivityPub key (RSA 2048, PKCS#8 PEM), made once and kept, so the followers of its
 * syndicates keep verifying its deliveries across restarts. The local stack names the file, never the key.
 */
export function federationKeyFile(file: string): string {
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  }
  return file;
}
