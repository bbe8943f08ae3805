// Paying in Bound and asking to be paid. A payment moves Bound between two accounts in one
// transaction with both statement lines and its registry-log entry, like a settlement; a request is a
// payee's invoice that the payer accepts (which makes the payment, once) or refuses.
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { paymentWords } from '../i18n/economy/payment-refusals.ts';
import { errorArgs } from '../i18n/economy/refusal-table.ts';
import type { Identity } from '../identity.ts';
import type { InnovationDependencies } from '../innovations/dependencies.ts';
import type { PaymentEntry } from '../innovations/innovation-repository.ts';
import { emptyHead, prepareAppend } from '../innovations/log-head.ts';
import { memoDigest } from '../innovations/log-events.ts';
import type { PageRequest } from '../paging.ts';
import { retryOnConflict } from '../retry.ts';
import { isAdmin } from '../syndicates/syndicate-use-cases.ts';
import { type AccountId, creditLimits, personAccount } from './account.ts';
import { limitOf } from './credit-policy.ts';
import {
  checkPaymentSides,
  checkRequestSides,
  type Payment,
  type PaymentInput,
  type PaymentRequest,
  type PaymentRequestInput,
  planPayment,
  type RequestDecision,
  requestStep,
} from './payment.ts';
import type { PaymentRepository, RequestBox, Settles } from './payment-repository.ts';

export type PaymentDependencies = Pick<
  InnovationDependencies,
  'ledger' | 'registryLog' | 'logSigner' | 'now' | 'newId' | 'people' | 'syndicates'
> & { payments: PaymentRepository };

/** A payment's answer: `paidNow` is false when a retry found it made already (nothing moved this time). */
export interface PaymentResult {
  payment: Payment;
  paidNow: boolean;
}

/** True when `personId` acts for `account`: it is theirs, or a syndicate's they are an admin of. */
export async function actsFor(deps: PaymentDependencies, personId: string, account: AccountId): Promise<boolean> {
  if (account.startsWith('person:')) return account === `person:${personId}`;
  return isAdmin(deps, account.slice('syndicate:'.length), personId);
}

/** Refuses, naming `field`, an account that belongs to no person or syndicate. */
export async function requireHolder(deps: PaymentDependencies, account: AccountId, field: string) {
  const [kind, id] = [account.slice(0, account.indexOf(':')), account.slice(account.indexOf(':') + 1)];
  const found = kind === 'person' ? await deps.people.get(id) : await deps.syndicates.get(id);
  if (!found) {
    throw new ValidationError(
      [{ field, ...paymentWords({ key: 'no-holder', values: { kind: kind as 'person' | 'syndicate', id } }) }],
      ...errorArgs(paymentWords({ key: 'no-account', values: {} })),
    );
  }
}

/**
 * A signed-in person pays `input.to` from their own account or (as its admin) a syndicate's. Steps:
 * check the sides (whose account, not itself, no admin paying themselves); check the payee exists;
 * move the Bound (movePayment). The payment's id comes from `newId`, which the idempotency key derives,
 * so a retried request finds its payment made and never pays twice.
 */
export async function pay(deps: PaymentDependencies, identity: Identity, input: PaymentInput): Promise<PaymentResult> {
  const from = input.from ?? personAccount(identity.personId);
  // Whether they act for it: for a person's account, whether it is theirs (the rule checks that itself).
  const adminOfFrom = await actsFor(deps, identity.personId, from);
  checkPaymentSides({ personId: identity.personId, from, to: input.to, adminOfFrom });
  await requireHolder(deps, input.to, 'body.to');
  const draft = { id: deps.newId(), from, to: input.to, amount: input.amount, memo: input.memo };
  return movePayment(deps, identity.personId, draft);
}

/**
 * What a payment pays for (a request, approved work; later an order), as movePayment needs it: how it
 * names it on the payment, its lines and its log entry (`requestId` or `workLogId`); how to read it again at each try; and how it is
 * saved once paid (in the payment's own transaction, on condition that it still waits: see Settles).
 */
export interface Settling {
  /** What it pays, named on the payment, both statement lines and the log entry. */
  ref: { requestId: string } | { workLogId: string } | { orderId: string };
  /** The commons trade it pays for, where it names one (an order of an offer): the economy counts volume by it. */
  trade?: string | undefined;
  /** Read again (strongly consistent) at each try: still waiting to be paid, or closed (by which payment, if any). */
  recheck(): Promise<{ waiting: true } | { waiting: false; paymentId?: string | undefined; closed: Error }>;
  settled(paid: { by: string; at: string; paymentId: string }): Settles;
}

/** A payment request as movePayment settles it: paid by the payment made from it. */
function requestSettling(deps: PaymentDependencies, request: PaymentRequest): Settling {
  return {
    ref: { requestId: request.id },
    async recheck() {
      const current = (await deps.payments.getRequest(request.id)) ?? request;
      if (current.status === 'open') return { waiting: true };
      return { waiting: false, paymentId: current.paymentId, closed: new RequestClosed(current) };
    },
    settled: ({ by, at, paymentId }) => ({
      kind: 'payment-request',
      request: { ...request, status: 'paid', decidedBy: by, decidedAt: at, paymentId },
    }),
  };
}

