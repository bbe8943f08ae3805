// Settling a value report, on in-memory stores that keep the DynamoDB adapters' promises: who may
// settle, what moves, what the log and the ledger record, and what a retry or a lost race does.
import { describe, expect, it } from 'vitest';
import { everyItem } from '#domain/paged-reads.ts';
import { NotFoundError, RuleViolationError } from '#domain/errors.ts';
import { parseEvent } from '#domain/innovations/log-events.ts';
import { reportFor, settleReport } from '#domain/innovations/settle-report.ts';
import type { AccountId } from '#domain/ledger/account.ts';
import { CreditLimitError } from '#domain/ledger/transfer.ts';
import { rejected } from '../../support/thrown.ts';
import { reportedAt, settleWorld, windowDays } from './settle-world.ts';

const as = (personId: string) => ({ personId });
/** A credit policy as a passed proposal stores it: version `version`, `defaultCredit` for every account. */
const voted = (version: number, defaultCredit: bigint) => ({
  version,
  defaultCredit,
  tiers: [],
  proposalId: `prop-${version}`,
  enactedAt: '2026-03-01T09:00:00.000Z',
  logIndex: version,
});
const entries = (world: Awaited<ReturnType<typeof settleWorld>>, accountId: AccountId) =>
  everyItem((request) => world.ledger.entriesPage(accountId, request));
const balances = async (world: Awaited<ReturnType<typeof settleWorld>>) =>
  Object.fromEntries(
    (await everyItem((request) => world.ledger.accountsPage(request))).map((account) => [
      account.accountId,
      account.balance,
    ]),
  );

