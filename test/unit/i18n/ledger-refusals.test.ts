// The ledger's and payments' refusals (i18n/economy/payment-refusals.ts, credit-refusals.ts,
// shares-refusals.ts): every one in English, Spanish and Dutch, each language its own sentence naming
// what the English names, amounts of Bound and numbers written as the reader writes them.
import { describe, expect, it } from 'vitest';
import {
  type GrantRefusal,
  grantWords,
  type LimitRefusal,
  limitWords,
  type PolicyRefusal,
  policyWords,
} from '#domain/i18n/economy/credit-refusals.ts';
import {
  accountWords,
  type PaymentRefusal,
  paymentWords,
  type TransferRefusal,
  transferWords,
} from '#domain/i18n/economy/payment-refusals.ts';
import { errorArgs } from '#domain/i18n/economy/refusal-table.ts';
import { type SharesRefusal, sharesWords } from '#domain/i18n/economy/shares-refusals.ts';
import { locales } from '#domain/i18n/locales.ts';

const none = {} as Record<string, never>;
const payments: PaymentRefusal[] = [
  ...(
    [
      'own-or-administered',
      'pay-itself',
      'pay-itself-field',
      'admin-pays-self',
      'paid-into',
      'ask-self',
      'ask-self-field',
      'only-asker-cancels',
      'only-payer-answers',
      'no-account',
    ] as const
  ).map((key) => ({ key, values: none })),
  { key: 'no-holder', values: { kind: 'person', id: 'nobody' } },
  { key: 'no-holder', values: { kind: 'syndicate', id: 'gone' } },
  ...(['paid', 'refused', 'cancelled'] as const).map((status) => ({ key: 'closed' as const, values: { status } })),
];
const transfers: TransferRefusal[] = [
  { key: 'other-account', values: none },
  { key: 'malformed', values: none },
  { key: 'credit-limit', values: { account: 'syndicate:mill', balance: -123_456_78n, limit: -100_000_00n } },
];
const limits: LimitRefusal[] = [
  { key: 'not-negative', values: none },
  { key: 'limits', values: none },
];
const grants: GrantRefusal[] = [
  { key: 'removed', values: { proposalId: 'p7' } },
  { key: 'not-steward', values: none },
  { key: 'conflict', values: none },
  { key: 'too-large', values: { most: 1_000_000_000_000n } },
];
const policies: PolicyRefusal[] = [
  { key: 'too-much', values: { most: 123_456_78n } },
  { key: 'months-order', values: none },
  { key: 'credit-order', values: none },
];
const shares: SharesRefusal[] = [
  ...(
    [
      'shares-split',
      'weights',
      'weights-split',
      'equal-distinct',
      'royalty-split',
      'syndicate-account',
      'holder-needed',
    ] as const
  ).map((key) => ({ key, values: none })),
  { key: 'basis-points', values: { most: 10_000 } },
  { key: 'repeats', values: { id: 'person:ana' } },
  { key: 'sum', values: { whole: 10_000, sum: 12_345 } },
];

type Words = { message: string; wordsIn: (locale: (typeof locales)[number]) => string };
const every: Array<[string, Words]> = [
  ['account account-name', accountWords({ key: 'account-name', values: none })],
  ...payments.map((r): [string, Words] => [`payment ${r.key}`, paymentWords(r)]),
  ...transfers.map((r): [string, Words] => [`transfer ${r.key}`, transferWords(r)]),
  ...limits.map((r): [string, Words] => [`limit ${r.key}`, limitWords(r)]),
  ...grants.map((r): [string, Words] => [`grant ${r.key}`, grantWords(r)]),
  ...policies.map((r): [string, Words] => [`policy ${r.key}`, policyWords(r)]),
  ...shares.map((r): [string, Words] => [`shares ${r.key}`, sharesWords(r)]),
];

