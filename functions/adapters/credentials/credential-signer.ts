// Signs credentials as compact JWS with the instance's Ed25519 key (alg EdDSA, typ vc+jwt), and checks
// their signatures, on node:crypto (compact-jws.ts). The check is the signature's only: what the payload
// says (issuer, type, dates) is the domain's to judge (verify-credential.ts).
import { createPrivateKey, createPublicKey, type JsonWebKey } from 'node:crypto';
import { CredentialRejectedError, CredentialVerificationError } from '#domain/errors.ts';
import type { CredentialSigner } from '#domain/learning/credential.ts';
import { signCompactJws, verifyCompactJws } from './compact-jws.ts';

export function createCredentialSigner(options: {
  privateJwk: JsonWebKey;
  issuer: { id: string; name: string };
}): CredentialSigner & { publicJwk: JsonWebKey } {
  const { d: _private, ...publicJwk } = options.privateJwk;
  if (options.privateJwk.kty !== 'OKP' || options.privateJwk.crv !== 'Ed25519') {
    throw new Error('the credential signing key must be an Ed25519 JWK (kty OKP, crv Ed25519)');
  }
  const privateKey = createPrivateKey({ key: options.privateJwk, format: 'jwk' });
  const publicKey = createPublicKey(privateKey);
  // Node signs with `d` alone; an `x` that is not its public half would publish a key nothing verifies with.
  if (publicKey.export({ format: 'jwk' }).x !== publicJwk.x) {
    throw new Error('the credential signing key is inconsistent: its "x" is not the public half of its "d"');
  }
  const kid = typeof options.privateJwk.kid === 'string' ? options.privateJwk.kid : 'instance';
  return {
    issuer: options.issuer,
    publicJwk: { ...publicJwk, kid, alg: 'EdDSA', use: 'sig' },
    async sign(credential, claims) {
      const seconds = Math.floor(claims.issuedAt.getTime() / 1000);
      // Key order is jose's SignJWT's: the credential, then iss, sub, jti, iat, nbf.
      const payload = {
        ...credential,
        iss: options.issuer.id,
        sub: claims.subject,
        jti: claims.jti,
        iat: seconds,
        nbf: seconds,
      };
      return signCompactJws({ alg: 'EdDSA', kid, typ: 'vc+jwt' }, payload, privateKey);
    },
    // Another algorithm or key id in the header: made with a key this instance does not hold. Anything
    // else that fails (no JWS, a payload that is no JSON object, a signature that does not match): the
    // bytes are not what this key signed.
    async verify(jws) {
      try {
        const { payload } = verifyCompactJws(jws, publicKey, { algorithms: ['EdDSA'], kid });
        return { outcome: 'valid', payload };
      } catch (error) {
        if (error instanceof CredentialRejectedError && (error.field === 'alg' || error.field === 'kid')) {
          return { outcome: 'unknown-key' };
        }
        if (error instanceof CredentialVerificationError) return { outcome: 'bad-signature' };
        throw error;
      }
    },
  };
}
