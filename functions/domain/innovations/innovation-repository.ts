// The ports the innovation use cases need. The DynamoDB adapters implement them; every write that
// must appear in the registry log takes the log append and makes it in the same transaction.
import type { AccountId } from '../ledger/account.ts';
import type { StoredCreditPolicy } from '../ledger/credit-policy.ts';
import type { Adoption, ValueReport } from './adoption.ts';
import type { InnovationRecord, InnovationVersion } from './innovation.ts';
import type { Page, PageRequest } from '../paging.ts';
import type { NodeKey } from '../registry-log/stored-nodes.ts';
import type { StewardRemoval } from '../ledger/stewards.ts';
import type { LogAppend, LogHead, StoredLogEntry } from './log-head.ts';

/** What the registry's table listing can narrow by (words need search). */
export interface PublishedFilter {
  skill?: string | undefined;
  practice?: string | undefined;
  adopted?: boolean | undefined;
  /** A trade, as the practice guides and skills that belong to it (the commons knows which). */
  trade?: { practices: readonly string[]; skills: readonly string[] } | undefined;
}

export interface VersionRef {
  innovationId: string;
  version: number;
}

export interface InnovationRepository {
  get(innovationId: string): Promise<InnovationRecord | null>;
  /** Several records by id in batch reads; ids with no record are absent from the map. */
  getMany(innovationIds: readonly string[]): Promise<Map<string, InnovationRecord>>;
  getVersion(innovationId: string, version: number): Promise<InnovationVersion | null>;
  /** Several versions in batch reads, in no particular order; missing ones are left out. */
  getVersions(refs: readonly VersionRef[]): Promise<InnovationVersion[]>;
  /** A record's versions, oldest first: at most `maxVersions` and a draft (innovation.ts), a bounded read. */
  listVersions(innovationId: string): Promise<InnovationVersion[]>;
  /** A page of published records, newest first publication first, narrowed by `filter`. */
  publishedPage(request: PageRequest, filter?: PublishedFilter): Promise<Page<InnovationRecord>>;
  /** A page of the ids of the records a person is named on (drafts included), newest first. */
  inventorPage(personId: string, request: PageRequest): Promise<Page<string>>;
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
  /** Several adoptions in batch reads, in no particular order; missing ones are left out. */
  getAdoptions(refs: ReadonlyArray<{ innovationId: string; syndicateId: string }>): Promise<Adoption[]>;
  /** A page of a record's adoptions, by syndicate id. */
  adoptionsPage(innovationId: string, request: PageRequest): Promise<Page<Adoption>>;
  /** A page of a syndicate's adoptions, newest first. */
  adoptionsBySyndicatePage(syndicateId: string, request: PageRequest): Promise<Page<Adoption>>;
  /** One transaction: the adoption (once per syndicate), the record's adopter count, the log entry. */
  /**
   * The adoption with its log entry; with `soleMember`, on condition that the syndicate still has at most
   * one member (a direct adoption: once it has more, its members adopt by vote). ConflictError otherwise.
   */
  adopt(adoption: Adoption, log: LogAppend, options?: { soleMember?: boolean }): Promise<void>;

  getReport(innovationId: string, reportId: string): Promise<ValueReport | null>;
  /**
   * A page of a record's value reports, newest first (as the log recorded them); with `settled`, only
   * those settled, newest settlement first.
   */
  reportsPage(innovationId: string, request: PageRequest, which?: 'reported' | 'settled'): Promise<Page<ValueReport>>;
  /**
   * A page of a record's settled reports, newest settlement first, from the list each settlement joins
   * in its own transaction: it reads the settlements alone. Settlements from before that list was kept
   * are not in it (`InnovationRecord.valueListed` says whether a record has any).
   */
  settlementsPage(innovationId: string, request: PageRequest): Promise<Page<ValueReport>>;
  /** A page of a syndicate's value reports, newest first. */
  reportsBySyndicatePage(syndicateId: string, request: PageRequest): Promise<Page<ValueReport>>;
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
  /** When its first statement line was written (set once, never moved): the credit policy's tiers count from it. */
  firstTradeAt?: string | undefined;
  updatedAt?: string | undefined;
}

/** What every line of an account's statement has. */
interface EntryBase {
  accountId: AccountId;
  at: string;
  /** Signed minor units: negative leaves the account, positive arrives. */
  amount: bigint;
  counterparty: AccountId;
  /** Position of this entry among its movement's entries, so keys stay unique. */
  sequence: number;
  logIndex: number;
  /** The balance right after a movement; absent on shares and on entries written before it was kept. */
  balanceAfter?: bigint | undefined;
  /**
   * The trade (a commons trade id) the movement paid for, where what it settles names one (an order of
   * an offer); absent otherwise. The economy's figures count volume by it, and under "other" without it.
   */
  trade?: string | undefined;
}

