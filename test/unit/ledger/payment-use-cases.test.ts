// Paying and asking to be paid, on in-memory stores that keep the DynamoDB adapters' promises: what a
// payment writes (balances, both statement lines, the totals, its log entry), that it lands once per
// id, what is refused with nothing changed, and how a request is answered by each of its sides.
import { englishIssues } from '../../support/issues.ts';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RuleViolationError,
  StoreUnavailableError,
  ValidationError,
} from '#domain/errors.ts';
import { logSignerFromJwk } from '#domain/innovations/log-head.ts';
import { memoDigest, parseEvent } from '#domain/innovations/log-events.ts';
import type { AccountId } from '#domain/ledger/account.ts';
import {
  answerRequest,
  movePayment,
  myRequests,
  type PaymentDependencies,
  pay,
  requestPayment,
  type Settling,
  syndicateRequests,
  viewPayment,
  viewRequest,
} from '#domain/ledger/payment-use-cases.ts';
import { CreditLimitError } from '#domain/ledger/transfer.ts';
import { newPerson } from '#domain/people/person.ts';
import type { Membership } from '#domain/syndicates/syndicate.ts';
import { memoryLedger, memoryRegistryLog } from '../../support/memory-ledger.ts';
import { memoryPayments } from '../../support/memory-payments.ts';
import { memorySyndicates } from '../../support/memory-syndicates.ts';
import { perTest } from '../../support/per-test.ts';
import { rejected } from '../../support/thrown.ts';
import { memoryPeople } from '../../support/services.ts';
import type { WorkLog } from '#domain/work/work-log.ts';
import { syndicateInput } from '../innovations/fixtures.ts';

const instanceKey = perTest(() => generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }));
const at = '2026-11-01T00:00:00.000Z';
const [ada, bram, carla] = [{ personId: 'ada' }, { personId: 'bram' }, { personId: 'carla' }];

/** Ada (credit 50.00), Bram (admin of "taller", credit 100.00), Carla (no credit), Dan (a member). */
async function world() {
  const registryLog = memoryRegistryLog();
  const ledger = memoryLedger(registryLog);
  const payments = memoryPayments(registryLog, ledger);
  const syndicates = memorySyndicates();
  const people = memoryPeople(['ada', 'bram', 'carla', 'dan'].map((id) => newPerson({ id, name: id, createdAt: at })));
  let n = 0;
  const deps: PaymentDependencies = {
    ledger,
    registryLog,
    payments,
    syndicates,
    people,
    logSigner: logSignerFromJwk(instanceKey()),
    now: () => new Date(Date.parse(at) + 1000 * n),
    newId: () => `id${++n}`,
  };
  const member = (personId: string, role: Membership['role']): Membership => ({
    syndicateId: 'taller',
    personId,
    role,
    status: 'active',
    requestedAt: at,
  });
  await syndicates.create(
    { ...syndicateInput('taller'), trade: 'repair', createdAt: at, createdBy: 'bram', memberCount: 1, adminCount: 1 },
    member('bram', 'admin'),
  );
  await syndicates.requestMembership({ ...member('dan', 'member'), status: 'requested' });
  await syndicates.changeMembership({ ...member('dan', 'member'), status: 'requested' }, member('dan', 'member'));
  ledger.seed({ accountId: 'person:ada', balance: 0n, creditLimit: -5000n });
  ledger.seed({ accountId: 'syndicate:taller', balance: 0n, creditLimit: -10_000n });
  const balance = (account: AccountId) => ledger.account(account)?.balance ?? 0n;
  return { deps, ledger, registryLog, payments, balance };
}

const input = (to: AccountId, amount: bigint, memo = 'Bike repair', from?: AccountId) => ({
  to,
  amount,
  memo,
  ...(from ? { from } : {}),
});