describe('settling a confirmed report', () => {
  it('moves half the value from the syndicate to the inventors by share, and records how', async () => {
    const world = await settleWorld();
    await world.grant('syndicate:mill', -100_000n);
    const id = await world.report(1001n, { status: 'confirmed' });
    const logged = (await world.registryLog.head())?.treeSize ?? 0;

    const result = await settleReport(world.deps, as('bram'), 'rec', id);

    expect(result).toMatchObject({ settledNow: true, logIndex: logged });
    expect(await balances(world)).toEqual({ 'syndicate:mill': -500n, 'person:ana': 350n, 'person:ben': 150n });
    expect(result.report.settlement).toEqual({
      settledAt: world.clock.now.toISOString(),
      value: 1001n,
      inventorsTotal: 500n,
      implementersTotal: 501n,
      inventorParts: [
        { personId: 'ana', amount: 350n },
        { personId: 'ben', amount: 150n },
      ],
      implementerParts: [
        { personId: 'ivy', amount: 301n },
        { personId: 'joe', amount: 200n },
      ],
      logIndex: logged,
    });
    expect(await world.innovations.getReport('rec', id)).toEqual(result.report);
    expect(await world.innovations.get('rec')).toMatchObject({ valueSettled: 1001n, royaltiesPaid: 500n });
  });

  it('logs the settlement with its transfers and what confirmed it', async () => {
    const world = await settleWorld();
    await world.grant('syndicate:mill', -100_000n);
    const id = await world.report(1000n, { status: 'confirmed', confirmations: [{ personId: 'ana', at: reportedAt }] });
    const { logIndex } = await settleReport(world.deps, as('ana'), 'rec', id);
    const entry = await world.registryLog.entry(logIndex as number);
    expect(entry).toMatchObject({ index: logIndex, kind: 'settlement', innovationId: 'rec' });
    expect(parseEvent(entry?.data ?? '')).toEqual({
      kind: 'settlement',
      at: world.clock.now.toISOString(),
      innovationId: 'rec',
      syndicateId: 'mill',
      reportId: id,
      value: '1000',
      transfers: [
        { from: 'syndicate:mill', to: 'person:ana', amount: '350' },
        { from: 'syndicate:mill', to: 'person:ben', amount: '150' },
      ],
      implementersKeep: '500',
      basis: { confirmedBy: ['ana'], endorsedBy: null, lapsed: false },
    });
  });

  it('writes a pair of ledger entries per transfer, each naming the other side and the balance after it', async () => {
    const world = await settleWorld();
    await world.grant('syndicate:mill', -100_000n);
    const id = await world.report(1000n, { status: 'confirmed' });
    const { logIndex } = await settleReport(world.deps, as('bram'), 'rec', id);
    const base = {
      at: world.clock.now.toISOString(),
      kind: 'royalty',
      innovationId: 'rec',
      reportId: id,
      syndicateId: 'mill',
      logIndex,
    };
    expect(await entries(world, 'syndicate:mill')).toEqual([
      {
        ...base,
        accountId: 'syndicate:mill',
        counterparty: 'person:ana',
        amount: -350n,
        sequence: 0,
        balanceAfter: -350n,
      },
      {
        ...base,
        accountId: 'syndicate:mill',
        counterparty: 'person:ben',
        amount: -150n,
        sequence: 2,
        balanceAfter: -500n,
      },
    ]);
    expect(await entries(world, 'person:ana')).toEqual([
      {
        ...base,
        accountId: 'person:ana',
        counterparty: 'syndicate:mill',
        amount: 350n,
        sequence: 1,
        balanceAfter: 350n,
      },
    ]);
    expect(await entries(world, 'person:ben')).toEqual([
      {
        ...base,
        accountId: 'person:ben',
        counterparty: 'syndicate:mill',
        amount: 150n,
        sequence: 3,
        balanceAfter: 150n,
      },
    ]);
  });

  it('puts each implementer’s share of the value on their own statement, moving no Bound', async () => {
    const world = await settleWorld();
    await world.grant('syndicate:mill', -100_000n);
    const id = await world.report(1000n, { status: 'confirmed' });
    await settleReport(world.deps, as('bram'), 'rec', id);
    const share = { kind: 'implementer-share', reportId: id, counterparty: 'syndicate:mill' };
    expect(await entries(world, 'person:ivy')).toEqual([expect.objectContaining({ ...share, amount: 300n })]);
    expect(await entries(world, 'person:joe')).toEqual([expect.objectContaining({ ...share, amount: 200n })]);
    expect((await entries(world, 'person:ivy'))[0]?.balanceAfter).toBeUndefined();
    expect(await balances(world)).not.toHaveProperty('person:ivy');
    expect(await world.ledger.totals()).toEqual({ sum: 0n, settlements: 1, payments: 0, moved: 500n });
  });

  it('settles a report of one unit without moving anything: the implementers keep it', async () => {
    const world = await settleWorld();
    const id = await world.report(1n, { status: 'confirmed' });
    const { report } = await settleReport(world.deps, as('bram'), 'rec', id);
    expect(report.status).toBe('settled');
    expect(report.settlement).toMatchObject({ inventorsTotal: 0n, implementersTotal: 1n });
    expect(await balances(world)).toEqual({});
  });

  it('pays nothing twice: settling a settled report again returns it as it is', async () => {
    const world = await settleWorld();
    await world.grant('syndicate:mill', -100_000n);
    const id = await world.report(1000n, { status: 'confirmed' });
    const first = await settleReport(world.deps, as('bram'), 'rec', id);
    const size = (await world.registryLog.head())?.treeSize;
    const again = await settleReport(world.deps, as('ana'), 'rec', id);
    expect(again).toEqual({ report: first.report, settledNow: false });
    expect((await world.registryLog.head())?.treeSize).toBe(size);
    expect(await balances(world)).toEqual({ 'syndicate:mill': -500n, 'person:ana': 350n, 'person:ben': 150n });
  });
});