/**
 * A line of a settlement. A `royalty` moves Bound (its amount is signed, and `balanceAfter` is the
 * account's balance once it landed); an `implementer-share` moves nothing: it records the part of a
 * settled value a syndicate kept for an implementer, on that person's statement.
 */
export interface RoyaltyEntry extends EntryBase {
  kind: 'royalty' | 'implementer-share';
  innovationId: string;
  reportId: string;
  syndicateId: string;
}

/** A line of a payment, on the payer's statement (negative) and on the payee's (positive). */
export interface PaymentEntry extends EntryBase {
  kind: 'payment';
  paymentId: string;
  memo: string;
  /** Who made the payment (the admin, for a syndicate's). */
  by: string;
  requestId?: string | undefined;
  /** The work log it paid for (pay for work), if any. */
  workLogId?: string | undefined;
  /** The order the payment paid, if any. */
  orderId?: string | undefined;
}

/** One line of an account's statement. */
export type LedgerEntry = RoyaltyEntry | PaymentEntry;

/**
 * Figures about the whole ledger that every settlement keeps in its own transaction, so showing them
 * never reads every account: `sum` grows by the net of the balance changes the transaction makes (zero
 * for a settlement or a payment, whose payer pays exactly what its payees receive), so it is the sum of
 * every balance.
 */
export interface LedgerTotals {
  sum: bigint;
  settlements: number;
  /** Payments made (directly, or by accepting a request). */
  payments: number;
  /** Bound moved between accounts, in minor units. */
  moved: bigint;
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
 * - the payer's balance goes down by `total`, on condition that it is still `seen` (so each entry's
 *   balance after it is exact), at least `floor` (its limit plus the total), and its limit override is
 *   still `limitSeen`;
 * - each payee's balance goes up, on condition that it is still its `seen`;
 * - the entries (and the implementers' shares) are written; the record's totals and the ledger's grow.
 */
export interface SettlementWrite {
  report: ValueReport;
  lapseCutoff: string;
  /** Settled by a restorative circle: over the report still disputed (never one confirmed meanwhile). */
  over?: 'disputed' | undefined;
  /**
   * The syndicate paying: its balance may not fall below `floor`, on condition that its own limit is
   * still `limitSeen` and, when it has none (`null`), that the credit policy is still at `policyVersion`.
   */
  payer: {
    accountId: AccountId;
    total: bigint;
    floor: bigint;
    limitSeen: bigint | null;
    policyVersion: number | null;
    seen: bigint;
  } | null;
  payees: Array<{ accountId: AccountId; amount: bigint; seen: bigint }>;
  entries: RoyaltyEntry[];
}

export interface LedgerRepository {
  getAccounts(accountIds: readonly AccountId[]): Promise<Map<AccountId, AccountState>>;
  /** A page of the accounts that ever moved or have an override, by account id. */
  accountsPage(request: PageRequest): Promise<Page<AccountState>>;
  /** The ledger's totals as the settlements kept them; zeros before the first settlement. */
  totals(): Promise<LedgerTotals>;
  /** A page of an account's statement lines, oldest first. */
  entriesPage(accountId: AccountId, request: PageRequest): Promise<Page<LedgerEntry>>;
  /** An account's credit-limit changes, oldest first (a handful: each is a steward's logged decision). */
  listLimitChanges(accountId: AccountId): Promise<CreditLimitChange[]>;
  /**
   * One transaction: the override (if still `previous`), the change's history item, the log entry; when
   * `steward` is given, also on condition that the commons has not removed them (ConflictError if it has).
   */
  setCreditLimit(change: CreditLimitChange, log: LogAppend, steward?: string): Promise<void>;
  /** The stewards the commons removed by vote (a handful; one item, strongly consistent). */
  stewardRemovals(): Promise<StewardRemoval[]>;
  /** The commons' credit policy as last enacted (strongly consistent); null before the first. */
  creditPolicy(): Promise<StoredCreditPolicy | null>;
}

export interface RegistryLogRepository {
  /** The current head, read strongly consistent; null for an empty log. */
  head(): Promise<LogHead | null>;
  /** Appends one entry on its own (for events with nothing else to write). */
  append(log: LogAppend): Promise<void>;
  entry(index: number): Promise<StoredLogEntry | null>;
  /** Entries from `start` (inclusive) to `end` (exclusive), in order: at most 1,000 a call. */
  entries(start: number, end: number): Promise<StoredLogEntry[]>;
  /**
   * The stored hashes (standard base64) of these perfect subtrees, keyed by `nodeId`; a node the log
   * does not keep (an entry appended before subtrees were stored) is absent. One batch read.
   */
  nodes(nodes: readonly NodeKey[]): Promise<Map<string, string>>;
  /** A page of the entries about one record, in log order. */
  entriesFor(innovationId: string, request: PageRequest): Promise<Page<StoredLogEntry>>;
}