describe('a payment', () => {
  it('moves the amount, writes both statement lines with memo and balance after, the totals and its log entry', async () => {
    const { deps, ledger, registryLog, balance } = await world();
    const { payment, paidNow } = await pay(deps, ada, input('syndicate:taller', 1250n));
    expect(paidNow).toBe(true);
    expect(payment).toEqual({
      id: 'id1',
      from: 'person:ada',
      to: 'syndicate:taller',
      amount: 1250n,
      memo: 'Bike repair',
      by: 'ada',
      at: '2026-11-01T00:00:01.000Z',
      logIndex: 0,
      requestId: undefined,
    });
    expect([balance('person:ada'), balance('syndicate:taller')]).toEqual([-1250n, 1250n]);
    const line = { at: payment.at, kind: 'payment', paymentId: 'id1', memo: 'Bike repair', by: 'ada', logIndex: 0 };
    const [mine] = (await ledger.entriesPage('person:ada', { limit: 10 })).items;
    const [theirs] = (await ledger.entriesPage('syndicate:taller', { limit: 10 })).items;
    expect(mine).toMatchObject({
      ...line,
      accountId: 'person:ada',
      counterparty: 'syndicate:taller',
      amount: -1250n,
      balanceAfter: -1250n,
      sequence: 0,
    });
    expect(theirs).toMatchObject({
      ...line,
      accountId: 'syndicate:taller',
      counterparty: 'person:ada',
      amount: 1250n,
      balanceAfter: 1250n,
      sequence: 1,
    });
    expect(await ledger.totals()).toEqual({ sum: 0n, settlements: 0, payments: 1, moved: 1250n });
    const entry = await registryLog.entry(0);
    expect(entry?.kind).toBe('payment');
    expect(parseEvent(entry?.data ?? '')).toEqual({
      kind: 'payment',
      at: payment.at,
      paymentId: 'id1',
      from: 'person:ada',
      to: 'syndicate:taller',
      amount: '1250',
      by: 'ada',
      requestId: null,
      memoDigest: memoDigest('id1', 'Bike repair'),
    });
  });

  it('counts the balance after from the balances it found, for both sides', async () => {
    const { deps, ledger } = await world();
    ledger.seed({ accountId: 'person:carla', balance: 700n });
    await pay(deps, ada, input('person:carla', 200n));
    await pay(deps, ada, input('person:carla', 300n));
    const lines = (await ledger.entriesPage('person:carla', { limit: 10 })).items;
    expect(lines.map((line) => line.balanceAfter)).toEqual([900n, 1200n]);
    expect((await ledger.entriesPage('person:ada', { limit: 10 })).items.map((l) => l.balanceAfter)).toEqual([
      -200n,
      -500n,
    ]);
  });

  it('pays once for the same id: a run again answers with the payment and moves nothing', async () => {
    const { deps, balance } = await world();
    const first = await pay({ ...deps, newId: () => 'same' }, ada, input('person:carla', 100n));
    const again = await pay({ ...deps, newId: () => 'same' }, ada, input('person:carla', 100n));
    expect(again).toEqual({ payment: first.payment, paidNow: false });
    expect(balance('person:carla')).toBe(100n);
  });

  it('goes down to the payer’s limit exactly, and refuses one minor unit more, changing nothing', async () => {
    const { deps, ledger, registryLog, balance } = await world();
    await pay(deps, ada, input('person:carla', 4999n));
    const error = await rejected(() => pay(deps, ada, input('person:carla', 2n)), CreditLimitError);
    expect(error).toMatchObject({ accountId: 'person:ada', balance: -5001n, limit: -5000n });
    await pay(deps, ada, input('person:carla', 1n));
    expect(balance('person:ada')).toBe(-5000n);
    expect((await ledger.totals()).payments).toBe(2);
    expect((await registryLog.head())?.treeSize).toBe(2);
  });

  it('refuses a payer with no credit granted, and an account nobody holds, naming `to`, changing nothing', async () => {
    const { deps, ledger, registryLog } = await world();
    await rejected(() => pay(deps, carla, input('person:ada', 1n)), CreditLimitError);
    const unknown = await rejected(() => pay(deps, ada, input('person:nobody', 1n)), ValidationError);
    expect(englishIssues(unknown.issues)).toEqual([
      { field: 'body.to', message: expect.stringMatching(/No person "nobody"/) },
    ]);
    expect(unknown.message).toBe('The account named does not exist.');
    const gone = await rejected(() => pay(deps, ada, input('syndicate:gone', 1n)), ValidationError);
    expect(gone.issues[0]?.message).toMatch(/No syndicate "gone"/);
    expect(await registryLog.head()).toBeNull();
    expect(ledger.account('person:carla')).toBeUndefined();
  });

  it('is made from a syndicate by its admin, recorded as made by her, and refused to anyone else', async () => {
    const { deps, balance } = await world();
    const { payment } = await pay(deps, bram, input('person:carla', 500n, 'Inner tubes', 'syndicate:taller'));
    expect(payment).toMatchObject({ from: 'syndicate:taller', by: 'bram' });
    expect(balance('syndicate:taller')).toBe(-500n);
    for (const who of [carla, { personId: 'dan' }]) {
      await rejected(() => pay(deps, who, input('person:ada', 1n, 'x', 'syndicate:taller')), ForbiddenError);
    }
    await rejected(() => pay(deps, carla, input('person:bram', 1n, 'x', 'person:ada')), ForbiddenError);
    const self = await rejected(
      () => pay(deps, bram, input('person:bram', 1n, 'x', 'syndicate:taller')),
      RuleViolationError,
    );
    expect(self.rule).toBe('conflict-of-interest');
  });

  it('is shown to whoever made it or stands on one of its sides, and to nobody else', async () => {
    const { deps } = await world();
    const { payment } = await pay(deps, bram, input('person:carla', 5n, 'x', 'syndicate:taller'));
    for (const who of [bram, carla]) expect(await viewPayment(deps, who, payment.id)).toEqual(payment);
    for (const who of [ada, { personId: 'dan' }])
      await rejected(() => viewPayment(deps, who, payment.id), NotFoundError);
    expect((await rejected(() => viewPayment(deps, bram, 'missing'), NotFoundError)).message).toBe(
      'No payment with id "missing".',
    );
    // Whoever made it keeps seeing it after they stop being an admin of the syndicate it came from.
    const made = await pay(deps, bram, input('person:carla', 6n, 'y', 'syndicate:taller'));
    const membership = (personId: string, role: Membership['role']): Membership => ({
      syndicateId: 'taller',
      personId,
      role,
      status: 'active',
      requestedAt: at,
    });
    await deps.syndicates.changeMembership(membership('dan', 'member'), membership('dan', 'admin'));
    await deps.syndicates.changeMembership(membership('bram', 'admin'), membership('bram', 'member'));
    expect(await viewPayment(deps, bram, made.payment.id)).toEqual(made.payment);
    const own = (await pay(deps, ada, input('person:carla', 5n))).payment;
    expect(await viewPayment(deps, ada, own.id)).toEqual(own);
  });
});

