// Why credit is refused (ledger/account.ts `creditLimits`, credit-grant.ts, credit-policy-input.ts), in
// each language: the ledger's and the proposal's pages and the API (by Accept-Language) say it in the
// reader's. Three tables, so a function that only grants credit carries none of the policy's sentences.
// Amounts are minor units in English (what the API takes) and Bound as the economy page writes it
// (format.ts) in the other languages, whose readers type Bound into the forms.
import type { Locale } from '../locales.ts';
import { boundIn as bound, type Sentences, wordsOf } from './refusal-table.ts';

export type LimitRefusal = { key: 'not-negative' | 'limits'; values: Record<string, never> };

export type GrantRefusal =
  | { key: 'removed'; values: { proposalId: string } }
  | { key: 'not-steward' | 'conflict'; values: Record<string, never> }
  | { key: 'too-large'; values: { most: bigint } };

export type PolicyRefusal =
  | { key: 'too-much'; values: { most: bigint } }
  | { key: 'months-order' | 'credit-order'; values: Record<string, never> };

const limits: Record<Locale, Sentences<LimitRefusal>> = {
  en: {
    'not-negative': () => 'Enter 0 or a negative number.',
    limits: () => 'Credit limits must be zero or negative.',
  },
  es: {
    'not-negative': () => 'Introduce 0 o un número negativo.',
    limits: () => 'Los límites de crédito tienen que ser cero o negativos.',
  },
  nl: {
    'not-negative': () => 'Vul 0 of een negatief getal in.',
    limits: () => 'Kredietlimieten moeten nul of negatief zijn.',
  },
};

const grants: Record<Locale, Sentences<GrantRefusal>> = {
  en: {
    removed: ({ proposalId }) =>
      `The commons removed you as a steward by vote (proposal ${proposalId}): credit limits are now granted by commons proposals.`,
    'not-steward': () =>
      'Only the stewards of this instance grant credit limits; ask one of them (they are listed on the ledger page).',
    conflict: () =>
      'You cannot grant credit to your own account or to a syndicate you belong to: another steward must decide it.',
    'too-large': ({ most }) => `One grant gives at most ${most} minor units of credit.`,
  },
  es: {
    removed: ({ proposalId }) =>
      `El procomún te retiró como custodio por votación (propuesta ${proposalId}): ahora los límites de crédito se conceden con propuestas del procomún.`,
    'not-steward': () =>
      'Solo los custodios de esta instancia conceden límites de crédito; pídeselo a uno de ellos (aparecen en la página del libro de Bound).',
    conflict: () =>
      'No puedes conceder crédito a tu propia cuenta ni a un colectivo al que perteneces: tiene que decidirlo otro custodio.',
    'too-large': ({ most }) => `Una concesión da como máximo ${bound(most, 'es')} de crédito.`,
  },
  nl: {
    removed: ({ proposalId }) =>
      `Het gemeengoed heeft je bij stemming ontslagen als kredietbeheerder (voorstel ${proposalId}): kredietlimieten worden nu toegekend via voorstellen van het gemeengoed.`,
    'not-steward': () =>
      'Alleen de kredietbeheerders van deze instantie kennen kredietlimieten toe; vraag het een van hen (ze staan op de pagina van het Bound-grootboek).',
    conflict: () =>
      'Je kunt geen krediet toekennen aan je eigen rekening of aan een collectief waar je bij hoort: een andere kredietbeheerder moet erover beslissen.',
    'too-large': ({ most }) => `Eén toekenning geeft hoogstens ${bound(most, 'nl')} krediet.`,
  },
};

const policies: Record<Locale, Sentences<PolicyRefusal>> = {
  en: {
    'too-much': ({ most }) => `The most credit a policy may give is ${most} minor units.`,
    'months-order': () => 'List the tiers by months, each after more months than the one before.',
    'credit-order': () => 'Each tier gives more credit than the default and the tier before it.',
  },
  es: {
    'too-much': ({ most }) => `Una política puede dar como máximo ${bound(most, 'es')} de crédito.`,
    'months-order': () => 'Ordena los tramos por meses: cada uno, tras más meses que el anterior.',
    'credit-order': () => 'Cada tramo da más crédito que el valor por defecto y que el tramo anterior.',
  },
  nl: {
    'too-much': ({ most }) => `Een beleid kan hoogstens ${bound(most, 'nl')} krediet geven.`,
    'months-order': () => 'Zet de treden op volgorde van maanden: elke trede na meer maanden dan de vorige.',
    'credit-order': () => 'Elke trede geeft meer krediet dan de standaard en dan de trede ervoor.',
  },
};

export const limitWords = /* @__PURE__ */ wordsOf(limits);
export const grantWords = /* @__PURE__ */ wordsOf(grants);
export const policyWords = /* @__PURE__ */ wordsOf(policies);
