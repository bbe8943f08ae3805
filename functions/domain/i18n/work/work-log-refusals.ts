// Why logged hours are refused, or their approval (work/work-log-use-cases.ts, ledger/work-pay.ts
// `checkWorkApprover`), in each language. The rules name their refusal by a key and values; the English
// the API has always answered is this file's English, and the hours pages and the API word it in the
// reader's language. Kept apart from the site's catalogue, as rate-problems.ts is: bound-api bundles it alone.
import { intlTags, type Locale } from '../locales.ts';

export type WorkLogRefusal =
  | {
      key: 'not-a-member' | 'no-position' | 'future-date' | 'not-admin' | 'own-hours';
      values: Record<string, never>;
    }
  | { key: 'day-full'; values: { logged: number; date: string; most: number } }
  | { key: 'decided'; values: { status: 'approved' | 'rejected' } };

type Sentences = {
  [K in WorkLogRefusal['key']]: (values: Extract<WorkLogRefusal, { key: K }>['values'], locale: Locale) => string;
};

const number = (value: number, locale: Locale) => new Intl.NumberFormat(intlTags[locale]).format(value);

const sentences: Record<Locale, Sentences> = {
  en: {
    'not-a-member': () => 'You log hours for a syndicate you are a member of.',
    'no-position': () =>
      'You hold no position at this opening of the syndicate: log hours against an opening whose offer you accepted.',
    'future-date': () => 'Log hours for a day you have worked: the date is in the future.',
    'day-full': ({ logged, date, most }) =>
      `You have logged ${logged} hours for ${date} already; a day holds at most ${most}.`,
    decided: ({ status }) => `These hours were ${status} already; the decision stands.`,
    'not-admin': () => 'Only an admin of the syndicate approves or rejects logged hours.',
    'own-hours': () => 'You cannot approve or reject your own hours: another admin of the syndicate must.',
  },
  es: {
    'not-a-member': () => 'Solo puedes registrar horas en un colectivo del que eres miembro.',
    'no-position': () =>
      'No ocupas ningún puesto en esta oferta del colectivo: registra las horas en una oferta cuyo puesto aceptaste.',
    'future-date': () => 'Registra horas de un día que ya hayas trabajado: esa fecha está en el futuro.',
    'day-full': ({ logged, date, most }, locale) =>
      `Ya tienes ${number(logged, locale)} horas registradas el ${date}; un día admite como máximo ${most}.`,
    decided: ({ status }) =>
      `Estas horas ya se ${status === 'approved' ? 'aprobaron' : 'rechazaron'}; la decisión se mantiene.`,
    'not-admin': () => 'Solo una persona administradora del colectivo aprueba o rechaza las horas registradas.',
    'own-hours': () =>
      'No puedes aprobar ni rechazar tus propias horas: tiene que hacerlo otra persona administradora del colectivo.',
  },
  nl: {
    'not-a-member': () => 'Je registreert alleen uren bij een collectief waar je lid van bent.',
    'no-position': () =>
      'Je hebt geen plaats bij deze vacature van het collectief: registreer uren bij een vacature waarvan je het aanbod hebt aangenomen.',
    'future-date': () => 'Registreer uren voor een dag die je gewerkt hebt: deze datum ligt in de toekomst.',
    'day-full': ({ logged, date, most }, locale) =>
      `Je hebt voor ${date} al ${number(logged, locale)} uur geregistreerd; een dag telt hoogstens ${most} uur.`,
    decided: ({ status }) =>
      `Deze uren zijn al ${status === 'approved' ? 'goedgekeurd' : 'afgewezen'}; dat besluit blijft staan.`,
    'not-admin': () => 'Alleen een beheerder van het collectief keurt geregistreerde uren goed of af.',
    'own-hours': () =>
      'Je kunt je eigen uren niet goedkeuren of afwijzen: dat moet een andere beheerder van het collectief doen.',
  },
};

/** The refusal in `locale`: English is the sentence the rules have always written. */
export function workLogRefusalIn(refusal: WorkLogRefusal, locale: Locale): string {
  const say = sentences[locale][refusal.key] as (values: WorkLogRefusal['values'], locale: Locale) => string;
  return say(refusal.values, locale);
}

/** The refusal's English and its words in each language, as a DomainError or a field issue takes them. */
export const workLogWords = (refusal: WorkLogRefusal) => ({
  message: workLogRefusalIn(refusal, 'en'),
  wordsIn: (locale: Locale) => workLogRefusalIn(refusal, locale),
});
