import type { APIRoute } from 'astro';
import { NotFoundError } from '#domain/errors.ts';
import { readOwnCv } from '#domain/people/cv-use-cases.ts';
import { cvDownloadHeaders } from '#domain/people/cv.ts';
import { getServices } from '../../../lib/services.ts';
import { currentIdentity, signInRedirect } from '../../../lib/session.ts';

export const prerender = false;

/** The signed-in person's own CV, only ever as a download. */
export const GET: APIRoute = async ({ cookies }) => {
  const identity = await currentIdentity(cookies);
  if (!identity) return signInRedirect('/me/profile/cv/');
  try {
    const file = await readOwnCv(getServices(), identity.personId);
    return new Response(Buffer.from(file.bytes), { headers: cvDownloadHeaders('cv.pdf') });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response('There is no CV on your profile.', { status: 404 });
    throw error;
  }
};
