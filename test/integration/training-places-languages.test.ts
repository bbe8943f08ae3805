// A training place's refusals in the reader's language over the API against DynamoDB Local (issue 19):
// the opening's terms and an application to the place, each problem's detail and field message in
// Spanish or Dutch by Accept-Language, with Content-Language, the field paths and rule unchanged.
import { describe, expect, it } from 'vitest';
import { newPerson } from '#domain/people/person.ts';
import { grantCourseCredential } from '#local/demo-data/credentials.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { courseNamed } from '../support/quiz.ts';
import { riversideBuilders } from '../support/riverside.ts';

const course = courseNamed('plasterboard-hanging-and-jointing');
const place = (training: Record<string, unknown>) => ({
  title: 'Plasterboard trainee, mentored',
  description: 'Hang and joint board on our refurbishments beside a mentor, while you finish the course.',
  skills: [{ skill: 'plasterboard-hanging', level: 'working' }],
  positions: 1,
  hoursPerWeek: 20,
  pay: [{ amount: 1500, currency: 'EUR', per: 'hour' }],
  place: 'Rotterdam, NL',
  remote: false,
  employmentType: 'TEMPORARY',
  validThrough: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
  training,
});

describe('a training place’s refusals in Spanish and Dutch', () => {
  it('words the terms’ refusal and the application’s by Accept-Language, keeping the field and the rule', async () => {
    const { services, call } = await apiOnFreshTable();
    const at = new Date().toISOString();
    for (const id of ['lotte', 'dee', 'cy'])
      await services.people.createIfAbsent(newPerson({ id, name: id, email: `${id}@example.org`, createdAt: at }));
    await services.syndicates.create(...riversideBuilders(at));
    await grantCourseCredential(services, 'lotte', course.id);
    await grantCourseCredential(services, 'dee', course.id);
    const post = (training: Record<string, unknown>, language: string) =>
      call('POST', '/api/syndicates/riverside/openings', 'lotte', place(training), { 'accept-language': language });

    // Dee holds the course but is no member of Riverside Builders.
    const outsider = await post({ courseId: course.id, mentorId: 'dee' }, 'es-ES,es;q=0.9');
    expect(outsider.status).toBe(422);
    expect(outsider.headers['content-language']).toBe('es');
    expect(body(outsider).errors).toEqual([
      { field: 'body.training.mentorId', message: 'El mentor tiene que ser miembro activo de Riverside Builders.' },
    ]);
    expect(body(outsider).detail).toContain('El mentor tiene que ser miembro activo de Riverside Builders.');
    const unknown = await post({ courseId: 'no-such-course', mentorId: 'lotte' }, 'nl');
    expect(unknown.headers['content-language']).toBe('nl');
    expect(body(unknown).errors).toEqual([
      { field: 'body.training.courseId', message: 'Er is geen cursus met deze id in de commons.' },
    ]);

    const posted = await post({ courseId: course.id, mentorId: 'lotte' }, 'es');
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const id = String(body(posted).id);
    expect((await call('PUT', `/api/openings/${id}/status`, 'lotte', { status: 'open' })).status).toBe(200);
    const stranger = await call(
      'PUT',
      `/api/openings/${id}/applications/me`,
      'cy',
      { note: 'Tengo muchas ganas.' },
      { 'accept-language': 'es' },
    );
    expect(stranger.status).toBe(422);
    expect(stranger.headers['content-language']).toBe('es');
    expect(body(stranger)).toMatchObject({
      rule: 'not-a-learner-of-the-course',
      detail: `Esta plaza de formación es para quienes estudian «${course.title}»: inscríbete primero en el curso y después preséntate.`,
    });
  });
});