/**
 * Steps, retried from the reads after a lost race: read the payment (made already: answer with it),
 * the two accounts and the log's head together; with something it settles, read that again (paid
 * already: answer with its payment); plan the balances (refusing past the payer's credit limit); write
 * it all in one transaction with its log entry, on condition that nothing read has changed. Every
 * movement of Bound other than a royalty settlement comes through here.
 */
export async function movePayment(
  deps: PaymentDependencies,
  by: string,
  draft: Pick<Payment, 'id' | 'from' | 'to' | 'amount' | 'memo'>,
  settling?: Settling,
): Promise<PaymentResult> {
  const { from, to, amount } = draft;
  const ref = settling?.ref;
  const requestId = ref && 'requestId' in ref ? ref.requestId : undefined;
  const workLogId = ref && 'workLogId' in ref ? ref.workLogId : undefined;
  const orderId = ref && 'orderId' in ref ? ref.orderId : undefined;
  return retryOnConflict(async () => {
    const [existing, accounts, head, policy, current] = await Promise.all([
      deps.payments.getPayment(draft.id),
      deps.ledger.getAccounts([from, to]),
      deps.registryLog.head(),
      deps.ledger.creditPolicy(),
      settling?.recheck(),
    ]);
    if (existing) return { payment: existing, paidNow: false };
    if (current && !current.waiting) {
      // The reads are not one snapshot: a racing payment may have settled it between the two. That
      // payment lands in the same transaction as the settling, so it is there to read now.
      const paid = current.paymentId === draft.id ? await deps.payments.getPayment(draft.id) : null;
      if (paid) return { payment: paid, paidNow: false };
      throw current.closed;
    }
    const payerState = accounts.get(from);
    const limitSeen = payerState?.creditLimit ?? null;
    const now = deps.now();
    // Only the payer's limit counts (a payee is never refused for being paid): its grant, else the policy.
    const limit = limitOf({ grant: limitSeen, policy, firstTradeAt: payerState?.firstTradeAt, now });
    const seen = (account: AccountId) => accounts.get(account)?.balance ?? 0n;
    const balances = new Map([...accounts].map(([id, state]) => [id, state.balance]));
    const after = planPayment(draft, balances, creditLimits(limit));
    const at = now.toISOString();
    const log = prepareAppend(
      head ?? emptyHead(),
      {
        kind: 'payment',
        at,
        paymentId: draft.id,
        from,
        to,
        amount: amount.toString(),
        by,
        requestId: requestId ?? null,
        // Only where it pays for work or an order: entries of every other payment hash as they always did.
        ...(workLogId ? { workLogId } : {}),
        ...(orderId ? { orderId } : {}),
        memoDigest: memoDigest(draft.id, draft.memo),
      },
      now,
      deps.logSigner,
    );
    const payment: Payment = { ...draft, by, at, logIndex: log.entry.index, requestId, workLogId, orderId };
    const line = {
      at,
      paymentId: draft.id,
      memo: draft.memo,
      by,
      requestId,
      workLogId,
      orderId,
      logIndex: log.entry.index,
      ...(settling?.trade ? { trade: settling.trade } : {}),
    };
    const entries: [PaymentEntry, PaymentEntry] = [
      { ...line, kind: 'payment', accountId: from, counterparty: to, amount: -amount, sequence: 0 },
      { ...line, kind: 'payment', accountId: to, counterparty: from, amount, sequence: 1 },
    ];
    entries[0].balanceAfter = after.get(from);
    entries[1].balanceAfter = after.get(to);
    await deps.payments.pay(
      {
        payment,
        payer: {
          accountId: from,
          amount,
          floor: limit + amount,
          limitSeen,
          policyVersion: policy?.version ?? null,
          seen: seen(from),
        },
        payee: { accountId: to, seen: seen(to) },
        entries,
        settles: settling?.settled({ by, at, paymentId: draft.id }),
      },
      log,
    );
    return { payment, paidNow: true };
  });
}

/** Thrown inside a retried step when its request is closed; turned into a 409 outside the retries. */
class RequestClosed extends Error {
  readonly request: PaymentRequest;
  constructor(request: PaymentRequest) {
    super();
    this.request = request;
  }
}

const closedConflict = (request: PaymentRequest) =>
  new ConflictError(...errorArgs(paymentWords({ key: 'closed', values: { status: request.status } })));

