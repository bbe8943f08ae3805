// The pay and ask-to-be-paid forms: Bound as a person types it ("12.50") becomes minor units here,
// and the rest goes to the same commands the API runs (payCommand, requestPaymentCommand), which
// validate everything. An amount that cannot be read as Bound is still sent (as nothing), so the
// command names every other field's problem too; the form's own sentence then replaces its message.
import { boundFromText } from '#domain/ledger/amount.ts';
import type { FormRefusal } from './command-form.ts';
import type { PageLanguage } from './i18n.ts';
import type { FieldErrors } from './forms.ts';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** The typed values (to show again) and the body for a command. */
export function readPayForm(form: FormData, fields: { account: 'to' | 'payer'; side: 'from' | 'payee' }) {
  const values = {
    account: text(form, fields.account),
    side: text(form, fields.side),
    amount: text(form, 'amount'),
    memo: String(form.get('memo') ?? ''),
  };
  const amount = boundFromText(values.amount);
  const body = {
    [fields.account]: values.account,
    amount: 'minor' in amount ? amount.minor.toString() : null,
    memo: values.memo,
    ...(values.side ? { [fields.side]: values.side } : {}),
  };
  return { values, body, amountProblem: 'problem' in amount ? amount.problem : undefined };
}

/**
 * What the page shows for a refusal: the command's messages by field, the form's own sentence for an
 * amount it could not read, and, past a credit limit, how much the account can still pay.
 */
export function payErrors(
  refusal: FormRefusal,
  amountProblem: string | undefined,
  payer?: { balance: bigint; limit: bigint; name: string },
  language?: Pick<PageLanguage, 't' | 'format'>,
): FieldErrors {
  const errors: FieldErrors = { ...refusal.errors, ...(amountProblem ? { amount: amountProblem } : {}) };
  if (refusal.rule === 'credit-limit' && payer && language) {
    const { t, format } = language;
    const room = payer.balance - payer.limit;
    errors.form =
      room > 0n
        ? t('pay.creditRoom', payer.name, format.bound(payer.balance), format.bound(payer.limit), format.bound(room))
        : t('pay.creditNone', payer.name, format.bound(payer.balance), format.bound(payer.limit));
  }
  return errors;
}
