// Why a passed proposal changed nothing (decisions/enactment.ts), in each language. The plan keeps its
// reason as a key and values, stored on the proposal beside the English `notEnacted` written from it (the
// registry log and the API keep that English); the proposal's page says it in the reader's language.
// Kept apart from the site's catalogue, as problem-titles.ts is: the decisions' functions bundle it alone.
import type { Locale } from '../locales.ts';

type ReportStatus = 'pending' | 'confirmed' | 'disputed' | 'settled';

/** Why nothing changed: a key and the values its sentence names (ids as they are, amounts as digits). */
export type NotEnactedMessage =
  | { key: 'syndicate-gone'; values: Record<string, never> }
  | { key: 'adopted-already'; values: { syndicate: string; at: string } }
  | { key: 'record-unpublished'; values: { record: string } }
  | { key: 'implementers-left'; values: { people: string[]; syndicate: string } }
  | { key: 'report-gone'; values: { report: string } }
  | { key: 'report-not-disputed'; values: { status: ReportStatus } }
  | { key: 'cannot-pay'; values: { account: string; balance: string; limit: string } }
  | {
      key:
        | 'steward-removed'
        | 'member-already'
        | 'no-account'
        | 'not-a-member'
        | 'admin-already'
        | 'last-admin'
        | 'not-admin';
      values: { person: string };
    };

type Sentences = {
  [K in NotEnactedMessage['key']]: (values: Extract<NotEnactedMessage, { key: K }>['values']) => string;
};

const statusEs: Record<ReportStatus, string> = {
  pending: 'pendiente de decisiones',
  confirmed: 'confirmado, aún sin liquidar',
  disputed: 'impugnado',
  settled: 'liquidado',
};
const statusNl: Record<ReportStatus, string> = {
  pending: 'wacht op besluiten',
  confirmed: 'bevestigd, nog niet verrekend',
  disputed: 'betwist',
  settled: 'verrekend',
};

const sentences: Record<Locale, Sentences> = {
  en: {
    'syndicate-gone': () => 'The syndicate no longer exists.',
    'adopted-already': ({ syndicate, at }) => `${syndicate} adopted this record already, at ${at}.`,
    'record-unpublished': ({ record }) => `The record ${record} is no longer published.`,
    'implementers-left': ({ people, syndicate }) =>
      `${people.join(', ')} no longer implement it as members of ${syndicate}.`,
    'report-gone': ({ report }) => `The value report ${report} no longer exists.`,
    'report-not-disputed': ({ status }) => `The value report is no longer disputed (it is ${status}).`,
    'cannot-pay': ({ account, balance, limit }) =>
      `The syndicate cannot pay it now: Account "${account}" would be left at ${balance} minor units, below its credit limit of ${limit}.`,
    'steward-removed': ({ person }) => `${person} was removed as a steward already.`,
    'member-already': ({ person }) => `${person} is a member already.`,
    'no-account': ({ person }) => `${person} no longer has an account here.`,
    'not-a-member': ({ person }) => `${person} is no longer a member.`,
    'admin-already': ({ person }) => `${person} is an admin already.`,
    'last-admin': ({ person }) => `${person} is the syndicate’s last admin: a syndicate always keeps one.`,
    'not-admin': ({ person }) => `${person} is no longer an admin.`,
  },
  es: {
    'syndicate-gone': () => 'El colectivo ya no existe.',
    'adopted-already': ({ syndicate, at }) => `${syndicate} ya había adoptado este registro, el ${at}.`,
    'record-unpublished': ({ record }) => `El registro ${record} ya no está publicado.`,
    'implementers-left': ({ people, syndicate }) =>
      `${new Intl.ListFormat('es-ES', { type: 'conjunction' }).format(people)} ya no lo aplican como miembros de ${syndicate}.`,
    'report-gone': ({ report }) => `El informe de valor ${report} ya no existe.`,
    'report-not-disputed': ({ status }) => `El informe de valor ya no está impugnado (ahora está ${statusEs[status]}).`,
    'cannot-pay': ({ account, balance, limit }) =>
      `El colectivo no puede pagarlo ahora: la cuenta «${account}» quedaría en ${balance} centésimas de Bound, por debajo de su límite de crédito de ${limit}.`,
    'steward-removed': ({ person }) => `${person} ya había dejado de ser custodio.`,
    'member-already': ({ person }) => `${person} ya es miembro.`,
    'no-account': ({ person }) => `${person} ya no tiene cuenta aquí.`,
    'not-a-member': ({ person }) => `${person} ya no es miembro.`,
    'admin-already': ({ person }) => `${person} ya es admin.`,
    'last-admin': ({ person }) => `${person} es el último admin del colectivo, y un colectivo siempre conserva uno.`,
    'not-admin': ({ person }) => `${person} ya no es admin.`,
  },
  nl: {
    'syndicate-gone': () => 'Het collectief bestaat niet meer.',
    'adopted-already': ({ syndicate, at }) => `${syndicate} had dit verslag al overgenomen, op ${at}.`,
    'record-unpublished': ({ record }) => `Het verslag ${record} is niet meer gepubliceerd.`,
    'implementers-left': ({ people, syndicate }) =>
      `${new Intl.ListFormat('nl-NL', { type: 'conjunction' }).format(people)} passen het niet meer toe als leden van ${syndicate}.`,
    'report-gone': ({ report }) => `De waardemelding ${report} bestaat niet meer.`,
    'report-not-disputed': ({ status }) => `De waardemelding is niet meer betwist (ze is nu ${statusNl[status]}).`,
    'cannot-pay': ({ account, balance, limit }) =>
      `Het collectief kan het nu niet betalen: rekening „${account}” zou uitkomen op ${balance} honderdsten van een Bound, onder de kredietlimiet van ${limit}.`,
    'steward-removed': ({ person }) => `${person} was al geen kredietbeheerder meer.`,
    'member-already': ({ person }) => `${person} is al lid.`,
    'no-account': ({ person }) => `${person} heeft hier geen account meer.`,
    'not-a-member': ({ person }) => `${person} is geen lid meer.`,
    'admin-already': ({ person }) => `${person} is al beheerder.`,
    'last-admin': ({ person }) =>
      `${person} is de laatste beheerder van het collectief, en een collectief houdt er altijd één.`,
    'not-admin': ({ person }) => `${person} is geen beheerder meer.`,
  },
};

/**
 * Why nothing changed, in `locale`; undefined for a message this version cannot say (a key it does not
 * know, from another version), so the page shows the stored English.
 */
export function notEnactedIn(message: NotEnactedMessage, locale: Locale): string | undefined {
  const say = sentences[locale][message.key] as ((values: NotEnactedMessage['values']) => string) | undefined;
  return typeof say === 'function' && typeof message.values === 'object' && message.values !== null
    ? say(message.values)
    : undefined;
}

/** The plan's refusal: its message and the English written from it. */
export const notEnacted = (message: NotEnactedMessage) => ({
  notEnacted: notEnactedIn(message, 'en') ?? '',
  notEnactedMessage: message,
});
