// Pure builders for the innovation, ledger and registry-log items, shared by their three repositories
// because their writes meet in single transactions (a settlement touches all three).
//
// Amounts of Bound are stored as DynamoDB numbers, which hold 38 digits exactly. The document client
// writes a bigint as such a number, and reads it back as a JS number when it is a safe integer, as a
// bigint beyond that; `big` turns either into a bigint, so no amount ever passes through a float.
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Adoption, Settlement, ValueReport } from '#domain/innovations/adoption.ts';
import { type InnovationRecord, type InnovationVersion, linkedPeople } from '#domain/innovations/innovation.ts';
import type { SettlementWrite } from '#domain/innovations/innovation-repository.ts';
import type { LogAppend, LogHead, StoredLogEntry } from '#domain/innovations/log-head.ts';
import { storeCall } from './errors.ts';
import { fromItem, type Item } from './items.ts';
import {
  type BalanceChange,
  balanceUpdate,
  entryPut,
  policyCheck,
  type TransactItem,
  totalsUpdate,
} from './ledger-items.ts';
import {
  adoptionKeys,
  innovationKeys,
  innovationLookup,
  innovationVersionKeys,
  inventorLinkKeys,
  logEntryKeys,
  logHeadKeys,
  valueReportKeys,
} from './keys.ts';

export type { TransactItem };

export function big(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  throw new Error(`Stored amount ${String(value)} is not an integer.`);
}

export const optionalBig = (value: unknown) => (value === undefined || value === null ? undefined : big(value));

/** Sends one transaction; what a cancellation means is decided in one place (errors.ts). */
export async function transact(client: DynamoDBDocumentClient, items: TransactItem[], conflictMessage: string) {
  await storeCall(() => client.send(new TransactWriteCommand({ TransactItems: items })), conflictMessage);
}

/**
 * The writes of an adoption, made once per syndicate and record, while the record is published: the
 * direct adoption and an adopt-innovation proposal's closing both write these.
 */
export function adoptionItems(tableName: string, adoption: Adoption): TransactItem[] {
  return [
    {
      Put: {
        TableName: tableName,
        Item: {
          ...adoptionKeys(adoption.innovationId, adoption.syndicateId, adoption.adoptedAt),
          type: 'adoption',
          ...adoption,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: innovationLookup(adoption.innovationId),
        UpdateExpression: 'ADD adopterCount :one',
        ConditionExpression: '#status = :published',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':one': 1, ':published': 'published' },
      },
    },
  ];
}

/** The two writes of an append: the entry at its index (never twice) and the head over its old size. */
export function logAppendItems(tableName: string, log: LogAppend): TransactItem[] {
  const { entry, head, previousSize } = log;
  return [
    {
      Put: {
        TableName: tableName,
        Item: { ...logEntryKeys(entry.index, entry.innovationId), type: 'log-entry', ...entry },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: { ...logHeadKeys, type: 'log-head', ...head },
        // Two appends that read the same head both aim at this size; only the first one lands.
        ...(previousSize === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: 'treeSize = :previous',
              ExpressionAttributeValues: { ':previous': previousSize },
            }),
      },
    },
  ];
}

export const toLogEntry = (item: Item) => fromItem<StoredLogEntry>(item);
export const toLogHead = (item: Item) => fromItem<LogHead>(item);

// Counters the adapters grow with ADD; a record's own writes never SET them, so they never go back.
const counters = new Set(['adopterCount', 'valueSettled', 'royaltiesPaid', 'valueListed']);

/**
 * The record written as an update over the revision `expectedRev`: every field SET (or REMOVEd when
 * undefined), counters untouched, keys recomputed (a record gets its registry listing on publication).
 */
