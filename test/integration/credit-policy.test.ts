// The commons' credit policy, decided by vote, on the real store: a policy passes with half the members
// voting yes and the next payment of an account without a grant goes down to its default and not one
// minor unit further; an account that has traded for the tier's months gets the tier's credit; only the
// commons decides it, only its members propose it; a policy changed while a payment is planned is never
// checked stale.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { parseEvent } from '#domain/innovations/log-events.ts';
import { movePayment } from '#domain/ledger/payment-use-cases.ts';
import { CreditLimitError } from '#domain/ledger/transfer.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { createPeople } from '../support/innovation-world.ts';
import { rejected } from '../support/thrown.ts';
import { tableSnapshot } from '../support/write-world.ts';
import { syndicateInput } from '../unit/innovations/fixtures.ts';

const clock = { now: new Date('2026-03-01T09:00:00.000Z') };
const later = (days: number) => {
  clock.now = new Date(clock.now.getTime() + days * 86_400_000);
};
let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;

const propose = (as: string, input: Record<string, unknown>) => call('POST', '/api/proposals', as, input);
const vote = (as: string, id: string) => call('PUT', `/api/proposals/${id}/votes/me`, as, { choice: 'yes' });
const close = (as: string, id: string) => call('POST', `/api/proposals/${id}/closing`, as);
const payment = (as: string, to: string, amount: number) =>
  call('POST', '/api/payments', as, { to, amount, memo: 'Seedlings' });
const policy = (change: Record<string, unknown>) => ({
  kind: 'credit-policy',
  scope: 'commons',
  title: 'Credit for every member',
  change,
});

/** Proposes a policy as Ada and passes it with two yes votes of the four members, three days later. */
async function enact(change: Record<string, unknown>) {
  const opened = await propose('ada', policy(change));
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  const proposal = body(opened);
  expect(proposal).toMatchObject({ eligible: 4, threshold: { num: 1, den: 2 } });
  for (const person of ['ada', 'bram']) expect((await vote(person, proposal.id)).status).toBe(200);
  later(3);
  const closed = await close('carla', proposal.id);
  expect(body(closed).proposal, JSON.stringify(closed.body)).toMatchObject({ status: 'enacted', outcome: 'passed' });
  return proposal.id as string;
}

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable({ now: () => clock.now }));
  await createPeople(services, ['ada', 'bram', 'carla', 'newbie']);
  expect((await call('POST', '/api/syndicates', 'bram', syndicateInput('riverside'))).status).toBe(201);
});

describe('who may propose the commons’ credit policy, and what it may say', () => {
  it('is decided by the commons only: a syndicate cannot hold it', async () => {
    const refused = await propose('bram', { ...policy({ defaultCredit: 100 }), scope: 'syndicate:riverside' });
    expect(refused.status).toBe(422);
    expect(body(refused).errors).toEqual([
      {
        field: 'body.scope',
        message:
          'A proposal on the commons’ credit policy (the credit of every account without its own limit) is decided in "commons".',
      },
    ]);
  });

  it('cannot be opened by someone who is not a member of the commons', async () => {
    const refused = await propose('stranger', policy({ defaultCredit: 100 }));
    expect(refused.status).toBe(403);
  });

  it('names each field to fix, and writes nothing, for credit above the maximum or tiers out of order', async () => {
    const before = await tableSnapshot(services.config.TABLE_NAME);
    const refused = await propose(
      'ada',
      policy({
        defaultCredit: '1000000000001',
        tiers: [
          { months: 6, credit: 500 },
          { months: 3, credit: 400 },
        ],
      }),
    );
    expect(refused.status).toBe(422);
    expect(body(refused).errors.map((issue: { field: string }) => issue.field)).toEqual([
      'body.change.defaultCredit',
      'body.change.tiers.0.credit',
      'body.change.tiers.1.months',
      'body.change.tiers.1.credit',
    ]);
    const malformed = await propose('ada', policy({ defaultCredit: -5, tiers: [{ months: 0, credit: 1 }] }));
    expect(malformed.status).toBe(400);
    expect(body(malformed).errors.map((issue: { field: string }) => issue.field)).toEqual([
      'body.change.defaultCredit',
      'body.change.tiers.0.months',
    ]);
    expect(await tableSnapshot(services.config.TABLE_NAME)).toBe(before);
  });

  it('refuses a version, or any field the policy does not take, sent with it', async () => {
    for (const change of [
      { defaultCredit: 100, version: 99 },
      { defaultCredit: 100, tiers: [{ months: 2, credit: 200, by: 'ada' }] },
    ]) {
      const refused = await propose('ada', policy(change));
      expect(refused.status, JSON.stringify(change)).toBe(400);
    }
  });
});

