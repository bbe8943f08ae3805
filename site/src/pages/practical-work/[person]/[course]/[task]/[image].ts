import type { APIRoute } from 'astro';
import { readEvidenceImage } from '#domain/learning/assess-practical.ts';
import { evidenceImageHeaders } from '#domain/learning/evidence-image.ts';
import { NotFoundError } from '#domain/errors.ts';
import { getServices } from '../../../../../lib/services.ts';
import { currentIdentity, signInRedirect } from '../../../../../lib/session.ts';

export const prerender = false;

/** An evidence photo: for the learner and the members of the syndicate they asked; 404 for anyone else. */
export const GET: APIRoute = async ({ cookies, params, url }) => {
  const identity = await currentIdentity(cookies);
  if (!identity) return signInRedirect(url.pathname);
  try {
    const image = await readEvidenceImage(
      getServices(),
      identity,
      params.person ?? '',
      params.course ?? '',
      params.task ?? '',
      params.image ?? '',
    );
    return new Response(Buffer.from(image.bytes), { headers: evidenceImageHeaders(image.contentType) });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response('No such photo.', { status: 404 });
    throw error;
  }
};
