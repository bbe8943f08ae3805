// Signs credentials as compact JWS with the instance's Ed25519 key (alg EdDSA), and verifies them.
import { compactVerify, decodeProtectedHeader, errors, importJWK, type JWK, SignJWT } from 'jose';
import type { CredentialSigner } from '#domain/learning/credential.ts';

export async function createCredentialSigner(options: {
  privateJwk: JWK;
  issuer: { id: string; name: string };
}): Promise<CredentialSigner & { publicJwk: JWK }> {
  const { d: _private, ...publicJwk } = options.privateJwk;
  if (options.privateJwk.kty !== 'OKP' || options.privateJwk.crv !== 'Ed25519') {
    throw new Error('the credential signing key must be an Ed25519 JWK (kty OKP, crv Ed25519)');
  }
  const privateKey = await importJWK(options.privateJwk, 'EdDSA');
  const publicKey = await importJWK(publicJwk, 'EdDSA');
  const kid = options.privateJwk.kid ?? 'instance';
  return {
    issuer: options.issuer,
    publicJwk: { ...publicJwk, kid, alg: 'EdDSA', use: 'sig' },
    async sign(credential, claims) {
      return new SignJWT({ ...credential })
        .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'vc+jwt' })
        .setIssuer(options.issuer.id)
        .setSubject(claims.subject)
        .setJti(claims.jti)
        .setIssuedAt(Math.floor(claims.issuedAt.getTime() / 1000))
        .setNotBefore(Math.floor(claims.issuedAt.getTime() / 1000))
        .sign(privateKey);
    },
    // The signature only: what the payload says (issuer, type, dates) is the domain's to judge.
    async verify(jws) {
      let header: ReturnType<typeof decodeProtectedHeader>;
      try {
        header = decodeProtectedHeader(jws);
      } catch {
        return { outcome: 'bad-signature' };
      }
      if (header.alg !== 'EdDSA' || header.kid !== kid) return { outcome: 'unknown-key' };
      try {
        const { payload } = await compactVerify(jws, publicKey, { algorithms: ['EdDSA'] });
        const parsed: unknown = JSON.parse(new TextDecoder().decode(payload));
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { outcome: 'bad-signature' };
        return { outcome: 'valid', payload: parsed as Record<string, unknown> };
      } catch (error) {
        if (error instanceof errors.JOSEError || error instanceof SyntaxError) return { outcome: 'bad-signature' };
        throw error;
      }
    },
  };
}
