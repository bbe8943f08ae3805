// The writes a person makes to their own account as a whole: their CV, and deleting the account.
// Only themselves, so no command takes a person's id.
import { cvUploadSchema } from '#domain/people/cv.ts';
import { removeCv, uploadCv } from '#domain/people/cv-use-cases.ts';
import { deleteAccount } from '#domain/people/delete-account.ts';
import { command } from './command.ts';

export const uploadCvCommand = command({
  name: 'people.upload-cv',
  input: () => ({ body: cvUploadSchema() }),
  run: ({ services, identity, body }) => uploadCv(services, identity, body.pdf),
});

export const removeCvCommand = command({
  name: 'people.remove-cv',
  run: ({ services, identity }) => removeCv(services, identity),
});

export const deleteAccountCommand = command({
  name: 'people.delete-account',
  run: ({ services, identity }) => deleteAccount(services, identity),
});
