// A member's recommendations in their language over the API on DynamoDB Local (issue 19): each course's
// reason, goal first, worded by Accept-Language with Content-Language; English without one of ours.
import { beforeAll, describe, expect, it } from 'vitest';
import { apiOnFreshTable, body } from '../support/api-client.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];

beforeAll(async () => {
  ({ call } = await apiOnFreshTable());
  await call('GET', '/api/me', 'gia');
  expect((await call('PUT', '/api/me/goal', 'gia', { trade: 'food', skills: ['food-hygiene-basics'] })).status).toBe(
    200,
  );
}, 60_000);

const reasons = async (language?: string) => {
  const response = await call('GET', '/api/me/recommendations', 'gia', undefined, {
    ...(language ? { 'accept-language': language } : {}),
  });
  expect(response.status).toBe(200);
  const { courses } = body(response) as { courses: Array<{ courseId: string; reason: string }> };
  return { language: response.headers['content-language'], courses };
};

describe('a member’s recommendations in Spanish and Dutch', () => {
  it('give each course’s reason in the reader’s language, the same courses in the same order', async () => {
    const english = await reasons();
    const spanish = await reasons('es-ES,es;q=0.9,en;q=0.5');
    const dutch = await reasons('nl-NL');
    expect([english.language, spanish.language, dutch.language]).toEqual(['en', 'es', 'nl']);
    expect(spanish.courses.map((c) => c.courseId)).toEqual(english.courses.map((c) => c.courseId));
    expect(english.courses[0]?.reason).toMatch(/^Because you aim to work in food and for .+, it teaches /);
    expect(spanish.courses[0]?.reason).toMatch(/^Como buscas trabajar en food y aprender .+, enseña /);
    expect(dutch.courses[0]?.reason).toMatch(/^Past bij je doel \(werk in food en .+\): hij leert /);
    for (const { reason } of [...spanish.courses, ...dutch.courses]) {
      expect(reason).not.toMatch(/undefined|open position|syndicate|prerequisite|in shortage/);
    }
  });

  it('answers English to a reader asking for none of ours', async () => {
    const german = await reasons('de-DE');
    expect(german.language).toBe('en');
    expect(german.courses[0]?.reason).toMatch(/^Because you aim /);
  });
});
