// The adoption, report and settlement half of the innovation repository, in memory for unit tests,
// keeping the DynamoDB adapter's promises (functions/adapters/dynamodb/innovation-repository.ts): every
// write is conditional on what it was decided against and all or nothing; a refused write throws
// ConflictError and changes nothing; a log append lands in the same "transaction" as the change it
// records; lists come a page at a time in the store's order. Drafting and publishing (versions,
// consent) and the registry's listings are not kept here: a test starts from a published record it
// puts in with `seedRecord`.
import { ConflictError } from '#domain/errors.ts';
import type { Adoption, ValueReport } from '#domain/innovations/adoption.ts';
import type { InnovationRecord } from '#domain/innovations/innovation.ts';
import type { InnovationRepository, LedgerEntry } from '#domain/innovations/innovation-repository.ts';
import type { LogAppend } from '#domain/innovations/log-head.ts';
import { pageOfList } from '#domain/paging.ts';
import type { MemoryLedger, MemoryRegistryLog } from './memory-ledger.ts';

const copy = <T>(value: T): T => structuredClone(value);
const conflict = (message: string) => new ConflictError(message);

type Drafting = 'getVersion' | 'getVersions' | 'listVersions' | 'createDraft' | 'saveDraft' | 'publish';
type Listings = 'publishedPage' | 'inventorPage';
export type MemoryInnovations = Omit<InnovationRepository, Drafting | Listings> & {
  /** Puts a record in as a store would hold it (published, say), without drafting it. */
  seedRecord(record: InnovationRecord): void;
};

