// Signs credentials as compact JWS with the instance's Ed25519 key (alg EdDSA, typ vc+jwt), and verifies
// them, on node:crypto (compact-jws.ts). Claims are checked as jose's jwtVerify checked them with an
// issuer and no other option: `iss` present and ours; `iat`, `nbf` and `exp` numbers where present;
// not before `nbf`, not at or after `exp` (no clock tolerance); `iat` is not compared with the clock.
import { createPrivateKey, createPublicKey, type JsonWebKey } from 'node:crypto';
import { CredentialRejectedError } from '#domain/errors.ts';
import type { CredentialSigner } from '#domain/learning/credential.ts';
import { signCompactJws, verifyCompactJws } from './compact-jws.ts';

export function createCredentialSigner(options: {
  privateJwk: JsonWebKey;
  issuer: { id: string; name: string };
  /** The clock `nbf` and `exp` are checked against; tests set it. */
  now?: () => Date;
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
  const now = options.now ?? (() => new Date());
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
    async verify(jws) {
      const { payload } = verifyCompactJws(jws, publicKey, { algorithms: ['EdDSA'] });
      checkClaims(payload, options.issuer.id, Math.floor(now().getTime() / 1000));
      return payload;
    },
  };
}

function checkClaims(claims: Record<string, unknown>, issuer: string, nowSeconds: number): void {
  if (!Object.hasOwn(claims, 'iss')) throw new CredentialRejectedError('iss', 'The credential names no issuer.');
  if (claims.iss !== issuer) throw new CredentialRejectedError('iss', 'The credential names another issuer.');
  for (const claim of ['iat', 'nbf', 'exp'] as const) {
    if (claims[claim] !== undefined && typeof claims[claim] !== 'number') {
      throw new CredentialRejectedError(claim, `The credential's "${claim}" is not a time in seconds.`);
    }
  }
  if (typeof claims.nbf === 'number' && claims.nbf > nowSeconds) {
    throw new CredentialRejectedError('nbf', 'The credential is not valid yet.');
  }
  if (typeof claims.exp === 'number' && claims.exp <= nowSeconds) {
    throw new CredentialRejectedError('exp', 'The credential has expired.');
  }
}
