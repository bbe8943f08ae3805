// Statements of Bound: what moved through an account (a person's or a syndicate's) and what a
// record's settlements paid whom, as rows for a page and as CSV. Pure: the loaders pass data in.
import { toCsv } from '../csv.ts';
import { type Decimal, decimal, decimalText } from '../decimal.ts';
import type { ValueReport } from './adoption.ts';
import type { LedgerEntry } from './innovation-repository.ts';

export type StatementKind = 'royalty-received' | 'royalty-paid' | 'implementer-share';

export interface StatementRow {
  at: string;
  kind: StatementKind;
  innovationId: string;
  title: string;
  reportId: string;
  syndicateId: string;
  /** The other side: an account id, or for an implementer's share the syndicate that keeps it. */
  counterparty: string;
  amount: bigint;
  /** The account's balance after this row; absent for rows that move nothing (implementer shares). */
  balance?: bigint | undefined;
}

export const kindLabel: Record<StatementKind, string> = {
  'royalty-received': 'Royalty received',
  'royalty-paid': 'Royalty paid',
  'implementer-share': 'Implementer share (kept by the syndicate)',
};

/** Ledger entries oldest first, each with the running balance after it. */
export function accountRows(entries: readonly LedgerEntry[], titles: ReadonlyMap<string, string>): StatementRow[] {
  let balance = 0n;
  return [...entries]
    .sort((a, b) => a.at.localeCompare(b.at) || a.reportId.localeCompare(b.reportId) || a.sequence - b.sequence)
    .map((entry) => {
      balance += entry.amount;
      return {
        at: entry.at,
        kind: entry.amount < 0n ? 'royalty-paid' : 'royalty-received',
        innovationId: entry.innovationId,
        title: titles.get(entry.innovationId) ?? entry.innovationId,
        reportId: entry.reportId,
        syndicateId: entry.syndicateId,
        counterparty: entry.counterparty,
        amount: entry.amount,
        balance,
      };
    });
}

/** A person's shares as an implementer: value their syndicates kept for them, not a ledger movement. */
export function implementerRows(
  personId: string,
  reports: readonly ValueReport[],
  titles: ReadonlyMap<string, string>,
): StatementRow[] {
  return reports.flatMap((report) =>
    (report.settlement?.implementerParts ?? [])
      .filter((part) => part.personId === personId && part.amount > 0n)
      .map((part) => ({
        at: report.settlement?.settledAt ?? report.reportedAt,
        kind: 'implementer-share' as const,
        innovationId: report.innovationId,
        title: titles.get(report.innovationId) ?? report.innovationId,
        reportId: report.id,
        syndicateId: report.syndicateId,
        counterparty: `syndicate:${report.syndicateId}`,
        amount: part.amount,
      })),
  );
}

export interface RecordPart {
  at: string;
  reportId: string;
  syndicateId: string;
  value: bigint;
  personId: string;
  role: 'inventor' | 'implementer';
  amount: bigint;
}

/** Who received what from a record's settled reports, report by report. */
export function recordParts(reports: readonly ValueReport[]): RecordPart[] {
  return reports.flatMap((report) => {
    const settlement = report.settlement;
    if (!settlement) return [];
    const base = {
      at: settlement.settledAt,
      reportId: report.id,
      syndicateId: report.syndicateId,
      value: settlement.value,
    };
    return [
      ...settlement.inventorParts.map((part) => ({ ...base, ...part, role: 'inventor' as const })),
      ...settlement.implementerParts.map((part) => ({ ...base, ...part, role: 'implementer' as const })),
    ];
  });
}

/** Sum of parts by person and role, for a record's totals. */
export function totalsByPerson(
  parts: readonly RecordPart[],
): Array<{ personId: string; role: string; amount: bigint }> {
  const totals = new Map<string, { personId: string; role: string; amount: bigint }>();
  for (const part of parts) {
    const key = `${part.role}|${part.personId}`;
    const total = totals.get(key) ?? { personId: part.personId, role: part.role, amount: 0n };
    total.amount += part.amount;
    totals.set(key, total);
  }
  return [...totals.values()].sort((a, b) => a.role.localeCompare(b.role) || (b.amount > a.amount ? 1 : -1));
}

/** Minor units of Bound as an exact amount: Bound has two decimal places. */
export const boundAmount = (minor: bigint): Decimal => decimal(minor, 2);

/** Minor units as a decimal of Bound with two places, exact for any size: -1234n → "-12.34". */
export const boundDecimal = (minor: bigint): string => decimalText(boundAmount(minor));

/** For people: "1,234.50 Bound", with a true minus sign. */
export function formatBound(minor: bigint): string {
  const [whole = '0', cents = '00'] = boundDecimal(minor < 0n ? -minor : minor).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${minor < 0n ? '−' : ''}${grouped}.${cents} Bound`;
}

export function statementCsv(rows: readonly StatementRow[]): string {
  return toCsv(
    [
      'date',
      'kind',
      'record',
      'title',
      'report',
      'syndicate',
      'counterparty',
      'amount_minor',
      'amount_bound',
      'balance_minor',
    ],
    rows.map((row) => [
      row.at,
      row.kind,
      row.innovationId,
      row.title,
      row.reportId,
      row.syndicateId,
      row.counterparty,
      row.amount,
      boundAmount(row.amount),
      row.balance,
    ]),
  );
}

export function recordCsv(parts: readonly RecordPart[]): string {
  return toCsv(
    ['date', 'report', 'syndicate', 'value_minor', 'person', 'role', 'amount_minor', 'amount_bound'],
    parts.map((p) => [p.at, p.reportId, p.syndicateId, p.value, p.personId, p.role, p.amount, boundAmount(p.amount)]),
  );
}

/** JSON cannot carry bigint: amounts go out as strings of digits, exact at any size. */
export function jsonSafe<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value, (_key, item) => (typeof item === 'bigint' ? item.toString() : item)));
}
