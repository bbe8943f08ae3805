// A draft's edit form shows the draft as saved and, sent back unchanged, is the same proposal: each
// kind's fields (a rate card's rows with skill, level and unpleasant; credits in Bound) read back into
// the body PUT /api/proposals/{id} takes, with the version the form showed.
import { describe, expect, it } from 'vitest';
import { proposalEditSchema } from '#domain/decisions/edit-draft.ts';
import type { Proposal } from '#domain/decisions/proposal.ts';
import { draftEditFromForm, formOfProposal } from '../../../site/src/lib/proposal-form.ts';

const common = {
  id: 'p1',
  scope: 'syndicate:riverside-builders',
  title: 'Stripping mouldy plaster',
  description: 'Agreed at **Monday’s** meeting.',
  days: 5,
  version: 3,
};
const drafts = [
  { kind: 'sense-check' },
  {
    kind: 'rate-card',
    change: {
      rateCard: [
        { service: 'Carpentry', rate: { amount: 4500, currency: 'BOUND', per: 'hour' }, unpleasant: false },
        {
          service: 'Stripping mouldy plaster',
          rate: { amount: 4050, currency: 'BOUND', per: 'hour' },
          skillId: 'construction-site-safety',
          level: 'working',
          unpleasant: true,
        },
      ],
    },
  },
  { kind: 'credit-limit', scope: 'commons', change: { account: 'person:demo-ada', credit: 123_456n } },
  {
    kind: 'credit-policy',
    scope: 'commons',
    change: { defaultCredit: 5000n, tiers: [{ months: 6, credit: 10_050n }] },
  },
  { kind: 'membership', change: { action: 'remove', personId: 'demo-joost' } },
].map((fields) => ({ ...common, ...fields }) as unknown as Proposal);

describe('a draft’s edit form', () => {
  it.each(drafts.map((draft) => [draft.kind, draft] as const))(
    'reads a %s draft, shown unchanged, back as the same proposal at the version shown',
    (kind, draft) => {
      const parsed = proposalEditSchema().safeParse(draftEditFromForm(kind, formOfProposal(draft)));
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      const { id: _id, ...content } = draft as Proposal & { change?: unknown };
      expect(parsed.data).toEqual(content);
    },
  );

  it('sends a version that is not a number as typed, so the command names it', () => {
    const form = formOfProposal(drafts[0] as Proposal);
    form.set('version', 'three');
    const parsed = proposalEditSchema().safeParse(draftEditFromForm('sense-check', form));
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['version']);
  });
});
