// Why an offer or a want cannot be listed or withdrawn (market/listing.ts, offer.ts, want.ts,
// market-use-cases.ts), in each language: the listing forms and the API (by Accept-Language) say it in
// the reader's. Kept apart from the site's catalogue, as work/hiring-refusals.ts is: market-api bundles
// this file alone.
import { possessive } from '../../plain-words.ts';
import { intlTags, type Locale } from '../locales.ts';
import { countIn as count } from '../numbers.ts';

type Side = 'offer' | 'want';
type None = Record<string, never>;

export type MarketRefusal =
  | { key: 'place' | 'labour-skill' | 'listing-fields' | 'offer-price' | 'want-hours'; values: None }
  /** `today` and `last` are days (`2026-12-07`), `days` the longest span a listing may name. */
  | { key: 'expiry'; values: { today: string; days: number; last: string } }
  | { key: 'unknown-skill' | 'skill-twice'; values: { skillId: string } }
  /** `field` names the account listed for (`body.seller`, `body.buyer`): the request's path, kept as sent. */
  | { key: 'not-yours'; values: { field: string } }
  | { key: 'closed'; values: { side: Side; status: string } }
  | {
      key: 'service-syndicate' | 'card-rate-price' | 'price-needed' | 'hours-quantity' | 'hours-needed';
      values: None;
    }
  | { key: 'no-service'; values: { syndicate: string; service: string } }
  /** `per` is a rate card's unit (hour, job, day, week, month), `currency` its currency. */
  | { key: 'card-per' | 'card-unit'; values: { per: string } }
  | { key: 'card-currency'; values: { currency: string } }
  | { key: 'hours-most'; values: { most: number } };

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

/** A listing's status as the listing page names it (es.ts, nl.ts `market.status.*`); both sides are feminine in Spanish. */
const statusEs: Record<string, string> = { withdrawn: 'retirada', expired: 'caducada', fulfilled: 'cubierta' };
const statusNl: Record<string, string> = { withdrawn: 'ingetrokken', expired: 'verlopen', fulfilled: 'vervuld' };

/** A rate card's unit as the listing page names it (es.ts, nl.ts `market.unit.*`). */
const perIn: Record<Exclude<Locale, 'en'>, Record<string, string>> = {
  es: { hour: 'hora', item: 'unidad', job: 'encargo', day: 'día', week: 'semana', month: 'mes' },
  nl: { hour: 'uur', item: 'stuk', job: 'klus', day: 'dag', week: 'week', month: 'maand' },
};

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
    'service-syndicate': () => 'Only a syndicate’s offer takes a rate-card service; set your own price.',
    'no-service': ({ syndicate, service }) => `${possessive(syndicate)} rate card has no service "${service}".`,
    'card-per': ({ per }) =>
      `The rate card prices this service per ${per}; an offer is priced per hour, item or job, so an admin must state the rate per hour or per job first.`,
    'card-currency': ({ currency }) =>
      `The rate card prices this service in ${currency}; an offer is priced in Bound, so an admin must state the rate in Bound or hours first.`,
    'card-rate-price': () => 'This service’s price is the rate card’s rate: leave the price out.',
    'card-unit': ({ per }) => `The rate card prices this service per ${per}: choose that unit.`,
    'price-needed': () => 'Give a price in Bound per unit.',
    'hours-quantity': () => 'By the hour, the hours are the quantity: leave the hours out.',
    'hours-most': ({ most }) => `One want asks at most ${most} hours.`,
    'hours-needed': () => 'Say about how many hours of work the whole want takes.',
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
    'service-syndicate': () =>
      'Solo la oferta de un colectivo puede tomar un servicio de sus tarifas; pon tu propio precio.',
    'no-service': ({ syndicate, service }) => `Las tarifas de ${syndicate} no tienen ningún servicio "${service}".`,
    'card-per': ({ per }) =>
      `Las tarifas ponen precio a este servicio por ${perIn.es[per] ?? per}; una oferta se cobra por hora, unidad o encargo, así que primero un admin tiene que fijar la tarifa por hora o por encargo.`,
    'card-currency': ({ currency }) =>
      `Las tarifas ponen precio a este servicio en ${currency}; una oferta se cobra en Bound, así que primero un admin tiene que fijar la tarifa en Bound o en horas.`,
    'card-rate-price': () => 'El precio de este servicio es el de las tarifas: deja el precio en blanco.',
    'card-unit': ({ per }) => `Las tarifas ponen precio a este servicio por ${perIn.es[per] ?? per}: elige esa unidad.`,
    'price-needed': () => 'Indica un precio en Bound por unidad.',
    'hours-quantity': () => 'Por horas, las horas son la cantidad: deja las horas en blanco.',
    'hours-most': ({ most }) => `Una demanda pide como máximo ${count(most, 'es')} horas.`,
    'hours-needed': () => 'Indica más o menos cuántas horas de trabajo lleva toda la demanda.',
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
    'service-syndicate': () =>
      'Alleen het aanbod van een collectief kan een dienst van de tariefkaart nemen; geef je eigen prijs.',
    'no-service': ({ syndicate, service }) => `De tariefkaart van ${syndicate} heeft geen dienst "${service}".`,
    'card-per': ({ per }) =>
      `De tariefkaart prijst deze dienst per ${perIn.nl[per] ?? per}; een aanbod wordt geprijsd per uur, stuk of klus, dus een beheerder moet het tarief eerst per uur of per klus opgeven.`,
    'card-currency': ({ currency }) =>
      `De tariefkaart prijst deze dienst in ${currency}; een aanbod wordt geprijsd in Bound, dus een beheerder moet het tarief eerst in Bound of uren opgeven.`,
    'card-rate-price': () => 'De prijs van deze dienst is het tarief van de tariefkaart: laat de prijs leeg.',
    'card-unit': ({ per }) => `De tariefkaart prijst deze dienst per ${perIn.nl[per] ?? per}: kies die eenheid.`,
    'price-needed': () => 'Geef een prijs in Bound per eenheid.',
    'hours-quantity': () => 'Per uur zijn de uren de hoeveelheid: laat de uren leeg.',
    'hours-most': ({ most }) => `Eén vraag vraagt hoogstens ${count(most, 'nl')} uur.`,
    'hours-needed': () => 'Geef ongeveer aan hoeveel uur werk de hele vraag kost.',
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
