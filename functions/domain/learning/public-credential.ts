// A credential as its earner shares it: a public page (and API answer) that anyone with the link may
// read, checked on the server with the instance key each time it is shown. Only ids made to be
// unguessable are public (see newCredentialId); any other id answers as if it did not exist.
import { renderBadgePng, renderBadgeSvg } from '../credentials/badge-image.ts';
import { bakePng } from '../credentials/png.ts';
import { bakeSvg } from '../credentials/svg.ts';
import { NotFoundError } from '../errors.ts';
import { defaultLocale, type Locale } from '../i18n/locales.ts';
import { verificationReasonIn } from '../i18n/records/verification-reasons.ts';
import {
  type EarnedBy,
  credentialUrl,
  isShareableCredentialId,
  issuedOnWords,
  practicalEvidenceOf,
} from './credential.ts';
import type { LearningDependencies } from './learning-use-cases.ts';
import { type VerificationStatus, verifyCredential } from './verify-credential.ts';

export interface PublicCredential {
  id: string;
  /** The public page, also the credential's id inside the signed credential. */
  url: string;
  issuedAt: string;
  recipient: { name: string; emailHashed: boolean };
  achievement: { name: string; description: string; criteria: string; url: string };
  skills: Array<{ id: string; name: string; url: string; framework?: string | undefined }>;
  earnedBy: EarnedBy['earnedBy'];
  evidence: EarnedBy['evidence'];
  issuer: { id: string; name: string };
  verification: { status: VerificationStatus; sentence: string };
  /** The signed credential (compact JWS), the same bytes as every download. */
  jws: string;
  downloads: { jwt: string; svg: string; png: string };
  linkedIn: string;
}

type Deps = Pick<LearningDependencies, 'learning' | 'signer' | 'siteUrl'>;

interface StoredPayload {
  validFrom?: unknown;
  evidence?: Array<{ name?: unknown; description?: unknown; narrative?: unknown; genre?: unknown }>;
  credentialSubject?: {
    name?: unknown;
    identifier?: unknown;
    achievement?: {
      id?: unknown;
      name?: unknown;
      description?: unknown;
      criteria?: { narrative?: unknown };
      alignment?: Array<{ targetCode?: unknown; targetName?: unknown; targetUrl?: unknown; targetFramework?: unknown }>;
    };
  };
}

const stringOf = (value: unknown) => (typeof value === 'string' ? value : '');

/** The stored credential's own payload: Guildhall wrote it, so it is read without a signature check. */
function payloadOf(jws: string): StoredPayload {
  const value: unknown = JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8'));
  return typeof value === 'object' && value !== null ? value : {};
}

/** A credential's public face, its verification sentence in `locale` (the page's, or the API's Accept-Language). */
export async function getPublicCredential(
  deps: Deps,
  credentialId: string,
  locale: Locale = defaultLocale,
): Promise<PublicCredential> {
  const stored = isShareableCredentialId(credentialId) ? await deps.learning.getCredential(credentialId) : null;
  if (!stored) throw new NotFoundError('credential', credentialId);
  const payload = payloadOf(stored.jws);
  const subject = payload.credentialSubject;
  const achievement = subject?.achievement;
  const verification = await verifyCredential(deps.signer, { jws: stored.jws, format: 'jws' });
  const url = credentialUrl(deps.siteUrl, stored.id);
  const name = stringOf(achievement?.name);
  return {
    id: stored.id,
    url,
    issuedAt: stringOf(payload.validFrom) || stored.issuedAt,
    recipient: { name: stringOf(subject?.name), emailHashed: Array.isArray(subject?.identifier) },
    achievement: {
      name,
      description: stringOf(achievement?.description),
      criteria: stringOf(achievement?.criteria?.narrative),
      url: stringOf(achievement?.id),
    },
    skills: (achievement?.alignment ?? []).map((alignment) => ({
      id: stringOf(alignment.targetCode),
      name: stringOf(alignment.targetName),
      url: stringOf(alignment.targetUrl),
      ...(stringOf(alignment.targetFramework) ? { framework: stringOf(alignment.targetFramework) } : {}),
    })),
    ...practicalEvidenceOf(payload.evidence),
    issuer: deps.signer.issuer,
    verification: { status: verification.status, sentence: verificationReasonIn(verification.said, locale) },
    jws: stored.jws,
    downloads: { jwt: `${url}credential.jwt`, svg: `${url}badge.svg`, png: `${url}badge.png` },
    linkedIn: linkedInAddUrl({
      name,
      organizationName: deps.signer.issuer.name,
      issuedAt: new Date(stringOf(payload.validFrom) || stored.issuedAt),
      certUrl: url,
      certId: stored.id,
    }),
  };
}

/**
 * LinkedIn's "add a certification to your profile" link: it opens the member's own form pre-filled, and
 * nothing is sent to LinkedIn until they save it. Its documented parameters: startTask, name,
 * organizationName (or organizationId, which Guildhall does not have), issueYear, issueMonth (1-12),
 * certUrl, certId.
 */
export function linkedInAddUrl(input: {
  name: string;
  organizationName: string;
  issuedAt: Date;
  certUrl: string;
  certId: string;
}): string {
  const query = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: input.name,
    organizationName: input.organizationName,
    issueYear: String(input.issuedAt.getUTCFullYear()),
    issueMonth: String(input.issuedAt.getUTCMonth() + 1),
    certUrl: input.certUrl,
    certId: input.certId,
  });
  return `https://www.linkedin.com/profile/add?${query}`;
}

/** The credential baked into a picture of itself: an SVG naming it, or the PNG emblem. */
export function bakedBadge(credential: PublicCredential, format: 'svg'): string;
export function bakedBadge(credential: PublicCredential, format: 'png'): Uint8Array<ArrayBuffer>;
export function bakedBadge(credential: PublicCredential, format: 'svg' | 'png'): string | Uint8Array {
  if (format === 'png') return bakePng(renderBadgePng(), credential.jws);
  const svg = renderBadgeSvg({
    achievement: credential.achievement.name,
    recipient: credential.recipient.name,
    issuedOn: issuedOnWords(credential.issuedAt),
    issuer: credential.issuer.name,
  });
  return bakeSvg(svg, credential.jws);
}
