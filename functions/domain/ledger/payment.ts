// Paying in Bound: a person pays a person or a syndicate (an admin may pay from the syndicate's
// account), and a payee may ask to be paid (a payment request) which the payer accepts or refuses.
// The rules here are pure; payment-use-cases.ts reads what they need and writes what they decide.
//
// Who stands on which side: a payment from a syndicate is made by one of its admins. An admin who pays
// the syndicate's Bound to themselves decides on both sides of it, so that is refused as a conflict
// of interest: another admin must make it (or accept the request for it).
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { ForbiddenError, RuleViolationError, ValidationError } from '../errors.ts';
import { accountWords, type PaymentRefusal, paymentWords } from '../i18n/economy/payment-refusals.ts';
import { errorArgs } from '../i18n/economy/refusal-table.ts';
import { text } from '../text.ts';
import { type AccountId, accountIdPattern, type CreditLimits, parseAccountId } from './account.ts';
import { paymentAmountSchema } from './amount.ts';
import { applyTransfers, type Balances } from './transfer.ts';

/** One movement of Bound from one account to another, made by a person (`by`). */
export interface Payment {
  id: string;
  from: AccountId;
  to: AccountId;
  /** Minor units, more than zero. */
  amount: bigint;
  memo: string;
  /** The person who made it: the payer, or the admin who paid from a syndicate's account. */
  by: string;
  at: string;
  /** The payment request it paid, if any. */
  requestId?: string | undefined;
  /** The work log whose approved hours it paid, if any. */
  workLogId?: string | undefined;
  /** The order it paid, if any. */
  orderId?: string | undefined;
  logIndex: number;
}

export type RequestStatus = 'open' | 'paid' | 'refused' | 'cancelled';

/** A payee's request to be paid (an invoice): open until the payer pays or refuses it, or it is cancelled. */
export interface PaymentRequest {
  id: string;
  payer: AccountId;
  payee: AccountId;
  amount: bigint;
  memo: string;
  /** Who asked: the payee, or an admin of the payee syndicate. */
  requestedBy: string;
  createdAt: string;
  status: RequestStatus;
  decidedBy?: string | undefined;
  decidedAt?: string | undefined;
  /** The payment that paid it, once paid. */
  paymentId?: string | undefined;
}

export const accountIdSchema = /* @__PURE__ */ lazySchema(() => {
  // The refusal in the reader's language too (validation.ts passes a check's `params.wordsIn` on).
  const { message, wordsIn } = accountWords({ key: 'account-name', values: {} });
  return z.pipe(
    z.string().check(
      z.refine((value) => accountIdPattern.test(value), { error: message, params: { wordsIn } }),
      // A refinement says nothing in the OpenAPI document: the pattern is written there as a regex check would.
      z.meta({ pattern: accountIdPattern.source }),
    ),
    z.transform((value) => parseAccountId(value)),
  );
});

/** What a payment or a request says it is for: shown on both statements (a syndicate's is public). */
export const memoSchema = /* @__PURE__ */ lazySchema(() => text(1, 280, { label: 'memo' }));

export const paymentInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    /** The account paid. */
    to: accountIdSchema(),
    /** Minor units (hundredths of a Bound). */
    amount: paymentAmountSchema(),
    memo: memoSchema(),
    /** The account paying: your own (the default) or a syndicate you are an admin of. */
    from: z.optional(accountIdSchema()),
  }),
);
export type PaymentInput = z.infer<ReturnType<typeof paymentInputSchema>>;

export const paymentRequestInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    /** The account asked to pay. */
    payer: accountIdSchema(),
    amount: paymentAmountSchema(),
    memo: memoSchema(),
    /** The account to be paid: your own (the default) or a syndicate you are an admin of. */
    payee: z.optional(accountIdSchema()),
  }),
);
export type PaymentRequestInput = z.infer<ReturnType<typeof paymentRequestInputSchema>>;

