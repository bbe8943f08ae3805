// The proposal form: one form per kind (the kind is in the page's address, so it works without
// JavaScript), read into the body POST /api/proposals takes; the command validates everything. Bound
// as typed ("45.00") becomes minor units here; what cannot be read is sent as typed, so the command
// names the field.
import { boundFromText } from '#domain/ledger/amount.ts';
import { boundDecimal } from '#domain/innovations/statements.ts';
import { type Proposal, type ProposalKind, proposalKinds } from '#domain/decisions/proposal.ts';
import { policyFromForm } from './credit-policy-form.ts';
import { rateCardFromForm, rateRows } from './rate-card-form.ts';
import { holdersText, parseHolders } from '../pages/innovations/_lib/forms.ts';

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
  // An empty amount is none: the report closes with nothing owed.
  if (kind === 'resolve-disputed-report') {
    const amount = text(form, 'amount');
    return {
      innovationId: text(form, 'innovationId'),
      reportId: text(form, 'reportId'),
      amount: amount ? minor(amount) : null,
    };
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

/** The ids of a change's own fields on the proposal form, by the name the command's refusals use. */
const changeFieldIds: Record<string, string> = {
  account: 'f-account',
  credit: 'f-credit',
  action: 'f-action',
  personId: 'f-person',
  defaultCredit: 'f-default-credit',
  tiers: 'f-tiers',
  rateCard: 'f-rate-card',
  innovationId: 'f-innovation',
  implementers: 'f-implementers',
  note: 'f-note',
  reportId: 'f-report',
  amount: 'f-amount',
};
/** Where a refusal of the change as a whole lands: the kind's first field. */
const firstChangeField: Partial<Record<ProposalKind, string>> = {
  'credit-limit': 'f-account',
  'credit-policy': 'f-default-credit',
  membership: 'f-action',
  'rate-card': 'f-rate-card',
  'adopt-innovation': 'f-innovation',
  'remove-steward': 'f-person',
  'resolve-disputed-report': 'f-report',
};

/**
 * The id of the field a refusal names (`change.tiers.1.credit` is `f-tier-credit-1`), so each link of the
 * error summary lands on the field it is about; the form's own fields are `f-<name>`.
 */
export function proposalFieldAnchor(kind: ProposalKind, field: string): string {
  const [first = '', name, index, part] = field.split('.');
  if (first !== 'change') return `f-${first}`;
  if (name === 'tiers' && index !== undefined) return `f-tier-${part === 'credit' ? 'credit' : 'months'}-${index}`;
  if (name === 'rateCard' && index !== undefined) return `f-rate-line-${index}`;
  return (name && changeFieldIds[name]) || firstChangeField[kind] || 'f-title';
}

/** The body of PUT /api/proposals/{id}, a draft's edit, from its form: the same fields, and the version it showed. */
export function draftEditFromForm(kind: ProposalKind, form: FormData) {
  const { draft: _kept, ...fields } = proposalFromForm(kind, form);
  const version = text(form, 'version');
  return { ...fields, version: /^\d{1,9}$/.test(version) ? Number(version) : version };
}

/** A draft as its edit form posts it, so the form shows what is saved (amounts in Bound, "45.00"). */
export function formOfProposal(proposal: Proposal): FormData {
  const form = new FormData();
  const fields: Array<[string, string]> = [
    ['scope', proposal.scope],
    ['title', proposal.title],
    ['description', proposal.description],
    ['days', String(proposal.days)],
    ['version', String(proposal.version ?? 0)],
  ];
  if (proposal.kind === 'rate-card') {
    const rows = rateRows(proposal.change.rateCard);
    fields.push(['rows', String(rows.length)]);
    rows.forEach((row, i) => {
      fields.push([`service${i}`, row.service], [`amount${i}`, row.amount], [`currency${i}`, row.currency]);
      fields.push([`per${i}`, row.per], [`skill${i}`, row.skillId], [`level${i}`, row.level]);
      if (row.unpleasant) fields.push([`unpleasant${i}`, 'on']);
    });
  }
  if (proposal.kind === 'credit-limit') {
    fields.push(['account', proposal.change.account], ['credit', boundDecimal(proposal.change.credit)]);
  }
  if (proposal.kind === 'credit-policy') {
    fields.push(['defaultCredit', boundDecimal(proposal.change.defaultCredit)]);
    proposal.change.tiers.forEach((tier, i) => {
      fields.push([`tierMonths${i}`, String(tier.months)], [`tierCredit${i}`, boundDecimal(tier.credit)]);
    });
  }
  if (proposal.kind === 'membership') {
    fields.push(['action', proposal.change.action], ['personId', proposal.change.personId]);
  }
  if (proposal.kind === 'remove-steward') fields.push(['personId', proposal.change.personId]);
  if (proposal.kind === 'adopt-innovation') {
    const { innovationId, implementers, note } = proposal.change;
    fields.push(['innovationId', innovationId], ['implementers', holdersText(implementers)], ['note', note]);
  }
  if (proposal.kind === 'resolve-disputed-report') {
    const { innovationId, reportId, amount } = proposal.change;
    fields.push(
      ['innovationId', innovationId],
      ['reportId', reportId],
      ['amount', amount === null ? '' : boundDecimal(amount)],
    );
  }
  for (const [name, value] of fields) form.append(name, value);
  return form;
}
