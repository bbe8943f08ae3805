// A person's CV: upload (checked from its bytes: cv.ts), read by the person, and read by the admins of
// a syndicate the person applied to with it attached — the CV rides with that application, and no one
// else learns whether there is one (404 alike).
import { NotFoundError } from '../errors.ts';
import { cvFileKey, type FileStore } from '../files/file-store.ts';
import type { Identity } from '../identity.ts';
import type { OpeningRepository } from '../openings/opening-repository.ts';
import { isAdmin } from '../syndicates/syndicate-use-cases.ts';
import type { SyndicateRepository } from '../syndicates/syndicate.ts';
import { checkCv, type CvRecord } from './cv.ts';
import type { PeopleRepository } from './person.ts';
import type { PersonDataRepository } from './person-data.ts';

export interface CvDependencies {
  files: FileStore;
  personData: Pick<PersonDataRepository, 'getCv' | 'saveCv' | 'removeCv'>;
  people: Pick<PeopleRepository, 'get'>;
  now: () => Date;
}

/** A CV file as served: the bytes, and what they are. */
export interface CvFile {
  bytes: Uint8Array;
  record: CvRecord;
}

/**
 * Steps: check the bytes (PDF, size, no active content); the person must have a profile (signing in
 * made it); store the file under a key made from their id; then record it. A failure between the two
 * leaves a file no record points to, which the next upload replaces and deletion removes by its key.
 */
export async function uploadCv(deps: CvDependencies, identity: Identity, pdfBase64: string): Promise<CvRecord> {
  const bytes = checkCv(new Uint8Array(Buffer.from(pdfBase64, 'base64')));
  if (!(await deps.people.get(identity.personId))) throw new NotFoundError('person', identity.personId);
  await deps.files.put(cvFileKey(identity.personId), bytes, 'application/pdf');
  const record = { personId: identity.personId, size: bytes.length, uploadedAt: deps.now().toISOString() };
  await deps.personData.saveCv(record);
  return record;
}

/** Removes the person's CV: the record first (so nothing offers it), then the file. */
export async function removeCv(deps: CvDependencies, identity: Identity): Promise<{ removed: boolean }> {
  const record = await deps.personData.getCv(identity.personId);
  await deps.personData.removeCv(identity.personId);
  await deps.files.delete(cvFileKey(identity.personId));
  return { removed: record !== null };
}

export async function readOwnCv(deps: Pick<CvDependencies, 'files' | 'personData'>, personId: string): Promise<CvFile> {
  const record = await deps.personData.getCv(personId);
  const bytes = record ? await deps.files.get(cvFileKey(personId)) : null;
  if (!record || !bytes) throw new NotFoundError('cv', personId);
  return { bytes, record };
}

/**
 * An applicant's CV, for an admin of the syndicate whose opening they applied to with it attached.
 * Anyone else, and an application without a CV, gets the same 404.
 */
export async function readApplicantCv(
  deps: Pick<CvDependencies, 'files' | 'personData'> & {
    openings: Pick<OpeningRepository, 'getApplication'>;
    syndicates: Pick<SyndicateRepository, 'getMembership'>;
  },
  identity: Identity,
  openingId: string,
  personId: string,
): Promise<CvFile> {
  const application = await deps.openings.getApplication(openingId, personId);
  const allowed =
    application?.withCv === true &&
    (personId === identity.personId || (await isAdmin(deps, application.syndicateId, identity.personId)));
  if (!allowed) throw new NotFoundError('cv', personId);
  return readOwnCv(deps, personId);
}
