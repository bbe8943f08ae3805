// A person's CV: uploaded by them, read by them and by the admins of a syndicate they applied to with
// it attached. Served only as a download (attachment, application/pdf, nosniff), never shown inline,
// so a file that slipped past the checks still cannot run as a page of this origin.
import * as z from 'zod/mini';
import { removeCvCommand, uploadCvCommand } from '#app/commands/account-commands.ts';
import { documented } from '#config/bundle.ts';
import { idSchema, personIdSchema } from '#domain/ids.ts';
import { cvDownloadHeaders, maxCvBodyBytes, maxCvBytes, megabytes } from '#domain/people/cv.ts';
import { type CvFile, readApplicantCv, readOwnCv } from '#domain/people/cv-use-cases.ts';
import { commandRoute, protectedRoute, type RouteResult } from '../route.ts';

/** The one way a CV leaves the API. */
function cvDownload(file: CvFile, name: string): RouteResult {
  return { status: 200, bytes: file.bytes, contentType: 'application/pdf', headers: cvDownloadHeaders(name) };
}

const cvRecordSchema = () => z.object({ personId: z.string(), size: z.number(), uploadedAt: z.string() });

export const cvRoutes = [
  commandRoute(uploadCvCommand, {
    method: 'PUT',
    path: '/api/me/cv',
    bodyLimit: { bytes: maxCvBodyBytes, says: { of: 'cv', most: maxCvBytes } },
    doc: documented && {
      summary: `Upload your CV: a PDF of at most ${megabytes(maxCvBytes)}, its bytes in base64 (replaces the one before)`,
      tags: ['people'],
      responses: {
        200: { description: 'The CV is on your profile.', schema: cvRecordSchema },
        413: { description: `Larger than ${megabytes(maxCvBytes)}.` },
        422: { description: 'Not a PDF, or a PDF carrying scripts, embedded files or launch actions.' },
      },
    },
    respond: (record) => ({ status: 200, body: record, headers: { 'cache-control': 'private, no-store' } }),
  }),
  commandRoute(removeCvCommand, {
    method: 'DELETE',
    path: '/api/me/cv',
    doc: documented && {
      summary: 'Remove your CV',
      tags: ['people'],
      responses: { 200: { description: 'Your profile has no CV now; `removed` says whether it had one.' } },
    },
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/me/cv',
    auth: 'required',
    doc: documented && {
      summary: 'Download your CV (a PDF, as an attachment)',
      tags: ['people'],
      responses: {
        200: { description: 'The PDF.', contentType: 'application/pdf' },
        404: { description: 'There is no CV on your profile.' },
      },
    },
    async handle({ identity, services }) {
      return cvDownload(await readOwnCv(services, identity.personId), 'cv.pdf');
    },
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/openings/{openingId}/applications/{personId}/cv',
    auth: 'required',
    input: () => ({ params: z.object({ openingId: idSchema(), personId: personIdSchema() }) }),
    doc: documented && {
      summary: 'Download the CV an applicant attached (the syndicate’s admins, and the applicant)',
      tags: ['people', 'openings'],
      responses: {
        200: { description: 'The PDF.', contentType: 'application/pdf' },
        404: { description: 'No such application, no CV attached to it, or not yours to see.' },
      },
    },
    async handle({ params, identity, services }) {
      const file = await readApplicantCv(services, identity, params.openingId, params.personId);
      return cvDownload(file, `cv-${params.openingId}.pdf`);
    },
  }),
];
