// Why an innovation record refuses an edit, a new version, publishing or leaving its draft
// (innovations/innovation-use-cases.ts, consent.ts), in each language: the record's pages and the API (by
// Accept-Language) say it in the reader's. Kept apart from the site's catalogue, as audit-sentences.ts
// is: innovations-api bundles this file alone.
import type { Locale } from '../locales.ts';

export type RecordRefusal =
  | { key: 'invited' | 'nothing-to-publish' | 'last-inventor'; values: Record<string, never> }
  | { key: 'too-many-versions'; values: { most: number } }
  | { key: 'published-inventor'; values: { version: number } };

type Sentences = {
  [K in RecordRefusal['key']]: (values: Extract<RecordRefusal, { key: K }>['values']) => string;
};

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
  },
};

/** The refusal in `locale`: English is the sentence the rules write. */
export function recordRefusalIn(refusal: RecordRefusal, locale: Locale): string {
  const say = sentences[locale][refusal.key] as (values: RecordRefusal['values']) => string;
  return say(refusal.values);
}

/** The refusal's English and its words in each language, as a DomainError's arguments take them. */
export const recordWords = (refusal: RecordRefusal) =>
  [recordRefusalIn(refusal, 'en'), { wordsIn: (locale: Locale) => recordRefusalIn(refusal, locale) }] as const;
