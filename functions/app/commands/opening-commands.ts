// The writes syndicates make to their openings (an applicant's apply and withdraw are hiring-commands.ts').
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { idSchema } from '#domain/ids.ts';
import { openingInputSchema } from '#domain/openings/opening.ts';
import { changeOpeningStatus, createOpening, updateOpening } from '#domain/openings/opening-use-cases.ts';
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
