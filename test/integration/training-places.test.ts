// Training places over the API against DynamoDB Local (issue 18): Lotte, admin of Riverside Builders,
// posts a place for learners of the plasterboard course with herself as mentor; Femi, part way through
// the course, applies, is offered it and accepts, which fills it. Beside every refusal, the call that
// succeeds with the same request from someone allowed.
import { describe, expect, it } from 'vitest';
import { newPerson } from '#domain/people/person.ts';
import { recomputeIndex } from '#domain/shortages/recompute.ts';
import { refreshSource } from '#domain/shortages/refresh-source.ts';
import { weightedSupply } from '#domain/shortages/score.ts';
import { grantCourseCredential } from '#local/demo-data/credentials.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { courseNamed } from '../support/quiz.ts';
import { riversideBuilders } from '../support/riverside.ts';

const course = courseNamed('plasterboard-hanging-and-jointing');
const place = (training: Record<string, unknown> = { courseId: course.id, mentorId: 'lotte' }) => ({
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

async function world() {
  const api = await apiOnFreshTable();
  const { services, call } = api;
  const at = new Date().toISOString();
  for (const id of ['lotte', 'bo', 'femi', 'cy', 'dee'])
    await services.people.createIfAbsent(newPerson({ id, name: id, email: `${id}@example.org`, createdAt: at }));
  await services.syndicates.create(...riversideBuilders(at));
  await call('POST', '/api/syndicates/riverside/join-requests', 'bo');
  await call('PUT', '/api/syndicates/riverside/members/bo', 'lotte', { decision: 'approve' });
  await grantCourseCredential(services, 'lotte', course.id);
  await grantCourseCredential(services, 'dee', course.id);
  expect((await call('POST', '/api/me/enrollments', 'femi', { courseId: course.id })).status).toBe(201);
  return api;
}

describe('training places over the API', () => {
  it('lets an admin post a training place with a mentor who holds the course, and refuses others, naming the field', async () => {
    const { call } = await world();
    const post = (as: string, body: unknown) => call('POST', '/api/syndicates/riverside/openings', as, body);
    // Not an admin: told there is no such syndicate to post for, as every admin-only call answers.
    const notAdmin = await post('bo', place());
    expect(notAdmin.status).toBe(404);
    const unqualified = await post('lotte', place({ courseId: course.id, mentorId: 'bo' }));
    expect(unqualified.status).toBe(422);
    expect(body(unqualified).errors).toEqual([
      { field: 'body.training.mentorId', message: expect.stringMatching(/^The mentor needs a credential for /) },
    ]);
    // Dee holds the course but is no member of Riverside Builders.
    const outsider = await post('lotte', place({ courseId: course.id, mentorId: 'dee' }));
    expect(body(outsider).errors).toEqual([
      { field: 'body.training.mentorId', message: 'The mentor must be an active member of Riverside Builders.' },
    ]);
    const otherTrade = await post('lotte', place({ courseId: 'haccp-for-small-kitchens', mentorId: 'lotte' }));
    expect(otherTrade.status).toBe(422);
    expect(body(otherTrade).errors[0].field).toBe('body.training.courseId');
    const posted = await post('lotte', place());
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    expect(body(posted)).toMatchObject({ kind: 'training', training: { courseId: course.id, mentorId: 'lotte' } });
  });

  it('takes applications from learners of the course only, and fills the place when the offer is accepted', async () => {
    const { call } = await world();
    const posted = await call('POST', '/api/syndicates/riverside/openings', 'lotte', place());
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const id = String(body(posted).id);
    expect((await call('PUT', `/api/openings/${id}/status`, 'lotte', { status: 'open' })).status).toBe(200);
    const apply = (as: string) => call('PUT', `/api/openings/${id}/applications/me`, as, { note: 'I am keen.' });
    const stranger = await apply('cy');
    expect(stranger.status).toBe(422);
    expect(body(stranger)).toMatchObject({
      rule: 'not-a-learner-of-the-course',
      detail: `This training place is for learners of “${course.title}”: enroll in the course first, then apply.`,
    });
    const holder = await apply('dee');
    expect(body(holder).detail).toContain('You hold the credential');
    expect((await apply('femi')).status).toBe(200);
    const offered = await call('PUT', `/api/openings/${id}/applicants/femi/stage`, 'lotte', { stage: 'offered' });
    expect(offered.status).toBe(200);
    const accepted = await call('PUT', `/api/openings/${id}/applications/me/offer`, 'femi', { answer: 'accept' });
    expect(body(accepted)).toMatchObject({ application: { status: 'accepted' }, opening: { filled: 1 } });
    expect(body(await call('GET', `/api/openings/${id}`, null))).toMatchObject({ status: 'filled', kind: 'training' });
  });

  it('counts a learner in a filled place once in the shortage index’s supply, as a trainee instead of a learner', async () => {
    const { call, services } = await world();
    const source = { kind: 'enrollment', personId: 'femi', courseId: course.id } as const;
    const tallyOf = async (skill: string) =>
      new Map((await services.shortages.listAggregates()).map((a) => [a.skill, a.tally])).get(skill);
    await refreshSource(services, source);
    expect(await tallyOf('plasterboard-hanging')).toEqual({ learners: 1 });
    const id = String(body(await call('POST', '/api/syndicates/riverside/openings', 'lotte', place())).id);
    await call('PUT', `/api/openings/${id}/status`, 'lotte', { status: 'open' });
    await call('PUT', `/api/openings/${id}/applications/me`, 'femi', { note: 'I am keen.' });
    await call('PUT', `/api/openings/${id}/applicants/femi/stage`, 'lotte', { stage: 'offered' });
    await call('PUT', `/api/openings/${id}/applications/me/offer`, 'femi', { answer: 'accept' });
    // The stream refreshes the source for the trainee mark's record and the enrollment's alike: twice here.
    await refreshSource(services, source);
    await refreshSource(services, source);
    const tally = await tallyOf('plasterboard-hanging');
    expect(tally).toEqual({ trainees: 1 });
    expect(weightedSupply(tally ?? {})).toBe(0.5);
    // A recompute from the whole table (which also counts the filled place's opening and the credentials
    // granted here, never refreshed above) counts the learner the same: the mark is read beside the enrollment.
    await recomputeIndex(services);
    expect(await tallyOf('plasterboard-hanging')).toMatchObject({ trainees: 1 });
    expect((await tallyOf('plasterboard-hanging'))?.learners).toBeUndefined();
  });

  it('keeps a place’s kind on edit: a job cannot become a training place', async () => {
    const { call } = await world();
    const { training: _, ...job } = place();
    const id = String(body(await call('POST', '/api/syndicates/riverside/openings', 'lotte', job)).id);
    const edit = await call('PUT', `/api/openings/${id}`, 'lotte', place());
    expect(edit.status).toBe(422);
    expect(body(edit).errors[0].field).toBe('body.training');
    expect((await call('PUT', `/api/openings/${id}`, 'lotte', job)).status).toBe(200);
  });

  it('lists training places apart from jobs on the board and the syndicate’s board, and by course', async () => {
    const { call } = await world();
    const { training: _, ...job } = place();
    const post = async (input: unknown) => {
      const id = String(body(await call('POST', '/api/syndicates/riverside/openings', 'lotte', input)).id);
      expect((await call('PUT', `/api/openings/${id}/status`, 'lotte', { status: 'open' })).status).toBe(200);
      return id;
    };
    const jobId = await post({ ...job, title: 'Plasterer, experienced' });
    const placeId = await post(place());
    const ids = async (path: string) =>
      (body(await call('GET', path, null)).items as Array<{ id: string }>).map((o) => o.id);
    expect(await ids('/api/openings?kind=training')).toEqual([placeId]);
    expect(await ids('/api/openings?kind=job')).toEqual([jobId]);
    expect(await ids(`/api/openings?course=${course.id}`)).toEqual([placeId]);
    expect(await ids('/api/openings?course=haccp-for-small-kitchens')).toEqual([]);
    expect(await ids('/api/syndicates/riverside/openings?kind=training')).toEqual([placeId]);
    expect((await ids('/api/openings')).sort()).toEqual([jobId, placeId].sort());
    const wrong = await call('GET', '/api/openings?kind=apprentice', null);
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(body(wrong))).toContain('kind');
  });
});
