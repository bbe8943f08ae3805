// The rate-card form on a syndicate's page, for its admins, and on a rate-card proposal: one row per
// line (and a few empty ones to add lines), read into the rate card the API takes, so the page edits it
// with the same command as PUT /api/syndicates/{id} (or proposes it by POST /api/proposals) and shows
// the refusals beside the row and field they name.
import type { Syndicate } from '#domain/syndicates/syndicate.ts';
import { type FieldErrors, minorUnits } from './forms.ts';

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

/**
 * The body of POST /api/proposals that puts the card as edited to the syndicate's members (its rate card
 * changes only by their vote once it has more than one), with the title and reasons typed beside it.
 */
export function rateCardProposal(syndicateId: string, form: FormData, rateCard: unknown[]) {
  return {
    kind: 'rate-card' as const,
    scope: `syndicate:${syndicateId}`,
    title: text(form, 'title'),
    description: String(form.get('description') ?? ''),
    change: { rateCard },
  };
}

/** A proposal's refusals keyed as the card's rows are (`change.rateCard.1.level` → `rateCard.1.level`). */
export function cardErrors(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [field.replace(/^change\./, ''), message]),
  );
}
