// A property test through the real store: any sequence of payments and payment requests (accepted,
// refused, cancelled, accepted twice) between people and a syndicate keeps the sum of balances at
// zero, every balance equal to its statement and at or above its limit, lands exactly the payments a
// simple model of the limits says it can, and leaves a registry log that verifies end to end.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { setCreditLimit } from '#domain/innovations/ledger-use-cases.ts';
import type { AccountId } from '#domain/ledger/account.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { createPeople } from '../support/innovation-world.ts';
import { expectLedgerHolds, expectLogVerifies } from '../support/ledger-holds.ts';
import { syndicateInput } from '../unit/innovations/fixtures.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;
let run = 0;

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable({}, { WRITE_RATE_LIMIT: 100_000 }));
});

/** Account 0–2 are people, 3 is a syndicate whose admin is person 0. */
const accountIndex = fc.integer({ min: 0, max: 3 });
const step = fc.oneof(
  fc.record({
    kind: fc.constant('pay' as const),
    from: accountIndex,
    to: accountIndex,
    amount: fc.integer({ min: 1, max: 6000 }),
  }),
  fc.record({
    kind: fc.constant('request' as const),
    payer: accountIndex,
    payee: accountIndex,
    amount: fc.integer({ min: 1, max: 6000 }),
    answer: fc.constantFrom('accept', 'accept-twice', 'refuse', 'cancel'),
  }),
);

describe('payments in the store', () => {
  it('keep the ledger at zero, every balance equal to its statement and within its limit, through any sequence', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 4, maxLength: 4 }),
        fc.array(step, { minLength: 1, maxLength: 8 }),
        async (credits, steps) => {
          run += 1;
          const people = [0, 1, 2].map((n) => `r${run}-p${n}`);
          const syndicateId = `r${run}-syn`;
          await createPeople(services, people);
          expect((await call('POST', '/api/syndicates', people[0] ?? '', syndicateInput(syndicateId))).status).toBe(
            201,
          );
          const accounts: AccountId[] = [...people.map((p) => `person:${p}` as const), `syndicate:${syndicateId}`];
          const owner = (index: number) => people[index === 3 ? 0 : index] ?? '';
          for (const [index, credit] of credits.entries()) {
            if (credit > 0)
              await setCreditLimit(services, 'test', accounts[index] as AccountId, BigInt(-credit), 'test');
          }
          const model = accounts.map(() => 0n);
          const limit = (index: number) => -BigInt(credits[index] ?? 0);
          // What the model says of one movement: refused at the sides, or past the limit, or landed.
          const expected = (from: number, to: number, amount: number, by: number) => {
            if (from === to) return 'same';
            if (from === 3 && to === by) return 'conflict';
            return (model[from] ?? 0n) - BigInt(amount) >= limit(from) ? 'lands' : 'limit';
          };
          const land = (from: number, to: number, amount: number) => {
            model[from] = (model[from] ?? 0n) - BigInt(amount);
            model[to] = (model[to] ?? 0n) + BigInt(amount);
          };

          for (const s of steps) {
            if (s.kind === 'pay') {
              const by = s.from === 3 ? 0 : s.from;
              const paid = await call('POST', '/api/payments', owner(s.from), {
                from: accounts[s.from],
                to: accounts[s.to],
                amount: s.amount,
                memo: `step ${run}`,
              });
              const outcome = expected(s.from, s.to, s.amount, by);
              const status = { same: 422, conflict: 422, limit: 422, lands: 201 }[outcome];
              expect(paid.status, `${JSON.stringify(s)}: ${JSON.stringify(paid.body)}`).toBe(status);
              if (outcome === 'lands') land(s.from, s.to, s.amount);
              continue;
            }
            // The payee's side asks: person 0 for the syndicate.
            const asker = owner(s.payee);
            const asked = await call('POST', '/api/payment-requests', asker, {
              payer: accounts[s.payer],
              payee: accounts[s.payee],
              amount: s.amount,
              memo: `request ${run}`,
            });
            if (s.payer === s.payee || accounts[s.payer] === `person:${asker}`) {
              expect(asked.status).toBe(422);
              continue;
            }
            expect(asked.status, JSON.stringify(asked.body)).toBe(201);
            const id = body(asked).id;
            const answer = (as: string, decision: string) =>
              call('PUT', `/api/payment-requests/${id}/decision`, as, { decision });
            if (s.answer === 'cancel') {
              expect((await answer(asker, 'cancel')).status).toBe(200);
              continue;
            }
            const payerPerson = owner(s.payer);
            if (s.answer === 'refuse') {
              expect((await answer(payerPerson, 'refuse')).status).toBe(200);
              continue;
            }
            const outcome = expected(s.payer, s.payee, s.amount, s.payer === 3 ? 0 : s.payer);
            const first = await answer(payerPerson, 'accept');
            expect(first.status, `${JSON.stringify(s)}: ${JSON.stringify(first.body)}`).toBe(
              outcome === 'lands' ? 200 : 422,
            );
            if (outcome !== 'lands') continue;
            land(s.payer, s.payee, s.amount);
            if (s.answer === 'accept-twice') {
              expect(body(await answer(payerPerson, 'accept')).paidNow).toBe(false);
            }
          }

          await expectLedgerHolds(services, accounts, model, limit);
        },
      ),
      { numRuns: 15 },
    );
    await expectLogVerifies(services);
  }, 240_000);
});
