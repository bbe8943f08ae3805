// A payment refused past the paying account's credit limit is explained in the reader's language, with
// the amounts the account holds, may go down to and can still pay, as that language writes Bound.
import { describe, expect, it } from 'vitest';
import { translator } from '#domain/i18n/catalogue.ts';
import { formats } from '#domain/i18n/format.ts';
import type { Locale } from '#domain/i18n/locales.ts';
import { payErrors } from '../../../site/src/lib/pay-form.ts';

const refusal = { status: 422, errors: { amount: 'Too much.' }, message: 'Too much.', rule: 'credit-limit' };
const language = (locale: Locale) => {
  const t = translator(locale);
  return { t, format: formats(locale, t) };
};

describe('a payment refused past the credit limit', () => {
  it('says in English how much the account can still pay, and that nothing was paid', () => {
    const payer = { balance: 1_000n, limit: -500_000n, name: 'This account' };
    expect(payErrors(refusal, undefined, payer, language('en')).form).toBe(
      'This account holds 10.00 Bound and may go down to −5,000.00 Bound, so it can pay at most 5,010.00 Bound. Nothing was paid.',
    );
  });

  it('says in Spanish and Dutch that an account at its limit cannot pay until it is paid', () => {
    const payer = (name: string) => ({ balance: -500_000n, limit: -500_000n, name });
    expect(payErrors(refusal, undefined, payer('Esta cuenta'), language('es')).form).toBe(
      'Esta cuenta tiene −5000,00 Bound, en su límite de crédito de −5000,00 Bound: no puede pagar hasta que reciba un pago. No se ha pagado nada.',
    );
    expect(payErrors(refusal, undefined, payer('Deze rekening'), language('nl')).form).toMatch(
      /^Deze rekening heeft −5\.000,00 Bound, op de kredietlimiet van −5\.000,00 Bound: .* Er is niets betaald\.$/,
    );
  });

  it('keeps the command’s own message for the amount beside the field', () => {
    expect(payErrors(refusal, undefined, undefined, language('es')).amount).toBe('Too much.');
  });
});
