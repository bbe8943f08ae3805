import type { APIRoute } from 'astro';
import { NotFoundError } from '#domain/errors.ts';
import { enrollInCourse } from '#domain/learning/learning-use-cases.ts';
import { getServices } from '../../../lib/services.ts';
import { currentIdentity, seeOther, signInRedirect } from '../../../lib/session.ts';

export const prerender = false;

/** Enrolls (once) and sends the learner to where they left off. */
export const POST: APIRoute = async ({ params, cookies }) => {
  const courseId = params.course ?? '';
  const identity = await currentIdentity(cookies);
  if (!identity) return signInRedirect(`/learn/${courseId}/`);
  try {
    const enrollment = await enrollInCourse(getServices(), identity, courseId);
    const target = enrollment.progress.allLessonsDone ? 'quiz' : enrollment.progress.resumeLessonId;
    return seeOther(`/learn/${courseId}/${target}/`);
  } catch (error) {
    if (error instanceof NotFoundError) return new Response('No such course.', { status: 404 });
    throw error;
  }
};
