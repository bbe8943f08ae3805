// A property test through the real store: any sequence of orders (confirmed, confirmed twice, disputed
// then refunded or withdrawn and paid, declined, cancelled), direct payments between people and a
// syndicate, and hours a member logs that the syndicate's admin approves (pay for work) keeps the sum of balances at zero, every balance equal to its statement and at or above
// its limit, lands exactly the payments a simple model of the limits says it can, and leaves a registry
// log that verifies end to end.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { setCreditLimit } from '#domain/innovations/ledger-use-cases.ts';
import { rateCardSchema } from '#domain/syndicates/syndicate.ts';
import type { AccountId } from '#domain/ledger/account.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { createPeople } from '../support/innovation-world.ts';
import { expectLedgerHolds, expectLogVerifies } from '../support/ledger-holds.ts';
import { putOffer } from '../support/offers.ts';
import { hire, rateCard } from '../support/work-world.ts';
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
    kind: fc.constant('order' as const),
    buyer: accountIndex,
    seller: accountIndex,
    quantity: fc.integer({ min: 1, max: 4 }),
    ending: fc.constantFrom('confirm', 'confirm-twice', 'dispute-refund', 'dispute-confirm', 'decline', 'cancel'),
  }),
  fc.record({
    kind: fc.constant('pay' as const),
    from: accountIndex,
    to: accountIndex,
    amount: fc.integer({ min: 1, max: 6000 }),
  }),
  // Person 1 logs quarter hours of sweeping up (10.00 Bound an hour) for the syndicate; person 0 approves.
  fc.record({ kind: fc.constant('work' as const), quarters: fc.integer({ min: 1, max: 32 }) }),
);

describe('orders and payments in the store', () => {
  it('keep the ledger at zero, every balance equal to its statement and within its limit, through any sequence', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 2500 }), { minLength: 4, maxLength: 4 }),
        fc.array(step, { minLength: 1, maxLength: 8 }),
        async (credits, prices, steps) => {
          run += 1;
          const people = [0, 1, 2].map((n) => `o${run}-p${n}`);
          const syndicateId = `o${run}-syn`;
          await createPeople(services, people);
          const founded = await call('POST', '/api/syndicates', people[0] ?? '', syndicateInput(syndicateId));
          expect(founded.status).toBe(201);
          const accounts: AccountId[] = [...people.map((p) => `person:${p}` as const), `syndicate:${syndicateId}`];
          // Person 1 fills a position of the syndicate, whose card (as its members' vote would set it) prices the work.
          const position = await hire(call, people[1] ?? '', syndicateId, people[0]);
          const syndicate = await services.syndicates.get(syndicateId);
          if (syndicate) await services.syndicates.update({ ...syndicate, rateCard: rateCardSchema().parse(rateCard) });
          const owner = (index: number) => people[index === 3 ? 0 : index] ?? '';
          for (const [index, credit] of credits.entries()) {
            if (credit > 0)
              await setCreditLimit(services, 'test', accounts[index] as AccountId, BigInt(-credit), 'test');
          }
          for (const [index, price] of prices.entries()) {
            await putOffer(services, {
              id: `o${run}-offer-${index}`,
              seller: accounts[index] ?? '',
              price: BigInt(price),
            });
          }
          const model = accounts.map(() => 0n);
          const limit = (index: number) => -BigInt(credits[index] ?? 0);
          const fits = (from: number, amount: bigint) => (model[from] ?? 0n) - amount >= limit(from);
          const land = (from: number, to: number, amount: bigint) => {
            model[from] = (model[from] ?? 0n) - amount;
            model[to] = (model[to] ?? 0n) + amount;
          };

          for (const [index, s] of steps.entries()) {
            if (s.kind === 'work') {
              const logged = await call('POST', '/api/work-logs', people[1] ?? '', {
                syndicateId,
                for: { kind: 'position', openingId: position },
                date: `2026-11-${String(index + 1).padStart(2, '0')}`,
                hours: s.quarters / 4,
                service: 'Sweeping up',
                note: `Step ${index}`,
              });
              expect(logged.status, JSON.stringify(logged.body)).toBe(201);
              const approved = await call('PUT', `/api/work-logs/${body(logged).id}/decision`, people[0] ?? '', {
                decision: 'approve',
              });
              const amount = BigInt(s.quarters * 250);
              const lands = fits(3, amount);
              expect(approved.status, `${JSON.stringify(s)}: ${JSON.stringify(approved.body)}`).toBe(lands ? 200 : 422);
              if (lands) land(3, 1, amount);
              continue;
            }
            if (s.kind === 'pay') {
              const paid = await call('POST', '/api/payments', owner(s.from), {
                from: accounts[s.from],
                to: accounts[s.to],
                amount: s.amount,
                memo: `step ${run}`,
              });
              const refused = s.from === s.to || (s.from === 3 && s.to === 0) || !fits(s.from, BigInt(s.amount));
              expect(paid.status, `${JSON.stringify(s)}: ${JSON.stringify(paid.body)}`).toBe(refused ? 422 : 201);
              if (!refused) land(s.from, s.to, BigInt(s.amount));
              continue;
            }
            const [buyer, seller] = [owner(s.buyer), owner(s.seller)];
            const placed = await call('POST', '/api/orders', buyer, {
              offerId: `o${run}-offer-${s.seller}`,
              quantity: s.quantity,
              buyer: accounts[s.buyer],
            });
            // Nobody orders from themselves: the same account, or an admin from their own syndicate.
            if (buyer === seller) {
              expect(placed.status, JSON.stringify(placed.body)).toBe(422);
              continue;
            }
            expect(placed.status, JSON.stringify(placed.body)).toBe(201);
            const id = body(placed).id;
            const act = (as: string, action: string, extra: Record<string, unknown> = {}) =>
              call('PUT', `/api/orders/${id}/step`, as, { action, ...extra });
            if (s.ending === 'decline' || s.ending === 'cancel') {
              expect((await act(s.ending === 'decline' ? seller : buyer, s.ending)).status).toBe(200);
              continue;
            }
            expect((await act(seller, 'accept')).status).toBe(200);
            expect((await act(seller, 'deliver')).status).toBe(200);
            if (s.ending.startsWith('dispute')) {
              expect((await act(buyer, 'dispute', { reason: 'Not as agreed.' })).status).toBe(200);
            }
            if (s.ending === 'dispute-refund') {
              expect((await act(seller, 'refund')).status).toBe(200);
              continue;
            }
            const total = BigInt(prices[s.seller] ?? 0) * BigInt(s.quantity);
            const confirmed = await act(buyer, 'confirm');
            const lands = fits(s.buyer, total);
            expect(confirmed.status, `${JSON.stringify(s)}: ${JSON.stringify(confirmed.body)}`).toBe(lands ? 200 : 422);
            if (!lands) continue;
            land(s.buyer, s.seller, total);
            if (s.ending === 'confirm-twice') expect(body(await act(buyer, 'confirm')).paidNow).toBe(false);
          }

          await expectLedgerHolds(services, accounts, model, limit);
        },
      ),
      { numRuns: 12 },
    );
    await expectLogVerifies(services);
  }, 300_000);
});