/** The dependencies with every payment the store is asked to write kept in `writes`, in order. */
function watchWrites(deps: PaymentDependencies) {
  const { payments } = deps;
  const writes: Array<Parameters<typeof payments.pay>[0]> = [];
  const watched: PaymentDependencies = {
    ...deps,
    payments: {
      ...payments,
      pay: (write, log) => {
        writes.push(write);
        return payments.pay(write, log);
      },
    },
  };
  return { watched, writes };
}

describe('what a payment asks the store to write', () => {
  it('names the balances it read, the payer’s limit and the floor the payer must stay above', async () => {
    const { deps } = await world();
    const { watched, writes } = watchWrites(deps);
    await pay(watched, ada, input('syndicate:taller', 1250n));
    await pay(watched, ada, input('syndicate:taller', 250n));
    expect(writes.map((w) => [w.payer, w.payee])).toEqual([
      [
        { accountId: 'person:ada', amount: 1250n, floor: -3750n, limitSeen: -5000n, policyVersion: null, seen: 0n },
        { accountId: 'syndicate:taller', seen: 0n },
      ],
      [
        { accountId: 'person:ada', amount: 250n, floor: -4750n, limitSeen: -5000n, policyVersion: null, seen: -1250n },
        { accountId: 'syndicate:taller', seen: 1250n },
      ],
    ]);
  });

  it('is refused as closed when the request was answered after it was read, without trying again', async () => {
    const { deps, payments } = await world();
    for (const decision of ['accept', 'refuse'] as const) {
      const fresh = await requestPayment(deps, carla, { payer: 'person:ada', amount: 10n, memo: 'x' });
      const first = await payments.getRequest(fresh.id);
      await answerRequest(deps, carla, fresh.id, 'cancel');
      // The answer reads the request open (as it was a moment ago); then it is found cancelled.
      let reads = 0;
      const racing: PaymentDependencies = {
        ...deps,
        payments: { ...payments, getRequest: async (id) => (reads++ === 0 ? first : payments.getRequest(id)) },
      };
      const started = Date.now();
      const error = await rejected(() => answerRequest(racing, ada, fresh.id, decision), ConflictError);
      expect(error.message).toBe('This request was cancelled already; it changes no more.');
      expect(error.wordsIn?.('es')).toBe('Esta solicitud ya se canceló; ya no cambia.');
      expect(Date.now() - started).toBeLessThan(1000);
    }
  });

  it('answers an accept that read the payment missing and the request paid (a racing accept won) with that payment', async () => {
    const { deps, payments, balance } = await world();
    const request = await requestPayment(deps, carla, { payer: 'person:ada', amount: 10n, memo: 'x' });
    const open = await payments.getRequest(request.id);
    const won = await answerRequest(deps, ada, request.id, 'accept');
    // This accept read the request open, then the payment before the winner's landed, then the request paid.
    let requestReads = 0;
    let paymentReads = 0;
    const racing: PaymentDependencies = {
      ...deps,
      payments: {
        ...payments,
        getRequest: async (id) => (requestReads++ === 0 ? open : payments.getRequest(id)),
        getPayment: async (id) => (paymentReads++ === 0 ? null : payments.getPayment(id)),
      },
    };
    expect(await answerRequest(racing, ada, request.id, 'accept')).toMatchObject({
      payment: won.payment,
      paidNow: false,
    });
    expect(balance('person:carla')).toBe(10n);
  });

  it('names approved work on the payment, both lines and the log entry, and saves the work settled with it', async () => {
    const { deps, ledger, registryLog } = await world();
    const { watched, writes } = watchWrites(deps);
    const log = { id: 'w1', status: 'awaiting' } as unknown as WorkLog;
    const settling: Settling = {
      ref: { workLogId: 'w1' },
      recheck: async () => ({ waiting: true }),
      settled: (paid) => ({ kind: 'work', workLog: { ...log, status: 'approved', ...paid } as unknown as WorkLog }),
    };
    const draft = {
      id: 'work-w1',
      from: 'syndicate:taller',
      to: 'person:dan',
      amount: 5000n,
      memo: 'Work: 2.5 h',
    } as const;
    const { payment } = await movePayment(watched, 'bram', draft, settling);
    expect(payment).toMatchObject({ id: 'work-w1', workLogId: 'w1', requestId: undefined, by: 'bram' });
    const [line] = (await ledger.entriesPage('person:dan', { limit: 10 })).items;
    expect(line).toMatchObject({ paymentId: 'work-w1', workLogId: 'w1', amount: 5000n });
    expect(line && 'requestId' in line ? line.requestId : undefined).toBeUndefined();
    expect(parseEvent((await registryLog.entry(payment.logIndex))?.data ?? '')).toEqual({
      kind: 'payment',
      at: payment.at,
      paymentId: 'work-w1',
      from: 'syndicate:taller',
      to: 'person:dan',
      amount: '5000',
      by: 'bram',
      requestId: null,
      workLogId: 'w1',
      memoDigest: memoDigest('work-w1', 'Work: 2.5 h'),
    });
    expect(writes[0]?.settles).toEqual({
      kind: 'work',
      workLog: { id: 'w1', status: 'approved', by: 'bram', at: payment.at, paymentId: 'work-w1' },
    });
  });

  it('passes on a store failure while asking, instead of answering with nothing', async () => {
    const { deps, payments } = await world();
    const failing: PaymentDependencies = {
      ...deps,
      payments: { ...payments, createRequest: () => Promise.reject(new StoreUnavailableError('down')) },
    };
    const ask = () => requestPayment(failing, carla, { payer: 'person:ada', amount: 1n, memo: 'x' });
    await rejected(ask, StoreUnavailableError);
  });
});

