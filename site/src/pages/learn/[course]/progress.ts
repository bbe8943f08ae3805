import type { APIRoute } from 'astro';
import { NotFoundError } from '#domain/errors.ts';
import { completeLesson, enrollInCourse } from '#domain/learning/learning-use-cases.ts';
import { getServices } from '../../../lib/services.ts';
import { currentIdentity, seeOther, signInRedirect } from '../../../lib/session.ts';

export const prerender = false;

/** Marks a lesson done (enrolling first if needed) and moves on to the next lesson or the quiz. */
export const POST: APIRoute = async ({ params, cookies, request }) => {
  const courseId = params.course ?? '';
  const form = await request.formData();
  const lessonId = String(form.get('lessonId') ?? '');
  const identity = await currentIdentity(cookies);
  if (!identity) return signInRedirect(`/learn/${courseId}/${lessonId}/`);
  const services = getServices();
  try {
    await enrollInCourse(services, identity, courseId);
    await completeLesson(services, identity, courseId, lessonId);
    const course = services.commons.courses.get(courseId);
    const position = course?.lessons.findIndex((lesson) => lesson.id === lessonId) ?? -1;
    const next = course?.lessons[position + 1];
    return seeOther(next ? `/learn/${courseId}/${next.id}/` : `/learn/${courseId}/quiz/`);
  } catch (error) {
    if (error instanceof NotFoundError) return new Response('No such course or lesson.', { status: 404 });
    throw error;
  }
};
