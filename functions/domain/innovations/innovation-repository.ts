// The ports the innovation use cases need. The DynamoDB adapters implement them; every write that
// must appear in the registry log takes the log append and makes it in the same transaction.
import type { AccountId } from '../ledger/account.ts';
import type { Adoption, ValueReport } from './adoption.ts';
import type { InnovationRecord, InnovationVersion } from './innovation.ts';
import type { LogAppend, LogHead, StoredLogEntry } from './log-head.ts';

export interface InnovationRepository {
  get(innovationId: string): Promise<InnovationRecord | null>;
  getVersion(innovationId: string, version: number): Promise<InnovationVersion | null>;
  listVersions(innovationId: string): Promise<InnovationVersion[]>;
  /** Published records, newest first. */
  listPublished(): Promise<InnovationRecord[]>;
  /** Records a person is an inventor of, drafts included. */
  listByInventor(personId: string): Promise<InnovationRecord[]>;
  /** A new record with its first draft version; ConflictError if the id is taken. */
  createDraft(record: InnovationRecord, version: InnovationVersion): Promise<void>;
  /**
   * Saves a draft version and the record, on condition that the record still has `before.record`'s
   * revision and the version the revision `before.versionRev` (null: the version is new); ConflictError
   * if either changed meanwhile.
   */
  saveDraft(
    record: InnovationRecord,
    version: InnovationVersion,
    before: { record: InnovationRecord; versionRev: number | null },
  ): Promise<void>;
  /** One transaction: the draft becomes published, the record points at it, the log grows. See PublishWrite. */
  publish(write: PublishWrite, log: LogAppend): Promise<void>;

  getAdoption(innovationId: string, syndicateId: string): Promise<Adoption | null>;
  listAdoptions(innovationId: string): Promise<Adoption[]>;
  listAdoptionsBySyndicate(syndicateId: string): Promise<Adoption[]>;
  /** One transaction: the adoption (once per syndicate), the record's adopter count, the log entry. */
  adopt(adoption: Adoption, log: LogAppend): Promise<void>;

  getReport(innovationId: string, reportId: string): Promise<ValueReport | null>;
  listReports(innovationId: string): Promise<ValueReport[]>;
  listReportsBySyndicate(syndicateId: string): Promise<ValueReport[]>;
  /**
   * One transaction: the report, the adoption with the report's period added (over revision
   * `adoptionRev`, so two reports cannot both claim a period), and the log entry.
   */
  createReport(report: ValueReport, adoption: Adoption, adoptionRev: number, log: LogAppend): Promise<void>;
  /**
   * Saves a decision over the report's revision `expectedRev` if the report is still pending and, when
   * `windowOpenAfter` is given, was reported after it (its window is still open as the write lands);
   * ConflictError otherwise.
   */
  decideReport(report: ValueReport, expectedRev: number, windowOpenAfter?: string): Promise<void>;
  /** The settlement, all or nothing: see SettlementWrite. */
  settle(write: SettlementWrite, log: LogAppend): Promise<void>;
}

/**
 * A publication as the store must apply it: the record over `before`'s revision; the version, on
 * condition that it is still the draft at revision `draftRev` and its `acceptedBy` still holds everyone
 * in `consentedBy`, so terms edited or declined after the consents were read are never published.
 */
export interface PublishWrite {
  record: InnovationRecord;
  before: InnovationRecord;
  version: InnovationVersion;
  draftRev: number;
  consentedBy: string[];
}

export interface AccountState {
  accountId: AccountId;
  /** Minor units of Bound; negative is credit drawn. */
  balance: bigint;
  /** This account's own limit (lowest balance allowed), overriding the community's default. */
  creditLimit?: bigint | undefined;
  updatedAt?: string | undefined;
}

export interface LedgerEntry {
  accountId: AccountId;
  at: string;
  /** Signed minor units: negative leaves the account, positive arrives. */
  amount: bigint;
  counterparty: AccountId;
  kind: 'royalty';
  innovationId: string;
  reportId: string;
  syndicateId: string;
  /** Position of this entry among the settlement's entries, so keys stay unique. */
  sequence: number;
  logIndex: number;
}

export interface CreditLimitChange {
  accountId: AccountId;
  /** The new override, or null to fall back to the community default. */
  limit: bigint | null;
  previous: bigint | null;
  at: string;
  by: string;
  reason: string;
  logIndex: number;
}

/**
 * A settlement as the store must apply it in one transaction:
 * - the report becomes `settled`, on condition that it is still confirmed-unsettled (stored
 *   `confirmed`, or `pending` with `reportedAt` at or before `lapseCutoff`), so it settles once;
 * - the payer's balance goes down by `total`, on condition that it is still at least `floor` (its
 *   limit plus the total) and its limit override is still `limitSeen`;
 * - each payee's balance goes up; the ledger entries are written; the record's totals grow.
 */
export interface SettlementWrite {
  report: ValueReport;
  lapseCutoff: string;
  payer: { accountId: AccountId; total: bigint; floor: bigint; limitSeen: bigint | null } | null;
  payees: Array<{ accountId: AccountId; amount: bigint }>;
  entries: LedgerEntry[];
}

export interface LedgerRepository {
  getAccounts(accountIds: readonly AccountId[]): Promise<Map<AccountId, AccountState>>;
  /** Every account that ever moved or has an override. */
  listAccounts(): Promise<AccountState[]>;
  /** An account's entries, oldest first. */
  listEntries(accountId: AccountId): Promise<LedgerEntry[]>;
  listLimitChanges(accountId: AccountId): Promise<CreditLimitChange[]>;
  /** One transaction: the override (if still `previous`), the change's history item, the log entry. */
  setCreditLimit(change: CreditLimitChange, log: LogAppend): Promise<void>;
}

export interface RegistryLogRepository {
  /** The current head, read strongly consistent; null for an empty log. */
  head(): Promise<LogHead | null>;
  /** Appends one entry on its own (for events with nothing else to write). */
  append(log: LogAppend): Promise<void>;
  entry(index: number): Promise<StoredLogEntry | null>;
  /** Entries from `start` (inclusive) to `end` (exclusive), in order. */
  entries(start: number, end: number): Promise<StoredLogEntry[]>;
  /** The leaf hashes of the first `treeSize` entries, in order, standard base64. */
  leafHashes(treeSize: number): Promise<string[]>;
  /** The entries about one record, in log order. */
  entriesFor(innovationId: string): Promise<StoredLogEntry[]>;
}
