// Why an order cannot be placed or take a step (orders/order.ts, order-use-cases.ts), in each language:
// the order pages and the API (by Accept-Language) say it in the reader's. Kept apart from the site's
// catalogue, as work/hiring-refusals.ts is: bound-api, which runs orders, bundles this file alone.
import { boundNumber } from '../format.ts';
import type { Locale } from '../locales.ts';
import { countIn as count } from '../numbers.ts';

type Status = 'ordered' | 'accepted' | 'declined' | 'cancelled' | 'delivered' | 'disputed' | 'confirmed' | 'refunded';
type Action = 'accept' | 'decline' | 'cancel' | 'deliver' | 'dispute' | 'confirm' | 'refund';
type None = Record<string, never>;

export type OrderRefusal =
  | {
      key:
        | 'both-sides'
        | 'say-why'
        | 'reason-only-dispute'
        | 'window-passed'
        | 'not-your-account'
        | 'own-offer'
        | 'from-themselves'
        | 'takes-no-orders'
        | 'fewer-units'
        | 'too-large'
        | 'no-such-offer';
      values: None;
    }
  /** Someone on the wrong side of the order asks for `action`. */
  | { key: 'not-your-step'; values: { action: Action } }
  | { key: 'cannot-now'; values: { status: Status; action: Action } }
  | { key: 'offer-closed'; values: { withdrawn: boolean } }
  | { key: 'holds'; values: { quantity: number } }
  | { key: 'costs-too-much'; values: { max: bigint } }
  | { key: 'not-listed'; values: { offerId: string } }
  | { key: 'changed-meanwhile'; values: { status: Status } };

type Sentences = {
  [K in OrderRefusal['key']]: (values: Extract<OrderRefusal, { key: K }>['values']) => string;
};

/** A status as the orders page names it (account/es.ts, nl.ts `orders.status.*`). */
const statusEs: Record<Status, string> = {
  ordered: 'pedido',
  accepted: 'aceptado',
  declined: 'rechazado',
  cancelled: 'cancelado',
  delivered: 'entregado',
  disputed: 'en disputa',
  confirmed: 'confirmado',
  refunded: 'reembolsado',
};
const statusNl: Record<Status, string> = {
  ordered: 'besteld',
  accepted: 'geaccepteerd',
  declined: 'afgewezen',
  cancelled: 'geannuleerd',
  delivered: 'geleverd',
  disputed: 'betwist',
  confirmed: 'bevestigd',
  refunded: 'terugbetaald',
};
/** The English past tense of each step: "it cannot be accepted now". */
const doneEn: Record<Action, string> = {
  accept: 'accepted',
  decline: 'declined',
  cancel: 'cancelled',
  deliver: 'delivered',
  dispute: 'disputed',
  confirm: 'confirmed',
  refund: 'refunded',
};
/** Each step as an infinitive: "ya no se puede aceptar", "kan niet meer worden geaccepteerd". */
const doEs: Record<Action, string> = {
  accept: 'aceptar',
  decline: 'rechazar',
  cancel: 'cancelar',
  deliver: 'marcar como entregado',
  dispute: 'disputar',
  confirm: 'confirmar',
  refund: 'reembolsar',
};
const doneNl: Record<Action, string> = {
  accept: 'worden geaccepteerd',
  decline: 'worden afgewezen',
  cancel: 'worden geannuleerd',
  deliver: 'als geleverd worden gemarkeerd',
  dispute: 'worden betwist',
  confirm: 'worden bevestigd',
  refund: 'worden terugbetaald',
};

