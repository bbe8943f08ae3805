import type { APIRoute } from 'astro';
import { NotFoundError } from '#domain/errors.ts';
import { getMyCredential } from '#domain/learning/learning-use-cases.ts';
import { getServices } from '../../../lib/services.ts';
import { currentIdentity, signInRedirect } from '../../../lib/session.ts';

export const prerender = false;

/** The signed-in learner's credential as a file: a compact JWS (Open Badges 3.0, VC-JWT). */
export const GET: APIRoute = async ({ params, cookies }) => {
  const id = params.id ?? '';
  const identity = await currentIdentity(cookies);
  if (!identity) return signInRedirect(`/me/credentials/${encodeURIComponent(id)}`);
  try {
    const credential = await getMyCredential(getServices(), identity, id);
    return new Response(credential.jws, {
      headers: {
        'content-type': 'application/vc+jwt',
        'content-disposition': `attachment; filename="${credential.courseId}.credential.jwt"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response('No such credential.', { status: 404 });
    throw error;
  }
};
