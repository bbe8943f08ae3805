// Why a syndicate refuses an address, an edit of its rate card, a decision on a request or a role change
// (syndicates/syndicate-use-cases.ts), in each language: the syndicate's pages and the API (by
// Accept-Language) say it in the reader's. Kept apart from the site's catalogue, as opening-refusals.ts is.
import type { Locale } from '../locales.ts';

export type SyndicateRefusal =
  | { key: 'reserved'; values: { id: string } }
  | { key: 'rate-card-by-vote'; values: { name: string; members: number } }
  | { key: 'decided'; values: { approved: boolean } };

type Sentences = {
  [K in SyndicateRefusal['key']]: (values: Extract<SyndicateRefusal, { key: K }>['values']) => string;
};

const sentences: Record<Locale, Sentences> = {
  en: {
    reserved: ({ id }) => `"${id}" is a name the site keeps for its own pages; choose another address`,
    'rate-card-by-vote': ({ name, members }) =>
      `${name} has ${members} members: its rate card changes only by their vote. Propose the new card to them (a rate-card proposal, /decisions/new/?kind=rate-card) and send the card as it is with this edit.`,
    decided: ({ approved }) => `That request was already ${approved ? 'approved' : 'declined'}.`,
  },
  es: {
    reserved: ({ id }) => `«${id}» es un nombre que el sitio reserva para sus propias páginas; elige otra dirección.`,
    'rate-card-by-vote': ({ name, members }) =>
      `${name} tiene ${members.toLocaleString('es-ES')} miembros: sus tarifas solo cambian por votación. Propónles las nuevas tarifas (una propuesta de tarifas, /es/decisions/new/?kind=rate-card) y envía las tarifas tal como están con esta edición.`,
    decided: ({ approved }) => `Esa solicitud ya se ${approved ? 'aprobó' : 'rechazó'}.`,
  },
  nl: {
    reserved: ({ id }) => `“${id}” is een naam die de site voor haar eigen pagina’s houdt; kies een ander adres.`,
    'rate-card-by-vote': ({ name, members }) =>
      `${name} heeft ${members.toLocaleString('nl-NL')} leden: de tariefkaart verandert alleen door hun stem. Stel hun de nieuwe kaart voor (een voorstel voor de tariefkaart, /nl/decisions/new/?kind=rate-card) en stuur de kaart zoals ze is mee met deze wijziging.`,
    decided: ({ approved }) => `Dat verzoek is al ${approved ? 'goedgekeurd' : 'afgewezen'}.`,
  },
};

/**
 * The last admin's refusal, apart from the others: the syndicates' store gives it (a role change or a
 * leave that would take the last admin), and every function carries that store, not these rules.
 */
const lastAdmin: Record<Locale, string> = {
  en: 'A syndicate always keeps at least one admin: make someone else admin first.',
  es: 'Un colectivo siempre conserva al menos un admin: nombra admin a otra persona antes.',
  nl: 'Een collectief houdt altijd minstens één beheerder: maak eerst iemand anders beheerder.',
};
export const lastAdminWords = { message: lastAdmin.en, wordsIn: (locale: Locale) => lastAdmin[locale] };

/** The refusal in `locale`: English is the sentence the rules write. */
export function syndicateRefusalIn(refusal: SyndicateRefusal, locale: Locale): string {
  const say = sentences[locale][refusal.key] as (values: SyndicateRefusal['values']) => string;
  return say(refusal.values);
}

/** The refusal's English and its words in each language, as a DomainError or a field issue takes them. */
export const syndicateWords = (refusal: SyndicateRefusal) => ({
  message: syndicateRefusalIn(refusal, 'en'),
  wordsIn: (locale: Locale) => syndicateRefusalIn(refusal, locale),
});
