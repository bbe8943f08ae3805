// Payments racing on DynamoDB Local, which serialises transactions and never raises a conflict itself:
// what is proved is that the conditions alone (the payer's balance and floor, the request's status,
// the payment's id, the log's head) keep an account within its limit and a request paid once. Each racer
// asks again after a 503 as a careful client would, with its Idempotency-Key, so a write that landed
// after its answer timed out is answered, not made twice.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { untilAnswered } from '../support/busy.ts';
import { allEntries, createPeople, ledgerSums } from '../support/innovation-world.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;

beforeEach(async () => {
  // One person making a hundred writes at once is what these tests do; the write limit has its own.
  ({ call, services } = await apiOnFreshTable({}, { WRITE_RATE_LIMIT: 100_000 }));
  await createPeople(services, ['ada', 'carla']);
  const granted = await call('PUT', '/api/people/ada/credit-limit', 'steward', {
    credit: 1000,
    reason: 'Ten Bound of credit, agreed.',
  });
  expect(granted.status).toBe(200);
});

describe('payments racing', () => {
  it('lands exactly as many of 100 payments from one account as its limit allows, and none past it', async () => {
    // 10.00 Bound of credit and a hundred payments of 0.30: 33 fit (9.90), the 34th would pass the limit.
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, n) =>
        untilAnswered(
          () =>
            call(
              'POST',
              '/api/payments',
              'ada',
              { to: 'person:carla', amount: 30, memo: `Race ${n}` },
              { 'idempotency-key': `race-${n}` },
            ),
          { repeatable: true },
        ),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(33);
    expect(statuses.filter((status) => status === 422)).toHaveLength(67);
    expect(answers.filter((a) => a.status === 422).every((a) => body(a).rule === 'credit-limit')).toBe(true);
    const [ada] = (await services.ledger.getAccounts(['person:ada'])).values();
    expect(ada?.balance).toBe(-990n);
    const lines = await allEntries(services, 'person:ada');
    expect(lines).toHaveLength(33);
    // Each line's balance after is exact: they step down by 30 in the order they landed.
    expect(lines.map((line) => line.balanceAfter)).toEqual(Array.from({ length: 33 }, (_, n) => BigInt(-30 * (n + 1))));
    expect(await ledgerSums(services)).toEqual({ balances: 0n, kept: 0n });
  }, 300_000);

  it('pays a request once when it is accepted 100 times at once', async () => {
    const asked = await call('POST', '/api/payment-requests', 'carla', {
      payer: 'person:ada',
      amount: 500,
      memo: 'One invoice',
    });
    const id = body(asked).id;
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        untilAnswered(() => call('PUT', `/api/payment-requests/${id}/decision`, 'ada', { decision: 'accept' }), {
          repeatable: true,
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(100).fill(200));
    expect(answers.filter((answer) => body(answer).paidNow)).toHaveLength(1);
    expect(new Set(answers.map((answer) => body(answer).payment?.id))).toEqual(new Set([`req-${id}`]));
    expect(await allEntries(services, 'person:carla')).toHaveLength(1);
    expect((await services.ledger.getAccounts(['person:carla'])).get('person:carla')?.balance).toBe(500n);
    expect((await services.ledger.totals()).payments).toBe(1);
  }, 300_000);
});