export function recordUpdate(tableName: string, record: InnovationRecord, expectedRev: number): TransactItem {
  const fields: Record<string, unknown> = { ...record, ...innovationKeys(record), type: 'innovation' };
  const names: Record<string, string> = { '#rev': 'rev' };
  const values: Record<string, unknown> = { ':expectedRev': expectedRev };
  const set: string[] = [];
  const remove: string[] = [];
  Object.entries(fields).forEach(([name, value], index) => {
    if (counters.has(name) || name === 'pk' || name === 'sk') return;
    names[`#f${index}`] = name;
    if (value === undefined) remove.push(`#f${index}`);
    else {
      values[`:f${index}`] = value;
      set.push(`#f${index} = :f${index}`);
    }
  });
  return {
    Update: {
      TableName: tableName,
      Key: innovationLookup(record.id),
      UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
      ConditionExpression: '#rev = :expectedRev',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/**
 * A version written over the revision read (null: it must not exist yet). A published version is
 * immutable, so only a draft may be overwritten; everyone in `consented` must still be in its
 * acceptedBy. Versions stored before consent existed have no `rev`: revision 0 means exactly that.
 */
export function versionPut(
  tableName: string,
  version: InnovationVersion,
  expectedRev: number | null,
  consented: readonly string[] = [],
): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const conditions: string[] = [];
  if (expectedRev === null) conditions.push('attribute_not_exists(pk)');
  else {
    conditions.push('#status = :draft', expectedRev === 0 ? 'attribute_not_exists(#rev)' : '#rev = :rev');
    Object.assign(names, { '#status': 'status', '#rev': 'rev' });
    values[':draft'] = 'draft';
    if (expectedRev !== 0) values[':rev'] = expectedRev;
  }
  consented.forEach((personId, index) => {
    names['#acceptedBy'] = 'acceptedBy';
    values[`:c${index}`] = personId;
    conditions.push(`contains(#acceptedBy, :c${index})`);
  });
  return {
    Put: {
      TableName: tableName,
      Item: { ...innovationVersionKeys(version.innovationId, version.version), type: 'innovation-version', ...version },
      ConditionExpression: conditions.join(' AND '),
      ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
      ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
    },
  };
}

/** Puts and deletes that make the record's inventor links (who finds it as theirs) match `after`. */
export function inventorLinkItems(tableName: string, before: InnovationRecord | null, after: InnovationRecord) {
  const old = new Set(before ? linkedPeople(before) : []);
  const now = new Set(linkedPeople(after));
  const items: TransactItem[] = [];
  for (const personId of now) {
    if (old.has(personId)) continue;
    const keys = inventorLinkKeys(after.id, personId, after.createdAt);
    items.push({
      Put: { TableName: tableName, Item: { ...keys, type: 'inventor-link', innovationId: after.id, personId } },
    });
  }
  for (const personId of old) {
    if (now.has(personId)) continue;
    const { pk, sk } = inventorLinkKeys(after.id, personId, after.createdAt);
    items.push({ Delete: { TableName: tableName, Key: { pk, sk } } });
  }
  return items;
}

export function toRecord(item: Item): InnovationRecord {
  const record = fromItem<InnovationRecord>(item);
  return {
    ...record,
    valueSettled: optionalBig(record.valueSettled),
    royaltiesPaid: optionalBig(record.royaltiesPaid),
    valueListed: optionalBig(record.valueListed),
  };
}

/** A version; one stored before consent existed reads as accepted by no one, at revision 0. */
export function toVersion(item: Item): InnovationVersion {
  const version = fromItem<InnovationVersion>(item);
  return {
    ...version,
    acceptedBy: version.acceptedBy ?? [],
    invited: version.invited ?? [],
    rev: version.rev ?? 0,
    termsRev: version.termsRev ?? 0,
  };
}

/** An adoption as stored; one written before periods were tracked has reported none and is at revision 0. */
export function toAdoption(item: Item): Adoption {
  const adoption = fromItem<Adoption>(item);
  return { ...adoption, reported: adoption.reported ?? [], rev: adoption.rev ?? 0 };
}

/** A report as stored. One written before decisions were recorded one by one has none, names nobody
 * conflicted and is at revision 0. */
export function toReport(item: Item): ValueReport {
  const report = fromItem<ValueReport>(item);
  const settlement = report.settlement;
  return {
    ...report,
    confirmations: report.confirmations ?? [],
    conflicted: report.conflicted ?? [],
    rev: report.rev ?? 0,
    amount: big(report.amount),
    settlement: settlement ? toSettlement(settlement) : undefined,
  };
}

function toSettlement(settlement: Settlement): Settlement {
  const parts = (list: Settlement['inventorParts']) =>
    list.map((p) => ({ personId: p.personId, amount: big(p.amount) }));
  return {
    ...settlement,
    value: big(settlement.value),
    inventorsTotal: big(settlement.inventorsTotal),
    implementersTotal: big(settlement.implementersTotal),
    inventorParts: parts(settlement.inventorParts),
    implementerParts: parts(settlement.implementerParts),
  };
}

/**
 * Every write of a settlement, for one transaction (see SettlementWrite for the conditions): at most
 * 1 report + 1 payer + 20 payees + 40 royalty entries + 20 implementer shares + the record + the
 * ledger's totals + 2 for the log = 86 items, inside DynamoDB's 100 (maxHolders keeps it so).
 */
export function settlementItems(tableName: string, write: SettlementWrite, log: LogAppend): TransactItem[] {
  return [...settlementWriteItems(tableName, write), ...logAppendItems(tableName, log)];
}

/** A settlement's writes without its log entry: a circle's is written beside its proposal's closing entry. */
export function settlementWriteItems(tableName: string, write: SettlementWrite) {
  const { report, payer } = write;
  const settlement = report.settlement;
  if (!settlement) throw new Error('A settled report carries its settlement.');
  const at = settlement.settledAt;
  // One list of balance changes feeds both the account updates and the ledger's sum.
  const changes: BalanceChange[] = [
    ...(payer ? [{ accountId: payer.accountId, delta: -payer.total, seen: payer.seen, guard: payer }] : []),
    ...write.payees.map((payee) => ({ accountId: payee.accountId, delta: payee.amount, seen: payee.seen })),
  ];
  // Each royalty entry carries the balance after it, counted from the balance seen.
  const running = new Map(changes.map((change) => [change.accountId as string, change.seen]));
  const entries = write.entries.map((entry) => {
    if (entry.kind !== 'royalty') return entry;
    const after = (running.get(entry.accountId) ?? 0n) + entry.amount;
    running.set(entry.accountId, after);
    return { ...entry, balanceAfter: after };
  });
  return [
    {
      Put: {
        TableName: tableName,
        Item: { ...valueReportKeys(report), type: 'value-report', ...report },
        // Settles once: only a report still confirmed-unsettled (explicitly, or by its window lapsing),
        // or, for a circle, still disputed.
        ...(write.over === 'disputed'
          ? {
              ConditionExpression: '#status = :disputed',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':disputed': 'disputed' },
            }
          : {
              ConditionExpression: '#status = :confirmed OR (#status = :pending AND reportedAt <= :cutoff)',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':confirmed': 'confirmed',
                ':pending': 'pending',
                ':cutoff': write.lapseCutoff,
              },
            }),
      },
    },
    ...changes.map((change) => balanceUpdate(tableName, change, at)),
    ...entries.map((entry) => entryPut(tableName, entry)),
    {
      Update: {
        TableName: tableName,
        Key: innovationLookup(report.innovationId),
        // The report's keys list it among the record's settlements (gsi2): its value is counted as listed.
        UpdateExpression: 'ADD valueSettled :value, royaltiesPaid :paid, valueListed :value',
        ExpressionAttributeValues: { ':value': settlement.value, ':paid': settlement.inventorsTotal },
      },
    },
    totalsUpdate(tableName, changes, { moved: payer?.total ?? 0n, settlements: 1 }),
    // The payer's limit came from the policy only without a limit of its own (limitSeen guards that).
    ...(payer && payer.limitSeen === null ? [policyCheck(tableName, payer.policyVersion)] : []),
  ] satisfies TransactItem[];
}
