import type { APIRoute } from 'astro';
import { NotFoundError } from '#domain/errors.ts';
import { isId } from '#domain/ids.ts';
import { readApplicantCv } from '#domain/people/cv-use-cases.ts';
import { cvDownloadHeaders } from '#domain/people/cv.ts';
import { getServices } from '../../../../../lib/services.ts';
import { currentIdentity, signInRedirect } from '../../../../../lib/session.ts';

export const prerender = false;

const notFound = () => new Response('No such CV.', { status: 404, headers: { 'content-type': 'text/plain' } });

/** The CV an applicant attached, for the syndicate's admins (and the applicant): a download only. */
export const GET: APIRoute = async ({ params, cookies }) => {
  const openingId = params.id;
  const personId = params.personId ?? '';
  if (!isId(openingId) || personId === '' || personId.length > 128) return notFound();
  const identity = await currentIdentity(cookies);
  if (!identity) return signInRedirect(`/jobs/${openingId}/applicants/`);
  try {
    const file = await readApplicantCv(getServices(), identity, openingId, personId);
    return new Response(Buffer.from(file.bytes), { headers: cvDownloadHeaders(`cv-${openingId}.pdf`) });
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    throw error;
  }
};