export const requestDecisions = ['accept', 'refuse', 'cancel'] as const;
export type RequestDecision = (typeof requestDecisions)[number];
export const requestDecisionSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ decision: z.enum(requestDecisions) }),
);

type Plain = Exclude<PaymentRefusal['key'], 'no-holder' | 'closed'>;
/** A refusal's English and its words in the reader's language, as a field issue takes them. */
const issueWords = (key: Plain) => paymentWords({ key, values: {} });
/** The same as an error's arguments: its message, and options carrying `wordsIn`. */
const errorWords = (key: Plain) => errorArgs(issueWords(key));

/**
 * The sides of a payment `personId` makes from `from` to `to`, given whether they are an admin of
 * `from` (when it is a syndicate's). Throws when it is refused: paying from someone else's account
 * (403), paying an account from itself (`to`), or an admin paying a syndicate's Bound to themselves.
 */
export function checkPaymentSides(payment: {
  personId: string;
  from: AccountId;
  to: AccountId;
  adminOfFrom: boolean;
}): void {
  const { personId, from, to, adminOfFrom } = payment;
  const fromPerson = from.startsWith('person:');
  if (fromPerson ? from !== `person:${personId}` : !adminOfFrom)
    throw new ForbiddenError(...errorWords('own-or-administered'));
  if (from === to) {
    throw new ValidationError([{ field: 'body.to', ...issueWords('pay-itself-field') }], ...errorWords('pay-itself'));
  }
  if (!fromPerson && to === `person:${personId}`) {
    throw new RuleViolationError('conflict-of-interest', ...errorWords('admin-pays-self'));
  }
}

/**
 * The sides of a request `personId` makes, given whether they are an admin of `payee` (when it is a
 * syndicate's). A person asks to be paid into their own account or one they administer, never by the
 * account it would be paid into, nor by themselves (they would simply pay).
 */
export function checkRequestSides(request: {
  personId: string;
  payer: AccountId;
  payee: AccountId;
  adminOfPayee: boolean;
}): void {
  const { personId, payer, payee, adminOfPayee } = request;
  const toPerson = payee.startsWith('person:');
  if (toPerson ? payee !== `person:${personId}` : !adminOfPayee) {
    throw new ForbiddenError(...errorWords('paid-into'));
  }
  if (payer === payee || payer === `person:${personId}`) {
    throw new ValidationError([{ field: 'body.payer', ...issueWords('ask-self-field') }], ...errorWords('ask-self'));
  }
}

/**
 * What an answer to a request does. `already-paid`: an accept that finds it paid, which changes
 * nothing; `closed`: the request was answered or cancelled already and changes no more (a 409).
 */
export type RequestStep = 'pay' | 'refuse' | 'cancel' | 'already-paid' | 'closed';

/**
 * What `decision` does to `request` for someone on the payer's side, the payee's side, or both (an
 * admin of both syndicates). The payer accepts or refuses; the payee cancels. Only an open request
 * changes, except that accepting a paid request again answers with it (a retry never pays twice).
 */
export function requestStep(
  request: Pick<PaymentRequest, 'status'>,
  decision: RequestDecision,
  side: { payer: boolean; payee: boolean },
): RequestStep {
  if (decision === 'cancel' && !side.payee) {
    throw new ForbiddenError(...errorWords('only-asker-cancels'));
  }
  if (decision !== 'cancel' && !side.payer) {
    throw new ForbiddenError(...errorWords('only-payer-answers'));
  }
  if (request.status === 'open') return decision === 'accept' ? 'pay' : decision;
  return decision === 'accept' && request.status === 'paid' ? 'already-paid' : 'closed';
}

/** The balances after `amount` moves from `from` to `to`; CreditLimitError if the payer would pass its limit. */
export function planPayment(
  payment: { from: AccountId; to: AccountId; amount: bigint },
  balances: Balances,
  limits: CreditLimits,
): Map<AccountId, bigint> {
  return applyTransfers(balances, [payment], limits);
}
