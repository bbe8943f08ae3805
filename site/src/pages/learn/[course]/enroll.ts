import type { APIRoute } from 'astro';
import { enrollCommand } from '#app/commands/learning-commands.ts';
import { isId } from '#domain/ids.ts';
import { notAForm, readForm, submitCommand } from '../../../lib/command-form.ts';
import { currentIdentity, seeOther, signInRedirect } from '../../../lib/session.ts';

export const prerender = false;

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** Enrolls (once) and sends the learner to where they left off. */
export const POST: APIRoute = async ({ params, cookies, request }) => {
  const courseId = params.course;
  if (!isId(courseId)) return text('No such course.', 404);
  const identity = await currentIdentity(cookies);
  if (!identity) return signInRedirect(`/learn/${courseId}/`);
  const form = await readForm(request);
  if (!form) return text(notAForm, 400);
  const outcome = await submitCommand(enrollCommand, { identity, body: { courseId }, form });
  if (!outcome.ok) return text(outcome.status === 404 ? 'No such course.' : outcome.message, outcome.status);
  const { progress } = outcome.output;
  return seeOther(`/learn/${courseId}/${progress.allLessonsDone ? 'quiz' : progress.resumeLessonId}/`);
};
