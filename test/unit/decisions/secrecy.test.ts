// Which votes are secret, and what anyone may read of one: a membership's votes are secret by its kind,
// a proposal made secret stays so whatever its kind's rule says later, and only an open secret vote's
// counts are left out of what everyone reads.
import { describe, expect, it } from 'vitest';
import type { Proposal, ProposalStatus } from '#domain/decisions/proposal.ts';
import { keepsVotesSecret, publicView, tallySealed } from '#domain/decisions/secrecy.ts';

const tally = { yes: 2, no: 1, abstain: 0 };
const proposal = (kind: Proposal['kind'], status: ProposalStatus, secret?: true) =>
  ({ id: 'p1', kind, status, tally, ...(secret ? { secret } : {}) }) as Proposal;

describe('secret votes', () => {
  it.each([
    ['sense-check', undefined, false],
    ['rate-card', undefined, false],
    ['credit-limit', undefined, false],
    ['credit-policy', undefined, false],
    ['membership', undefined, true],
    // Made secret when proposed: a later change of its kind's rule never reveals its votes.
    ['sense-check', true, true],
  ] as const)('keeps the votes of a %s (stored secret: %s) secret: %s', (kind, secret, expected) => {
    expect(keepsVotesSecret(proposal(kind, 'open', secret))).toBe(expected);
  });

  it.each([
    ['draft', false],
    ['open', true],
    ['closed', false],
    ['enacted', false],
  ] as const)('seals the counts of a secret vote that is %s: %s', (status, sealed) => {
    expect(tallySealed(proposal('membership', status))).toBe(sealed);
    expect(publicView(proposal('membership', status)).tally).toEqual(sealed ? undefined : tally);
    expect(tallySealed(proposal('rate-card', status))).toBe(false);
  });

  it('leaves everything but the counts of an open secret vote as it is', () => {
    const open = proposal('membership', 'open');
    const { tally: _counts, ...rest } = open;
    expect(publicView(open)).toEqual(rest);
    expect(publicView(proposal('rate-card', 'open'))).toEqual(proposal('rate-card', 'open'));
  });
});
