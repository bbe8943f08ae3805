import { describe, expect, it } from 'vitest';
import { proposalFieldAnchor } from '../../../site/src/lib/proposal-form.ts';

describe('the new-proposal page’s error summary links', () => {
  it.each([
    ['credit-limit', 'change.credit', 'f-credit'],
    ['credit-limit', 'change.account', 'f-account'],
    ['credit-limit', 'change', 'f-account'],
    ['credit-policy', 'change.defaultCredit', 'f-default-credit'],
    ['credit-policy', 'change.tiers', 'f-tiers'],
    ['credit-policy', 'change.tiers.1.credit', 'f-tier-credit-1'],
    ['credit-policy', 'change.tiers.2.months', 'f-tier-months-2'],
    ['credit-policy', 'change.tiers.0', 'f-tier-months-0'],
    ['membership', 'change.personId', 'f-person'],
    ['membership', 'change.action', 'f-action'],
    ['rate-card', 'change.rateCard', 'f-rate-card'],
    ['rate-card', 'change.rateCard.3.rate.amount', 'f-rate-line-3'],
    ['sense-check', 'title', 'f-title'],
    ['sense-check', 'days', 'f-days'],
  ] as const)('send a %s refusal of %s to #%s, never to #f-change', (kind, field, id) => {
    expect(proposalFieldAnchor(kind, field)).toBe(id);
  });
});
