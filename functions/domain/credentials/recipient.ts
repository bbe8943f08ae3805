// The recipient by email, without the email (Open Badges 3.0 IdentityObject): the credential carries
// sha256(email + salt) and the salt, so whoever already knows an address can check that it is the
// recipient's, and nobody can read the address off the credential. The address is trimmed and
// lower-cased first: people type the same address with capitals, and mail providers ignore them.
import { createHash } from 'node:crypto';

export interface HashedEmailIdentifier {
  type: 'IdentityObject';
  identityType: 'emailAddress';
  hashed: true;
  salt: string;
  identityHash: string;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

const hashOf = (email: string, salt: string) =>
  `sha256$${createHash('sha256')
    .update(normaliseEmail(email) + salt, 'utf8')
    .digest('hex')}`;

export function hashedEmailIdentifier(email: string, salt: string): HashedEmailIdentifier {
  return {
    type: 'IdentityObject',
    identityType: 'emailAddress',
    hashed: true,
    salt,
    identityHash: hashOf(email, salt),
  };
}

/**
 * Whether an address is the recipient's: `matches`, `differs`, or `unknown` when the credential carries
 * no hashed email (issued before Guildhall added one, or to a person with no address).
 */
export function recipientEmailCheck(identifiers: unknown, email: string): 'matches' | 'differs' | 'unknown' {
  const hashed = (Array.isArray(identifiers) ? identifiers : []).filter(
    (entry): entry is { salt?: unknown; identityHash: string } =>
      typeof entry === 'object' &&
      entry !== null &&
      (entry as { identityType?: unknown }).identityType === 'emailAddress' &&
      (entry as { hashed?: unknown }).hashed === true &&
      typeof (entry as { identityHash?: unknown }).identityHash === 'string',
  );
  if (hashed.length === 0) return 'unknown';
  const salted = (entry: { salt?: unknown }) => (typeof entry.salt === 'string' ? entry.salt : '');
  return hashed.some((entry) => entry.identityHash.toLowerCase() === hashOf(email, salted(entry)))
    ? 'matches'
    : 'differs';
}

/** A random salt from a cryptographic source (passed in, so the rule stays testable). */
export function randomToken(randomInt: (maxExclusive: number) => number, length = 16): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}
