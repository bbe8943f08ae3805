// A small world for the settlement's unit tests, in memory: a syndicate "mill" (admin "bram", member
// "mo"), a published record by "ana" (70%) and "ben" (30%) that the mill adopted with implementers
// "ivy" (60%) and "joe" (40%), and value reports on that adoption. Everything is written through the
// repositories, as the use cases write it, with each change logged.
import { generateKeyPairSync } from 'node:crypto';
import type { Adoption, ValueReport } from '#domain/innovations/adoption.ts';
import { appendFor, type InnovationDependencies } from '#domain/innovations/dependencies.ts';
import { logSignerFromJwk } from '#domain/innovations/log-head.ts';
import type { AccountId } from '#domain/ledger/account.ts';
import type { Membership } from '#domain/syndicates/syndicate.ts';
import { memoryInnovations } from '../../support/memory-innovations.ts';
import { memoryLedger, memoryRegistryLog } from '../../support/memory-ledger.ts';
import { memorySyndicates } from '../../support/memory-syndicates.ts';
import { syndicateInput } from './fixtures.ts';

const instanceKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
export const windowDays = 14;
export const reportedAt = '2026-11-01T12:00:00.000Z';
const at = '2026-10-01T00:00:00.000Z';

export const inventors = [
  { personId: 'ana', basisPoints: 7000 },
  { personId: 'ben', basisPoints: 3000 },
];

export async function settleWorld(options: { inventors?: typeof inventors; admins?: string[] } = {}) {
  const clock = { now: new Date('2026-11-02T12:00:00.000Z') };
  const registryLog = memoryRegistryLog();
  const ledger = memoryLedger(registryLog);
  const innovations = memoryInnovations(registryLog, ledger);
  const syndicates = memorySyndicates();
  const present = {
    innovations,
    ledger,
    registryLog,
    syndicates,
    logSigner: logSignerFromJwk(instanceKey),
    now: () => clock.now,
    newId: () => 'unused',
    config: { ROYALTY_DISPUTE_WINDOW_DAYS: windowDays, STEWARDS: ['grace'] },
  };
  // Settling reads and writes reports, adoptions, accounts, syndicates and the log, nothing else: the
  // repositories' drafting half, the commons and the people are absent, so a use of them fails loudly.
  const deps = present as unknown as InnovationDependencies;

  const recordInventors = options.inventors ?? inventors;
  const admins = options.admins ?? ['bram'];
  const member = (personId: string, role: Membership['role']): Membership => ({
    syndicateId: 'mill',
    personId,
    role,
    status: 'active',
    requestedAt: at,
  });
  await syndicates.create(
    {
      ...syndicateInput('mill'),
      trade: 'repair',
      createdAt: at,
      createdBy: admins[0] ?? 'bram',
      memberCount: 1,
      adminCount: 1,
    },
    member(admins[0] ?? 'bram', 'admin'),
  );
  for (const [personId, role] of [...admins.slice(1).map((id) => [id, 'admin'] as const), ['mo', 'member'] as const]) {
    await syndicates.requestMembership({ ...member(personId, role), status: 'requested' });
    await syndicates.changeMembership({ ...member(personId, role), status: 'requested' }, member(personId, role));
  }

  // Drafting and co-inventors' consent are other suites' business: the record starts published, its
  // publication logged as the publish use case logs it.
  innovations.seedRecord({
    id: 'rec',
    status: 'published',
    currentVersion: 1,
    title: 'A two-minute fault triage card',
    skills: [],
    inventorIds: recordInventors.map((i) => i.personId),
    createdAt: at,
    createdBy: 'ana',
    updatedAt: at,
    publishedAt: at,
    rev: 1,
  });
  await registryLog.append(
    await appendFor(deps, {
      kind: 'publish',
      at,
      innovationId: 'rec',
      version: 1,
      replaces: null,
      contentHash: 'not checked by these tests',
      inventors: recordInventors,
    }),
  );
  const adoption: Adoption = {
    innovationId: 'rec',
    syndicateId: 'mill',
    version: 1,
    inventors: recordInventors,
    implementers: [
      { personId: 'ivy', basisPoints: 6000 },
      { personId: 'joe', basisPoints: 4000 },
    ],
    note: '',
    adoptedAt: at,
    adoptedBy: admins[0] ?? 'bram',
    reported: [],
    rev: 0,
  };
  await innovations.adopt(
    adoption,
    await appendFor(deps, {
      kind: 'adoption',
      at,
      innovationId: 'rec',
      syndicateId: 'mill',
      version: 1,
      inventors: adoption.inventors,
      implementers: adoption.implementers,
    }),
  );

  let reports = 0;
  /** A report of `amount` by `reportedBy` (the admin, unless said), in whatever state `change` gives it. */
  async function report(amount: bigint, change: Partial<ValueReport> = {}) {
    reports++;
    const id = `r${reports}`;
    const day = String(reports).padStart(2, '0');
    const stored = (await innovations.getAdoption('rec', 'mill')) as Adoption;
    const made: ValueReport = {
      id,
      innovationId: 'rec',
      syndicateId: 'mill',
      amount,
      periodFrom: `2026-10-${day}`,
      periodTo: `2026-10-${day}`,
      method: 'Hours saved times our agreed hourly rate in Bound.',
      status: 'pending',
      reportedAt,
      reportedBy: admins[0] ?? 'bram',
      conflicted: [],
      confirmations: [],
      logIndex: (await registryLog.head())?.treeSize ?? 0,
      rev: 0,
      ...change,
    };
    await innovations.createReport(
      made,
      {
        ...stored,
        reported: [...stored.reported, { reportId: id, from: made.periodFrom, to: made.periodTo }],
        rev: stored.rev + 1,
      },
      stored.rev,
      await appendFor(deps, {
        kind: 'value-report',
        at: reportedAt,
        innovationId: 'rec',
        syndicateId: 'mill',
        reportId: id,
        amount: String(amount),
        periodFrom: made.periodFrom,
        periodTo: made.periodTo,
      }),
    );
    return id;
  }

  /** A steward's logged grant: `accountId` may go down to `limit` (zero or negative). */
  async function grant(accountId: AccountId, limit: bigint) {
    const previous = ledger.account(accountId)?.creditLimit ?? null;
    const reason = 'The members agreed a starting credit.';
    const append = await appendFor(deps, {
      kind: 'credit-limit',
      at,
      accountId,
      limit: String(limit),
      previous: previous === null ? null : String(previous),
      by: 'grace',
      reason,
    });
    await ledger.setCreditLimit(
      { accountId, limit, previous, at, by: 'grace', reason, logIndex: append.entry.index },
      append,
    );
  }

  return { deps, clock, innovations, ledger, registryLog, report, grant };
}
