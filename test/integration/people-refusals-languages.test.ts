// A person's own refusals in the reader's language over the API against DynamoDB Local (issue 19): a
// profile changed from a stale copy, a CV that is no PDF, a quiz before its lessons are done, each in
// Spanish or Dutch by Accept-Language, with Content-Language; the fields and rules unchanged.
import { describe, expect, it } from 'vitest';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { answersTo, courseNamed } from '../support/quiz.ts';

const course = courseNamed('plasterboard-hanging-and-jointing');

describe('a person’s own refusals in Spanish and Dutch', () => {
  it('words a stale profile, a CV that is no PDF and a quiz before its lessons by Accept-Language', async () => {
    const { call } = await apiOnFreshTable();
    await call('GET', '/api/me', 'ana');

    const stale = await call('PATCH', '/api/me', 'ana', { version: 7, bio: 'Yesera.' }, { 'accept-language': 'es' });
    expect(stale.status).toBe(409);
    expect(stale.headers['content-language']).toBe('es');
    expect(body(stale).detail).toBe(
      'Tu perfil se cambió en otro sitio (en otra pestaña o en otro dispositivo) después de que abrieras esta copia. No se ha guardado nada: vuelve a cargar la página para ver el perfil actual y haz tu cambio de nuevo.',
    );

    const notPdf = await call(
      'PUT',
      '/api/me/cv',
      'ana',
      { pdf: Buffer.from('Curriculum vitae de Ana').toString('base64') },
      { 'accept-language': 'nl-NL,nl;q=0.9' },
    );
    expect(notPdf.status).toBe(422);
    expect(notPdf.headers['content-language']).toBe('nl');
    const saidNl =
      'Alleen een pdf kan een cv zijn, en dit bestand is er geen (een pdf begint met %PDF-). Sla je cv op als pdf.';
    expect(body(notPdf).errors).toEqual([{ field: 'body.pdf', message: saidNl }]);
    expect(body(notPdf).detail).toBe(saidNl);

    await call('POST', '/api/me/enrollments', 'ana', { courseId: course.id });
    const early = await call(
      'POST',
      `/api/me/enrollments/${course.id}/quiz-attempts`,
      'ana',
      {
        drawId: 'none',
        answers: answersTo(
          course,
          course.quiz.map((question) => question.id),
        ),
      },
      { 'accept-language': 'es' },
    );
    expect(early.status).toBe(422);
    expect(early.headers['content-language']).toBe('es');
    const left = course.lessons.length;
    expect(body(early)).toMatchObject({
      rule: 'lessons-not-done',
      detail: `Termina las lecciones antes del cuestionario: ${left === 1 ? 'queda' : 'quedan'} ${left} de ${left}, y la siguiente es «${course.lessons[0]?.title}».`,
    });
  });
});
