// Practical sign-off over the API against DynamoDB Local (issue 18): Femi passes the plasterboard
// course's quiz, sends evidence (a photo whose location is stripped), asks Riverside Builders to assess;
// Lotte, a member holding the course's skills by credential, signs each task off, and the last sign-off
// issues the credential once, listing the tasks and their assessor. Beside every refusal, the call that
// succeeds with the same request from someone allowed.
import { describe, expect, it } from 'vitest';
import { evidenceImageKey } from '#domain/files/file-store.ts';
import { grantCourseCredential } from '#local/demo-data/credentials.ts';
import { newPerson } from '#domain/people/person.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { courseNamed, takeQuiz } from '../support/quiz.ts';
import { riversideBuilders } from '../support/riverside.ts';

const course = courseNamed('plasterboard-hanging-and-jointing');
const [boarding, jointing] = course.practical;
if (!boarding || !jointing) throw new Error('the plasterboard course declares two practical tasks');

/** A JPEG whose EXIF names where it was taken. */
const photo = () => {
  const exif = Buffer.from('Exif\0\0GPSLatitude 51.5072 N');
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 0xff]), exif]);
  const sos = Buffer.from([0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, sos, Buffer.from([1, 2, 3, 0xff, 0xd9])]);
};

const evidence = {
  description: 'Boarded one face of the practice wall to my layout, with an L-shaped board at the door.',
  links: ['https://video.example.org/femi-boarding'],
};
const signOff = { outcome: 'signed-off', comment: 'Watched by video: screws set right, joints staggered.' };

async function world() {
  const api = await apiOnFreshTable();
  const { services } = api;
  const at = new Date().toISOString();
  for (const [id, name] of [
    ['femi', 'Femi Adeyemi'],
    ['lotte', 'Lotte Bakker'],
    ['bo', 'Bo Lindqvist'],
    ['cy', 'Cy Moreau'],
  ] as const)
    await services.people.createIfAbsent(newPerson({ id, name, email: `${id}@example.org`, createdAt: at }));
  await services.syndicates.create(...riversideBuilders(at));
  const request = await services.syndicates.requestMembership({
    syndicateId: 'riverside',
    personId: 'bo',
    role: 'member',
    status: 'requested',
    requestedAt: at,
  });
  await services.syndicates.changeMembership(request, {
    ...request,
    status: 'active',
    decidedAt: at,
    decidedBy: 'lotte',
  });
  await grantCourseCredential(services, 'lotte', course.id);
  return api;
}

type Call = Awaited<ReturnType<typeof world>>['call'];
const review = (call: Call, as: string, taskId: string, payload: unknown = signOff) =>
  call('POST', `/api/practical-work/femi/${course.id}/tasks/${taskId}/reviews`, as, payload);

/** Femi past the quiz, with evidence on both tasks, Riverside Builders asked. */
async function asked() {
  const api = await world();
  await takeQuiz(api.call, 'femi', course);
  for (const task of course.practical)
    await api.call('PUT', `/api/me/enrollments/${course.id}/practical/${task.id}/evidence`, 'femi', evidence);
  const ask = await api.call('POST', `/api/me/enrollments/${course.id}/practical/assessment-request`, 'femi', {
    syndicateId: 'riverside',
  });
  expect(ask.status).toBe(200);
  return api;
}

