// Why a payment, a payment request or a batch of transfers is refused (ledger/payment.ts,
// payment-use-cases.ts, transfer.ts), in each language: the pay and requests pages and the API (by
// Accept-Language) say it in the reader's. Two tables, so a function that only moves transfers (a
// royalty's settlement) carries the transfers' sentences alone.
import type { Locale } from '../locales.ts';
import { boundIn as bound, type Sentences, wordsOf } from './refusal-table.ts';

export type PaymentRefusal =
  | {
      key:
        | 'own-or-administered'
        | 'pay-itself'
        | 'pay-itself-field'
        | 'admin-pays-self'
        | 'paid-into'
        | 'ask-self'
        | 'ask-self-field'
        | 'only-asker-cancels'
        | 'only-payer-answers'
        | 'no-account';
      values: Record<string, never>;
    }
  | { key: 'no-holder'; values: { kind: 'person' | 'syndicate'; id: string } }
  | { key: 'closed'; values: { status: 'open' | 'paid' | 'refused' | 'cancelled' } };

export type TransferRefusal =
  | { key: 'other-account' | 'malformed'; values: Record<string, never> }
  /** A change would leave `account` at `balance`, below its `limit` (minor units). */
  | { key: 'credit-limit'; values: { account: string; balance: bigint; limit: bigint } };

/** An account named in no form the ledger knows (account.ts `parseAccountId`). */
export type AccountRefusal = { key: 'account-name'; values: Record<string, never> };

const accounts: Record<Locale, Sentences<AccountRefusal>> = {
  en: { 'account-name': () => 'Name an account as "person:<id>" or "syndicate:<id>".' },
  es: { 'account-name': () => 'Indica una cuenta como «person:<id>» o «syndicate:<id>».' },
  nl: { 'account-name': () => 'Noem een rekening als ‘person:<id>’ of ‘syndicate:<id>’.' },
};

const payments: Record<Locale, Sentences<PaymentRefusal>> = {
  en: {
    'own-or-administered': () =>
      'You pay from your own account, or from the account of a syndicate you are an admin of.',
    'pay-itself': () => 'An account cannot pay itself.',
    'pay-itself-field': () => 'An account cannot pay itself: name another person or syndicate.',
    'admin-pays-self': () =>
      'You cannot pay yourself from a syndicate you are an admin of: another admin must make this payment.',
    'paid-into': () => 'You ask to be paid into your own account, or into a syndicate’s you are an admin of.',
    'ask-self': () => 'You cannot ask yourself to pay.',
    'ask-self-field': () => 'Ask another person or syndicate to pay: you cannot ask yourself.',
    'only-asker-cancels': () =>
      'Only whoever asked for the payment cancels a request; the payer accepts or refuses it.',
    'only-payer-answers': () => 'Only the payer accepts or refuses a request; whoever asked for it may cancel it.',
    'no-account': () => 'The account named does not exist.',
    'no-holder': ({ kind, id }) => `No ${kind} "${id}" has an account here: check the name of the account.`,
    closed: ({ status }) => `This request was ${status} already; it changes no more.`,
  },
  es: {
    'own-or-administered': () =>
      'Pagas desde tu propia cuenta o desde la de un colectivo del que eres persona administradora.',
    'pay-itself': () => 'Una cuenta no puede pagarse a sí misma.',
    'pay-itself-field': () => 'Una cuenta no puede pagarse a sí misma: indica otra persona u otro colectivo.',
    'admin-pays-self': () =>
      'No puedes pagarte a ti desde un colectivo que administras: este pago tiene que hacerlo otra persona administradora.',
    'paid-into': () =>
      'Pides que te paguen en tu propia cuenta o en la de un colectivo del que eres persona administradora.',
    'ask-self': () => 'No puedes pedirte un pago a ti.',
    'ask-self-field': () => 'Pide el pago a otra persona u otro colectivo: no puedes pedírtelo a ti.',
    'only-asker-cancels': () =>
      'Solo quien pidió el pago puede cancelar la solicitud; quien paga la acepta o la rechaza.',
    'only-payer-answers': () => 'Solo quien paga acepta o rechaza una solicitud; quien la pidió puede cancelarla.',
    'no-account': () => 'La cuenta indicada no existe.',
    'no-holder': ({ kind, id }) =>
      `${kind === 'person' ? 'Ninguna persona' : 'Ningún colectivo'} «${id}» tiene cuenta aquí: revisa el nombre de la cuenta.`,
    closed: ({ status }) =>
      `Esta solicitud ya se ${{ open: 'abrió', paid: 'pagó', refused: 'rechazó', cancelled: 'canceló' }[status]}; ya no cambia.`,
  },
  nl: {
    'own-or-administered': () =>
      'Je betaalt vanaf je eigen rekening, of vanaf de rekening van een collectief waarvan je beheerder bent.',
    'pay-itself': () => 'Een rekening kan zichzelf niet betalen.',
    'pay-itself-field': () =>
      'Een rekening kan zichzelf niet betalen: noem een andere persoon of een ander collectief.',
    'admin-pays-self': () =>
      'Je kunt jezelf niet betalen vanuit een collectief waarvan je beheerder bent: een andere beheerder moet deze betaling doen.',
    'paid-into': () =>
      'Je vraagt om betaling op je eigen rekening, of op die van een collectief waarvan je beheerder bent.',
    'ask-self': () => 'Je kunt jezelf niet om betaling vragen.',
    'ask-self-field': () => 'Vraag een andere persoon of een ander collectief om te betalen: jezelf vragen kan niet.',
    'only-asker-cancels': () =>
      'Alleen wie om de betaling vroeg, annuleert een verzoek; de betaler accepteert of weigert het.',
    'only-payer-answers': () =>
      'Alleen de betaler accepteert of weigert een verzoek; wie erom vroeg, kan het annuleren.',
    'no-account': () => 'De genoemde rekening bestaat niet.',
    'no-holder': ({ kind, id }) =>
      `${kind === 'person' ? 'Geen persoon' : 'Geen collectief'} ‘${id}’ heeft hier een rekening: controleer de naam van de rekening.`,
    closed: ({ status }) =>
      `Dit verzoek is al ${{ open: 'geopend', paid: 'betaald', refused: 'geweigerd', cancelled: 'geannuleerd' }[status]}; het verandert niet meer.`,
  },
};

const transfers: Record<Locale, Sentences<TransferRefusal>> = {
  en: {
    'other-account': () => 'Choose an account other than the paying one.',
    malformed: () => 'The transfers are malformed.',
    'credit-limit': ({ account, balance, limit }) =>
      `Account "${account}" would be left at ${balance} minor units, below its credit limit of ${limit}.`,
  },
  es: {
    'other-account': () => 'Elige una cuenta distinta de la que paga.',
    malformed: () => 'Las transferencias no son válidas.',
    'credit-limit': ({ account, balance, limit }) =>
      `La cuenta «${account}» quedaría en ${bound(balance, 'es')}, por debajo de su límite de crédito de ${bound(limit, 'es')}.`,
  },
  nl: {
    'other-account': () => 'Kies een andere rekening dan de betalende.',
    malformed: () => 'De overboekingen zijn ongeldig.',
    'credit-limit': ({ account, balance, limit }) =>
      `Rekening ‘${account}’ zou op ${bound(balance, 'nl')} uitkomen, onder de kredietlimiet van ${bound(limit, 'nl')}.`,
  },
};

export const accountWords = /* @__PURE__ */ wordsOf(accounts);
export const paymentWords = /* @__PURE__ */ wordsOf(payments);
export const transferWords = /* @__PURE__ */ wordsOf(transfers);
