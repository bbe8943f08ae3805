// The hiring loop's forms on an application's page, read into the bodies the API takes (the commands
// then check them with the API's own schemas), and the confirmation steps that name what an
// irreversible action does before it is taken.
import { declineReasonLabel, declineReasons, stageLabel, type ApplicationStatus } from '#domain/openings/stages.ts';

/** Optional text as the API takes it: a field left empty is no text at all. */
function optionalText(form: FormData, name: string): string | undefined {
  const value = String(form.get(name) ?? '');
  return value.trim() === '' ? undefined : value;
}

/** The admin's stage form as the body of `PUT …/applicants/{personId}/stage`. */
export function stageMoveFromForm(form: FormData) {
  return {
    stage: String(form.get('stage') ?? ''),
    message: optionalText(form, 'message'),
    reason: optionalText(form, 'reason'),
    note: optionalText(form, 'note'),
  };
}

/** The applicant's answer to an offer as the body of `PUT …/applications/me/offer`. */
export function offerAnswerFromForm(form: FormData, answer: 'accept' | 'decline') {
  return { answer, message: optionalText(form, 'message') };
}

/** What each irreversible action asks before it is taken: asked on its own page step, not by script. */
export const confirmations = {
  accept: {
    side: 'applicant',
    title: 'Accept the offer?',
    button: 'Yes, accept the offer',
    consequence: (position: string) =>
      `Accepting fills one position of “${position}” and cannot be undone: the syndicate is told at once.`,
  },
  'decline-offer': {
    side: 'applicant',
    title: 'Decline the offer?',
    button: 'Yes, decline the offer',
    consequence: (position: string) =>
      `Declining ends your application to “${position}” for good: the offer cannot be taken back up.`,
  },
  withdraw: {
    side: 'applicant',
    title: 'Withdraw your application?',
    button: 'Yes, withdraw',
    consequence: (position: string) =>
      `Withdrawing takes you out of the running for “${position}” and closes the thread to new messages; you may apply again while the opening is open.`,
  },
  decline: {
    side: 'syndicate',
    title: 'Decline this applicant?',
    button: 'Decline the applicant',
    consequence: (position: string) =>
      `Declining ends this application to “${position}” for good: the applicant is told the reason you pick.`,
  },
} as const;
export type Confirmation = keyof typeof confirmations;

export const isConfirmation = (value: string | null): value is Confirmation =>
  value !== null && Object.hasOwn(confirmations, value);

/** The decline reasons as a select's options. */
export const declineReasonOptions = declineReasons.map((value) => ({ value, label: declineReasonLabel[value] }));

/** A stage as the page shows it, capitalised. */
export const stageText = (stage: ApplicationStatus) => {
  const label = stageLabel[stage];
  return label.charAt(0).toUpperCase() + label.slice(1);
};
