// The credit-policy form: its fields become the body POST /api/proposals takes (Bound as typed becomes
// minor units, empty rows are no tier), what cannot be read is sent as typed so the command names the
// field, and the proposal's page says plainly what changes if it passes.
import { describe, expect, it } from 'vitest';
import { proposalInputSchema } from '#domain/decisions/proposal.ts';
import { maxTiers } from '#domain/ledger/credit-policy-input.ts';
import { spareTiers, tierRowsFromForm, tierRowsShown } from '../../../site/src/lib/credit-policy-form.ts';
import { proposalFromForm } from '../../../site/src/lib/proposal-form.ts';
import { policyInWords } from '../../../site/src/lib/proposal-view.ts';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const base = { scope: 'commons', title: 'Credit for every member', confirm: 'yes' };

describe('the credit-policy form', () => {
  it('sends the default and the filled tiers in minor units, skipping empty rows', () => {
    const body = proposalFromForm(
      'credit-policy',
      form({
        ...base,
        defaultCredit: '50',
        tierMonths0: '3',
        tierCredit0: '200.50',
        tierMonths1: '',
        tierCredit1: '',
        tierMonths2: '12',
        tierCredit2: '500',
      }),
    );
    expect(body.change).toEqual({
      defaultCredit: '5000',
      tiers: [
        { months: 3, credit: '20050' },
        { months: 12, credit: '50000' },
      ],
    });
    const parsed = proposalInputSchema().parse(body);
    expect(parsed.kind === 'credit-policy' && parsed.change).toEqual({
      defaultCredit: 5000n,
      tiers: [
        { months: 3, credit: 20050n },
        { months: 12, credit: 50000n },
      ],
    });
  });

  it('sends what it cannot read as typed, so the refusal names the field beside it', () => {
    const body = proposalFromForm(
      'credit-policy',
      form({ ...base, defaultCredit: 'fifty', tierMonths0: 'three', tierCredit0: '-1' }),
    );
    const result = proposalInputSchema().safeParse(body);
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'change.defaultCredit',
      'change.tiers.0.months',
      'change.tiers.0.credit',
    ]);
  });

  it('shows the rows sent first, then empty ones, and reads back every row it shows', () => {
    const sent = tierRowsFromForm(form({ tierMonths1: '6', tierCredit1: '10' }));
    expect(sent).toEqual([{ months: '6', credit: '10' }]);
    expect(tierRowsShown(sent)).toEqual([{ months: '6', credit: '10' }, undefined, undefined, undefined]);
    const many = Array.from({ length: maxTiers + spareTiers }, (_, i) => ({ months: String(i + 1), credit: '1' }));
    expect(tierRowsShown(many)).toHaveLength(maxTiers + spareTiers);
    const fields = Object.fromEntries(
      many.flatMap((row, i) => [
        [`tierMonths${i}`, row.months],
        [`tierCredit${i}`, row.credit],
      ]),
    );
    expect(tierRowsFromForm(form(fields))).toHaveLength(maxTiers + spareTiers);
  });
});

describe('what a credit policy changes, in words', () => {
  it('says the default, each tier and that a grant is kept', () => {
    expect(
      policyInWords({
        defaultCredit: 5000n,
        tiers: [
          { months: 1, credit: 10_000n },
          { months: 12, credit: 50_000n },
        ],
      }),
    ).toBe(
      'Every account without a credit limit of its own may go down to −50.00 Bound; to −100.00 Bound once 1 month has passed since its first trade; to −500.00 Bound once 12 months have passed since its first trade. Accounts with a limit of their own (granted by a steward or by a vote) keep it.',
    );
  });
});
