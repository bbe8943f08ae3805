// The rules of a payment and of a payment request, table by table: who may pay from which account,
// who may ask to be paid into which, what each side may answer, and the credit limit on the payer.
import { englishIssues } from '../../support/issues.ts';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { type FieldIssue, ForbiddenError, RuleViolationError, ValidationError } from '#domain/errors.ts';
import { issueIn } from '#domain/i18n/translate-plain.ts';
import { memoDigest } from '#domain/innovations/log-events.ts';
import { type AccountId, creditLimits } from '#domain/ledger/account.ts';
import {
  checkPaymentSides,
  checkRequestSides,
  paymentInputSchema,
  paymentRequestInputSchema,
  planPayment,
  requestDecisionSchema,
  type RequestStatus,
  requestStep,
} from '#domain/ledger/payment.ts';
import { CreditLimitError } from '#domain/ledger/transfer.ts';
import { parseInto } from '#domain/validation.ts';
import { thrown } from '../../support/thrown.ts';

const ada = 'person:ada' as const;
const taller = 'syndicate:taller' as const;

describe('the sides of a payment', () => {
  it.each([
    ['Ada pays a syndicate from her own account', { from: ada, to: taller, adminOfFrom: false }],
    ['Ada pays a person from her own account', { from: ada, to: 'person:carla', adminOfFrom: false }],
    ['an admin pays a person from the syndicate', { from: taller, to: 'person:carla', adminOfFrom: true }],
    ['an admin pays another syndicate from hers', { from: taller, to: 'syndicate:mill', adminOfFrom: true }],
  ] as const)('allows: %s', (_what, sides) => {
    expect(() => checkPaymentSides({ personId: 'ada', ...sides })).not.toThrow();
  });

  it.each([
    ['paying from another person’s account', { from: 'person:carla', to: taller, adminOfFrom: false }, ForbiddenError],
    [
      'paying from a syndicate she is no admin of',
      { from: taller, to: 'person:carla', adminOfFrom: false },
      ForbiddenError,
    ],
    ['paying herself', { from: ada, to: ada, adminOfFrom: false }, ValidationError],
    ['paying a syndicate from itself', { from: taller, to: taller, adminOfFrom: true }, ValidationError],
    ['an admin paying herself from the syndicate', { from: taller, to: ada, adminOfFrom: true }, RuleViolationError],
  ] as const)('refuses %s', (_what, sides, kind) => {
    const error: Error = thrown(() => checkPaymentSides({ personId: 'ada', ...sides }), kind);
    if (error instanceof ForbiddenError) {
      expect(error.message).toBe(
        'You pay from your own account, or from the account of a syndicate you are an admin of.',
      );
    }
    if (error instanceof ValidationError) {
      expect(error.message).toBe('An account cannot pay itself.');
      expect(error.wordsIn?.('nl')).toBe('Een rekening kan zichzelf niet betalen.');
      expect(error.issues[0]?.wordsIn?.('es')).toBe(
        'Una cuenta no puede pagarse a sí misma: indica otra persona u otro colectivo.',
      );
      expect(englishIssues(error.issues)).toEqual([
        { field: 'body.to', message: 'An account cannot pay itself: name another person or syndicate.' },
      ]);
    }
    if (error instanceof RuleViolationError) {
      expect([error.rule, error.message]).toEqual([
        'conflict-of-interest',
        'You cannot pay yourself from a syndicate you are an admin of: another admin must make this payment.',
      ]);
    }
  });
});

