// Adopting a record by the members' vote from the site: one rule says when (the domain's), the form's
// lines become the body POST /api/proposals takes, and the proposal's page says what will change.
import { describe, expect, it } from 'vitest';
import { proposalInputSchema, type Proposal } from '#domain/decisions/proposal.ts';
import { decidesByVote } from '#domain/syndicates/syndicate.ts';
import { proposalFromForm } from '../../../site/src/lib/proposal-form.ts';
import { changeInWords } from '../../../site/src/lib/proposal-view.ts';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe('an adoption by the members’ vote', () => {
  it('is the rule once a syndicate has more than one member, and not for a syndicate of one', () => {
    expect([0, 1, 2, 40].map((memberCount) => decidesByVote({ memberCount }))).toEqual([false, false, true, true]);
  });

  it('reads the record, the implementers one a line with optional shares, and the note into a valid body', () => {
    const body = proposalFromForm(
      'adopt-innovation',
      form({
        scope: 'syndicate:riverside-builders',
        title: 'Adopt the drying rack',
        innovationId: 'drying-rack',
        implementers: 'demo-bram 60%\ndemo-ada 40',
        note: 'We build them in the workshop.',
      }),
    );
    expect(body.change).toEqual({
      innovationId: 'drying-rack',
      implementers: [
        { personId: 'demo-bram', basisPoints: 6000 },
        { personId: 'demo-ada', basisPoints: 4000 },
      ],
      note: 'We build them in the workshop.',
    });
    expect(proposalInputSchema().safeParse(body).success).toBe(true);
  });

  it('says on the proposal’s page which record is adopted and by whom, with their shares', () => {
    const proposal = {
      kind: 'adopt-innovation',
      change: { innovationId: 'drying-rack', implementers: [{ personId: 'demo-bram', basisPoints: 10000 }], note: '' },
    } as Proposal;
    expect(changeInWords(proposal)).toMatch(/adopts innovation record drying-rack .*implemented by demo-bram 100%/);
  });
});
