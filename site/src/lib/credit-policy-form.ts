// A credit-policy proposal's fields: the default credit and a few tiers (months since a first trade,
// credit), as rows a form posts without JavaScript. A row left empty is no tier; the tiers sent are
// shown first again, so a refusal naming `change.tiers.1` lands beside the row it is about.
import { boundFromText } from '#domain/ledger/amount.ts';
import { maxTiers } from '#domain/ledger/credit-policy-input.ts';

export interface TierRow {
  months: string;
  credit: string;
}

/** Empty rows a form offers beyond those filled: room for a short policy, up to the most tiers allowed. */
export const spareTiers = 3;

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
/** Bound as typed ("50.00") to minor units; what cannot be read is sent as typed, so the command names it. */
const minor = (typed: string) => {
  const read = boundFromText(typed);
  return 'minor' in read ? read.minor.toString() : typed;
};

/** The rows as posted, without the empty ones. */
export function tierRowsFromForm(form: FormData): TierRow[] {
  const rows: TierRow[] = [];
  for (let i = 0; i < maxTiers + spareTiers; i++) {
    const row = { months: text(form, `tierMonths${i}`), credit: text(form, `tierCredit${i}`) };
    if (row.months || row.credit) rows.push(row);
  }
  return rows;
}

/** The change POST /api/proposals takes for a credit policy. */
export function policyFromForm(form: FormData) {
  return {
    defaultCredit: minor(text(form, 'defaultCredit')),
    tiers: tierRowsFromForm(form).map((row) => ({
      months: /^\d{1,4}$/.test(row.months) ? Number(row.months) : row.months,
      credit: minor(row.credit),
    })),
  };
}

/** The rows a form shows: those posted, then empty ones, never more than the form reads back. */
export function tierRowsShown(rows: TierRow[]): Array<TierRow | undefined> {
  const spare = Math.max(0, Math.min(spareTiers, maxTiers + spareTiers - rows.length));
  return [...rows, ...Array.from({ length: spare }, () => undefined)];
}
