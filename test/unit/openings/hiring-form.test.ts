// The application page's forms read into the API's bodies, and its confirmation steps.
import { describe, expect, it } from 'vitest';
import { runCommand } from '#app/commands/command.ts';
import { moveApplicantCommand } from '#app/commands/hiring-commands.ts';
import { RequestShapeError } from '#domain/errors.ts';
import { mayMove } from '#domain/openings/stages.ts';
import { confirmations, offerAnswerFromForm, stageMoveFromForm } from '../../../site/src/lib/hiring-form.ts';
import { fakeServices } from '../../support/services.ts';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe('the stage and offer forms', () => {
  it('sends a field left empty as no text, so a move without a message or reason is not refused for it', () => {
    expect(stageMoveFromForm(form({ stage: 'shortlisted', message: '  ', reason: '', note: '' }))).toEqual({
      stage: 'shortlisted',
      message: undefined,
      reason: undefined,
      note: undefined,
    });
    expect(offerAnswerFromForm(form({ message: '' }), 'accept')).toEqual({ answer: 'accept', message: undefined });
  });

  it('keeps what was typed as typed, for the command’s schema to judge', () => {
    const body = stageMoveFromForm(form({ stage: 'declined', reason: 'skills', note: ' Next time. ', message: 'Hi' }));
    expect(body).toEqual({ stage: 'declined', reason: 'skills', note: ' Next time. ', message: 'Hi' });
  });

  it('has a form body refused by the command naming the field, before anything is read', async () => {
    const error = await runCommand(moveApplicantCommand, {
      services: fakeServices(),
      identity: { personId: 'bram' },
      params: { openingId: 'stairs', personId: 'ada' },
      body: stageMoveFromForm(form({ stage: 'hired' })),
    }).catch((refusal: unknown) => refusal);
    expect(error).toBeInstanceOf(RequestShapeError);
    expect((error as RequestShapeError).issues.map((issue) => issue.field)).toEqual(['body.stage']);
  });
});

describe('the confirmation steps', () => {
  it('asks before every irreversible move of either side, and names the opening in the consequence', () => {
    const irreversible = [
      ['applicant', 'offered', 'accepted', 'accept'],
      ['applicant', 'offered', 'declined', 'decline-offer'],
      ['applicant', 'interview', 'withdrawn', 'withdraw'],
      ['syndicate', 'interview', 'declined', 'decline'],
    ] as const;
    for (const [side, from, to, step] of irreversible) {
      expect(mayMove(side, from, to)).toBe(true);
      expect(confirmations[step].side).toBe(side);
      expect(confirmations[step].consequence('Stair builder')).toContain('“Stair builder”');
    }
    expect(Object.keys(confirmations).sort()).toEqual(irreversible.map(([, , , step]) => step).sort());
  });
});
