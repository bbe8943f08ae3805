// Anyone can check a Guildhall credential: the signature must be the instance key's and the payload
// an AchievementCredential. A credential altered after signing fails, and the reason says so.
import type { CredentialSigner } from './credential.ts';

export type VerificationResult =
  | {
      valid: true;
      credentialId: string;
      issuer: string;
      subjectName: string;
      achievement: string;
      skills: Array<{ name: string; url: string }>;
      validFrom: string;
    }
  | { valid: false; reason: string };

export async function verifyCredential(signer: CredentialSigner, jws: string): Promise<VerificationResult> {
  let payload: Record<string, unknown>;
  try {
    payload = await signer.verify(jws.trim());
  } catch {
    return {
      valid: false,
      reason: 'The signature does not match: the credential was altered or not issued by this Guildhall.',
    };
  }
  const credential = payload as {
    id?: unknown;
    type?: unknown;
    issuer?: { id?: unknown };
    validFrom?: unknown;
    credentialSubject?: {
      name?: unknown;
      achievement?: { name?: unknown; alignment?: Array<{ targetName?: unknown; targetUrl?: unknown }> };
    };
  };
  const types = Array.isArray(credential.type) ? credential.type : [];
  if (!types.includes('AchievementCredential') || typeof credential.credentialSubject?.achievement?.name !== 'string') {
    return { valid: false, reason: 'The signature is valid but the payload is not an AchievementCredential.' };
  }
  if (credential.issuer?.id !== signer.issuer.id) {
    return { valid: false, reason: 'The credential names another issuer.' };
  }
  return {
    valid: true,
    credentialId: String(credential.id),
    issuer: signer.issuer.name,
    subjectName: String(credential.credentialSubject.name ?? ''),
    achievement: credential.credentialSubject.achievement.name,
    skills: (credential.credentialSubject.achievement.alignment ?? []).map((alignment) => ({
      name: String(alignment.targetName ?? ''),
      url: String(alignment.targetUrl ?? ''),
    })),
    validFrom: String(credential.validFrom ?? ''),
  };
}
