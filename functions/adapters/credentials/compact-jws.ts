// Compact JWS (RFC 7515) signed with Ed25519 (`alg: EdDSA`, RFC 8037), on node:crypto alone: the API
// bundle no longer carries jose (19.7 KB) for one algorithm. What it writes is byte for byte what
// jose's SignJWT wrote (Ed25519 signatures are deterministic; the header and payload are serialised
// the same way), and it refuses what jose's jwtVerify refused, each failure as its own error class so
// a reader can tell "not a credential" from "altered" (functions/domain/errors.ts).
//
// Verification order: three parts → header (a UTF-8 JSON object; alg allowed, kid if asked, no `crit`)
// → payload (a UTF-8 JSON object) → signature (its encoding included) → claims (by the caller). The
// algorithm is checked before the key is used, so `none` or an HMAC over the public key never passes.
import { type KeyObject, sign, verify } from 'node:crypto';
import { CredentialRejectedError, CredentialSignatureError, NotACredentialError } from '#domain/errors.ts';

const ED25519_SIGNATURE_BYTES = 64;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Base64url without padding (RFC 7515 §2), of bytes or of a string's UTF-8. */
export function toBase64url(input: Uint8Array | string): string {
  return (typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input)).toString('base64url');
}

/**
 * The bytes of canonical base64url text, or undefined. Node's decoder skips characters it does not know,
 * takes `+`, `/` and `=` too and ignores stray bits, so one value would have many spellings: only the one
 * that encodes back to itself is accepted.
 */
export function fromBase64url(text: string): Uint8Array | undefined {
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}

export type JoseHeader = Record<string, unknown> & { alg: string };

/** `header.payload.signature`, signed with an Ed25519 private key. The header is written in its given key order. */
export function signCompactJws(header: JoseHeader, payload: Record<string, unknown>, privateKey: KeyObject): string {
  const signingInput = `${toBase64url(JSON.stringify(header))}.${toBase64url(JSON.stringify(payload))}`;
  return `${signingInput}.${toBase64url(sign(null, Buffer.from(signingInput, 'ascii'), privateKey))}`;
}

export interface VerifiedJws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** What a verifier accepts in the header: these algorithms (Ed25519 only), and this key id when given. */
export interface JwsExpectations {
  algorithms: readonly string[];
  /** When set, a header naming another `kid` (or none) is refused: it was made with a key this verifier does not hold. */
  kid?: string | undefined;
}

/**
 * The header and payload of a compact JWS signed by `publicKey` as `expected`. The header is judged before
 * the payload is read. Throws NotACredentialError, CredentialRejectedError (field `alg`, `kid` or `crit`)
 * or CredentialSignatureError.
 */
export function verifyCompactJws(jws: string, publicKey: KeyObject, expected: JwsExpectations): VerifiedJws {
  const parts = typeof jws === 'string' ? jws.split('.') : [];
  if (parts.length !== 3) throw new NotACredentialError('A credential is three base64url parts joined by dots.');
  const [encodedHeader = '', encodedPayload = '', encodedSignature = ''] = parts;
  const header = jsonObject(encodedHeader, 'header');
  if (typeof header.alg !== 'string' || !expected.algorithms.includes(header.alg)) {
    throw new CredentialRejectedError('alg', `The algorithm ${JSON.stringify(header.alg ?? null)} is not accepted.`);
  }
  if (expected.kid !== undefined && header.kid !== expected.kid) {
    throw new CredentialRejectedError('kid', `The key ${JSON.stringify(header.kid ?? null)} is not this verifier's.`);
  }
  // An extension the signer says must be understood is one this verifier does not know (jose: the same).
  if (header.crit !== undefined) {
    throw new CredentialRejectedError('crit', 'The header names extensions that must be understood.');
  }
  const payload = jsonObject(encodedPayload, 'payload');
  // A signature part that is not 64 bytes of canonical base64url was altered too: the header and payload
  // already read as a credential's.
  const signature = fromBase64url(encodedSignature);
  const signingInput = Buffer.from(`${encodedHeader}.${encodedPayload}`, 'ascii');
  if (signature?.length !== ED25519_SIGNATURE_BYTES || !verify(null, signingInput, publicKey, signature)) {
    throw new CredentialSignatureError(
      'The signature does not match: altered after signing, or signed with another key.',
    );
  }
  return { header, payload };
}

function jsonObject(part: string, name: 'header' | 'payload'): Record<string, unknown> {
  const bytes = fromBase64url(part);
  let value: unknown;
  try {
    if (!bytes) throw new TypeError('not base64url');
    value = JSON.parse(strictUtf8.decode(bytes));
  } catch (cause) {
    throw new NotACredentialError(`The ${name} is not base64url-encoded JSON.`, { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new NotACredentialError(`The ${name} is not a JSON object.`);
  }
  return value as Record<string, unknown>;
}
