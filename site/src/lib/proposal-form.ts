// The proposal form: one form per kind (the kind is in the page's address, so it works without
// JavaScript), read into the body POST /api/proposals takes; the command validates everything. Bound
// as typed ("45.00") becomes minor units here; what cannot be read is sent as typed, so the command
// names the field.
import { boundFromText } from '#domain/ledger/amount.ts';
import { type ProposalKind, proposalKinds } from '#domain/decisions/proposal.ts';
import { policyFromForm } from './credit-policy-form.ts';
import { rateCardFromForm } from './rate-card-form.ts';
import { parseHolders } from '../pages/innovations/_lib/forms.ts';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const minor = (typed: string) => {
  const read = boundFromText(typed);
  return 'minor' in read ? read.minor.toString() : typed;
};

export const isKind = (value: string | null): value is ProposalKind =>
  (proposalKinds as readonly string[]).includes(value ?? '');

/** The change of a kind's proposal, from its fields. */
function changeFromForm(kind: ProposalKind, form: FormData) {
  // The same rows as the syndicate's editor (skill, level, unpleasant), read the same way.
  if (kind === 'rate-card') return { rateCard: rateCardFromForm(form).rateCard };
  if (kind === 'credit-limit') return { account: text(form, 'account'), credit: minor(text(form, 'credit')) };
  if (kind === 'credit-policy') return policyFromForm(form);
  if (kind === 'membership') return { action: text(form, 'action'), personId: text(form, 'personId') };
  if (kind === 'remove-steward') return { personId: text(form, 'personId') };
  // Implementers one a line, as the adoption page's "other implementers" box reads them.
  if (kind === 'adopt-innovation') {
    const note = String(form.get('note') ?? '');
    return { innovationId: text(form, 'innovationId'), implementers: parseHolders(text(form, 'implementers')), note };
  }
  return undefined;
}

/** The body of POST /api/proposals, from the form of `kind`. */
export function proposalFromForm(kind: ProposalKind, form: FormData) {
  const days = text(form, 'days');
  const change = changeFromForm(kind, form);
  return {
    kind,
    scope: text(form, 'scope'),
    title: text(form, 'title'),
    description: String(form.get('description') ?? ''),
    ...(days ? { days: /^\d{1,3}$/.test(days) ? Number(days) : days } : {}),
    draft: form.get('draft') === 'yes',
    ...(change ? { change } : {}),
  };
}
