// The demo data loads through the real use cases: it must make a log that verifies and a ledger at zero,
// and a second start must add nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { ledgerOverview } from '#domain/innovations/ledger-use-cases.ts';
import { myInnovations, recordView } from '#domain/innovations/record-view.ts';
import { auditStore } from '#domain/innovations/registry-log-use-cases.ts';
import { demoPeople, demoSteward } from '#local/demo-data/people.ts';
import { listProposals } from '#domain/decisions/proposal-use-cases.ts';
import { viewListing } from '#domain/market/market-use-cases.ts';
import { seedDemoData } from '#local/seed.ts';
import { apiOnFreshTable } from '../support/api-client.ts';
import { allAccounts, ledgerSums } from '../support/innovation-world.ts';
import { everyItem } from '#domain/paged-reads.ts';
import { backfillEconomy } from '#adapters/dynamodb/economy-backfill.ts';
import { countStoredItems } from '#app/stream-economy.ts';
import { economyReport } from '#domain/ledger/economy-use-cases.ts';

let services: Services;
let first: Awaited<ReturnType<typeof seedDemoData>>;

beforeAll(async () => {
  ({ services } = await apiOnFreshTable({}, { STEWARDS: [demoSteward] }));
  first = await seedDemoData(services);
});

describe('the demo innovations', () => {
  it('load as published records, a draft, adoptions, reports and one settlement', async () => {
    expect(first.innovations).toBe(9);
    const published = await everyItem((request) => services.innovations.publishedPage(request));
    expect(published).toHaveLength(8);
    expect((await services.innovations.get('seed-tray-labels'))?.status).toBe('draft');
    const triage = await recordView(services, 'two-minute-fault-triage-card', null);
    expect(triage.reports.items.map((r) => r.effectiveStatus)).toEqual(['settled']);
    expect(triage.record).toMatchObject({ valueSettled: 48000n, royaltiesPaid: 24000n, adopterCount: 1 });
    const statuses = (
      await Promise.all(published.map((r) => everyItem((request) => services.innovations.reportsPage(r.id, request))))
    )
      .flat()
      .map((r) => r.status)
      .sort();
    expect(statuses).toEqual(['disputed', 'pending', 'pending', 'settled']);
    const routes = await recordView(services, 'multi-drop-route-cards', null);
    expect(routes.published.map((v) => [v.version, v.replaces])).toEqual([
      [1, undefined],
      [2, 1],
    ]);
  });

  it('publish nobody as a co-inventor without their acceptance, and leave one invitation to answer', async () => {
    const triage = await services.registryLog.entriesFor('two-minute-fault-triage-card', { limit: 1 });
    expect(JSON.parse(triage.items[0]?.data ?? '{}')).toMatchObject({
      kind: 'publish',
      consentedBy: ['demo-ada', 'demo-carmen'],
    });
    const femi = await myInnovations(services, { personId: 'demo-femi', claimedName: 'Femi Adeyemi' }, { limit: 100 });
    expect(femi.invitations.map((i) => [i.record.id, i.role])).toEqual([['seed-tray-labels', 'invited']]);
    expect(femi.items.map((r) => r.id)).not.toContain('seed-tray-labels');
  });

  it('make a log that verifies and a ledger that sums to zero', async () => {
    const { result } = await auditStore(services, services.logSigner.publicJwk);
    expect(result).toMatchObject({ ok: true });
    const ledger = await ledgerOverview(services, { limit: 100 });
    expect(ledger.sum).toBe(0n);
    expect(ledger.settlements).toBe(1);
    expect(await ledgerSums(services)).toEqual({ balances: 0n, kept: 0n });
    expect(ledger.items.find((a) => a.accountId === 'syndicate:common-table-kitchens')?.creditLimit).toBe(-250_000n);
  });

  it('grant every account its credit by the steward’s logged decisions, none to the steward herself', async () => {
    const accounts = await allAccounts(services);
    const limits = new Map(accounts.map((a) => [a.accountId, a.creditLimit]));
    expect(limits.get('syndicate:riverside-builders')).toBe(-100_000n);
    expect(limits.get('person:demo-ada')).toBe(-100_000n);
    expect(limits.get(`person:${demoSteward}`)).toBeUndefined();
    const head = await services.registryLog.head();
    const grants = (await services.registryLog.entries(0, head?.treeSize ?? 0))
      .map((entry) => JSON.parse(entry.data))
      .filter((event) => event.kind === 'credit-limit');
    expect(grants.length).toBeGreaterThanOrEqual(accounts.filter((a) => a.creditLimit !== undefined).length);
    for (const grant of grants)
      expect(grant, JSON.stringify(grant)).toMatchObject({ by: demoSteward, reason: expect.any(String) });
    const changes = await services.ledger.listLimitChanges('syndicate:common-table-kitchens');
    expect(changes.map((c) => c.limit)).toEqual([-100_000n, -250_000n]);
  });

  it('make payments between members and syndicates, so the economy’s page shows trade from the first start', async () => {
    // What the local stack does at each start before its stream poller runs (local-stack.ts).
    await backfillEconomy(services.storeClient, services.config.TABLE_NAME, countStoredItems(services));
    const economy = await economyReport(services, 30);
    expect(economy.movements).toBeGreaterThanOrEqual(5);
    expect(economy.volume).toBeGreaterThanOrEqual(18_050n);
    expect(economy.activeTraders).toBeGreaterThanOrEqual(7);
    expect(economy.accounts).toBe((await allAccounts(services)).length);
    expect(economy.histogram.filter((bar) => bar.accounts > 0).length).toBeGreaterThan(2);
    expect(economy.sumOfBalances).toBe(0n);
  });

  it('add nothing on a second start', async () => {
    const size = (await services.registryLog.head())?.treeSize;
    const second = await seedDemoData(services);
    expect(second.innovations).toBe(0);
    expect(second.market).toBe(0);
    expect((await services.registryLog.head())?.treeSize).toBe(size);
    expect(await listProposals(services, { scope: 'commons', status: 'open' }, { limit: 10 })).toMatchObject({
      items: [{ id: 'demo-proposal-repair-cafe' }],
    });
  });
});

