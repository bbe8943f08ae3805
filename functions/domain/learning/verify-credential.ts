// Anyone can check a Guildhall credential, as the .jwt, a baked SVG or a baked PNG. Four answers, each a
// sentence: genuine; not a credential at all (no JWS, or a JWS that is no AchievementCredential);
// altered (a credential's shape, signed by this instance's key, but the signature no longer matches);
// or signed by a key this instance does not know. The shape is judged before the signature, so a
// random file is "not a credential" rather than "altered".
import { type CredentialFormat, type Unwrapped, unwrapText } from '../credentials/extract.ts';
import { recipientEmailCheck } from '../credentials/recipient.ts';
import type { PngDamage } from '../i18n/records/png-damage.ts';
import {
  type NotCredentialWhy,
  type VerificationSaid,
  verificationReasonIn,
} from '../i18n/records/verification-reasons.ts';
import { type CredentialSigner, type EarnedBy, practicalEvidenceOf } from './credential.ts';

export type VerificationStatus = 'valid' | 'not-a-credential' | 'altered' | 'unknown-key' | 'other-issuer';

export type VerificationResult =
  | {
      valid: true;
      status: 'valid';
      reason: string;
      said: VerificationSaid;
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
  | { valid: false; status: Exclude<VerificationStatus, 'valid'>; reason: string; said: VerificationSaid };

/** A refusal, its reason kept as a key and values and said in English (the API's `reason`). */
const invalid = (status: 'altered' | 'unknown-key' | 'other-issuer') => {
  const said: VerificationSaid = { key: status, values: {} };
  return { valid: false, status, reason: verificationReasonIn(said, 'en'), said } as const;
};

const notCredential = (why: NotCredentialWhy, detail?: PngDamage) => {
  const said: VerificationSaid = {
    key: 'not-a-credential',
    values: { why, ...(detail === undefined ? {} : { detail }) },
  };
  return { valid: false, status: 'not-a-credential', reason: verificationReasonIn(said, 'en'), said } as const;
};

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
  if ('problem' in unwrapped) return notCredential(unwrapped.why, unwrapped.detail);
  const parts = unwrapped.jws.split('.');
  const header = parts.length === 3 ? segmentObject(parts[0] ?? '') : null;
  const claimed = parts.length === 3 ? segmentObject(parts[1] ?? '') : null;
  if (!header || typeof header.alg !== 'string' || !claimed || !/^[A-Za-z0-9_-]*$/.test(parts[2] ?? '')) {
    return notCredential('not-jws');
  }
  if (!isAchievementCredential(claimed)) {
    return notCredential('not-achievement');
  }
  const check = await signer.verify(unwrapped.jws);
  if (check.outcome === 'unknown-key') return invalid('unknown-key');
  if (check.outcome === 'bad-signature') return invalid('altered');
  const credential: CredentialShape = check.payload;
  const subject = credential.credentialSubject;
  if (credential.issuer?.id !== signer.issuer.id || check.payload.iss !== signer.issuer.id) {
    return invalid('other-issuer');
  }
  const validFrom = String(credential.validFrom ?? '');
  const said: VerificationSaid = {
    key: 'valid',
    values: Number.isNaN(Date.parse(validFrom)) ? {} : { issuedOn: validFrom },
  };
  return {
    valid: true,
    status: 'valid',
    reason: verificationReasonIn(said, 'en'),
    said,
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
