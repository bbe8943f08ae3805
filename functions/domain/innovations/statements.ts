// Statements of Bound: what moved through an account (a person's or a syndicate's) and what a
// record's settlements paid whom, as rows for a page and as CSV. Pure: the loaders pass data in.
import { toCsv } from '../csv.ts';
import { type Decimal, decimal, decimalText } from '../decimal.ts';
import type { ValueReport } from './adoption.ts';
import type { LedgerEntry } from './innovation-repository.ts';

export type StatementKind =
  | 'royalty-received'
  | 'royalty-paid'
  | 'implementer-share'
  | 'payment-received'
  | 'payment-sent';

export interface StatementRow {
  at: string;
  kind: StatementKind;
  /** What a royalty or a share was for: the record, its title, the report and the adopting syndicate. */
  innovationId?: string | undefined;
  title?: string | undefined;
  reportId?: string | undefined;
  syndicateId?: string | undefined;
  /** What a payment was: its id and its memo, and the order it paid, if any. */
  paymentId?: string | undefined;
  memo?: string | undefined;
  /** The work log a payment paid for (pay for work). */
  workLogId?: string | undefined;
  orderId?: string | undefined;
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
  'payment-received': 'Payment received',
  'payment-sent': 'Payment made',
};

/**
 * Statement lines as rows, in the order given (a page, oldest first). A royalty or a payment shows the
 * balance it left, as stored when it landed (royalties from before that was kept show none); an
 * implementer's share moves no balance and shows none.
 */
export function accountRows(entries: readonly LedgerEntry[], titles: ReadonlyMap<string, string>): StatementRow[] {
  return entries.map((entry) => {
    const base = { at: entry.at, counterparty: entry.counterparty, amount: entry.amount };
    if (entry.kind === 'payment') {
      return {
        ...base,
        kind: entry.amount < 0n ? 'payment-sent' : 'payment-received',
        paymentId: entry.paymentId,
        memo: entry.memo,
        workLogId: entry.workLogId,
        orderId: entry.orderId,
        balance: entry.balanceAfter,
      };
    }
    return {
      ...base,
      kind:
        entry.kind === 'implementer-share'
          ? 'implementer-share'
          : entry.amount < 0n
            ? 'royalty-paid'
            : 'royalty-received',
      innovationId: entry.innovationId,
      title: titles.get(entry.innovationId) ?? entry.innovationId,
      reportId: entry.reportId,
      syndicateId: entry.syndicateId,
      balance: entry.kind === 'royalty' ? entry.balanceAfter : undefined,
    };
  });
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
      'payment',
      'memo',
      'order',
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
      row.paymentId,
      row.memo,
      row.orderId,
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
