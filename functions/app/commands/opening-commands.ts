// The writes syndicates and applicants make to openings and applications.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { idSchema } from '#domain/ids.ts';
import { applicationNoteSchema } from '#domain/openings/application.ts';
import { openingInputSchema } from '#domain/openings/opening.ts';
import { withdraw } from '#domain/openings/hiring-use-cases.ts';
import { apply, changeOpeningStatus, createOpening, updateOpening } from '#domain/openings/opening-use-cases.ts';
import { command } from './command.ts';

const opening = /* @__PURE__ */ lazySchema(() => z.object({ openingId: idSchema() }));

export const createOpeningCommand = command({
  name: 'openings.create',
  input: () => ({ params: z.object({ syndicateId: idSchema() }), body: openingInputSchema() }),
  run: ({ services, identity, params, body }) => createOpening(services, identity, params.syndicateId, body),
});

export const updateOpeningCommand = command({
  name: 'openings.update',
  input: () => ({ params: opening(), body: openingInputSchema() }),
  run: ({ services, identity, params, body }) => updateOpening(services, identity, params.openingId, body),
});

export const changeOpeningStatusCommand = command({
  name: 'openings.change-status',
  input: () => ({ params: opening(), body: z.strictObject({ status: z.enum(['open', 'closed']) }) }),
  run: ({ services, identity, params, body }) => changeOpeningStatus(services, identity, params.openingId, body.status),
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