const sentences: Record<Locale, Sentences> = {
  en: {
    'both-sides': () => 'You act for both the buyer and the seller of this order: someone else must take this step.',
    'not-your-step': ({ action }) =>
      ({
        accept: 'Only the seller accepts an order.',
        decline: 'Only the seller declines an order.',
        cancel: 'Only the buyer cancels an order, while it waits for the seller.',
        deliver: 'Only the seller marks an order delivered.',
        dispute: 'Only the buyer disputes a delivery.',
        confirm: 'Only the buyer confirms a delivery before its window has passed.',
        refund: 'Only the seller refunds an order.',
      })[action],
    'say-why': () => 'Say why you dispute the delivery.',
    'reason-only-dispute': () => 'Only a dispute takes a reason.',
    'cannot-now': ({ status, action }) => `This order is ${status}: it cannot be ${doneEn[action]} now.`,
    'window-passed': () => 'The window to dispute this delivery has passed: it counts as confirmed.',
    'not-your-account': () => 'You order for your own account, or for a syndicate you are an admin of.',
    'own-offer': () => 'This offer is yours (or your syndicate’s): you cannot order it yourself.',
    'from-themselves': () => 'Nobody orders from themselves.',
    'offer-closed': ({ withdrawn }) =>
      `This offer ${withdrawn ? 'was withdrawn' : 'has expired'}: it takes no more orders.`,
    'takes-no-orders': () => 'The offer takes no orders.',
    holds: ({ quantity }) => `This offer holds ${quantity} at most: order that many or fewer.`,
    'fewer-units': () => 'The offer holds fewer units.',
    'costs-too-much': ({ max }) => `That many units would cost more than one payment may move (${max} minor units).`,
    'too-large': () => 'The order is too large.',
    'not-listed': ({ offerId }) => `No offer "${offerId}" is listed: check the offer's address.`,
    'no-such-offer': () => 'The offer does not exist.',
    'changed-meanwhile': ({ status }) => `This order was ${status} meanwhile: look at it again before you act.`,
  },
  es: {
    'both-sides': () =>
      'Actúas a la vez por quien compra y por quien vende en este pedido: este paso tiene que darlo otra persona.',
    'not-your-step': ({ action }) =>
      ({
        accept: 'Solo quien vende acepta un pedido.',
        decline: 'Solo quien vende rechaza un pedido.',
        cancel: 'Solo quien compra cancela un pedido, mientras espera a quien vende.',
        deliver: 'Solo quien vende marca un pedido como entregado.',
        dispute: 'Solo quien compra disputa una entrega.',
        confirm: 'Solo quien compra confirma una entrega antes de que acabe su plazo.',
        refund: 'Solo quien vende reembolsa un pedido.',
      })[action],
    'say-why': () => 'Di por qué disputas la entrega.',
    'reason-only-dispute': () => 'Solo una disputa lleva un motivo.',
    'cannot-now': ({ status, action }) => `Este pedido está ${statusEs[status]}: ahora no se puede ${doEs[action]}.`,
    'window-passed': () => 'El plazo para disputar esta entrega ya ha pasado: cuenta como confirmada.',
    'not-your-account': () => 'Pides para tu propia cuenta o para un colectivo del que eres administrador.',
    'own-offer': () => 'Esta oferta es tuya (o de tu colectivo): no puedes pedirla tú.',
    'from-themselves': () => 'Nadie se hace pedidos a sí mismo.',
    'offer-closed': ({ withdrawn }) => `Esta oferta ${withdrawn ? 'se retiró' : 'ha caducado'}: ya no admite pedidos.`,
    'takes-no-orders': () => 'La oferta no admite pedidos.',
    holds: ({ quantity }) =>
      `Esta oferta tiene como máximo ${count(quantity, 'es')} ${quantity === 1 ? 'unidad' : 'unidades'}: pide esa cantidad o menos.`,
    'fewer-units': () => 'La oferta tiene menos unidades.',
    'costs-too-much': ({ max }) =>
      `Tantas unidades costarían más de lo que puede mover un solo pago (${boundNumber(max, 'es')} Bound).`,
    'too-large': () => 'El pedido es demasiado grande.',
    'not-listed': ({ offerId }) => `No hay ninguna oferta «${offerId}» publicada: comprueba la dirección de la oferta.`,
    'no-such-offer': () => 'La oferta no existe.',
    'changed-meanwhile': ({ status }) =>
      `Este pedido ha cambiado mientras tanto y ahora está ${statusEs[status]}: vuelve a mirarlo antes de actuar.`,
  },
  nl: {
    'both-sides': () =>
      'Je handelt zowel voor de koper als voor de verkoper van deze bestelling: iemand anders moet deze stap zetten.',
    'not-your-step': ({ action }) =>
      ({
        accept: 'Alleen de verkoper accepteert een bestelling.',
        decline: 'Alleen de verkoper wijst een bestelling af.',
        cancel: 'Alleen de koper annuleert een bestelling, zolang die op de verkoper wacht.',
        deliver: 'Alleen de verkoper markeert een bestelling als geleverd.',
        dispute: 'Alleen de koper betwist een levering.',
        confirm: 'Alleen de koper bevestigt een levering voordat de termijn voorbij is.',
        refund: 'Alleen de verkoper betaalt een bestelling terug.',
      })[action],
    'say-why': () => 'Zeg waarom je de levering betwist.',
    'reason-only-dispute': () => 'Alleen een betwisting krijgt een reden.',
    'cannot-now': ({ status, action }) => `Deze bestelling is ${statusNl[status]}: ze kan nu niet ${doneNl[action]}.`,
    'window-passed': () => 'De termijn om deze levering te betwisten is voorbij: ze geldt als bevestigd.',
    'not-your-account': () => 'Je bestelt voor je eigen rekening, of voor een collectief waarvan je beheerder bent.',
    'own-offer': () => 'Dit aanbod is van jou (of van je collectief): je kunt het niet zelf bestellen.',
    'from-themselves': () => 'Niemand bestelt bij zichzelf.',
    'offer-closed': ({ withdrawn }) =>
      `Dit aanbod ${withdrawn ? 'is ingetrokken' : 'is verlopen'}: het neemt geen bestellingen meer aan.`,
    'takes-no-orders': () => 'Het aanbod neemt geen bestellingen aan.',
    holds: ({ quantity }) =>
      `Dit aanbod omvat hoogstens ${count(quantity, 'nl')} ${quantity === 1 ? 'eenheid' : 'eenheden'}: bestel er zoveel of minder.`,
    'fewer-units': () => 'Het aanbod heeft minder eenheden.',
    'costs-too-much': ({ max }) =>
      `Zoveel eenheden zouden meer kosten dan één betaling mag verplaatsen (${boundNumber(max, 'nl')} Bound).`,
    'too-large': () => 'De bestelling is te groot.',
    'not-listed': ({ offerId }) => `Er staat geen aanbod ‘${offerId}’: controleer het adres van het aanbod.`,
    'no-such-offer': () => 'Het aanbod bestaat niet.',
    'changed-meanwhile': ({ status }) =>
      `Deze bestelling is intussen veranderd en is nu ${statusNl[status]}: bekijk haar opnieuw voordat je iets doet.`,
  },
};

/** The refusal in `locale`: English is the sentence the rules write. */
export function orderRefusalIn(refusal: OrderRefusal, locale: Locale): string {
  const say = sentences[locale][refusal.key] as (values: OrderRefusal['values']) => string;
  return say(refusal.values);
}

/** The refusal's English and its words in each language, as a field issue takes them. */
export const orderWords = (refusal: OrderRefusal) => ({
  message: orderRefusalIn(refusal, 'en'),
  wordsIn: (locale: Locale) => orderRefusalIn(refusal, locale),
});

/** The same, as a DomainError's arguments take them. */
export const orderErrorWords = (refusal: OrderRefusal) => {
  const { message, wordsIn } = orderWords(refusal);
  return [message, { wordsIn }] as const;
};
