// A rate card edited by a syndicate of several members becomes a proposal to their vote: one rule says
// when (the domain's), the editor's rows become the body POST /api/proposals takes, with skill, level
// and unpleasant kept, the command's refusals land in the rows they name, and the proposal's page says
// the lines as the members will vote them.
import { describe, expect, it } from 'vitest';
import { proposalInputSchema } from '#domain/decisions/proposal.ts';
import { rateCardByVote } from '#domain/syndicates/syndicate.ts';
import { proposalFromForm } from '../../../site/src/lib/proposal-form.ts';
import { changeInWords } from '../../../site/src/lib/proposal-view.ts';
import { cardErrors, rateCardProposal } from '../../../site/src/lib/rate-card-form.ts';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const rows = {
  rows: '3',
  service0: 'Month-end bookkeeping',
  amount0: '25',
  currency0: 'bound',
  per0: 'hour',
  service1: 'Clearing a flooded archive',
  amount1: '20.50',
  currency1: 'BOUND',
  per1: 'hour',
  skill1: 'bank-reconciliation',
  level1: 'working',
  unpleasant1: 'on',
  service2: '',
  amount2: '99',
};
const card = [
  { service: 'Month-end bookkeeping', rate: { amount: 2500, currency: 'BOUND', per: 'hour' }, unpleasant: false },
  {
    service: 'Clearing a flooded archive',
    rate: { amount: 2050, currency: 'BOUND', per: 'hour' },
    skillId: 'bank-reconciliation',
    level: 'working',
    unpleasant: true,
  },
];

describe('a rate card by the members’ vote', () => {
  it('is the rule once a syndicate has more than one member, and not for a syndicate of one', () => {
    expect([0, 1, 2, 40].map((memberCount) => rateCardByVote({ memberCount }))).toEqual([false, false, true, true]);
  });

  it('proposes the card as edited on the syndicate’s page, for that syndicate, in the body the command takes', () => {
    const body = rateCardProposal('ledger-helpers', form({ ...rows, title: ' New card ', description: 'Why' }), card);
    expect(body).toEqual({
      kind: 'rate-card',
      scope: 'syndicate:ledger-helpers',
      title: 'New card',
      description: 'Why',
      change: { rateCard: card },
    });
    expect(proposalInputSchema().safeParse(body).success).toBe(true);
  });

  it('reads a proposal’s rate-card rows with their skill, level and unpleasant work, dropping rows without a service', () => {
    const body = proposalFromForm('rate-card', form({ ...rows, scope: 'syndicate:ledger-helpers', title: 'A card' }));
    expect(body.change).toEqual({ rateCard: card });
  });

  it('places a proposal’s refusals in the rows they name', () => {
    expect(cardErrors({ 'change.rateCard.1.level': 'A level prices a skill', title: 'Too short' })).toEqual({
      'rateCard.1.level': 'A level prices a skill',
      title: 'Too short',
    });
  });

  it('says each line as the members vote it: its skill and level, and unpleasant work paid 1.5×', () => {
    const proposal = { kind: 'rate-card', change: { rateCard: card } } as Parameters<typeof changeInWords>[0];
    expect(changeInWords(proposal)).toBe(
      'The syndicate’s rate card becomes: Month-end bookkeeping: 25.00 BOUND per hour; Clearing a flooded archive (skill bank-reconciliation, working): 20.50 BOUND per hour, unpleasant: paid 1.5×.',
    );
  });
});
