// Paying in Bound through the API, on the real store: who may pay from which account, what is refused
// (naming the field) with nothing changed, the statements both sides see, the registry log's entry,
// and payment requests from asking to paying once.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { memoDigest, parseEvent } from '#domain/innovations/log-events.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { createPeople, ledgerSums, readyToPay } from '../support/innovation-world.ts';
import { tableSnapshot } from '../support/write-world.ts';
import { syndicateInput } from '../unit/innovations/fixtures.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;

const grant = (path: string, credit: number) =>
  call('PUT', path, 'steward', { credit, reason: 'Agreed at the members’ meeting.' });
const pay = (as: string, input: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call('POST', '/api/payments', as, input, headers);
const statement = async (as: string) => body(await call('GET', '/api/me/statement', as));

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable());
  await createPeople(services, ['ada', 'bram', 'carla', 'co-admin', 'broke']);
  expect((await call('POST', '/api/syndicates', 'bram', syndicateInput('taller'))).status).toBe(201);
  await readyToPay(call, 'taller', 'bram');
  expect((await grant('/api/people/ada/credit-limit', 50_000)).status).toBe(200);
});

describe('a direct payment', () => {
  it('moves Bound from the payer to a syndicate, with the memo on both statements and the sum still zero', async () => {
    const paid = await pay('ada', { to: 'syndicate:taller', amount: 1250, memo: 'Bike repair' });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    expect(body(paid).payment).toMatchObject({ from: 'person:ada', to: 'syndicate:taller', amount: '1250', by: 'ada' });
    const mine = await statement('ada');
    expect(mine.account.balance).toBe('-1250');
    expect(mine.items.at(-1)).toMatchObject({
      kind: 'payment-sent',
      counterparty: 'syndicate:taller',
      memo: 'Bike repair',
      amount: '-1250',
      balance: '-1250',
    });
    const theirs = body(await call('GET', '/api/syndicates/taller/statement', null));
    expect(theirs.items.at(-1)).toMatchObject({
      kind: 'payment-received',
      counterparty: 'person:ada',
      memo: 'Bike repair',
    });
    const csv = await call('GET', '/api/me/statement?format=csv', 'ada');
    expect(String(csv.body)).toMatch(/payment-sent,.*,syndicate:taller,-1250,-12\.50,-1250,[a-z0-9-]+,Bike repair/);
    expect(await ledgerSums(services)).toEqual({ balances: 0n, kept: 0n });
    expect((await services.ledger.totals()).payments).toBe(1);
  });

  it('is in the registry log with its parties and amount, and a digest of its memo instead of the memo', async () => {
    const paid = body(await pay('ada', { to: 'person:carla', amount: '300', memo: 'Seeds for the allotment' }));
    const entry = await services.registryLog.entry(paid.payment.logIndex);
    const event = parseEvent(entry?.data ?? '');
    expect(event).toEqual({
      kind: 'payment',
      at: paid.payment.at,
      paymentId: paid.payment.id,
      from: 'person:ada',
      to: 'person:carla',
      amount: '300',
      by: 'ada',
      requestId: null,
      memoDigest: memoDigest(paid.payment.id, 'Seeds for the allotment'),
    });
  });

  it('pays once for a retried request with the same Idempotency-Key', async () => {
    const input = { to: 'person:carla', amount: 100, memo: 'Retried' };
    const key = { 'idempotency-key': 'pay-once-1' };
    const [first, second] = [await pay('ada', input, key), await pay('ada', input, key)];
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(body(second).payment.id).toBe(body(first).payment.id);
    const lines = (await statement('carla')).items.filter((row: { memo?: string }) => row.memo === 'Retried');
    expect(lines).toHaveLength(1);
  });

  it.each([
    ['a zero amount', { amount: 0 }, 400, 'body.amount', /more than zero/],
    ['a negative amount', { amount: -5 }, 400, 'body.amount', /more than zero/],
    ['a fraction of a minor unit', { amount: 12.5 }, 400, 'body.amount', /fraction of a minor unit/],
    ['a decimal string', { amount: '12.50' }, 400, 'body.amount', /fraction of a minor unit/],
    ['no memo', { memo: '   ' }, 400, 'body.memo', /memo/],
    ['a malformed account', { to: 'carla' }, 400, 'body.to', /person:<id>/],
    ['an account nobody holds', { to: 'person:nobody' }, 422, 'body.to', /No person "nobody"/],
    ['paying yourself', { to: 'person:ada' }, 422, 'body.to', /cannot pay itself/],
    ['a balance the server keeps', { balance: '100' }, 400, 'body.balance', /does not take this field/],
  ])('refuses %s, naming the field, and changes nothing', async (_what, change, status, field, message) => {
    const before = await tableSnapshot(services.config.TABLE_NAME);
    const refused = await pay('ada', { to: 'person:carla', amount: 100, memo: 'Refused', ...change });
    expect(refused.status, JSON.stringify(refused.body)).toBe(status);
    const issue = body(refused).errors?.find((e: { field: string }) => e.field === field);
    expect(issue?.message, JSON.stringify(refused.body)).toMatch(message);
    expect(await tableSnapshot(services.config.TABLE_NAME)).toBe(before);
  });

  it('refuses a payment past the payer’s credit limit with 422 credit-limit, and changes nothing', async () => {
    const before = await tableSnapshot(services.config.TABLE_NAME);
    const refused = await pay('broke', { to: 'person:carla', amount: 1, memo: 'No credit granted' });
    expect(refused.status).toBe(422);
    expect(body(refused).rule).toBe('credit-limit');
    expect(await tableSnapshot(services.config.TABLE_NAME)).toBe(before);
  });

  it('lets an admin pay from the syndicate’s account, but never to themselves, and nobody else at all', async () => {
    const paid = await pay('bram', { from: 'syndicate:taller', to: 'person:carla', amount: 500, memo: 'Inner tubes' });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    expect(body(paid).payment).toMatchObject({ from: 'syndicate:taller', by: 'bram' });
    const self = await pay('bram', { from: 'syndicate:taller', to: 'person:bram', amount: 500, memo: 'My wages' });
    expect([self.status, body(self).rule]).toEqual([422, 'conflict-of-interest']);
    for (const [who, from] of [
      ['carla', 'syndicate:taller'],
      ['carla', 'person:ada'],
    ] as const) {
      const refused = await pay(who, { from, to: 'person:broke', amount: 1, memo: 'Not mine to pay' });
      expect(refused.status, `${who} from ${from}`).toBe(403);
    }
  });
});

