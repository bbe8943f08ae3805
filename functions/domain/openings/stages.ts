// The hiring loop's stages and who may move an application from which stage to which: one table,
// pure, so the API, the site and the tests all read the same rules.
//
// The syndicate's admins move an application between the open stages, forward (skipping a stage is
// fine: a small job may need no interview) or back, and may decline it from any of them; once it is
// accepted (a position filled), declined or withdrawn nobody moves it again: the applicant was told,
// and an accepted application is a filled position. The applicant may withdraw from any open stage
// and answer an offer: accepting fills a position, declining ends the application.
// The statuses written before the loop had stages (submitted, accepted, declined, withdrawn) are
// stages of it, so applications stored then keep their meaning.
import { lazySchema } from '#domain/zod.ts';
import { type HiringRefusal, hiringRefusalIn } from '../i18n/work/hiring-refusals.ts';
import { text } from '../text.ts';

export const applicationStatuses = [
  'submitted',
  'shortlisted',
  'interview',
  'offered',
  'accepted',
  'declined',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** The stages an application is still moving through; the others are final. */
export const openStages = ['submitted', 'shortlisted', 'interview', 'offered'] as const;
export type OpenStage = (typeof openStages)[number];

/** Who moves an application: the syndicate's admins or the applicant. */
export type StageActor = 'syndicate' | 'applicant';

/** Where the syndicate's admins may send an application: any open stage, or declined. */
export const syndicateTargets = [...openStages, 'declined'] as const;
export type SyndicateTarget = (typeof syndicateTargets)[number];

/** Where the applicant may send their own application. */
export const applicantTargets = ['withdrawn', 'accepted', 'declined'] as const;
export type ApplicantTarget = (typeof applicantTargets)[number];

const isOpen = (stage: ApplicationStatus): stage is OpenStage => (openStages as readonly string[]).includes(stage);

/** Whether `actor` may move an application that is at `from` to `to`. */
export function mayMove(actor: StageActor, from: ApplicationStatus, to: ApplicationStatus): boolean {
  if (!isOpen(from) || from === to) return false;
  if (actor === 'syndicate') return isOpen(to) || to === 'declined';
  if (to === 'withdrawn') return true;
  return from === 'offered' && (to === 'accepted' || to === 'declined');
}

/** Why a move is refused, as a key and values (i18n/work/hiring-refusals.ts words it): it names the stage now. */
export function moveRefusal(actor: StageActor, from: ApplicationStatus, to: ApplicationStatus): HiringRefusal {
  const why =
    from === to
      ? 'same'
      : !isOpen(from)
        ? 'closed'
        : actor === 'applicant' && (to === 'accepted' || to === 'declined')
          ? 'not-an-offer'
          : 'not-from-there';
  return { key: 'move', values: { from, to, why } };
}

/** The sentence an illegal move answers with, in English: it names the stage the application is at now. */
export const refusedMove = (actor: StageActor, from: ApplicationStatus, to: ApplicationStatus): string =>
  hiringRefusalIn(moveRefusal(actor, from, to), 'en');

/** Why a syndicate declines: a short list, so the applicant is told plainly, plus optional words. */
export const declineReasons = [
  'skills',
  'experience',
  'availability',
  'another-applicant',
  'position-closed',
  'other',
] as const;
export type DeclineReason = (typeof declineReasons)[number];

export const declineReasonLabel: Record<DeclineReason, string> = {
  skills: 'The skills asked for do not match closely enough',
  experience: 'We need more experience for this work',
  availability: 'The hours or start date do not fit',
  'another-applicant': 'We chose another applicant',
  'position-closed': 'The position is no longer open',
  other: 'Another reason (see the note)',
};

/** The optional message sent with a stage change, and every message of a thread: markdown. */
export const messageBodySchema = /* @__PURE__ */ lazySchema(() => text(1, 4000, { multiline: true, label: 'message' }));
/** The optional words beside a decline reason. */
export const declineNoteSchema = /* @__PURE__ */ lazySchema(() => text(1, 500, { multiline: true, label: 'note' }));
