// The hiring loop's forms on an application's page, read into the bodies the API takes (the commands
// then check them with the API's own schemas), and the confirmation steps that name what an
// irreversible action does before it is taken.
import { type Translate, translator } from '#domain/i18n/catalogue.ts';
import { declineReasons, stageLabel, type ApplicationStatus } from '#domain/openings/stages.ts';

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

/** What each irreversible action asks before it is taken, in a page's words: asked on its own page step, not by script. */
export const confirmationsIn = (t: Translate) =>
  ({
    accept: {
      side: 'applicant',
      title: t('confirm.accept.title'),
      button: t('confirm.accept.button'),
      consequence: (position: string) => t('confirm.accept.consequence', position),
    },
    'decline-offer': {
      side: 'applicant',
      title: t('confirm.decline-offer.title'),
      button: t('confirm.decline-offer.button'),
      consequence: (position: string) => t('confirm.decline-offer.consequence', position),
    },
    withdraw: {
      side: 'applicant',
      title: t('confirm.withdraw.title'),
      button: t('confirm.withdraw.button'),
      consequence: (position: string) => t('confirm.withdraw.consequence', position),
    },
    decline: {
      side: 'syndicate',
      title: t('confirm.decline.title'),
      button: t('confirm.decline.button'),
      consequence: (position: string) => t('confirm.decline.consequence', position),
    },
  }) as const;
export const confirmations = confirmationsIn(translator('en'));
export type Confirmation = keyof typeof confirmations;

export const isConfirmation = (value: string | null): value is Confirmation =>
  value !== null && Object.hasOwn(confirmations, value);

/** The decline reasons as a select's options, in a page's words. */
export const declineReasonOptions = (t: Translate) =>
  declineReasons.map((value) => ({ value, label: t(`decline.${value}`) }));

/** A stage as the page shows it, capitalised. */
export const stageText = (stage: ApplicationStatus) => {
  const label = stageLabel[stage];
  return label.charAt(0).toUpperCase() + label.slice(1);
};