describe('the sides of a request', () => {
  it.each([
    ['Carla asks Ada to pay her', { payer: ada, payee: 'person:carla', adminOfPayee: false }, undefined],
    ['an admin asks Ada to pay the syndicate', { payer: ada, payee: taller, adminOfPayee: true }, undefined],
    ['Carla asks the syndicate to pay her', { payer: taller, payee: 'person:carla', adminOfPayee: false }, undefined],
    ['asking into someone else’s account', { payer: ada, payee: 'person:bram', adminOfPayee: false }, ForbiddenError],
    ['asking into a syndicate she is no admin of', { payer: ada, payee: taller, adminOfPayee: false }, ForbiddenError],
    ['asking herself', { payer: 'person:carla', payee: 'person:carla', adminOfPayee: false }, ValidationError],
    [
      'asking herself to pay her syndicate',
      { payer: 'person:carla', payee: taller, adminOfPayee: true },
      ValidationError,
    ],
    ['asking her syndicate to pay itself', { payer: taller, payee: taller, adminOfPayee: true }, ValidationError],
  ] as const)('%s', (_what, sides, refusal) => {
    const check = () => checkRequestSides({ personId: 'carla', ...sides });
    if (refusal === undefined) return expect(check).not.toThrow();
    const error: Error = thrown(check, refusal);
    if (error instanceof ForbiddenError) {
      expect(error.message).toBe(
        'You ask to be paid into your own account, or into a syndicate’s you are an admin of.',
      );
      expect(error.wordsIn?.('es')).toBe(
        'Pides que te paguen en tu propia cuenta o en la de un colectivo del que eres persona administradora.',
      );
    }
    if (error instanceof ValidationError) {
      expect(error.message).toBe('You cannot ask yourself to pay.');
      expect(englishIssues(error.issues)).toEqual([
        { field: 'body.payer', message: 'Ask another person or syndicate to pay: you cannot ask yourself.' },
      ]);
    }
  });
});

describe('an answer to a request', () => {
  const payer = { payer: true, payee: false };
  const payee = { payer: false, payee: true };
  it.each([
    ['open', 'accept', payer, 'pay'],
    ['open', 'refuse', payer, 'refuse'],
    ['open', 'cancel', payee, 'cancel'],
    ['open', 'accept', { payer: true, payee: true }, 'pay'],
    ['paid', 'accept', payer, 'already-paid'],
    ['paid', 'refuse', payer, 'closed'],
    ['paid', 'cancel', payee, 'closed'],
    ['refused', 'accept', payer, 'closed'],
    ['cancelled', 'accept', payer, 'closed'],
    ['cancelled', 'cancel', payee, 'closed'],
  ] as const)('a %s request, answered %s by its side, is %s', (status, decision, side, step) => {
    expect(requestStep({ status: status as RequestStatus }, decision, side)).toBe(step);
  });

  it.each([
    ['the payee accepting', 'accept', payee],
    ['the payee refusing', 'refuse', payee],
    ['the payer cancelling', 'cancel', payer],
  ] as const)('refuses %s (403), whatever the request’s status', (_what, decision, side) => {
    for (const status of ['open', 'paid'] as const) {
      const error = thrown(() => requestStep({ status }, decision, side), ForbiddenError);
      expect(error.message).toBe(
        decision === 'cancel'
          ? 'Only whoever asked for the payment cancels a request; the payer accepts or refuses it.'
          : 'Only the payer accepts or refuses a request; whoever asked for it may cancel it.',
      );
    }
  });
});

describe('the balances a payment leaves', () => {
  const balances = new Map<AccountId, bigint>([[ada, -4000n]]);
  it('moves the amount from payer to payee', () => {
    const after = planPayment({ from: ada, to: taller, amount: 1000n }, balances, creditLimits(0n, [[ada, -5000n]]));
    expect([after.get(ada), after.get(taller)]).toEqual([-5000n, 1000n]);
  });

  it('refuses a payment that would take the payer one minor unit past its limit', () => {
    const error = thrown(
      () => planPayment({ from: ada, to: taller, amount: 1001n }, balances, creditLimits(0n, [[ada, -5000n]])),
      CreditLimitError,
    );
    expect(error).toMatchObject({ rule: 'credit-limit', accountId: ada, balance: -5001n, limit: -5000n });
  });
});