export function memoryInnovations(log: MemoryRegistryLog, ledger: MemoryLedger): MemoryInnovations {
  const records = new Map<string, InnovationRecord>();
  const adoptions = new Map<string, Adoption>();
  const reports = new Map<string, ValueReport>();
  const pairKey = (innovationId: string, other: string) => `${innovationId}|${other}`;

  /** Runs every check before any change, as one transaction does. */
  const transaction = (checks: Array<() => void>, changes: Array<() => void>, append?: LogAppend) => {
    for (const check of checks) check();
    if (append) log.check(append);
    for (const change of changes) change();
    if (append) log.apply(append);
  };
  const newest =
    <T>(at: (item: T) => string | number) =>
    (a: T, b: T) => {
      const [x, y] = [at(a), at(b)];
      return x < y ? 1 : x > y ? -1 : 0;
    };

  return {
    seedRecord: (record) => void records.set(record.id, copy(record)),
    get: async (innovationId) => copy(records.get(innovationId) ?? null),
    async getMany(innovationIds) {
      const found = new Map<string, InnovationRecord>();
      for (const id of innovationIds) {
        const record = records.get(id);
        if (record) found.set(id, copy(record));
      }
      return found;
    },

    getAdoption: async (innovationId, syndicateId) => copy(adoptions.get(pairKey(innovationId, syndicateId)) ?? null),
    getAdoptions: async (refs) =>
      copy(refs.flatMap((ref) => adoptions.get(pairKey(ref.innovationId, ref.syndicateId)) ?? [])),
    adoptionsPage: async (innovationId, request) =>
      copy(
        pageOfList(
          [...adoptions.values()]
            .filter((a) => a.innovationId === innovationId)
            .sort((a, b) => a.syndicateId.localeCompare(b.syndicateId)),
          request,
        ),
      ),
    adoptionsBySyndicatePage: async (syndicateId, request) =>
      copy(
        pageOfList(
          [...adoptions.values()].filter((a) => a.syndicateId === syndicateId).sort(newest((a) => a.adoptedAt)),
          request,
        ),
      ),
    async adopt(adoption, append) {
      const message = 'The adoption or the log changed meanwhile.';
      const key = pairKey(adoption.innovationId, adoption.syndicateId);
      transaction(
        [
          () => {
            if (adoptions.has(key) || records.get(adoption.innovationId)?.status !== 'published')
              throw conflict(message);
          },
        ],
        [
          () => adoptions.set(key, copy(adoption)),
          () => {
            const record = records.get(adoption.innovationId) as InnovationRecord;
            records.set(record.id, { ...record, adopterCount: (record.adopterCount ?? 0) + 1 });
          },
        ],
        append,
      );
    },

    getReport: async (innovationId, reportId) => copy(reports.get(pairKey(innovationId, reportId)) ?? null),
    // Newest first in log order, as the table reads them through the record's log entries.
    reportsPage: async (innovationId, request, which = 'reported') =>
      copy(
        pageOfList(
          which === 'settled'
            ? [...reports.values()]
                .filter((r) => r.innovationId === innovationId && r.settlement)
                .sort(newest((r) => r.settlement?.logIndex ?? 0))
            : [...reports.values()].filter((r) => r.innovationId === innovationId).sort(newest((r) => r.logIndex)),
          request,
        ),
      ),
    // Every report settled here was listed by its settlement, as the table's are since the list was kept.
    settlementsPage: async (innovationId, request) =>
      copy(
        pageOfList(
          [...reports.values()]
            .filter((r) => r.innovationId === innovationId && r.settlement)
            .sort(newest((r) => `${r.settlement?.settledAt}#${r.id}`)),
          request,
        ),
      ),
    reportsBySyndicatePage: async (syndicateId, request) =>
      copy(
        pageOfList(
          [...reports.values()].filter((r) => r.syndicateId === syndicateId).sort(newest((r) => r.reportedAt)),
          request,
        ),
      ),
    async createReport(report, adoption, adoptionRev, append) {
      const message = 'The adoption or the log changed meanwhile.';
      const adoptionAt = pairKey(report.innovationId, report.syndicateId);
      const reportAt = pairKey(report.innovationId, report.id);
      transaction(
        [
          () => {
            const stored = adoptions.get(adoptionAt);
            if (!stored || stored.rev !== adoptionRev || reports.has(reportAt)) throw conflict(message);
          },
        ],
        [
          () => {
            const stored = adoptions.get(adoptionAt) as Adoption;
            adoptions.set(adoptionAt, { ...stored, reported: copy(adoption.reported), rev: adoption.rev });
          },
          () => reports.set(reportAt, copy(report)),
        ],
        append,
      );
    },
    async decideReport(report, expectedRev, windowOpenAfter) {
      const key = pairKey(report.innovationId, report.id);
      const stored = reports.get(key);
      const open = windowOpenAfter === undefined || (stored !== undefined && stored.reportedAt > windowOpenAfter);
      if (stored?.status !== 'pending' || stored.rev !== expectedRev || !open) {
        throw conflict('The report was decided meanwhile.');
      }
      reports.set(key, copy(report));
    },
    async settle(write, append) {
      const { report, payer } = write;
      const key = pairKey(report.innovationId, report.id);
      const settlement = report.settlement;
      if (!settlement) throw new Error('A settled report carries its settlement.');
      const message = 'The report, a balance or the log changed meanwhile.';
      const policyVersion = (await ledger.creditPolicy())?.version ?? null;
      const changes = [
        ...(payer ? [{ accountId: payer.accountId, delta: -payer.total, seen: payer.seen }] : []),
        ...write.payees.map((payee) => ({ accountId: payee.accountId, delta: payee.amount, seen: payee.seen })),
      ];
      transaction(
        [
          () => {
            const stored = reports.get(key);
            const confirmed =
              stored?.status === 'confirmed' ||
              (stored?.status === 'pending' && stored.reportedAt <= write.lapseCutoff);
            if (!confirmed) throw conflict(message);
          },
          () => {
            if (!payer) return;
            const account = ledger.account(payer.accountId);
            const balanceOk = account === undefined || account.balance >= payer.floor;
            if (!balanceOk || (account?.creditLimit ?? null) !== payer.limitSeen) throw conflict(message);
            // A limit that came from the policy holds only while the policy is the one read.
            if (payer.limitSeen === null && policyVersion !== payer.policyVersion) throw conflict(message);
          },
          () => {
            // Every balance is still the one the plan read, so each entry's balance after it is exact.
            for (const change of changes) {
              if ((ledger.account(change.accountId)?.balance ?? 0n) !== change.seen) throw conflict(message);
            }
          },
          () => ledger.checkEntries(write.entries),
        ],
        [
          () => reports.set(key, copy(report)),
          () => {
            for (const change of changes) ledger.move(change.accountId, change.delta, settlement.settledAt);
          },
          () => ledger.addEntries(withBalances(write.entries, changes)),
          () =>
            ledger.addTotals(
              changes.reduce((sum, change) => sum + change.delta, 0n),
              payer?.total ?? 0n,
            ),
          () => {
            const record = records.get(report.innovationId);
            if (!record) return;
            records.set(record.id, {
              ...record,
              valueSettled: (record.valueSettled ?? 0n) + settlement.value,
              royaltiesPaid: (record.royaltiesPaid ?? 0n) + settlement.inventorsTotal,
              valueListed: (record.valueListed ?? 0n) + settlement.value,
            });
          },
        ],
        append,
      );
    },
  };
}

/** Each royalty with the balance right after it, counted from the balance its account's plan saw. */
function withBalances(
  entries: readonly LedgerEntry[],
  changes: ReadonlyArray<{ accountId: string; seen: bigint }>,
): LedgerEntry[] {
  const running = new Map(changes.map((change) => [change.accountId, change.seen]));
  return entries.map((entry) => {
    if (entry.kind !== 'royalty') return entry;
    const after = (running.get(entry.accountId) ?? 0n) + entry.amount;
    running.set(entry.accountId, after);
    return { ...entry, balanceAfter: after };
  });
}
