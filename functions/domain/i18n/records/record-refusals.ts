// Why an innovation record refuses an edit, a draft's content, a new version, publishing, accepting or
// leaving its draft (innovations/innovation-use-cases.ts, consent.ts, consent-use-cases.ts), in each language: the record's pages and the API (by
// Accept-Language) say it in the reader's. Kept apart from the site's catalogue, as audit-sentences.ts
// is: innovations-api bundles this file alone.
import { intlTags, type Locale } from '../locales.ts';

export type RecordRefusal =
  | {
      key:
        | 'invited'
        | 'nothing-to-publish'
        | 'last-inventor'
        | 'practice-or-skill'
        | 'skill-twice'
        | 'include-yourself'
        | 'not-a-member'
        | 'changed-meanwhile';
      values: Record<string, never>;
    }
  | { key: 'not-accepted'; values: { names: readonly string[] } }
  | { key: 'too-many-versions'; values: { most: number } }
  | { key: 'published-inventor'; values: { version: number } };

type Sentences = {
  [K in RecordRefusal['key']]: (values: Extract<RecordRefusal, { key: K }>['values']) => string;
};

/** Names as the reader's language lists them: "Ana, Ben and Cy", "Ana, Ben y Cy", "Ana, Ben en Cy". */
const list = (names: readonly string[], locale: Locale) =>
  new Intl.ListFormat(intlTags[locale], { type: 'conjunction' }).format(names);

const sentences: Record<Locale, Sentences> = {
  en: {
    invited: () => 'You are invited to this draft: accept the invitation before you edit it.',
    'too-many-versions': ({ most }) =>
      `This record has ${most} versions, the most one record keeps: register the improvement as a new record that names this one.`,
    'nothing-to-publish': () => 'This record has no draft to publish.',
    'published-inventor': ({ version }) =>
      `You are an inventor of version ${version}, so declining cannot take you off the record. A correction that changes the inventors or shares is not published until you accept it; to change it back, edit the draft.`,
    'last-inventor': () =>
      'You are the only inventor who has joined this draft, so you cannot leave it: a draft needs at least one.',
    'practice-or-skill': () => 'name the practice guide or at least one skill it improves',
    'skill-twice': () => 'lists a skill twice',
    'include-yourself': () => 'Include yourself: only inventors edit a draft.',
    'not-a-member': () => 'is not a Guildhall member',
    'not-accepted': ({ names }) =>
      `Not published: ${list(names, 'en')} ${names.length === 1 ? 'has' : 'have'} not accepted these inventors and shares yet. Everyone named, and every inventor of the version a correction changes them in, must accept first.`,
    'changed-meanwhile': () =>
      'The inventors or shares changed after you read them: read them again before you accept.',
  },
  es: {
    invited: () => 'Te han invitado a este borrador: acepta la invitación antes de editarlo.',
    'too-many-versions': ({ most }) =>
      `Este registro tiene ${most} versiones, el máximo que guarda un registro: registra la mejora como un registro nuevo que cite este.`,
    'nothing-to-publish': () => 'Este registro no tiene ningún borrador que publicar.',
    'published-inventor': ({ version }) =>
      `Eres inventor de la versión ${version}, así que rechazar no te quita del registro. Una corrección que cambie los inventores o las participaciones no se publica hasta que la aceptes; para deshacer el cambio, edita el borrador.`,
    'last-inventor': () =>
      'Eres el único inventor que se ha unido a este borrador, así que no puedes dejarlo: un borrador necesita al menos uno.',
    'practice-or-skill': () => 'indica la guía práctica o al menos una competencia que mejore',
    'skill-twice': () => 'incluye una competencia dos veces',
    'include-yourself': () => 'Inclúyete: solo los inventores editan un borrador.',
    'not-a-member': () => 'no es miembro de Guildhall',
    'not-accepted': ({ names }) =>
      `No se ha publicado: ${list(names, 'es')} todavía no ${names.length === 1 ? 'ha' : 'han'} aceptado estos inventores y participaciones. Todas las personas nombradas, y cada inventor de la versión en la que una corrección los cambia, tienen que aceptarlos antes.`,
    'changed-meanwhile': () =>
      'Los inventores o las participaciones cambiaron después de que los leyeras: vuelve a leerlos antes de aceptar.',
  },
  nl: {
    invited: () => 'Je bent uitgenodigd voor dit concept: aanvaard de uitnodiging voordat je het bewerkt.',
    'too-many-versions': ({ most }) =>
      `Dit verslag heeft ${most} versies, het meeste dat één verslag bewaart: leg de verbetering vast als een nieuw verslag dat naar dit verslag verwijst.`,
    'nothing-to-publish': () => 'Dit verslag heeft geen concept om te publiceren.',
    'published-inventor': ({ version }) =>
      `Je bent uitvinder van versie ${version}, dus weigeren haalt je niet van het verslag. Een correctie die de uitvinders of aandelen verandert, wordt pas gepubliceerd als jij haar aanvaardt; wil je het terugdraaien, bewerk dan het concept.`,
    'last-inventor': () =>
      'Je bent de enige uitvinder die zich bij dit concept heeft aangesloten, dus je kunt het niet verlaten: een concept heeft er minstens één nodig.',
    'practice-or-skill': () => 'noem de praktijkgids of minstens één vaardigheid die het verbetert',
    'skill-twice': () => 'noemt een vaardigheid twee keer',
    'include-yourself': () => 'Zet jezelf erbij: alleen uitvinders bewerken een concept.',
    'not-a-member': () => 'is geen lid van Guildhall',
    'not-accepted': ({ names }) =>
      `Niet gepubliceerd: ${list(names, 'nl')} ${names.length === 1 ? 'heeft' : 'hebben'} deze uitvinders en aandelen nog niet aanvaard. Iedereen die genoemd is, en elke uitvinder van de versie waarin een correctie ze verandert, moet eerst aanvaarden.`,
    'changed-meanwhile': () =>
      'De uitvinders of aandelen zijn veranderd nadat je ze las: lees ze opnieuw voordat je aanvaardt.',
  },
};

/** The refusal in `locale`: English is the sentence the rules write. */
export function recordRefusalIn(refusal: RecordRefusal, locale: Locale): string {
  const say = sentences[locale][refusal.key] as (values: RecordRefusal['values']) => string;
  return say(refusal.values);
}

/** The refusal as a field issue's message and words (spread beside its `field`). */
export const recordIssue = (refusal: RecordRefusal) => ({
  message: recordRefusalIn(refusal, 'en'),
  wordsIn: (locale: Locale) => recordRefusalIn(refusal, locale),
});

/** The refusal's English and its words in each language, as a DomainError's arguments take them. */
export const recordWords = (refusal: RecordRefusal) =>
  [recordRefusalIn(refusal, 'en'), { wordsIn: (locale: Locale) => recordRefusalIn(refusal, locale) }] as const;
