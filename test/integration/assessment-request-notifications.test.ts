// A learner's request for an assessment tells the asked syndicate, through the stream, on the real store:
// Femi asks Riverside Builders; Lotte and Ana, active members holding the course's skills by credential,
// are told once each with a link to the syndicate's practical-work queue; Bo (a member without the
// credential), Cy (holding it, outside the syndicate) and Femi are not, however often records replay.
import { afterEach, describe, expect, it } from 'vitest';
import { notificationStreamDependencies, notifyStreamRecords } from '#app/stream-notifications.ts';
import type { Notification } from '#domain/notifications/notification.ts';
import { newPerson } from '#domain/people/person.ts';
import { grantCourseCredential } from '#local/demo-data/credentials.ts';
import { type StreamPoller, startStreamPoller } from '#local/stream-poller.ts';
import { createLogger } from '#platform/log.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { localEndpoint } from '../support/dynamodb.ts';
import { courseNamed, takeQuiz } from '../support/quiz.ts';
import { riversideBuilders } from '../support/riverside.ts';

let poller: StreamPoller | undefined;
afterEach(() => poller?.stop());

const course = courseNamed('plasterboard-hanging-and-jointing');
const people = ['femi', 'lotte', 'ana', 'bo', 'cy'];
const evidence = {
  description: 'Boarded one face of the practice wall to my layout, with an L-shaped board at the door.',
  links: [],
};

async function setUp() {
  const world = await apiOnFreshTable({}, {}, { streams: true });
  const { call, services } = world;
  const at = new Date().toISOString();
  for (const id of people)
    await services.people.createIfAbsent(newPerson({ id, name: id, email: `${id}@example.org`, createdAt: at }));
  await services.syndicates.create(...riversideBuilders(at));
  for (const person of ['ana', 'bo']) {
    await call('POST', '/api/syndicates/riverside/join-requests', person);
    const approved = await call('PUT', `/api/syndicates/riverside/members/${person}`, 'lotte', { decision: 'approve' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  }
  for (const person of ['lotte', 'ana', 'cy']) await grantCourseCredential(services, person, course.id);
  const mailed: Notification[] = [];
  const deps = {
    ...notificationStreamDependencies(services, async (notification) => {
      mailed.push(notification);
    }),
    log: createLogger('silent'),
    assessorPageSize: 1,
  };
  poller = await startStreamPoller({
    endpoint: localEndpoint(),
    region: 'eu-west-1',
    tableName: services.config.TABLE_NAME,
    handler: (records) => notifyStreamRecords(deps, records),
    intervalMs: 50,
    maxAttempts: 2,
  });
  const settled = async () => {
    await poller?.drain();
    expect(poller?.failures()).toEqual([]);
  };
  const told = async (): Promise<Record<string, Notification[]>> =>
    Object.fromEntries(
      await Promise.all(
        people.map(async (person) => {
          const answer = await call('GET', '/api/me/notifications?pageSize=50', person);
          expect(answer.status).toBe(200);
          const items = (body(answer).items as Notification[]).filter((n) => n.kind === 'assessment-requested');
          return [person, items];
        }),
      ),
    );
  return { ...world, mailed, settled, told };
}

describe('a request for an assessment', () => {
  it('tells each member of the asked syndicate who may assess, once, and nobody else', async () => {
    const { call, settled, told, mailed } = await setUp();
    await takeQuiz(call, 'femi', course);
    for (const task of course.practical) {
      const sent = await call(
        'PUT',
        `/api/me/enrollments/${course.id}/practical/${task.id}/evidence`,
        'femi',
        evidence,
      );
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    }
    await settled();
    expect(Object.values(await told()).flat()).toEqual([]);
    const ask = await call('POST', `/api/me/enrollments/${course.id}/practical/assessment-request`, 'femi', {
      syndicateId: 'riverside',
    });
    expect(ask.status, JSON.stringify(ask.body)).toBe(200);
    await settled();
    const inboxes = await told();
    expect(Object.fromEntries(Object.entries(inboxes).map(([person, items]) => [person, items.length]))).toEqual({
      femi: 0,
      lotte: 1,
      ana: 1,
      bo: 0,
      cy: 0,
    });
    expect(inboxes.ana?.[0]).toMatchObject({
      title: 'A learner asks Riverside Builders to assess their practical work',
      link: '/syndicates/riverside/practical-work/',
    });
    expect(
      mailed
        .filter((n) => n.kind === 'assessment-requested')
        .map((n) => n.personId)
        .sort(),
    ).toEqual(['ana', 'lotte']);
    // The link leads to the queue, where the request waits for them.
    const queue = await call('GET', '/api/syndicates/riverside/practical-work', 'ana');
    expect(queue.status).toBe(200);
    expect(body(queue).items.map((item: { personId: string }) => item.personId)).toEqual(['femi']);
  });
});
