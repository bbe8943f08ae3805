// What a person reads when a form is refused: the forms read as typed, run through the same command as
// the API, and the refusal shown beside the field in words that say what to do.
import { describe, expect, it } from 'vitest';
import { createInnovationCommand } from '#app/commands/innovation-commands.ts';
import { createOpeningCommand } from '#app/commands/opening-commands.ts';
import { amountTyped } from '#domain/plain-words.ts';
import { submitCommand } from '../../../site/src/lib/command-form.ts';
import { openingFromForm } from '../../../site/src/lib/forms.ts';
import { innovationFromForm } from '../../../site/src/pages/innovations/_lib/forms.ts';
import { fakeServices } from '../../support/services.ts';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const identity = { personId: 'ana' };

describe('a refused form in plain words', () => {
  it('asks for a pay amount the opening form could not read as money typed, not in minor units', async () => {
    const typed = form({ title: 'Timber framer', payAmount0: '12,50 a week', payCurrency0: 'EUR', payPer0: 'hour' });
    const outcome = await submitCommand(createOpeningCommand, {
      identity,
      params: { syndicateId: 'riverside-builders' },
      body: openingFromForm(typed),
      services: fakeServices(),
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors['pay.0.amount']).toBe(amountTyped);
    expect(outcome.errors.skills).toBe('Add at least one.');
  });

  it('says once that each word of evidence must be a web address, instead of once per word', async () => {
    const outcome = await submitCommand(createInnovationCommand, {
      identity,
      body: innovationFromForm(form({ evidence: 'three plain words' })),
      services: fakeServices(),
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(Object.keys(outcome.errors).filter((field) => field.startsWith('evidence'))).toEqual(['evidence']);
    expect(outcome.errors.evidence).toBe(
      'Enter a web address starting with https:// or http://. This applies to entries 1, 2 and 3.',
    );
  });
});
