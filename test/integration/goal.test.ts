// A person's goal, through the API's router on DynamoDB Local: set, kept by other profile changes,
// refused by field when it names what the commons does not know, cleared; and the recommendations
// rank by it first and say so.
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiResponse, apiOnFreshTable, body } from '../support/api-client.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];

const fields = (response: ApiResponse) =>
  ((body(response).errors ?? []) as Array<{ field: string }>).map((issue) => issue.field);

beforeAll(async () => {
  ({ call } = await apiOnFreshTable());
  await call('GET', '/api/me', 'gia');
}, 60_000);

describe('your goal', () => {
  it('is set by PUT /api/me/goal, kept by a profile edit, and ranks recommendations first, in words', async () => {
    const set = await call('PUT', '/api/me/goal', 'gia', { trade: 'food', skills: ['food-hygiene-basics'] });
    expect(set.status).toBe(200);
    expect(body(set)).toMatchObject({ goal: { trade: 'food', skills: ['food-hygiene-basics'] }, version: 1 });
    expect((await call('PATCH', '/api/me', 'gia', { version: 1, place: 'Hull' })).status).toBe(200);
    expect(body(await call('GET', '/api/me', 'gia'))).toMatchObject({ place: 'Hull', goal: { trade: 'food' } });

    const { courses } = body(await call('GET', '/api/me/recommendations', 'gia')) as {
      courses: Array<{ courseId: string; reason: string; aimedFor: string[] }>;
    };
    const firstOutsideGoal = courses.findIndex((c) => c.aimedFor.length === 0);
    expect(firstOutsideGoal).toBeGreaterThan(0);
    expect(courses.slice(firstOutsideGoal).every((c) => c.aimedFor.length === 0)).toBe(true);
    expect(courses[0]?.reason).toMatch(/^Because you aim to work in food and for .+, it teaches /);
  });

  it('refuses a skill the commons does not know, a duplicate and an unknown trade, by field, and writes nothing', async () => {
    const before = body(await call('GET', '/api/me', 'gia'));
    const unknown = await call('PUT', '/api/me/goal', 'gia', { skills: ['food-hygiene-basics', 'juggling'] });
    expect(unknown.status).toBe(422);
    expect(fields(unknown)).toEqual(['body.skills.1']);
    const twice = await call('PUT', '/api/me/goal', 'gia', { skills: ['food-hygiene-basics', 'food-hygiene-basics'] });
    expect(twice.status).toBe(400);
    expect(fields(twice)).toEqual(['body.skills.1']);
    const trade = await call('PUT', '/api/me/goal', 'gia', { trade: 'astronaut' });
    expect(trade.status).toBe(400);
    expect(fields(trade)).toEqual(['body.trade']);
    expect(body(await call('GET', '/api/me', 'gia'))).toEqual(before);
  });

  it('is cleared by no trade and no skills', async () => {
    const cleared = await call('PUT', '/api/me/goal', 'gia', { trade: null, skills: [] });
    expect(cleared.status).toBe(200);
    expect(body(cleared).goal).toBeUndefined();
    expect(body(await call('GET', '/api/me', 'gia')).goal).toBeUndefined();
  });
});
