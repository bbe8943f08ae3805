// Anyone can check a Guildhall credential, as the .jwt, a baked SVG or a baked PNG. Four answers, each a
// sentence: genuine; not a credential at all (no JWS, or a JWS that is no AchievementCredential);
// altered (a credential's shape, signed by this instance's key, but the signature no longer matches);
// or signed by a key this instance does not know. The shape is judged before the signature, so a
// random file is "not a credential" rather than "altered".
import { type CredentialFormat, type Unwrapped, unwrapText } from '../credentials/extract.ts';
import { recipientEmailCheck } from '../credentials/recipient.ts';
import { type CredentialSigner, type EarnedBy, issuedOnWords, practicalEvidenceOf } from './credential.ts';

export type VerificationStatus = 'valid' | 'not-a-credential' | 'altered' | 'unknown-key' | 'other-issuer';

export type VerificationResult =
  | {
      valid: true;
      status: 'valid';
      reason: string;
      format: CredentialFormat;
      credentialId: string;
      issuer: string;
      subjectName: string;
      achievement: string;
      skills: Array<{ name: string; url: string }>;
      validFrom: string;
      earnedBy: EarnedBy['earnedBy'];
      evidence: EarnedBy['evidence'];
      /** Only when an email was given to check against the credential's hashed recipient. */
      recipientEmail?: 'matches' | 'differs' | 'unknown';
    }
  | { valid: false; status: Exclude<VerificationStatus, 'valid'>; reason: string };

const sentences = {
  altered:
    'This credential was altered: it has the shape of a Guildhall credential, but its content no longer matches the signature made when it was issued, so nothing it says can be trusted.',
  'unknown-key':
    'This credential was signed by a key this Guildhall does not know: it was not issued here, or its signature was replaced.',
  'other-issuer': 'The signature is this Guildhall’s, but the credential names another issuer.',
} as const;

const notCredential = (why: string) =>
  ({ valid: false, status: 'not-a-credential', reason: `This is not a credential: ${why}` }) as const;

interface CredentialShape {
  id?: unknown;
  type?: unknown;
  issuer?: { id?: unknown };
  validFrom?: unknown;
  credentialSubject?: {
    name?: unknown;
    identifier?: unknown;
    achievement?: { name?: unknown; alignment?: Array<{ targetName?: unknown; targetUrl?: unknown }> };
  };
}

/** The JSON object a base64url segment holds, or null when it holds none. */
function segmentObject(segment: string): Record<string, unknown> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : null;
  } catch {
    return null;
  }
}

function isAchievementCredential(payload: CredentialShape): boolean {
  const types = Array.isArray(payload.type) ? payload.type : [];
  return (
    (types.includes('AchievementCredential') || types.includes('OpenBadgeCredential')) &&
    typeof payload.credentialSubject?.achievement?.name === 'string'
  );
}

export async function verifyCredential(
  signer: Pick<CredentialSigner, 'issuer' | 'verify'>,
  input: string | Unwrapped,
  options: { recipientEmail?: string | undefined } = {},
): Promise<VerificationResult> {
  const unwrapped = typeof input === 'string' ? unwrapText(input) : input;
  if ('problem' in unwrapped) return notCredential(unwrapped.problem.replace(/^This /, 'this '));
  const parts = unwrapped.jws.split('.');
  const header = parts.length === 3 ? segmentObject(parts[0] ?? '') : null;
  const claimed = parts.length === 3 ? segmentObject(parts[1] ?? '') : null;
  if (!header || typeof header.alg !== 'string' || !claimed || !/^[A-Za-z0-9_-]*$/.test(parts[2] ?? '')) {
    return notCredential(
      'a signed credential is a compact JWS, three base64url parts joined by dots (the text of a .jwt file), or a badge image that carries one.',
    );
  }
  if (!isAchievementCredential(claimed)) {
    return notCredential('it is signed data, but not an Open Badges AchievementCredential.');
  }
  const check = await signer.verify(unwrapped.jws);
  if (check.outcome === 'unknown-key') return { valid: false, status: 'unknown-key', reason: sentences['unknown-key'] };
  if (check.outcome === 'bad-signature') return { valid: false, status: 'altered', reason: sentences.altered };
  const credential: CredentialShape = check.payload;
  const subject = credential.credentialSubject;
  if (credential.issuer?.id !== signer.issuer.id || check.payload.iss !== signer.issuer.id) {
    return { valid: false, status: 'other-issuer', reason: sentences['other-issuer'] };
  }
  const validFrom = String(credential.validFrom ?? '');
  return {
    valid: true,
    status: 'valid',
    reason: `Genuine: signed with this Guildhall’s key and unaltered since it was issued${Number.isNaN(Date.parse(validFrom)) ? '' : ` on ${issuedOnWords(validFrom)}`}.`,
    format: unwrapped.format,
    credentialId: String(credential.id),
    issuer: signer.issuer.name,
    subjectName: String(subject?.name ?? ''),
    achievement: String(subject?.achievement?.name ?? ''),
    skills: (subject?.achievement?.alignment ?? []).map((alignment) => ({
      name: String(alignment.targetName ?? ''),
      url: String(alignment.targetUrl ?? ''),
    })),
    validFrom,
    ...practicalEvidenceOf(check.payload.evidence),
    ...(options.recipientEmail
      ? { recipientEmail: recipientEmailCheck(subject?.identifier, options.recipientEmail) }
      : {}),
  };
}
