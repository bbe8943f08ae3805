// The adoption, report and settlement half of the innovation repository, in memory for unit tests,
// keeping the DynamoDB adapter's promises (functions/adapters/dynamodb/innovation-repository.ts): every
// write is conditional on what it was decided against and all or nothing; a refused write throws
// ConflictError and changes nothing; a log append lands in the same "transaction" as the change it
// records. Drafting and publishing (versions, consent) are not kept here: a test starts from a
// published record it puts in with `seedRecord`.
import { ConflictError } from '#domain/errors.ts';
import type { Adoption, ValueReport } from '#domain/innovations/adoption.ts';
import type { InnovationRecord } from '#domain/innovations/innovation.ts';
import type { InnovationRepository } from '#domain/innovations/innovation-repository.ts';
import type { LogAppend } from '#domain/innovations/log-head.ts';
import type { MemoryLedger, MemoryRegistryLog } from './memory-ledger.ts';

const copy = <T>(value: T): T => structuredClone(value);
const conflict = (message: string) => new ConflictError(message);

type Drafting = 'getVersion' | 'listVersions' | 'createDraft' | 'saveDraft' | 'publish';
export type MemoryInnovations = Omit<InnovationRepository, Drafting> & {
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
  const newestFirst = (a: InnovationRecord, b: InnovationRecord) =>
    (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '');

  return {
    seedRecord: (record) => void records.set(record.id, copy(record)),
    get: async (innovationId) => copy(records.get(innovationId) ?? null),
    listPublished: async () => copy([...records.values()].filter((r) => r.status === 'published').sort(newestFirst)),
    listByInventor: async (personId) =>
      copy([...records.values()].filter((record) => record.inventorIds.includes(personId))),

    getAdoption: async (innovationId, syndicateId) => copy(adoptions.get(pairKey(innovationId, syndicateId)) ?? null),
    listAdoptions: async (innovationId) => copy([...adoptions.values()].filter((a) => a.innovationId === innovationId)),
    listAdoptionsBySyndicate: async (syndicateId) =>
      copy([...adoptions.values()].filter((a) => a.syndicateId === syndicateId)),
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
    listReports: async (innovationId) => copy([...reports.values()].filter((r) => r.innovationId === innovationId)),
    listReportsBySyndicate: async (syndicateId) =>
      copy(
        [...reports.values()]
          .filter((r) => r.syndicateId === syndicateId)
          .sort((a, b) => a.reportedAt.localeCompare(b.reportedAt)),
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
          },
          () => ledger.checkEntries(write.entries),
        ],
        [
          () => reports.set(key, copy(report)),
          () => payer && ledger.move(payer.accountId, -payer.total, settlement.settledAt),
          () => {
            for (const payee of write.payees) ledger.move(payee.accountId, payee.amount, settlement.settledAt);
          },
          () => ledger.addEntries(write.entries),
          () => {
            const record = records.get(report.innovationId);
            if (!record) return;
            records.set(record.id, {
              ...record,
              valueSettled: (record.valueSettled ?? 0n) + settlement.value,
              royaltiesPaid: (record.royaltiesPaid ?? 0n) + settlement.inventorsTotal,
            });
          },
        ],
        append,
      );
    },
  };
}