describe('the ledger’s refusals', () => {
  it.each(every)('%s is worded in each language, each its own, never "undefined"', (_name, words) => {
    const said = locales.map((locale) => words.wordsIn(locale));
    expect(said[0]).toBe(words.message);
    expect(new Set(said).size).toBe(locales.length);
    for (const sentence of said) expect(sentence).not.toMatch(/undefined|NaN|\[object/);
  });

  it('keep the English the API has always answered', () => {
    expect(paymentWords({ key: 'pay-itself', values: none }).message).toBe('An account cannot pay itself.');
    expect(paymentWords({ key: 'closed', values: { status: 'refused' } }).message).toBe(
      'This request was refused already; it changes no more.',
    );
    expect(paymentWords({ key: 'no-holder', values: { kind: 'syndicate', id: 'gone' } }).message).toBe(
      'No syndicate "gone" has an account here: check the name of the account.',
    );
    expect(grantWords({ key: 'too-large', values: { most: 1_000_000_000_000n } }).message).toBe(
      'One grant gives at most 1000000000000 minor units of credit.',
    );
    expect(sharesWords({ key: 'repeats', values: { id: 'a' } }).message).toBe('repeats the holder "a"');
  });

  it('carry the values into each language: the proposal, the holder, the account asked for', () => {
    const removed = grantWords({ key: 'removed', values: { proposalId: 'p7' } });
    for (const locale of locales) expect(removed.wordsIn(locale)).toContain('p7');
    const holder = paymentWords({ key: 'no-holder', values: { kind: 'person', id: 'nobody' } });
    expect(holder.wordsIn('es')).toBe('Ninguna persona «nobody» tiene cuenta aquí: revisa el nombre de la cuenta.');
    expect(holder.wordsIn('nl')).toContain('Geen persoon ‘nobody’');
    expect(sharesWords({ key: 'repeats', values: { id: 'person:ana' } }).wordsIn('nl')).toContain('‘person:ana’');
  });

  it('say a request’s status in the reader’s words', () => {
    const cancelled = paymentWords({ key: 'closed', values: { status: 'cancelled' } });
    expect(cancelled.wordsIn('es')).toBe('Esta solicitud ya se canceló; ya no cambia.');
    expect(cancelled.wordsIn('nl')).toBe('Dit verzoek is al geannuleerd; het verandert niet meer.');
  });

  it('write amounts as Bound with the reader’s separators, and counts with theirs', () => {
    const policy = policyWords({ key: 'too-much', values: { most: 123_456_78n } });
    expect(policy.message).toBe('The most credit a policy may give is 12345678 minor units.');
    expect(policy.wordsIn('es')).toBe('Una política puede dar como máximo 123.456,78 Bound de crédito.');
    expect(policy.wordsIn('nl')).toBe('Een beleid kan hoogstens 123.456,78 Bound krediet geven.');
    const grant = grantWords({ key: 'too-large', values: { most: 1_000_000_000_000n } });
    expect(grant.wordsIn('es')).toContain('10.000.000.000,00 Bound');
    const points = sharesWords({ key: 'basis-points', values: { most: 10_000 } });
    expect(points.message).toBe('Enter a whole number from 0 to 10000.');
    expect(points.wordsIn('es')).toBe('Introduce un número entero de 0 a 10.000.');
    expect(points.wordsIn('nl')).toBe('Vul een heel getal in van 0 tot 10.000.');
    const sum = sharesWords({ key: 'sum', values: { whole: 10_000, sum: 12_345 } });
    expect(sum.message).toBe('basis points must sum to 10000, not 12345');
    expect(sum.wordsIn('nl')).toBe('de basispunten moeten samen 10.000 zijn, niet 12.345');
  });

  it('write a credit limit’s balance and limit as Bound, with a true minus sign', () => {
    const limit = transferWords({
      key: 'credit-limit',
      values: { account: 'syndicate:mill', balance: -123_456_78n, limit: -100_000_00n },
    });
    expect(limit.message).toBe(
      'Account "syndicate:mill" would be left at -12345678 minor units, below its credit limit of -10000000.',
    );
    expect(limit.wordsIn('es')).toBe(
      'La cuenta «syndicate:mill» quedaría en −123.456,78 Bound, por debajo de su límite de crédito de −100.000,00 Bound.',
    );
    expect(limit.wordsIn('nl')).toBe(
      'Rekening ‘syndicate:mill’ zou op −123.456,78 Bound uitkomen, onder de kredietlimiet van −100.000,00 Bound.',
    );
  });

  it('give an error its English message and options carrying the other languages', () => {
    const [message, options] = errorArgs(transferWords({ key: 'malformed', values: none }));
    expect(message).toBe('The transfers are malformed.');
    expect(options.wordsIn('es')).toBe('Las transferencias no son válidas.');
  });
});