describe('what can be settled', () => {
  it.each([
    ['pending within its window', 'pending', 'pending', 'pendiente'],
    ['disputed', 'disputed', 'disputed', 'impugnado'],
  ] as const)('refuses a report that is %s, saying what it is', async (_what, status, says, saysEs) => {
    const world = await settleWorld();
    await world.grant('syndicate:mill', -100_000n);
    const id = await world.report(1000n, { status });
    const error = await rejected(() => settleReport(world.deps, as('bram'), 'rec', id), RuleViolationError);
    expect(error.rule).toBe('report-not-confirmed');
    expect(error.message).toBe(`Only a confirmed report can be settled; this one is ${says}.`);
    expect(error.wordsIn?.('es')).toBe(`Solo se puede liquidar un informe confirmado; este está ${saysEs}.`);
    expect(await balances(world)).toEqual({ 'syndicate:mill': 0n });
  });

  it('settles a report nobody disputed within its window, and logs that it lapsed', async () => {
    const world = await settleWorld();
    await world.grant('syndicate:mill', -100_000n);
    const id = await world.report(1000n);
    world.clock.now = new Date(Date.parse(reportedAt) + windowDays * 86_400_000);
    const { report, logIndex } = await settleReport(world.deps, as('ana'), 'rec', id);
    expect(report.status).toBe('settled');
    const event = parseEvent((await world.registryLog.entry(logIndex as number))?.data ?? '');
    expect(event).toMatchObject({ basis: { confirmedBy: [], endorsedBy: null, lapsed: true } });
  });

  it('never lets a lapsed report settle when only people on both sides could have decided it', async () => {
    // "ana" is the only inventor and the only admin: she reported, and nobody else could confirm.
    const world = await settleWorld({ inventors: [{ personId: 'ana', basisPoints: 10_000 }], admins: ['ana'] });
    await world.grant('syndicate:mill', -100_000n);
    const id = await world.report(1000n, { reportedBy: 'ana', conflicted: ['ana'] });
    world.clock.now = new Date(Date.parse(reportedAt) + windowDays * 86_400_000);
    const error = await rejected(() => settleReport(world.deps, as('ana'), 'rec', id), RuleViolationError);
    expect(error.rule).toBe('conflict-of-interest');
    expect(error.message).toContain('does not count as confirmed by time alone');
    expect(error.wordsIn?.('nl')).toContain('geldt niet als bevestigd alleen doordat de tijd verstreken is');
    expect(await balances(world)).toEqual({ 'syndicate:mill': 0n });
  });

  it('settles a report an admin confirmed, though nobody unconflicted is left to decide it now', async () => {
    // "bram" endorsed it and has left the mill since: his decision stands.
    const world = await settleWorld({ inventors: [{ personId: 'ana', basisPoints: 10_000 }], admins: ['ana'] });
    await world.grant('syndicate:mill', -100_000n);
    const id = await world.report(1000n, {
      status: 'confirmed',
      reportedBy: 'ana',
      conflicted: ['ana'],
      endorsement: { personId: 'bram', at: reportedAt },
    });
    const { report, logIndex } = await settleReport(world.deps, as('ana'), 'rec', id);
    expect(report.status).toBe('settled');
    const event = parseEvent((await world.registryLog.entry(logIndex as number))?.data ?? '');
    expect(event).toMatchObject({ basis: { confirmedBy: [], endorsedBy: 'bram', lapsed: false } });
  });

  it('refuses a settlement that would take the syndicate past the credit it was granted, moving nothing', async () => {
    const world = await settleWorld();
    await world.grant('syndicate:mill', -400n);
    const id = await world.report(1000n, { status: 'confirmed' });
    const error = await rejected(() => settleReport(world.deps, as('bram'), 'rec', id), CreditLimitError);
    expect(error).toMatchObject({ accountId: 'syndicate:mill', balance: -500n, limit: -400n });
    expect((await world.innovations.getReport('rec', id))?.status).toBe('confirmed');
  });

  it('lets a syndicate granted no credit pay nothing it does not hold', async () => {
    const world = await settleWorld();
    const id = await world.report(2n, { status: 'confirmed' });
    await expect(settleReport(world.deps, as('bram'), 'rec', id)).rejects.toThrow(CreditLimitError);
  });

  it('lets a syndicate without a grant settle down to the voted policy’s default and not one unit further', async () => {
    const world = await settleWorld();
    world.ledger.setPolicy(voted(1, 500n));
    const within = await world.report(1000n, { status: 'confirmed' });
    await settleReport(world.deps, as('bram'), 'rec', within);
    expect((await balances(world))['syndicate:mill']).toBe(-500n);
    const past = await world.report(2n, { status: 'confirmed' });
    const error = await rejected(() => settleReport(world.deps, as('bram'), 'rec', past), CreditLimitError);
    expect(error).toMatchObject({ accountId: 'syndicate:mill', limit: -500n });
  });

  it('plans again when the policy changes between its reads and its write, and checks the new one', async () => {
    const world = await settleWorld();
    world.ledger.setPolicy(voted(1, 5000n));
    const id = await world.report(1000n, { status: 'confirmed' });
    const read = world.ledger.creditPolicy;
    let reads = 0;
    // The policy is lowered to nothing just after the settlement first reads it.
    world.ledger.creditPolicy = async () => {
      const seen = await read();
      if (++reads === 1) world.ledger.setPolicy(voted(2, 0n));
      return seen;
    };
    await expect(settleReport(world.deps, as('bram'), 'rec', id)).rejects.toThrow(CreditLimitError);
    expect((await balances(world))['syndicate:mill'] ?? 0n).toBe(0n);
    expect((await world.innovations.getReport('rec', id))?.status).toBe('confirmed');
  });

  it('settles down to exactly the granted limit', async () => {
    const world = await settleWorld();
    await world.grant('syndicate:mill', -500n);
    const id = await world.report(1000n, { status: 'confirmed' });
    await settleReport(world.deps, as('bram'), 'rec', id);
    expect((await balances(world))['syndicate:mill']).toBe(-500n);
  });
});

