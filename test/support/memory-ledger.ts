// In-memory registry log and ledger for unit tests, keeping the DynamoDB adapters' promises: an
// append lands only on the head it was prepared over, a credit-limit change only over the limit it
// was decided against, a balance changes only from the balance its plan saw, and a refused write
// (ConflictError) changes nothing. Lists come a page at a time in the store's order; everything read
// is a copy, as a store's answer would be.
import { ConflictError } from '#domain/errors.ts';
import type {
  AccountState,
  CreditLimitChange,
  LedgerEntry,
  LedgerRepository,
  LedgerTotals,
  RegistryLogRepository,
} from '#domain/innovations/innovation-repository.ts';
import type { LogAppend, LogHead, StoredLogEntry } from '#domain/innovations/log-head.ts';
import type { AccountId } from '#domain/ledger/account.ts';
import type { StoredCreditPolicy } from '#domain/ledger/credit-policy.ts';
import { pageOfList } from '#domain/paging.ts';
import { nodeId } from '#domain/registry-log/stored-nodes.ts';

const copy = <T>(value: T): T => structuredClone(value);

export type MemoryRegistryLog = RegistryLogRepository & {
  /** Throws ConflictError unless `log` extends the current head; changes nothing. */
  check(log: LogAppend): void;
  /** Applies an append that `check` passed. */
  apply(log: LogAppend): void;
};

export function memoryRegistryLog(): MemoryRegistryLog {
  const entries: StoredLogEntry[] = [];
  let head: LogHead | null = null;
  const check = (log: LogAppend) => {
    if (log.previousSize !== (head?.treeSize ?? 0) || log.entry.index !== entries.length) {
      throw new ConflictError('The log changed meanwhile.');
    }
  };
  const apply = (log: LogAppend) => {
    entries.push(copy(log.entry));
    head = copy(log.head);
  };
  return {
    check,
    apply,
    head: async () => copy(head),
    async append(log) {
      check(log);
      apply(log);
    },
    entry: async (index) => copy(entries[index] ?? null),
    async entries(start, end) {
      if (end - start > 1000) throw new RangeError('At most 1000 entries a read.');
      return copy(entries.slice(start, Math.max(start, end)));
    },
    async nodes(nodes) {
      // As the table keeps them: a leaf's hash, or the subtree hashes of the entry that completes a node.
      const found = new Map<string, string>();
      for (const node of nodes) {
        const entry = entries[node.start + node.size - 1];
        const level = Math.log2(node.size);
        const hash = level === 0 ? entry?.leafHash : entry?.subtrees?.[level - 1];
        if (hash) found.set(nodeId(node), hash);
      }
      return found;
    },
    entriesFor: async (innovationId, request) =>
      copy(
        pageOfList(
          entries.filter((entry) => entry.innovationId === innovationId),
          request,
        ),
      ),
  };
}

export type MemoryLedger = LedgerRepository & {
  /** Sets an account as a store would hold it (a balance, a granted limit), for a test's starting state. */
  seed(account: AccountState): void;
  /** The current state of one account, or undefined if it never moved. */
  account(accountId: AccountId): AccountState | undefined;
  /** Sets the commons' credit policy as an enacted proposal would. */
  setPolicy(policy: StoredCreditPolicy | null): void;
  /** Adds `delta` to a balance (and keeps the first line's time), as one item of a transaction the caller has checked. */
  move(accountId: AccountId, delta: bigint, at: string): void;
  /** Throws ConflictError if any entry's key is taken already. */
  checkEntries(entries: readonly LedgerEntry[]): void;
  addEntries(entries: readonly LedgerEntry[]): void;
  /** Adds a settlement's (or a payment's) figures to the totals, as its transaction does. */
  addTotals(net: bigint, moved: bigint, kind?: 'settlements' | 'payments'): void;
};

export function memoryLedger(log: MemoryRegistryLog): MemoryLedger {
  const accounts = new Map<AccountId, AccountState>();
  const entries: LedgerEntry[] = [];
  const changes: CreditLimitChange[] = [];
  const totals: LedgerTotals = { sum: 0n, settlements: 0, payments: 0, moved: 0n };
  const entryKey = (entry: LedgerEntry) =>
    `${entry.accountId}|${entry.at}|${entry.kind === 'payment' ? entry.paymentId : entry.reportId}|${String(entry.sequence).padStart(3, '0')}`;
  const keys = new Set<string>();
  let policy: StoredCreditPolicy | null = null;
  return {
    setPolicy: (next) => {
      policy = copy(next);
    },
    creditPolicy: async () => copy(policy),
    stewardRemovals: async () => [],
    seed: (account) => accounts.set(account.accountId, copy(account)),
    account: (accountId) => copy(accounts.get(accountId)),
    move(accountId, delta, at) {
      const current = accounts.get(accountId) ?? { accountId, balance: 0n };
      const firstTradeAt = current.firstTradeAt ?? at;
      accounts.set(accountId, { ...current, balance: current.balance + delta, firstTradeAt, updatedAt: at });
    },
    checkEntries(added) {
      if (added.some((entry) => keys.has(entryKey(entry)))) throw new ConflictError('A ledger entry exists already.');
    },
    addEntries(added) {
      for (const entry of added) {
        keys.add(entryKey(entry));
        entries.push(copy(entry));
      }
    },
    addTotals(net, moved, kind = 'settlements') {
      totals.sum += net;
      totals[kind] += 1;
      totals.moved += moved;
    },
    async getAccounts(accountIds) {
      const found = new Map<AccountId, AccountState>();
      for (const id of accountIds) {
        const account = accounts.get(id);
        if (account) found.set(id, copy(account));
      }
      return found;
    },
    accountsPage: async (request) =>
      copy(
        pageOfList(
          [...accounts.values()].sort((a, b) => a.accountId.localeCompare(b.accountId)),
          request,
        ),
      ),
    totals: async () => copy(totals),
    // Oldest first, as the table's keys order them: time, report, position in the settlement.
    entriesPage: async (accountId, request) =>
      copy(
        pageOfList(
          entries
            .filter((entry) => entry.accountId === accountId)
            .sort((a, b) => entryKey(a).localeCompare(entryKey(b))),
          request,
        ),
      ),
    listLimitChanges: async (accountId) => copy(changes.filter((change) => change.accountId === accountId)),
    async setCreditLimit(change, append) {
      const current = accounts.get(change.accountId);
      if ((current?.creditLimit ?? null) !== change.previous) {
        throw new ConflictError('The credit limit or the log changed meanwhile.');
      }
      log.check(append);
      const { creditLimit: _old, ...rest } = current ?? { accountId: change.accountId, balance: 0n };
      accounts.set(change.accountId, {
        ...rest,
        ...(change.limit === null ? {} : { creditLimit: change.limit }),
        updatedAt: change.at,
      });
      changes.push(copy(change));
      log.apply(append);
    },
  };
}