describe('practical sign-off over the API', () => {
  it('issues no credential for a pass of a course with practical tasks, and says the tasks wait', async () => {
    const { call } = await world();
    const passed = await takeQuiz(call, 'femi', course);
    expect(body(passed).grade.passed).toBe(true);
    expect(body(passed).credentialId).toBeUndefined();
    expect(body(passed).practicalTasksLeft).toBe(2);
    expect(body(await call('GET', '/api/me/learning', 'femi')).credentials).toEqual([]);
  });

  it('refuses evidence before the quiz is passed, and takes it after', async () => {
    const { call } = await world();
    const path = `/api/me/enrollments/${course.id}/practical/${boarding.id}/evidence`;
    await call('POST', '/api/me/enrollments', 'femi', { courseId: course.id });
    const early = await call('PUT', path, 'femi', evidence);
    expect(early.status).toBe(422);
    expect(body(early).rule).toBe('quiz-not-passed');
    await takeQuiz(call, 'femi', course);
    const sent = await call('PUT', path, 'femi', evidence);
    expect(sent.status).toBe(200);
    expect(body(sent).evidence).toMatchObject(evidence);
  });

  it('stores a photo without its location, and shows it to the learner and the asked syndicate’s members only', async () => {
    const { call } = await asked();
    const added = await call('POST', `/api/me/enrollments/${course.id}/practical/${boarding.id}/images`, 'femi', {
      image: photo().toString('base64'),
    });
    expect(added.status).toBe(201);
    const [image] = body(added).evidence.images;
    const path = `/api/practical-work/femi/${course.id}/tasks/${boarding.id}/images/${image.id}`;
    for (const as of ['femi', 'lotte', 'bo']) {
      const shown = await call('GET', path, as);
      expect(shown.status, as).toBe(200);
      expect(shown.headers['content-type']).toBe('image/jpeg');
      expect(shown.headers['x-content-type-options']).toBe('nosniff');
      const bytes = Buffer.from(String(shown.body), 'base64');
      expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      expect(bytes.includes('GPSLatitude')).toBe(false);
    }
    expect((await call('GET', path, 'cy')).status).toBe(404);
  });

  it('removes the evidence photos, and the work, with the learner’s account', async () => {
    const { call, services } = await asked();
    const added = await call('POST', `/api/me/enrollments/${course.id}/practical/${boarding.id}/images`, 'femi', {
      image: photo().toString('base64'),
    });
    const key = evidenceImageKey('femi', course.id, boarding.id, body(added).evidence.images[0].id);
    expect(await services.files.get(key)).not.toBeNull();
    let deletion = await call('DELETE', '/api/me', 'femi');
    while (body(deletion).status === 'deleting') deletion = await call('DELETE', '/api/me', 'femi');
    expect(body(deletion).status).toBe('deleted');
    expect(await services.files.get(key)).toBeNull();
    expect(await services.assessments.get('femi', course.id)).toBeNull();
    expect(body(await call('GET', '/api/syndicates/riverside/practical-work', 'lotte')).items).toEqual([]);
  });

  it('refuses asking a syndicate before every task has evidence, naming the task', async () => {
    const { call } = await world();
    await takeQuiz(call, 'femi', course);
    await call('PUT', `/api/me/enrollments/${course.id}/practical/${boarding.id}/evidence`, 'femi', evidence);
    const ask = await call('POST', `/api/me/enrollments/${course.id}/practical/assessment-request`, 'femi', {
      syndicateId: 'riverside',
    });
    expect(ask.status).toBe(422);
    expect(body(ask).detail).toContain(jointing.title);
  });

  it('lists the waiting work to the syndicate’s members, and to no one else', async () => {
    const { call } = await asked();
    const queue = await call('GET', '/api/syndicates/riverside/practical-work', 'lotte');
    expect(queue.status).toBe(200);
    expect(body(queue).items).toEqual([expect.objectContaining({ personId: 'femi', courseId: course.id, waiting: 2 })]);
    expect((await call('GET', '/api/syndicates/riverside/practical-work', 'cy')).status).toBe(404);
    expect((await call('GET', '/api/syndicates/riverside/practical-work', 'femi')).status).toBe(404);
  });

  it('lets only an eligible assessor sign off: not the learner, not a member without the credential, not an outsider', async () => {
    const { call } = await asked();
    const self = await review(call, 'femi', boarding.id);
    expect(self.status).toBe(403);
    expect(body(self).detail).toMatch(/your own work/);
    const uncredentialed = await review(call, 'bo', boarding.id);
    expect(uncredentialed.status).toBe(403);
    expect(body(uncredentialed).detail).toMatch(/credential for Plasterboard hanging/);
    expect((await review(call, 'cy', boarding.id)).status).toBe(404);
    const view = await call('GET', `/api/practical-work/femi/${course.id}`, 'bo');
    expect(body(view)).toMatchObject({ mayAssess: false, refusal: expect.stringMatching(/credential/) });
    // The same refusals in the reader's language (Accept-Language).
    const spanish = await call(
      'POST',
      `/api/practical-work/femi/${course.id}/tasks/${boarding.id}/reviews`,
      'femi',
      signOff,
      {
        'accept-language': 'es',
      },
    );
    expect(spanish.status).toBe(403);
    expect(body(spanish).detail).toBe(
      'No puedes evaluar tu propio trabajo: tiene que hacerlo alguien de otro colectivo.',
    );
    const dutch = await call('GET', `/api/practical-work/femi/${course.id}`, 'bo', undefined, {
      'accept-language': 'nl',
    });
    expect(dutch.headers['content-language']).toBe('nl');
    expect(body(dutch).refusal).toMatch(
      /heb je een diploma nodig voor Plasterboard hanging en .+ op niveau gevorderd of hoger\./,
    );
    expect((await review(call, 'lotte', boarding.id)).status).toBe(200);
  });

  it('takes new evidence after a request for more, and puts the task back before the assessors', async () => {
    const { call } = await asked();
    const more = { outcome: 'more-asked', comment: 'Show the screws by the door opening, closer.' };
    expect(body(await review(call, 'lotte', boarding.id, more)).status).toBe('more-asked');
    expect((await review(call, 'lotte', boarding.id)).status).toBe(409);
    const queue = () => call('GET', '/api/syndicates/riverside/practical-work', 'lotte').then((r) => body(r).items);
    expect(await queue()).toEqual([expect.objectContaining({ waiting: 1 })]);
    const path = `/api/me/enrollments/${course.id}/practical/${boarding.id}/evidence`;
    await call('PUT', path, 'femi', {
      ...evidence,
      description: `${evidence.description} Close-up of the screws added.`,
    });
    expect(await queue()).toEqual([expect.objectContaining({ waiting: 2 })]);
    expect(body(await review(call, 'lotte', boarding.id)).status).toBe('signed-off');
    // A signed-off task's evidence stays as the assessor saw it.
    expect((await call('PUT', path, 'femi', evidence)).status).toBe(409);
  });

  it('refuses an assessor while the learner asks to join their syndicate', async () => {
    const { call } = await asked();
    expect((await call('POST', '/api/syndicates/riverside/join-requests', 'femi')).status).toBe(201);
    const conflicted = await review(call, 'lotte', boarding.id);
    expect(conflicted.status).toBe(403);
    expect(body(conflicted).detail).toMatch(/open application to Riverside Builders/);
  });

  it('issues the credential with the last sign-off, once, listing each task and its assessor', async () => {
    const { call, services } = await asked();
    const before = await services.learning.credentialsIssued();
    const first = await review(call, 'lotte', boarding.id);
    expect(body(first)).toMatchObject({ status: 'signed-off' });
    expect(body(first).credentialId).toBeUndefined();
    expect((await review(call, 'lotte', boarding.id)).status).toBe(409);

    // The last task signed off twice at once: one issues the credential, the other is refused.
    const both = await Promise.all([review(call, 'lotte', jointing.id), review(call, 'lotte', jointing.id)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const credentialId = both.map((r) => body(r).credentialId).find(Boolean);
    expect(credentialId).toMatch(/^[a-km-z2-9]{16}$/);
    expect(await services.learning.credentialsIssued()).toBe(before + 1);
    expect(body(await call('GET', '/api/me/learning', 'femi')).credentials).toHaveLength(1);

    const shared = body(await call('GET', `/api/credentials/${credentialId}`, null));
    expect(shared.verification.status).toBe('valid');
    expect(shared.earnedBy).toBe('quiz-and-practical');
    expect(shared.evidence).toEqual(
      course.practical.map((task) =>
        expect.objectContaining({ task: task.title, assessorUrl: 'https://guildhall.test/people/lotte/' }),
      ),
    );
    // The verifier reads the same evidence from the signed credential itself.
    const verified = body(await call('POST', '/api/credentials/verify', null, { credential: shared.jws }));
    expect(verified).toMatchObject({ valid: true, earnedBy: 'quiz-and-practical' });
    expect(verified.evidence.map((item: { task: string }) => item.task)).toEqual(course.practical.map((t) => t.title));
    // The queue is empty once nothing waits.
    expect(body(await call('GET', '/api/syndicates/riverside/practical-work', 'lotte')).items).toEqual([]);
  });

  it('refuses in the review’s own write an assessor whose membership or credential is gone, changing nothing', async () => {
    const { services } = await asked();
    const stored = await services.assessments.get('femi', course.id);
    if (!stored) throw new Error('no practical work stored');
    const reviewed = {
      ...stored,
      tasks: stored.tasks.map((task) =>
        task.taskId === boarding.id
          ? {
              ...task,
              review: {
                ...signOff,
                outcome: 'signed-off' as const,
                assessorId: 'bo',
                syndicateId: 'riverside',
                at: stored.updatedAt,
              },
            }
          : task,
      ),
      version: stored.version + 1,
    };
    const guard = (assessorId: string, skills = boarding.skills) => ({
      syndicateId: 'riverside',
      assessorId,
      learnerId: 'femi',
      skills: skills.map((skillId) => ({ skillId, levels: ['working' as const, 'proficient' as const] })),
    });
    // Bo is a member without the credential; Cy holds neither; Lotte holds both (the write that passes).
    await expect(services.assessments.saveReview(reviewed, guard('bo'))).rejects.toThrow(/changed meanwhile/);
    await expect(services.assessments.saveReview(reviewed, guard('cy', []))).rejects.toThrow(/changed meanwhile/);
    expect(await services.assessments.get('femi', course.id)).toEqual(stored);
    await services.assessments.saveReview(reviewed, guard('lotte'));
    expect((await services.assessments.get('femi', course.id))?.version).toBe(stored.version + 1);
  });

  it('says a credential earned by the quiz alone is one', async () => {
    const { call, services } = await world();
    const lotte = body(await call('GET', '/api/me/learning', 'lotte')).credentials[0];
    const shared = body(await call('GET', `/api/credentials/${lotte.id}`, null));
    expect(shared).toMatchObject({ earnedBy: 'quiz', evidence: [] });
    expect(shared.achievement.criteria).toMatch(/quiz alone/);
    expect(await services.learning.credentialsIssued()).toBe(1);
  });
});
