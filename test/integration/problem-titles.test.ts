// A refusal's title in the reader's language: the API's problem+json says its title, as its detail and
// field messages, in the language Accept-Language asks for, with the same `type` and `status` in every
// language, through the router on DynamoDB Local.
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiResponse, apiOnFreshTable, body } from '../support/api-client.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
const spanish = { 'accept-language': 'es-ES,es;q=0.9,en;q=0.5' };
// The problem+json body's type and title, with the response's status and Content-Language.
const problemOf = (response: ApiResponse) => {
  const { type, title } = body(response) as { type: string; title: string };
  return { status: response.status, language: response.headers['content-language'], type, title };
};

beforeAll(async () => {
  ({ call } = await apiOnFreshTable());
  await call('GET', '/api/me', 'gia');
}, 60_000);

describe('a problem’s title in the reader’s language', () => {
  it('says a course that does not exist is not found, in Spanish, with the same type and status', async () => {
    const english = problemOf(await call('GET', '/api/courses/no-such-course', null));
    const translated = problemOf(await call('GET', '/api/courses/no-such-course', null, undefined, spanish));
    expect(english).toMatchObject({ status: 404, title: 'Not found', language: 'en' });
    expect(translated).toMatchObject({
      status: 404,
      language: 'es',
      title: 'No encontrado',
      type: english.type,
    });
    expect(translated.type).toBe('https://guildhall.coop/problems/not-found');
  });

  it('says a goal naming a skill the commons does not know cannot be accepted, in Spanish and in Dutch', async () => {
    const goal = { skills: ['food-hygiene-basics', 'juggling'] };
    const translated = problemOf(await call('PUT', '/api/me/goal', 'gia', goal, spanish));
    expect(translated).toMatchObject({
      status: 422,
      language: 'es',
      title: 'Algunos valores no se pueden aceptar',
      type: 'https://guildhall.coop/problems/unprocessable',
    });
    const dutch = problemOf(await call('PUT', '/api/me/goal', 'gia', goal, { 'accept-language': 'nl' }));
    expect(dutch).toMatchObject({ status: 422, title: 'Sommige waarden kunnen niet worden aanvaard' });
    expect(problemOf(await call('PUT', '/api/me/goal', 'gia', goal))).toMatchObject({
      title: 'Some values cannot be accepted',
    });
  });

  it('says the router’s own answers in the reader’s language: no route at a path, a method it does not allow', async () => {
    const dutch = await call('GET', '/api/no-such-thing', null, undefined, { 'accept-language': 'nl' });
    expect(problemOf(dutch)).toMatchObject({ status: 404, language: 'nl', title: 'Niet gevonden' });
    expect(body(dutch).detail).toBe('Geen API-route op /api/no-such-thing.');
    const english = await call('DELETE', '/api/courses', null);
    expect(problemOf(english)).toMatchObject({ status: 405, title: 'Method not allowed' });
    expect(body(english).detail).toBe('/api/courses allows GET.');
    const wrong = await call('DELETE', '/api/courses', null, undefined, spanish);
    expect(problemOf(wrong)).toMatchObject({
      status: 405,
      language: 'es',
      title: 'Método no permitido',
      type: problemOf(english).type,
    });
    expect(body(wrong).detail).toBe('/api/courses admite GET.');
    expect(wrong.headers.allow).toBe('GET');
  });
});