describe('a credit policy, decided by the commons', () => {
  it('lets a new account pay down to the default once half the members vote yes, and not one minor unit further', async () => {
    expect(body(await payment('newbie', 'person:ada', 1)).rule).toBe('credit-limit');
    const proposalId = await enact({ defaultCredit: 5000, tiers: [{ months: 3, credit: 20_000 }] });

    const stored = await services.ledger.creditPolicy();
    expect(stored).toMatchObject({ defaultCredit: 5000n, version: 1, proposalId });
    const head = await services.registryLog.head();
    const last = parseEvent((await services.registryLog.entry((head?.treeSize ?? 1) - 1))?.data ?? '');
    expect(last).toMatchObject({
      kind: 'proposal-closed',
      proposalId,
      enacted: { creditPolicy: { defaultCredit: '5000', tiers: [{ months: 3, credit: '20000' }], version: 1 } },
    });

    expect((await payment('newbie', 'person:ada', 4999)).status).toBe(201);
    expect((await payment('newbie', 'person:ada', 1)).status).toBe(201);
    const refused = await payment('newbie', 'person:ada', 1);
    expect([refused.status, body(refused).rule]).toEqual([422, 'credit-limit']);
    const statement = body(await call('GET', '/api/me/statement', 'newbie'));
    expect(statement.account).toMatchObject({ balance: '-5000', limit: '-5000', overridden: false });
  });

  it('gives an account the tier it earned, counted from its first trade, once the months have passed', async () => {
    // Carla's first trade: she is paid. Her tier counts from then.
    expect((await payment('bram', 'person:carla', 100)).status).toBe(201);
    const first = (await services.ledger.getAccounts(['person:carla'])).get('person:carla')?.firstTradeAt;
    expect(first).toBe(clock.now.toISOString());
    later(60);
    expect((await payment('carla', 'person:bram', 5101)).status).toBe(422);
    expect((await services.ledger.getAccounts(['person:carla'])).get('person:carla')?.firstTradeAt).toBe(first);
    later(40);
    expect(body(await call('GET', '/api/me/statement', 'carla')).account.limit).toBe('-20000');
    expect((await payment('carla', 'person:bram', 20_101)).status).toBe(422);
    expect((await payment('carla', 'person:bram', 20_100)).status).toBe(201);
    expect((await services.ledger.getAccounts(['person:carla'])).get('person:carla')?.balance).toBe(-20_000n);
  });

  it('refuses a payment planned against a policy that changed before it was written, and checks the new one', async () => {
    await enact({ defaultCredit: 100 });
    const current = await services.ledger.creditPolicy();
    expect(current?.version).toBe(2);
    let reads = 0;
    let writes = 0;
    const racing = {
      ...services,
      // The first read sees the policy before the vote (a default of 500.00): the store must refuse it.
      ledger: {
        ...services.ledger,
        creditPolicy: async () =>
          reads++ === 0 && current
            ? { ...current, version: 1, defaultCredit: 50_000n }
            : services.ledger.creditPolicy(),
      },
      payments: {
        ...services.payments,
        pay: (...args: Parameters<Services['payments']['pay']>) => {
          writes++;
          return services.payments.pay(...args);
        },
      },
    };
    await createPeople(services, ['late']);
    const draft = {
      id: 'raced-payment',
      from: 'person:late',
      to: 'person:ada',
      amount: 30_000n,
      memo: 'Tools',
    } as const;
    await rejected(() => movePayment(racing, 'late', draft), CreditLimitError);
    expect([reads, writes]).toEqual([2, 1]);
    expect((await services.ledger.getAccounts(['person:late'])).get('person:late')).toBeUndefined();
    expect(await services.payments.getPayment('raced-payment')).toBeNull();
  });
});
