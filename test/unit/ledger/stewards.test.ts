// Who grants credit before the commons votes limits: the stewards configuration names, less those the
// commons removed by vote. A removal holds even if the configuration still names the person.
import { describe, expect, it } from 'vitest';
import { stewardsNow } from '#domain/ledger/stewards.ts';

const removal = (personId: string) => ({ personId, proposalId: 'p1', at: '2026-12-06T00:00:00.000Z', logIndex: 4 });

describe('the stewards now', () => {
  it('are every configured steward while the commons has removed none', () => {
    expect(stewardsNow(['ada', 'bram'], [])).toEqual(['ada', 'bram']);
  });

  it('leave out a steward the commons removed, though the configuration still names them', () => {
    expect(stewardsNow(['ada', 'bram', 'carmen'], [removal('bram')])).toEqual(['ada', 'carmen']);
  });

  it('ignore a removal of someone the configuration no longer names', () => {
    expect(stewardsNow(['ada'], [removal('dev'), removal('ada')])).toEqual([]);
    expect(stewardsNow(['carmen'], [removal('dev')])).toEqual(['carmen']);
  });
});