describe('the demo marketplace and decisions', () => {
  it('list open offers and wants of people and syndicates, so the marketplace is not empty on a fresh start', async () => {
    expect(first.market).toBe(5);
    const ada = await viewListing(services, 'offer', 'demo-offer-ada-bookkeeping');
    expect(ada).toMatchObject({ seller: 'person:demo-ada', status: 'open', trade: 'bookkeeping', unit: 'hour' });
    const taller = await viewListing(services, 'offer', 'demo-offer-taller-repairs');
    expect(taller).toMatchObject({ seller: 'syndicate:taller-comun-valencia', status: 'open', trade: 'repair' });
    const wants = await Promise.all(
      ['demo-want-riverside-vat', 'demo-want-dev-laptop-hinge'].map((id) => viewListing(services, 'want', id)),
    );
    expect(wants.map((want) => [want.buyer, want.status])).toEqual([
      ['syndicate:riverside-builders', 'open'],
      ['person:demo-dev', 'open'],
    ]);
  });

  it('open one commons proposal with every demo person counted, its opening in the log that verifies', async () => {
    const proposal = await services.decisions.get('demo-proposal-repair-cafe');
    expect(proposal).toMatchObject({ kind: 'sense-check', scope: 'commons', status: 'open', createdBy: 'demo-eunji' });
    expect(proposal?.eligible).toBe(demoPeople.length);
    expect(proposal?.closesAt && proposal.closesAt > services.now().toISOString()).toBe(true);
    const { result } = await auditStore(services, services.logSigner.publicJwk);
    expect(result).toMatchObject({ ok: true });
  });
});