describe('a payment’s input', () => {
  it('takes the payee, the amount in minor units and a memo, and names every field it refuses', () => {
    expect(paymentInputSchema().parse({ to: taller, amount: '1250', memo: ' Bike repair ' })).toEqual({
      to: taller,
      amount: 1250n,
      memo: 'Bike repair',
    });
    const refused = paymentInputSchema().safeParse({ to: 'taller', amount: 0, memo: '', from: 'me' });
    expect(refused.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['amount', 'from', 'memo', 'to']);
  });
});

describe('a request’s input and its answer', () => {
  it('takes the payer, the amount and a memo, and the payee to be paid into if not your own', () => {
    expect(paymentRequestInputSchema().parse({ payer: ada, amount: 700, memo: 'Invoice 7', payee: taller })).toEqual({
      payer: ada,
      amount: 700n,
      memo: 'Invoice 7',
      payee: taller,
    });
    const refused = paymentRequestInputSchema().safeParse({ payer: 'ada', amount: '7.00', memo: '', to: taller });
    expect(refused.error?.issues.map((issue) => issue.path.join('.') || issue.code).sort()).toEqual([
      'amount',
      'memo',
      'payer',
      'unrecognized_keys',
    ]);
  });

  it('takes accept, refuse or cancel as the answer, and nothing else', () => {
    for (const decision of ['accept', 'refuse', 'cancel']) {
      expect(requestDecisionSchema().parse({ decision })).toEqual({ decision });
    }
    expect(requestDecisionSchema().safeParse({ decision: 'pay' }).success).toBe(false);
    expect(requestDecisionSchema().safeParse({ decision: 'accept', amount: 1 }).success).toBe(false);
  });

  it('names an account and a memo in words when it refuses them', () => {
    const refused = paymentInputSchema().safeParse({ to: 'taller', amount: 1, memo: ' ' });
    const messages = Object.fromEntries((refused.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(messages.to).toBe('Name an account as "person:<id>" or "syndicate:<id>".');
    expect(messages.memo).toMatch(/^The memo needs at least 1 visible character/);
    const long = paymentInputSchema().safeParse({ to: taller, amount: 1, memo: 'x'.repeat(281) });
    expect(long.error?.issues[0]?.message).toMatch(/^The memo can have at most 280 characters/);
  });

  it('documents an account’s form in the OpenAPI document, so a client (and Schemathesis) knows it', () => {
    const documented = z.toJSONSchema(paymentInputSchema(), { io: 'input' }) as {
      properties: Record<string, { pattern?: string }>;
    };
    for (const field of ['to', 'from']) {
      const pattern = new RegExp(documented.properties[field]?.pattern ?? '^$');
      expect([
        pattern.test('person:ada'),
        pattern.test('syndicate:taller'),
        pattern.test(''),
        pattern.test('ada'),
      ]).toEqual([true, true, false, false]);
    }
  });

  it('refuses a malformed account in the reader’s language, as the API and the pay form show it', () => {
    const issues: FieldIssue[] = [];
    parseInto(paymentInputSchema(), { to: 'bob', amount: 100, memo: 'Bread' }, 'body', issues);
    expect(
      issues.map((issue) => [issue.field, issueIn(issue, 'en'), issueIn(issue, 'es'), issueIn(issue, 'nl')]),
    ).toEqual([
      [
        'body.to',
        'Name an account as "person:<id>" or "syndicate:<id>".',
        'Indica una cuenta como «person:<id>» o «syndicate:<id>».',
        'Noem een rekening als ‘person:<id>’ of ‘syndicate:<id>’.',
      ],
    ]);
  });
});

describe('the memo’s digest in the log', () => {
  it('is SHA-256 of the canonical JSON of the memo and the payment id, in standard base64', () => {
    const expected = createHash('sha256').update('{"memo":"Bike repair","paymentId":"p1"}').digest('base64');
    expect(memoDigest('p1', 'Bike repair')).toBe(expected);
    expect(memoDigest('p2', 'Bike repair')).not.toBe(expected);
  });
});