describe('who may settle', () => {
  it.each(['ana', 'ben', 'bram'])('lets %s, an inventor or an admin of the syndicate, settle', async (personId) => {
    const world = await settleWorld();
    await world.grant('syndicate:mill', -100_000n);
    const id = await world.report(10n, { status: 'confirmed' });
    expect((await settleReport(world.deps, as(personId), 'rec', id)).settledNow).toBe(true);
  });

  it.each(['mo', 'stranger'])(
    'answers %s, a member or a stranger, as if the report did not exist',
    async (personId) => {
      const world = await settleWorld();
      const id = await world.report(10n, { status: 'confirmed' });
      const error = await rejected(() => settleReport(world.deps, as(personId), 'rec', id), NotFoundError);
      expect(error.message).toBe(`No value report with id "${id}".`);
    },
  );

  it('answers an unknown report, or a report of another record, as not found', async () => {
    const world = await settleWorld();
    const id = await world.report(10n, { status: 'confirmed' });
    await expect(settleReport(world.deps, as('bram'), 'rec', 'nope')).rejects.toThrow(NotFoundError);
    await expect(settleReport(world.deps, as('bram'), 'other', id)).rejects.toThrow(NotFoundError);
  });

  it('shows a report to its inventors, and to the syndicate’s admins only when asked as a party', async () => {
    const world = await settleWorld();
    const id = await world.report(10n);
    expect((await reportFor(world.deps, as('ben'), 'rec', id, 'inventor')).report.id).toBe(id);
    expect((await reportFor(world.deps, as('bram'), 'rec', id, 'party')).adoption.syndicateId).toBe('mill');
    await expect(reportFor(world.deps, as('bram'), 'rec', id, 'inventor')).rejects.toThrow(NotFoundError);
    await expect(reportFor(world.deps, as('mo'), 'rec', id, 'party')).rejects.toThrow(NotFoundError);
  });
});

