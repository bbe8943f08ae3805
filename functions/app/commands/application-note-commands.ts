// The write a syndicate's admins make on an application besides deciding it: a private note.
import * as z from 'zod/mini';
import { idSchema, personIdSchema } from '#domain/ids.ts';
import { addApplicationNote, applicationNoteBodySchema } from '#domain/openings/application-notes.ts';
import { command } from './command.ts';

export const addApplicationNoteCommand = command({
  name: 'applications.add-note',
  input: () => ({
    params: z.object({ openingId: idSchema(), personId: personIdSchema() }),
    body: z.strictObject({ body: applicationNoteBodySchema() }),
  }),
  run: ({ services, identity, params, body }) =>
    addApplicationNote(services, identity, params.openingId, params.personId, body.body),
});
