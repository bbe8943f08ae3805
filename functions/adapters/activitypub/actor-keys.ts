// The instance's actor key pair (RSA, as draft-cavage signatures and Mastodon need): one per instance,
// kept by the instance (a file under .cache locally, a Secrets Manager secret in AWS), never in a
// function's environment. Every actor of the instance (the Service and each syndicate's Group) publishes
// it under its own key id, so a syndicate made tomorrow signs without a key being made for it.
import { createPrivateKey, createPublicKey, type webcrypto } from 'node:crypto';

type CryptoKey = webcrypto.CryptoKey;

export interface ActorKeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

/** The key pair from a PKCS#8 private key in PEM (the public key is derived from it). */
export async function importActorKeyPair(privateKeyPem: string): Promise<ActorKeyPair> {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'rsa') throw new Error('The federation key must be an RSA private key.');
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return {
    privateKey: await crypto.subtle.importKey('pkcs8', pkcs8, algorithm, true, ['sign']),
    publicKey: await crypto.subtle.importKey('spki', spki, algorithm, true, ['verify']),
  };
}