describe('a settlement that loses a race', () => {
  it('re-reads and lands after whatever got to the log first, paying once', async () => {
    const world = await settleWorld();
    await world.grant('syndicate:mill', -100_000n);
    const id = await world.report(1000n, { status: 'confirmed' });
    const settle = world.innovations.settle.bind(world.innovations);
    let tries = 0;
    world.innovations.settle = async (write, log) => {
      tries++;
      // Another writer takes the log's next index just before the first try lands.
      if (tries === 1) await world.grant('person:ana', -10n);
      return settle(write, log);
    };
    const { logIndex } = await settleReport(world.deps, as('bram'), 'rec', id);
    expect(tries).toBe(2);
    expect((await world.registryLog.entry(logIndex as number))?.kind).toBe('settlement');
    expect((await balances(world))['syndicate:mill']).toBe(-500n);
  });

  it('finds the report settled by the winner and pays nothing more', async () => {
    const world = await settleWorld();
    await world.grant('syndicate:mill', -100_000n);
    const id = await world.report(1000n, { status: 'confirmed' });
    const settle = world.innovations.settle.bind(world.innovations);
    world.innovations.settle = async (write, log) => {
      world.innovations.settle = settle;
      await settleReport(world.deps, as('ana'), 'rec', id);
      return settle(write, log);
    };
    const result = await settleReport(world.deps, as('bram'), 'rec', id);
    expect(result.settledNow).toBe(false);
    expect(await balances(world)).toEqual({ 'syndicate:mill': -500n, 'person:ana': 350n, 'person:ben': 150n });
  });

  it('has the store refuse the payment once the payer’s limit changed since it was read', async () => {
    const world = await settleWorld();
    await world.grant('syndicate:mill', -100_000n);
    const id = await world.report(1000n, { status: 'confirmed' });
    const settle = world.innovations.settle.bind(world.innovations);
    world.innovations.settle = async (write, log) => {
      world.innovations.settle = settle;
      // A steward lowers the mill's credit between the reads and the write.
      world.ledger.seed({ accountId: 'syndicate:mill', balance: 0n, creditLimit: -450n });
      return settle(write, log);
    };
    await expect(settleReport(world.deps, as('bram'), 'rec', id)).rejects.toThrow(CreditLimitError);
    expect(await balances(world)).toEqual({ 'syndicate:mill': 0n });
  });

  it.each([
    {
      case: 'a syndicate granted credit',
      value: 1000n,
      account: { balance: 0n, creditLimit: -100_000n },
      payer: {
        accountId: 'syndicate:mill',
        total: 500n,
        floor: -99_500n,
        limitSeen: -100_000n,
        policyVersion: null,
        seen: 0n,
      },
    },
    {
      case: 'a syndicate paying from what it holds, with no credit granted',
      value: 1000n,
      account: { balance: 800n },
      payer: {
        accountId: 'syndicate:mill',
        total: 500n,
        floor: 500n,
        limitSeen: null,
        policyVersion: null,
        seen: 800n,
      },
    },
    { case: 'a settlement that moves nothing', value: 1n, account: { balance: 0n }, payer: null },
  ])('tells the store what the payer must still hold for $case', async ({ value, account, payer }) => {
    const world = await settleWorld();
    world.ledger.seed({ accountId: 'syndicate:mill', ...account });
    const id = await world.report(value, { status: 'confirmed' });
    const settle = world.innovations.settle.bind(world.innovations);
    const writes: unknown[] = [];
    world.innovations.settle = async (write, log) => {
      writes.push(write.payer);
      expect(write.lapseCutoff).toBe(new Date(world.clock.now.getTime() - windowDays * 86_400_000).toISOString());
      expect(write.payees).toEqual(
        value > 1n
          ? [
              { accountId: 'person:ana', amount: 350n, seen: 0n },
              { accountId: 'person:ben', amount: 150n, seen: 0n },
            ]
          : [],
      );
      return settle(write, log);
    };
    await settleReport(world.deps, as('bram'), 'rec', id);
    expect(writes).toEqual([payer]);
  });
});