/** A payee asks `input.payer` to pay an amount with a memo; the request is open until answered. */
export async function requestPayment(
  deps: PaymentDependencies,
  identity: Identity,
  input: PaymentRequestInput,
): Promise<PaymentRequest> {
  const payee = input.payee ?? personAccount(identity.personId);
  const adminOfPayee = await actsFor(deps, identity.personId, payee);
  checkRequestSides({ personId: identity.personId, payer: input.payer, payee, adminOfPayee });
  await requireHolder(deps, input.payer, 'body.payer');
  const request: PaymentRequest = {
    id: deps.newId(),
    payer: input.payer,
    payee,
    amount: input.amount,
    memo: input.memo,
    requestedBy: identity.personId,
    createdAt: deps.now().toISOString(),
    status: 'open',
  };
  try {
    await deps.payments.createRequest(request);
  } catch (error) {
    // The same id again: a request that ran before with this idempotency key. Answer with what it made.
    const made = error instanceof ConflictError ? await deps.payments.getRequest(request.id) : null;
    if (!made) throw error;
    return made;
  }
  return request;
}

/** Which sides of a request the person acts for; a request they act for on neither side is not found. */
async function sidesOf(deps: PaymentDependencies, identity: Identity, requestId: string) {
  const request = await deps.payments.getRequest(requestId);
  if (!request) throw new NotFoundError('payment request', requestId);
  const [payer, payee] = await Promise.all([
    actsFor(deps, identity.personId, request.payer),
    actsFor(deps, identity.personId, request.payee),
  ]);
  if (!(payer || payee)) throw new NotFoundError('payment request', requestId);
  return { request, side: { payer, payee } };
}

/** A request, for someone who acts for its payer or its payee. */
export async function viewRequest(deps: PaymentDependencies, identity: Identity, requestId: string) {
  return (await sidesOf(deps, identity, requestId)).request;
}

/**
 * The payer accepts (pays it, once: the payment's id is made from the request's, and the request turns
 * paid in the payment's transaction, so accepts that race or repeat pay once) or refuses; whoever
 * asked may cancel it while it is open. A closed request changes no more (409).
 */
export async function answerRequest(
  deps: PaymentDependencies,
  identity: Identity,
  requestId: string,
  decision: RequestDecision,
): Promise<{ request: PaymentRequest; payment?: Payment | undefined; paidNow: boolean }> {
  const { request, side } = await sidesOf(deps, identity, requestId);
  try {
    // A closed request goes on to the retried step below, which finds it closed and says so.
    const step = requestStep(request, decision, side);
    if (step === 'already-paid') return { request, payment: await paymentOf(deps, request), paidNow: false };
    if (step === 'pay') {
      const { payer: from, payee: to, amount, memo } = request;
      checkPaymentSides({ personId: identity.personId, from, to, adminOfFrom: side.payer });
      const draft = { id: `req-${request.id}`, from, to, amount, memo };
      const { payment, paidNow } = await movePayment(deps, identity.personId, draft, requestSettling(deps, request));
      return { request: (await deps.payments.getRequest(requestId)) ?? request, payment, paidNow };
    }
    return await retryOnConflict(async () => {
      const current = (await deps.payments.getRequest(requestId)) ?? request;
      if (current.status !== 'open') throw new RequestClosed(current);
      const closed: PaymentRequest = {
        ...current,
        status: step === 'refuse' ? 'refused' : 'cancelled',
        decidedBy: identity.personId,
        decidedAt: deps.now().toISOString(),
      };
      await deps.payments.closeRequest(closed);
      return { request: closed, paidNow: false };
    });
  } catch (error) {
    if (error instanceof RequestClosed) throw closedConflict(error.request);
    throw error;
  }
}

async function paymentOf(deps: PaymentDependencies, request: PaymentRequest) {
  return (request.paymentId ? await deps.payments.getPayment(request.paymentId) : null) ?? undefined;
}

/** A payment, for whoever made it or acts for its payer or its payee; anyone else is answered 404. */
export async function viewPayment(deps: PaymentDependencies, identity: Identity, paymentId: string) {
  const payment = await deps.payments.getPayment(paymentId);
  const party =
    !!payment &&
    (payment.by === identity.personId ||
      (await actsFor(deps, identity.personId, payment.from)) ||
      (await actsFor(deps, identity.personId, payment.to)));
  if (!payment || !party) throw new NotFoundError('payment', paymentId);
  return payment;
}

/** A page of the requests a person sent (to be paid) or received (to pay), newest first. */
export async function myRequests(deps: PaymentDependencies, identity: Identity, box: RequestBox, page: PageRequest) {
  return deps.payments.requestsPage(personAccount(identity.personId), box, page);
}

/** A page of a syndicate's requests, for its admins; anyone else is answered as if it had none to show. */
export async function syndicateRequests(
  deps: PaymentDependencies,
  identity: Identity,
  syndicateId: string,
  box: RequestBox,
  page: PageRequest,
) {
  if (!(await isAdmin(deps, syndicateId, identity.personId))) {
    throw new NotFoundError('syndicate you administer', syndicateId);
  }
  return deps.payments.requestsPage(`syndicate:${syndicateId}`, box, page);
}