describe('a payment request', () => {
  const ask = (
    deps: PaymentDependencies,
    who: { personId: string },
    payer: AccountId,
    amount = 2000n,
    payee?: AccountId,
  ) => requestPayment(deps, who, { payer, amount, memo: 'Invoice 7', ...(payee ? { payee } : {}) });

  it('is asked open, into the asker’s account unless they name a syndicate they administer', async () => {
    const { deps } = await world();
    expect(await ask(deps, carla, 'person:ada')).toEqual({
      id: 'id1',
      payer: 'person:ada',
      payee: 'person:carla',
      amount: 2000n,
      memo: 'Invoice 7',
      requestedBy: 'carla',
      createdAt: '2026-11-01T00:00:01.000Z',
      status: 'open',
    });
    expect((await ask(deps, bram, 'person:ada', 10n, 'syndicate:taller')).payee).toBe('syndicate:taller');
    await rejected(() => ask(deps, { personId: 'dan' }, 'person:ada', 10n, 'syndicate:taller'), ForbiddenError);
    const self = await rejected(() => ask(deps, carla, 'person:carla'), ValidationError);
    expect(self.issues[0]?.field).toBe('body.payer');
    const unknown = await rejected(() => ask(deps, carla, 'person:nobody'), ValidationError);
    expect(englishIssues(unknown.issues)[0]).toEqual({
      field: 'body.payer',
      message: expect.stringMatching(/No person "nobody"/),
    });
  });

  it('asked again with the same id answers with the first, and makes no second', async () => {
    const { deps } = await world();
    const fixed = { ...deps, newId: () => 'fixed' };
    const first = await ask(fixed, carla, 'person:ada');
    expect(await ask(fixed, carla, 'person:ada', 999n)).toEqual(first);
    expect((await myRequests(deps, ada, 'received', { limit: 10 })).items).toEqual([first]);
  });

  it('is paid once when the payer accepts, however often, with its payment in the same change', async () => {
    const { deps, balance, registryLog } = await world();
    const request = await ask(deps, carla, 'person:ada');
    const accepted = await answerRequest(deps, ada, request.id, 'accept');
    expect(accepted.paidNow).toBe(true);
    expect(accepted.payment).toMatchObject({
      id: `req-${request.id}`,
      requestId: request.id,
      from: 'person:ada',
      to: 'person:carla',
      by: 'ada',
    });
    expect(accepted.request).toMatchObject({ status: 'paid', decidedBy: 'ada', paymentId: `req-${request.id}` });
    const again = await answerRequest(deps, ada, request.id, 'accept');
    expect(again).toEqual({ request: accepted.request, payment: accepted.payment, paidNow: false });
    expect(balance('person:carla')).toBe(2000n);
    expect(parseEvent((await registryLog.entry(0))?.data ?? '')).toMatchObject({ requestId: request.id });
    await rejected(() => answerRequest(deps, ada, request.id, 'refuse'), ConflictError);
  });

  it('is refused by the payer or cancelled by the asker, each once, and then changes no more', async () => {
    const { deps, balance } = await world();
    const refused = await ask(deps, carla, 'person:ada');
    const cancelled = await ask(deps, carla, 'person:ada');
    const refusal = await answerRequest(deps, ada, refused.id, 'refuse');
    expect(refusal).toEqual({
      request: { ...refused, status: 'refused', decidedBy: 'ada', decidedAt: expect.any(String) },
      paidNow: false,
    });
    expect((await answerRequest(deps, carla, cancelled.id, 'cancel')).request).toMatchObject({
      status: 'cancelled',
      decidedBy: 'carla',
    });
    for (const [who, id, decision] of [
      [ada, refused.id, 'accept'],
      [carla, refused.id, 'cancel'],
      [ada, cancelled.id, 'accept'],
    ] as const) {
      const error = await rejected(() => answerRequest(deps, who, id, decision), ConflictError);
      expect(error.message).toMatch(/was (refused|cancelled) already/);
    }
    expect(balance('person:carla')).toBe(0n);
  });

  it('is answered by its own sides only: the other side’s decision is 403, a stranger’s 404', async () => {
    const { deps } = await world();
    const request = await ask(deps, carla, 'person:ada');
    await rejected(() => answerRequest(deps, carla, request.id, 'accept'), ForbiddenError);
    await rejected(() => answerRequest(deps, ada, request.id, 'cancel'), ForbiddenError);
    await rejected(() => answerRequest(deps, bram, request.id, 'accept'), NotFoundError);
    await rejected(() => viewRequest(deps, bram, request.id), NotFoundError);
    const missing = await rejected(() => answerRequest(deps, ada, 'missing', 'accept'), NotFoundError);
    expect(missing.message).toBe('No payment request with id "missing".');
    expect((await rejected(() => viewRequest(deps, bram, request.id), NotFoundError)).message).toMatch(
      /^No payment request /,
    );
    expect(await viewRequest(deps, ada, request.id)).toEqual(request);
    expect(await viewRequest(deps, carla, request.id)).toEqual(request);
  });

  it('asked of a syndicate is paid by one of its admins, never the admin it would pay', async () => {
    const { deps, balance } = await world();
    const mine = await ask(deps, bram, 'syndicate:taller', 700n);
    const self = await rejected(() => answerRequest(deps, bram, mine.id, 'accept'), RuleViolationError);
    expect(self.rule).toBe('conflict-of-interest');
    expect((await viewRequest(deps, bram, mine.id)).status).toBe('open');
    const carlas = await ask(deps, carla, 'syndicate:taller', 700n);
    expect((await answerRequest(deps, bram, carlas.id, 'accept')).payment).toMatchObject({
      from: 'syndicate:taller',
      by: 'bram',
    });
    expect(balance('syndicate:taller')).toBe(-700n);
    await rejected(() => answerRequest(deps, { personId: 'dan' }, carlas.id, 'accept'), NotFoundError);
  });

  it('stays open when accepting it would pass the payer’s limit', async () => {
    const { deps, registryLog } = await world();
    const request = await ask(deps, carla, 'person:ada', 5001n);
    await rejected(() => answerRequest(deps, ada, request.id, 'accept'), CreditLimitError);
    expect((await viewRequest(deps, ada, request.id)).status).toBe('open');
    expect(await registryLog.head()).toBeNull();
  });

  it('is listed newest first, as received by the payer and as sent by the payee; a syndicate’s to its admins only', async () => {
    const { deps } = await world();
    const first = await ask(deps, carla, 'syndicate:taller', 1n);
    const second = await ask(deps, carla, 'syndicate:taller', 2n);
    const ids = (page: { items: Array<{ id: string }> }) => page.items.map((r) => r.id);
    expect(ids(await myRequests(deps, carla, 'sent', { limit: 10 }))).toEqual([second.id, first.id]);
    expect(ids(await myRequests(deps, carla, 'received', { limit: 10 }))).toEqual([]);
    expect(ids(await syndicateRequests(deps, bram, 'taller', 'received', { limit: 10 }))).toEqual([
      second.id,
      first.id,
    ]);
    expect(ids(await syndicateRequests(deps, bram, 'taller', 'sent', { limit: 10 }))).toEqual([]);
    for (const who of [carla, { personId: 'dan' }]) {
      const refused = await rejected(
        () => syndicateRequests(deps, who, 'taller', 'received', { limit: 10 }),
        NotFoundError,
      );
      expect(refused.message).toBe('No syndicate you administer with id "taller".');
    }
  });
});
