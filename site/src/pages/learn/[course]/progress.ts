import type { APIRoute } from 'astro';
import { completeLessonCommand, enrollCommand } from '#app/commands/learning-commands.ts';
import { isId } from '#domain/ids.ts';
import { notAForm, readForm, submitCommand } from '../../../lib/command-form.ts';
import { getServices } from '../../../lib/services.ts';
import { currentIdentity, seeOther, signInRedirect } from '../../../lib/session.ts';

export const prerender = false;

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** Marks a lesson done (enrolling first if needed) and moves on to the next lesson or the quiz. */
export const POST: APIRoute = async ({ params, cookies, request }) => {
  const courseId = params.course;
  if (!isId(courseId)) return text('No such course.', 404);
  const form = await readForm(request);
  if (!form) return text(notAForm, 400);
  const lessonId = String(form.get('lessonId') ?? '');
  const identity = await currentIdentity(cookies);
  if (!identity) return signInRedirect(`/learn/${courseId}/${isId(lessonId) ? `${lessonId}/` : ''}`);
  const enrolled = await submitCommand(enrollCommand, { identity, body: { courseId } });
  if (!enrolled.ok) return text(enrolled.status === 404 ? 'No such course.' : enrolled.message, enrolled.status);
  const done = await submitCommand(completeLessonCommand, { identity, params: { courseId, lessonId }, form });
  if (!done.ok) return text(done.status === 404 ? 'No such lesson in this course.' : done.message, done.status);
  const course = getServices().commons.courses.get(courseId);
  const position = course?.lessons.findIndex((lesson) => lesson.id === lessonId) ?? -1;
  const next = course?.lessons[position + 1];
  return seeOther(next ? `/learn/${courseId}/${next.id}/` : `/learn/${courseId}/quiz/`);
};
