// One-click unsubscribe: every email carries a link that turns its kind off for its recipient, without
// signing in. The link's token says whom and which kind, and is signed (HMAC-SHA256 with the instance's
// email link key), so nobody can make one for another person or another kind. It never expires: mail
// is read months later, and the worst a copied link can do is stop one kind of email to one person.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { RequestShapeError } from '../errors.ts';
import { peopleWords } from '../i18n/account/people-refusals.ts';
import type { Identity } from '../identity.ts';
import { type NotificationKind, notificationKinds } from './notification.ts';
import type { EmailPreferencesDependencies } from './email-preferences.ts';

export interface UnsubscribeClaim {
  personId: string;
  kind: NotificationKind;
}

/** 128 bits of the MAC: enough against forgery, short enough for a link. */
const macBytes = 16;
/** Bumped if the signed text ever changes, so old and new tokens cannot be confused. */
const domain = 'guildhall-unsubscribe-v1';

function mac(key: string, claim: UnsubscribeClaim): Buffer {
  return createHmac('sha256', key).update(`${domain}\n${claim.personId}\n${claim.kind}`).digest().subarray(0, macBytes);
}

/** `<kind>.<person id, base64url>.<mac, base64url>`: only URL-safe characters, so it fits a path. */
export function unsubscribeToken(key: string, claim: UnsubscribeClaim): string {
  const person = Buffer.from(claim.personId, 'utf8').toString('base64url');
  return `${claim.kind}.${person}.${mac(key, claim).toString('base64url')}`;
}

/** The claim a token carries, or undefined when it is not one this key signed (cut short, altered, forged). */
export function readUnsubscribeToken(key: string, token: string): UnsubscribeClaim | undefined {
  if (token.length > 400) return undefined;
  const [kind, person, signature, ...rest] = token.split('.');
  if (rest.length > 0 || !kind || !person || !signature) return undefined;
  if (!(notificationKinds as readonly string[]).includes(kind)) return undefined;
  if (!/^[A-Za-z0-9_-]+$/.test(person) || !/^[A-Za-z0-9_-]+$/.test(signature)) return undefined;
  const claim = { personId: Buffer.from(person, 'base64url').toString('utf8'), kind: kind as NotificationKind };
  if (claim.personId === '') return undefined;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(key, claim);
  return given.length === expected.length && timingSafeEqual(given, expected) ? claim : undefined;
}

/** The claim of a token from a link, or a 400 naming the token. */
export function unsubscribeClaim(key: string, token: string, field = 'path.token'): UnsubscribeClaim {
  const claim = readUnsubscribeToken(key, token);
  if (!claim) throw new RequestShapeError([{ field, ...peopleWords({ key: 'not-a-link', values: {} }) }]);
  return claim;
}

/** The identity a valid token proves: the person it was made for, and nothing more. */
export function unsubscribeIdentity(claim: UnsubscribeClaim): Identity {
  return { personId: claim.personId };
}

/** Turns the token's kind off for its person. Idempotent: a second click finds it off and leaves it so. */
export async function unsubscribe(deps: EmailPreferencesDependencies, claim: UnsubscribeClaim) {
  await deps.emailPreferences.set(claim.personId, { [claim.kind]: false }, deps.now());
  return { kind: claim.kind, email: false as const };
}
