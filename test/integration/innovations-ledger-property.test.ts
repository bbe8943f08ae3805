// A property test through the real store: for any shares, credit limit and sequence of reported
// values, settling them one by one keeps every stored balance summing to exactly zero and at or above
// its limit, and settles exactly the reports a simple model of the limit says it can.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { setCreditLimit } from '#domain/innovations/ledger-use-cases.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { dayReportInput, draftInput, syndicateInput } from '../unit/innovations/fixtures.ts';
import { allAccounts, allEntries, createPeople, ledgerSums } from '../support/innovation-world.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;
const inventorIds = ['p0', 'p1', 'p2', 'p3'];
let run = 0;

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable());
  await createPeople(services, inventorIds);
});

const sharesArb = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.array(fc.nat({ max: 10_000 }), { minLength: n - 1, maxLength: n - 1 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), 10_000];
    return points
      .slice(1)
      .map((p, i) => ({ personId: inventorIds[i] as string, basisPoints: p - (points[i] as number) }));
  }),
);

describe('the Bound ledger in the store', () => {
  it('stays at zero and within every limit through any sequence of settlements', async () => {
    await fc.assert(
      fc.asyncProperty(
        sharesArb,
        fc.option(fc.integer({ min: -150_000, max: 0 }), { nil: undefined }),
        fc.array(fc.integer({ min: 1, max: 90_000 }), { minLength: 1, maxLength: 5 }),
        async (inventors, override, amounts) => {
          run += 1;
          const admin = `admin-${run}`;
          const syndicateId = `s-${run}`;
          await call('POST', '/api/syndicates', admin, syndicateInput(syndicateId));
          const author = inventors[0]?.personId ?? 'p0';
          const id = String(body(await call('POST', '/api/innovations', author, draftInput(inventors))).record.id);
          for (const { personId } of inventors.slice(1)) {
            await call('PUT', `/api/innovations/${id}/draft/consent`, personId, { decision: 'accept' });
          }
          expect((await call('POST', `/api/innovations/${id}/publication`, author)).status).toBe(200);
          await call('PUT', `/api/innovations/${id}/adoptions/${syndicateId}`, admin, {
            implementers: [{ personId: admin }],
          });
          if (override !== undefined)
            await setCreditLimit(services, 'test', `syndicate:${syndicateId}`, BigInt(override), 'property test');

          // Without a grant an account may not go below zero: credit is agreed, not assumed.
          const limit = BigInt(override ?? 0);
          let modelBalance = 0n;
          for (const [n, amount] of amounts.entries()) {
            const reported = body(
              await call(
                'POST',
                `/api/innovations/${id}/adoptions/${syndicateId}/reports`,
                admin,
                dayReportInput(amount, n),
              ),
            );
            const report = await services.innovations.getReport(id, reported.report.id);
            if (!report) throw new Error('report missing');
            await services.innovations.decideReport({ ...report, status: 'confirmed', decidedBy: author }, report.rev);
            const settled = await call('POST', `/api/innovations/${id}/reports/${report.id}/settlement`, admin);
            const half = BigInt(amount) / 2n;
            const fits = modelBalance - half >= limit;
            expect(settled.status, `amount ${amount}, balance ${modelBalance}, limit ${limit}`).toBe(fits ? 200 : 422);
            if (fits) modelBalance -= half;
          }

          const accounts = await allAccounts(services);
          // The sum the ledger's page shows is the one the settlements kept: it must be what the
          // balances really add up to, and that is zero.
          expect(await ledgerSums(services)).toEqual({ balances: 0n, kept: 0n });
          for (const account of accounts) {
            const floor = account.creditLimit ?? 0n;
            expect(account.balance >= floor, `${account.accountId} at ${account.balance}`).toBe(true);
            // Each statement line's balance is exact: the last one is the balance now.
            const royalties = (await allEntries(services, account.accountId)).filter((e) => e.kind === 'royalty');
            if (royalties.length > 0) expect(royalties.at(-1)?.balanceAfter).toBe(account.balance);
          }
          expect(accounts.find((a) => a.accountId === `syndicate:${syndicateId}`)?.balance ?? 0n).toBe(modelBalance);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});
