// Why a vote or a draft's edit is refused (decisions/vote.ts, edit-draft.ts, circle.ts, proposal-use-cases.ts
// `staleDraft`), in each language: the proposal's page and the API (by Accept-Language) say it in the
// reader's. Kept apart from the site's catalogue, as not-enacted.ts is: decisions-api bundles it alone.
import { intlTags, type Locale } from '../locales.ts';

/** `commons`, or `syndicate:<id>` (a proposal's scope). */
type Scope = string;

export type VoteRefusal =
  | {
      key: 'draft' | 'conflict' | 'not-on-circle' | 'open-already' | 'opened-meanwhile';
      values: Record<string, never>;
    }
  | { key: 'closed'; values: { at: string } }
  | { key: 'not-member'; values: { scope: Scope } }
  | { key: 'joined-after'; values: { since: string; openedAt: string } }
  | { key: 'stale'; values: { version: number; read: number } };

type Sentences = {
  [K in VoteRefusal['key']]: (values: Extract<VoteRefusal, { key: K }>['values']) => string;
};

const syndicateOf = (scope: Scope) => scope.replace(/^syndicate:/, '');
/** A moment as the reader's language writes it, in UTC: "7 de diciembre de 2026 a las 10:00 UTC". */
const moment = (iso: string, locale: Locale) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : `${date.toLocaleString(intlTags[locale], { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
};

const sentences: Record<Locale, Sentences> = {
  en: {
    draft: () => 'This proposal is a draft: its author opens it first.',
    closed: ({ at }) => `Voting on this proposal closed at ${at}.`,
    conflict: () =>
      'This credit limit is for your own account or a syndicate you belong to: the other members decide it.',
    'not-member': ({ scope }) =>
      `Only members of ${scope === 'commons' ? 'the commons' : `syndicate ${syndicateOf(scope)}`} vote on its proposals.`,
    'joined-after': ({ since, openedAt }) =>
      `You became a member at ${since}, after this proposal opened (${openedAt}): who votes on it was fixed then.`,
    'not-on-circle': () => 'Only the circle votes on this proposal: the parties to the report and its panel.',
    'open-already': () => 'This proposal is open already: what it proposes was fixed when it opened.',
    'opened-meanwhile': () => 'This proposal was opened while you edited it: what it proposes is fixed now.',
    stale: ({ version, read }) =>
      `This draft was saved again after you read it (it is at version ${version}; you read version ${read}): read it again before you change or open it.`,
  },
  es: {
    draft: () => 'Esta propuesta es un borrador: primero tiene que abrirla quien la escribió.',
    closed: ({ at }) => `La votación de esta propuesta se cerró el ${moment(at, 'es')}.`,
    conflict: () =>
      'Este límite de crédito es para tu propia cuenta o para un colectivo al que perteneces: lo deciden los demás miembros.',
    'not-member': ({ scope }) =>
      `Solo los miembros de ${scope === 'commons' ? 'el procomún' : `el colectivo ${syndicateOf(scope)}`} votan sus propuestas.`,
    'joined-after': ({ since, openedAt }) =>
      `Te hiciste miembro el ${moment(since, 'es')}, después de que se abriera esta propuesta (el ${moment(openedAt, 'es')}): quién vota quedó fijado entonces.`,
    'not-on-circle': () => 'Solo el círculo vota esta propuesta: las partes del informe de valor y su panel.',
    'open-already': () => 'Esta propuesta ya está abierta: lo que propone quedó fijado al abrirse.',
    'opened-meanwhile': () => 'Alguien abrió esta propuesta mientras la editabas: lo que propone ya ha quedado fijado.',
    stale: ({ version, read }) =>
      `Este borrador se guardó de nuevo después de que lo leyeras (va por la versión ${version}; leíste la ${read}): vuelve a leerlo antes de cambiarlo o abrirlo.`,
  },
  nl: {
    draft: () => 'Dit voorstel is een concept: de indiener moet het eerst openstellen.',
    closed: ({ at }) => `De stemming over dit voorstel sloot op ${moment(at, 'nl')}.`,
    conflict: () =>
      'Deze kredietlimiet is voor je eigen rekening of voor een collectief waar je bij hoort: de andere leden beslissen erover.',
    'not-member': ({ scope }) =>
      `Alleen leden van ${scope === 'commons' ? 'de commons' : `collectief ${syndicateOf(scope)}`} stemmen over de voorstellen.`,
    'joined-after': ({ since, openedAt }) =>
      `Je werd lid op ${moment(since, 'nl')}, nadat dit voorstel openging (${moment(openedAt, 'nl')}): wie erover stemt, lag toen vast.`,
    'not-on-circle': () => 'Alleen de kring stemt over dit voorstel: de partijen bij het waarderapport en het panel.',
    'open-already': () => 'Dit voorstel is al open: wat het voorstelt, lag vast toen het openging.',
    'opened-meanwhile': () => 'Dit voorstel is opengesteld terwijl je het bewerkte: wat het voorstelt, ligt nu vast.',
    stale: ({ version, read }) =>
      `Dit concept is opnieuw opgeslagen nadat je het las (het is bij versie ${version}; jij las versie ${read}): lees het opnieuw voordat je het wijzigt of openstelt.`,
  },
};

/** The refusal in `locale`: English is the sentence the rules write. */
export function voteRefusalIn(refusal: VoteRefusal, locale: Locale): string {
  const say = sentences[locale][refusal.key] as (values: VoteRefusal['values']) => string;
  return say(refusal.values);
}

/** The refusal's English and its words in each language, as a DomainError's arguments take them. */
export const voteWords = (refusal: VoteRefusal) =>
  [voteRefusalIn(refusal, 'en'), { wordsIn: (locale: Locale) => voteRefusalIn(refusal, locale) }] as const;
