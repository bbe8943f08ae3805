// The rate-card form on a syndicate's page, for its admins: one row per line (and a few empty ones to
// add lines), read into the rate card the API's body takes, so the page edits it with the same command
// as PUT /api/syndicates/{id} and shows its refusals beside the row and field they name.
import type { Syndicate } from '#domain/syndicates/syndicate.ts';
import { minorUnits } from './forms.ts';

/** Empty rows the form offers beyond the card's lines (at most 30 lines in all). */
export const spareRows = 2;

export interface RateRow {
  service: string;
  amount: string;
  currency: string;
  per: string;
  skillId: string;
  level: string;
  unpleasant: boolean;
}

/** The card's lines as the form's rows, amounts in major units ("45.00"). */
export function rateRows(card: Syndicate['rateCard']): RateRow[] {
  return card.map((line) => ({
    service: line.service,
    amount: (line.rate.amount / 100).toFixed(2),
    currency: line.rate.currency,
    per: line.rate.per,
    skillId: line.skillId ?? '',
    level: line.level ?? '',
    unpleasant: line.unpleasant === true,
  }));
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** The rows posted (a row without a service is left out: that is how a line is removed) and the card they make. */
export function rateCardFromForm(form: FormData) {
  const count = Math.min(Number(text(form, 'rows')) || 0, 30 + spareRows);
  const rows: RateRow[] = Array.from({ length: count }, (_, i) => ({
    service: text(form, `service${i}`),
    amount: text(form, `amount${i}`),
    currency: text(form, `currency${i}`).toUpperCase(),
    per: text(form, `per${i}`),
    skillId: text(form, `skill${i}`),
    level: text(form, `level${i}`),
    unpleasant: form.get(`unpleasant${i}`) !== null,
  })).filter((row) => row.service !== '');
  const rateCard = rows.map((row) => ({
    service: row.service,
    rate: { amount: minorUnits(row.amount), currency: row.currency, per: row.per },
    ...(row.skillId ? { skillId: row.skillId } : {}),
    ...(row.level ? { level: row.level } : {}),
    unpleasant: row.unpleasant,
  }));
  return { rows, rateCard };
}