describe('a payment request', () => {
  const ask = (as: string, input: Record<string, unknown>) => call('POST', '/api/payment-requests', as, input);
  const answer = (as: string, id: string, decision: string) =>
    call('PUT', `/api/payment-requests/${id}/decision`, as, { decision });

  it('is paid once when the payer accepts, even twice, and shows in both lists', async () => {
    const asked = await ask('carla', { payer: 'person:ada', amount: 2000, memo: 'Invoice 7: pruning' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const id = body(asked).id;
    expect(body(await call('GET', '/api/me/payment-requests?box=sent', 'carla')).items[0]).toMatchObject({ id });
    expect(body(await call('GET', '/api/me/payment-requests', 'ada')).items[0]).toMatchObject({ id, status: 'open' });
    const balance = async () => (await statement('carla')).account.balance;
    const start = BigInt(await balance());
    const accepted = await answer('ada', id, 'accept');
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(body(accepted)).toMatchObject({ request: { status: 'paid' }, payment: { requestId: id }, paidNow: true });
    const again = await answer('ada', id, 'accept');
    expect([again.status, body(again).paidNow]).toEqual([200, false]);
    expect(BigInt(await balance()) - start).toBe(2000n);
    expect((await answer('ada', id, 'refuse')).status).toBe(409);
    expect((await answer('carla', id, 'cancel')).status).toBe(409);
  });

  it('is closed by a refusal or a cancellation, each by its own side only, and hidden from everyone else', async () => {
    const first = body(await ask('carla', { payer: 'person:ada', amount: 10, memo: 'To refuse' })).id;
    const second = body(await ask('carla', { payer: 'person:ada', amount: 10, memo: 'To cancel' })).id;
    expect((await answer('carla', first, 'refuse')).status).toBe(403);
    expect((await answer('ada', second, 'cancel')).status).toBe(403);
    expect((await answer('broke', first, 'accept')).status).toBe(404);
    expect((await call('GET', `/api/payment-requests/${first}`, 'broke')).status).toBe(404);
    expect(body(await answer('ada', first, 'refuse')).request.status).toBe('refused');
    expect(body(await answer('carla', second, 'cancel')).request.status).toBe('cancelled');
    expect((await answer('ada', second, 'accept')).status).toBe(409);
  });

  it('asked of a syndicate is accepted by another admin, never by the admin it would pay', async () => {
    const id = body(
      await ask('co-admin', { payer: 'syndicate:taller', amount: 700, memo: 'Two hours at the bench' }),
    ).id;
    const received = body(await call('GET', '/api/syndicates/taller/payment-requests', 'bram')).items;
    expect(received.map((r: { id: string }) => r.id)).toContain(id);
    expect((await call('GET', '/api/syndicates/taller/payment-requests', 'carla')).status).toBe(404);
    const self = await answer('co-admin', id, 'accept');
    expect([self.status, body(self).rule]).toEqual([422, 'conflict-of-interest']);
    expect(body(await answer('bram', id, 'accept')).payment).toMatchObject({ from: 'syndicate:taller', by: 'bram' });
  });

  it('refuses asking yourself, asking into an account that is not yours, and an unknown payer', async () => {
    expect((await ask('ada', { payer: 'person:ada', amount: 1, memo: 'Me' })).status).toBe(422);
    expect((await ask('ada', { payer: 'person:carla', payee: 'syndicate:taller', amount: 1, memo: 'x' })).status).toBe(
      403,
    );
    const unknown = await ask('ada', { payer: 'syndicate:nowhere', amount: 1, memo: 'x' });
    expect([unknown.status, body(unknown).errors?.[0]?.field]).toEqual([422, 'body.payer']);
  });
});
