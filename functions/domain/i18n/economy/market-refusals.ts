// Why an offer or a want cannot be listed or withdrawn (market/listing.ts, offer.ts, want.ts,
// market-use-cases.ts), in each language: the listing forms and the API (by Accept-Language) say it in
// the reader's. Kept apart from the site's catalogue, as work/hiring-refusals.ts is: market-api bundles
// this file alone.
import { intlTags, type Locale } from '../locales.ts';

type Side = 'offer' | 'want';
type None = Record<string, never>;

export type MarketRefusal =
  | { key: 'place' | 'labour-skill' | 'listing-fields' | 'offer-price' | 'want-hours'; values: None }
  /** `today` and `last` are days (`2026-12-07`), `days` the longest span a listing may name. */
  | { key: 'expiry'; values: { today: string; days: number; last: string } }
  | { key: 'unknown-skill' | 'skill-twice'; values: { skillId: string } }
  /** `field` names the account listed for (`body.seller`, `body.buyer`): the request's path, kept as sent. */
  | { key: 'not-yours'; values: { field: string } }
  | { key: 'closed'; values: { side: Side; status: string } };

type Sentences = {
  [K in MarketRefusal['key']]: (values: Extract<MarketRefusal, { key: K }>['values']) => string;
};

/** A day (`2026-12-07`) as the reader's language writes it: "7 de diciembre de 2026". */
const day = (iso: string, locale: Locale) => {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString(intlTags[locale], { dateStyle: 'long', timeZone: 'UTC' });
};
const count = (value: number, locale: Locale) => new Intl.NumberFormat(intlTags[locale]).format(value);

/** A listing's status as the listing page names it (es.ts, nl.ts `market.status.*`); both sides are feminine in Spanish. */
const statusEs: Record<string, string> = { withdrawn: 'retirada', expired: 'caducada', fulfilled: 'cubierta' };
const statusNl: Record<string, string> = { withdrawn: 'ingetrokken', expired: 'verlopen', fulfilled: 'vervuld' };

const sentences: Record<Locale, Sentences> = {
  en: {
    expiry: ({ today, days, last }) => `Choose a last day from today (${today}) to ${days} days from now (${last}).`,
    place: () => 'Say where it is, or mark it as remote.',
    'labour-skill': () => 'Labour is work in a skill: name at least one skill.',
    'unknown-skill': ({ skillId }) => `No skill "${skillId}" in the commons.`,
    'skill-twice': ({ skillId }) => `The skill "${skillId}" is named twice.`,
    'listing-fields': () => 'The listing has fields to correct.',
    'not-yours': ({ field }) =>
      `You list for yourself, or for a syndicate you are an admin of (${field} names neither).`,
    closed: ({ side, status }) => `This ${side} is ${status} already; it changes no more.`,
    'offer-price': () => 'The offer’s price cannot be set so.',
    'want-hours': () => 'The want’s hours cannot be set so.',
  },
  es: {
    expiry: ({ today, days, last }) =>
      `Elige un último día entre hoy (${day(today, 'es')}) y dentro de ${count(days, 'es')} días (${day(last, 'es')}).`,
    place: () => 'Di dónde es, o márcalo como en remoto.',
    'labour-skill': () => 'El trabajo es trabajo en una habilidad: indica al menos una.',
    'unknown-skill': ({ skillId }) => `No hay ninguna habilidad «${skillId}» en el procomún.`,
    'skill-twice': ({ skillId }) => `La habilidad «${skillId}» aparece dos veces.`,
    'listing-fields': () => 'La publicación tiene campos que corregir.',
    'not-yours': ({ field }) =>
      `Publicas para ti o para un colectivo del que eres administrador (${field} no nombra a ninguno de los dos).`,
    closed: ({ side, status }) =>
      `Esta ${side === 'offer' ? 'oferta' : 'demanda'} ya está ${statusEs[status] ?? status}; ya no cambia más.`,
    'offer-price': () => 'El precio de la oferta no se puede fijar así.',
    'want-hours': () => 'Las horas de la demanda no se pueden fijar así.',
  },
  nl: {
    expiry: ({ today, days, last }) =>
      `Kies een laatste dag tussen vandaag (${day(today, 'nl')}) en over ${count(days, 'nl')} dagen (${day(last, 'nl')}).`,
    place: () => 'Zeg waar het is, of markeer het als op afstand.',
    'labour-skill': () => 'Arbeid is werk in een vaardigheid: noem er minstens één.',
    'unknown-skill': ({ skillId }) => `Er is geen vaardigheid ‘${skillId}’ in de commons.`,
    'skill-twice': ({ skillId }) => `De vaardigheid ‘${skillId}’ staat er twee keer in.`,
    'listing-fields': () => 'Een paar velden van je aanbod of vraag moeten worden verbeterd.',
    'not-yours': ({ field }) =>
      `Je plaatst voor jezelf, of voor een collectief waarvan je beheerder bent (${field} noemt geen van beide).`,
    closed: ({ side, status }) =>
      `${side === 'offer' ? 'Dit aanbod' : 'Deze vraag'} is al ${statusNl[status] ?? status}; er verandert niets meer aan.`,
    'offer-price': () => 'De prijs van het aanbod kan niet zo worden ingesteld.',
    'want-hours': () => 'De uren van de vraag kunnen niet zo worden ingesteld.',
  },
};

/** The refusal in `locale`: English is the sentence the rules write. */
export function marketRefusalIn(refusal: MarketRefusal, locale: Locale): string {
  const say = sentences[locale][refusal.key] as (values: MarketRefusal['values']) => string;
  return say(refusal.values);
}

/** The refusal's English and its words in each language, as a field issue takes them. */
export const marketWords = (refusal: MarketRefusal) => ({
  message: marketRefusalIn(refusal, 'en'),
  wordsIn: (locale: Locale) => marketRefusalIn(refusal, locale),
});

/** The same, as a DomainError's arguments take them. */
export const marketErrorWords = (refusal: MarketRefusal) => {
  const { message, wordsIn } = marketWords(refusal);
  return [message, { wordsIn }] as const;
};
