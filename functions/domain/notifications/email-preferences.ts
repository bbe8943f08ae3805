// Which kinds of notification a person also gets by email. Every kind is on until the person turns it
// off (in their settings, or by one click on an email's unsubscribe link); the inbox always has them.
// The preferences are their own item on the person's partition, not part of the versioned profile:
// a one-click unsubscribe must never fail because the profile was edited meanwhile.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import type { Identity } from '../identity.ts';
import { type EmailPreferences, type NotificationKind, notificationKinds } from './notification.ts';

/** What each kind is called where a person switches it (settings) or stops it (unsubscribe page). */
export const emailKindLabels: Record<NotificationKind, string> = {
  'application-received': 'Someone applied to an opening of a syndicate you run',
  'application-stage-changed': 'Your application moved to another stage',
  'application-message': 'A message about an application',
  'join-request-decided': 'Your request to join a syndicate was decided',
  'co-inventor-invited': 'You are named as a co-inventor',
  'value-report-awaiting': 'A value report waits for your decision',
  'value-report-decided': 'A value report was confirmed or disputed',
  'value-report-settled': 'A value report settled, with what you received',
  'saved-search-match': 'New openings match a search you saved',
  'order-received': 'Someone ordered one of your offers',
  'order-changed': 'An order you bought or sold moved on (accepted, delivered, confirmed…)',
  'proposal-opened': 'A syndicate you belong to opened a proposal for your vote',
  'proposal-closing-soon': 'A proposal you have not voted on closes within a day',
  'proposal-decided': 'A proposal you could vote on was decided',
  'assessment-requested': 'A learner asks a syndicate you belong to to assess their practical work',
};

/** Every kind with its current setting: absent means on. */
export function effectivePreferences(preferences: EmailPreferences): Record<NotificationKind, boolean> {
  return Object.fromEntries(notificationKinds.map((kind) => [kind, preferences[kind] !== false])) as Record<
    NotificationKind,
    boolean
  >;
}

export function emailAllowed(preferences: EmailPreferences, kind: NotificationKind): boolean {
  return preferences[kind] !== false;
}

/** The body of `PATCH /api/me/email-preferences`: the kinds to change, each on (true) or off (false). */
export const emailPreferencesPatchSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject(
      Object.fromEntries(notificationKinds.map((kind) => [kind, z.optional(z.boolean())])) as Record<
        NotificationKind,
        z.ZodMiniOptional<z.ZodMiniBoolean>
      >,
    )
    .check(
      z.refine((patch) => Object.values(patch).some((value) => value !== undefined), {
        message: `Name at least one kind to switch on (true) or off (false): ${notificationKinds.join(', ')}.`,
      }),
    ),
);

/** The port the preferences are kept behind; the DynamoDB adapter implements it. */
export interface EmailPreferencesRepository {
  /** A person's preferences; none stored reads as every kind on. */
  get(personId: string): Promise<EmailPreferences>;
  /** Sets the kinds named (the others stay as they are) and answers the preferences as they now are. */
  set(personId: string, changes: EmailPreferences, at: Date): Promise<EmailPreferences>;
}

export interface EmailPreferencesDependencies {
  emailPreferences: EmailPreferencesRepository;
  now: () => Date;
}

/** A person's own preferences, every kind named. */
export async function readEmailPreferences(
  deps: Pick<EmailPreferencesDependencies, 'emailPreferences'>,
  identity: Identity,
) {
  return effectivePreferences(await deps.emailPreferences.get(identity.personId));
}

/**
 * Switches the kinds named, for the signed-in person only. Each kind is set, not toggled, so sending
 * the same change twice (a retry, a second click) leaves the same preferences.
 */
export async function changeEmailPreferences(
  deps: EmailPreferencesDependencies,
  identity: Identity,
  patch: EmailPreferences,
) {
  const changes = Object.fromEntries(Object.entries(patch).filter(([, on]) => on !== undefined)) as EmailPreferences;
  return effectivePreferences(await deps.emailPreferences.set(identity.personId, changes, deps.now()));
}
