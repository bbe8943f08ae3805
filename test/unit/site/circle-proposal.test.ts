// A restorative circle from the site: its form becomes the body POST /api/proposals takes (an empty
// amount is none), a draft's form shows it back as saved, a refusal lands on its field, and the
// proposal's page says what settles and who sits in the circle.
import { describe, expect, it } from 'vitest';
import { type Proposal, proposalInputSchema } from '#domain/decisions/proposal.ts';
import { formOfProposal, proposalFieldAnchor, proposalFromForm } from '../../../site/src/lib/proposal-form.ts';
import { requestLanguage } from '../../../site/src/lib/i18n.ts';
import { changeInWords, circleWords, passingInWords } from '../../../site/src/lib/proposal-view.ts';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const fields = {
  scope: 'syndicate:riverside-builders',
  title: 'Settle the spring report',
  innovationId: 'rack',
  reportId: 'r1',
};

describe('a circle’s form', () => {
  it('reads an amount in Bound into minor units, in a valid body', () => {
    const body = proposalFromForm('resolve-disputed-report', form({ ...fields, amount: '45.50' }));
    expect(body.change).toEqual({ innovationId: 'rack', reportId: 'r1', amount: '4550' });
    expect(proposalInputSchema().safeParse(body).success).toBe(true);
  });

  it('reads an empty amount as none', () => {
    const body = proposalFromForm('resolve-disputed-report', form({ ...fields, amount: '' }));
    expect(body.change).toMatchObject({ amount: null });
    expect(proposalInputSchema().safeParse(body).success).toBe(true);
  });

  it('shows a saved draft back as typed, amount in Bound', () => {
    const draft = {
      kind: 'resolve-disputed-report',
      ...fields,
      description: '',
      days: 3,
      change: { innovationId: 'rack', reportId: 'r1', amount: 4550n },
    } as unknown as Proposal;
    const shown = formOfProposal(draft);
    expect([shown.get('reportId'), shown.get('amount')]).toEqual(['r1', '45.50']);
  });

  it('lands a refusal of the amount or the report on its field', () => {
    expect(proposalFieldAnchor('resolve-disputed-report', 'change.amount')).toBe('f-amount');
    expect(proposalFieldAnchor('resolve-disputed-report', 'change.reportId')).toBe('f-report');
    expect(proposalFieldAnchor('resolve-disputed-report', 'change')).toBe('f-report');
  });
});

describe('a circle’s page', () => {
  const circle = (amount: bigint | null) =>
    ({
      kind: 'resolve-disputed-report',
      change: { innovationId: 'rack', reportId: 'r1', amount },
      eligible: 7,
      threshold: { num: 1, den: 2 },
      status: 'open',
      circle: { inventors: ['ana'], panel: ['x', 'y', 'z'] },
    }) as Proposal;

  it('says the report settles at the amount, and the inventors’ half', () => {
    expect(changeInWords(circle(60000n))).toMatch(/settled at 600\.00 Bound.*\(300\.00 Bound\)/);
    expect(changeInWords(circle(null))).toMatch(/closed with nothing owed/);
  });

  it('counts the people in the circle, and says when the panel is short', () => {
    expect(passingInWords(circle(1n))).toMatch(/at least 4 yes votes of the 7 people in the circle/);
    expect(circleWords.panel(2)).toMatch(/has 2 of 3 members/);
  });

  it('speaks the language of the page being rendered, and English outside one', () => {
    expect(circleWords.who).toMatch(/^The circle votes/);
    requestLanguage.run('es', () => {
      expect(circleWords.who).toMatch(/^Vota el círculo/);
      expect(circleWords.panel(2)).toMatch(/tiene 2 de 3 miembros/);
      expect(changeInWords(circle(null))).toMatch(/se cierra sin nada que pagar/);
    });
    requestLanguage.run('nl', () => expect(circleWords.title('r1')).toBe('Het betwiste rapport r1 beslechten'));
  });
});
