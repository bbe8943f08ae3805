// Counts the table's stream into the economy's figures (domain/ledger/economy.ts): each statement line
// that moves Bound (a payment's, a royalty's) and each credit-limit change. It runs in the table-only
// stream function beside the shortage consumer and the notification producer, and in the local poller.
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type AccountId, isAccountId } from '#domain/ledger/account.ts';
import type { CountedLine } from '#domain/ledger/economy.ts';
import {
  countLimitChange,
  countLine,
  type EconomyRepository,
  refreshEconomySnapshots,
} from '#domain/ledger/economy-use-cases.ts';
import type { Logger } from '#platform/log.ts';
import type { StreamRecord } from './stream-indexer.ts';
import type { BatchResult } from './stream-shortages.ts';

export interface EconomyStreamDependencies {
  economy: EconomyRepository;
  log: Logger;
  now: () => Date;
}

const moving = new Set(['payment', 'royalty']);
/** A stored number, read exactly: images are unmarshalled with numbers wrapped, since amounts may pass 2^53. */
function whole(value: unknown): bigint | undefined {
  const text = typeof value === 'object' && value !== null && 'value' in value ? String(value.value) : value;
  if (typeof text === 'bigint') return text;
  return (typeof text === 'number' && Number.isInteger(text)) || (typeof text === 'string' && /^-?\d+$/.test(text))
    ? BigInt(text)
    : undefined;
}
const index = (value: unknown) => Number(whole(value) ?? Number.NaN);

/** A stored statement line as the economy counts it, or undefined for what moves nothing (a share). */
export function countedLineOf(item: Record<string, unknown>): CountedLine | undefined {
  const { accountId, at, kind, amount, logIndex, sequence } = item;
  if (item.type !== 'ledger-entry' || !moving.has(String(kind))) return undefined;
  const source = kind === 'payment' ? item.paymentId : item.reportId;
  if (typeof accountId !== 'string' || !isAccountId(accountId) || typeof at !== 'string') return undefined;
  const moved = whole(amount);
  if (moved === undefined || typeof source !== 'string' || whole(logIndex) === undefined) return undefined;
  return {
    accountId,
    at,
    source,
    sequence: index(sequence),
    amount: moved,
    logIndex: index(logIndex),
    balanceAfter: whole(item.balanceAfter),
    trade: typeof item.trade === 'string' ? item.trade : undefined,
  };
}

/** A stored credit-limit change: the account and its new limit (null: back to the default). */
export function limitChangeOf(
  item: Record<string, unknown>,
): { accountId: AccountId; limit: bigint | null; logIndex: number } | undefined {
  const { accountId } = item;
  if (item.type !== 'credit-limit-change' || typeof accountId !== 'string' || !isAccountId(accountId)) return undefined;
  return { accountId, limit: whole(item.limit) ?? null, logIndex: index(item.logIndex) };
}

/**
 * Records in order; only inserts count (lines and limit changes are written once and never changed). At
 * the first failure the rest of the batch is left for the retry, which counts nothing twice. Once a
 * batch held anything the figures count (counted now or by an earlier delivery, whose refresh may have
 * failed), the standard periods' snapshots are recomputed; when that fails, the batch's last such
 * record is reported, so the retry counts it again (nothing, being counted) and recomputes them.
 */
export async function countEconomyRecords(
  deps: EconomyStreamDependencies,
  records: StreamRecord[],
): Promise<BatchResult> {
  let lastCounted: StreamRecord | undefined;
  for (const record of records) {
    try {
      const image = record.eventName === 'INSERT' ? record.dynamodb?.NewImage : undefined;
      if (!image) continue;
      const item = unmarshall(image, { wrapNumbers: true });
      const line = countedLineOf(item);
      if (line) await countLine(deps, line);
      const limit = limitChangeOf(item);
      if (limit) await countLimitChange(deps, limit.accountId, limit);
      if (line || limit) lastCounted = record;
    } catch (error) {
      return failed(deps, record, 'the economy figures failed to count a record; it will be retried', error);
    }
  }
  if (lastCounted) {
    try {
      await refreshEconomySnapshots(deps);
    } catch (error) {
      return failed(deps, lastCounted, 'the economy’s snapshots failed to refresh; the batch’s end is retried', error);
    }
  }
  return { batchItemFailures: [] };
}

function failed(deps: EconomyStreamDependencies, record: StreamRecord, message: string, error: unknown): BatchResult {
  const itemIdentifier = record.dynamodb?.SequenceNumber ?? '';
  deps.log.warn(message, { itemIdentifier, error });
  return { batchItemFailures: [{ itemIdentifier }] };
}

/**
 * What the backfill (adapters/dynamodb/economy-backfill.ts) does with each stored item of an account, in
 * key order: what the stream would have done. A line written before statements kept the balance after
 * it is given the running sum of the account's lines (every account starts at zero).
 */
export function countStoredItems(deps: Pick<EconomyStreamDependencies, 'economy'>) {
  let running = { accountId: '', balance: 0n };
  return async (accountId: string, item: Record<string, unknown>): Promise<void> => {
    if (running.accountId !== accountId) running = { accountId, balance: 0n };
    const line = countedLineOf(item);
    if (line) {
      running.balance = line.balanceAfter ?? running.balance + line.amount;
      await countLine(deps, { ...line, balanceAfter: running.balance });
    }
    const limit = limitChangeOf(item);
    if (limit) await countLimitChange(deps, limit.accountId, limit);
  };
}
