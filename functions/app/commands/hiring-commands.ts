// The hiring loop's writes: the applicant applies and withdraws, an admin moves an applicant between
// stages, the applicant answers an offer, and either side writes in the application's thread.
import * as z from 'zod/mini';
import { idSchema, personIdSchema } from '#domain/ids.ts';
import { postMessage } from '#domain/openings/application-thread.ts';
import { applicationNoteSchema } from '#domain/openings/application.ts';
import { answerOffer, moveApplicant, withdraw } from '#domain/openings/hiring-use-cases.ts';
import { apply } from '#domain/openings/opening-use-cases.ts';
import { declineNoteSchema, declineReasons, messageBodySchema, syndicateTargets } from '#domain/openings/stages.ts';
import { command } from './command.ts';

const opening = () => z.object({ openingId: idSchema() });
const applicant = () => z.object({ openingId: idSchema(), personId: personIdSchema() });

export const moveApplicantCommand = command({
  name: 'openings.move-applicant',
  input: () => ({
    params: applicant(),
    body: z.strictObject({
      stage: z.enum(syndicateTargets),
      message: z.optional(messageBodySchema()),
      reason: z.optional(z.enum(declineReasons)),
      note: z.optional(declineNoteSchema()),
    }),
  }),
  run: ({ services, identity, params, body }) =>
    moveApplicant(services, identity, params.openingId, params.personId, body),
});

export const answerOfferCommand = command({
  name: 'openings.answer-offer',
  input: () => ({
    params: z.object({ openingId: idSchema() }),
    body: z.strictObject({ answer: z.enum(['accept', 'decline']), message: z.optional(messageBodySchema()) }),
  }),
  run: ({ services, identity, params, body }) =>
    answerOffer(services, identity, params.openingId, body.answer, body.message),
  // An accepted offer fills a position; answering twice is refused (409), so this counts each once.
  counts: ({ body }) => (body.answer === 'accept' ? 'fills' : undefined),
});

export const postMessageCommand = command({
  name: 'openings.post-message',
  input: () => ({ params: applicant(), body: z.strictObject({ body: messageBodySchema() }) }),
  run: ({ services, identity, params, body }) =>
    postMessage(services, identity, params.openingId, params.personId, body.body),
});

export const applyCommand = command({
  name: 'openings.apply',
  input: () => ({
    params: opening(),
    body: z.strictObject({ note: applicationNoteSchema(), withCv: z.optional(z.boolean()) }),
  }),
  // Applying again answers with the application already made, and that is no new application.
  async run({ services, identity, params, body }) {
    const { application, submitted } = await apply(services, identity, params.openingId, body.note, {
      withCv: body.withCv ?? false,
    });
    if (submitted) services.count('applications');
    return application;
  },
});

export const withdrawCommand = command({
  name: 'openings.withdraw',
  input: () => ({ params: opening() }),
  run: ({ services, identity, params }) => withdraw(services, identity, params.openingId),
});
