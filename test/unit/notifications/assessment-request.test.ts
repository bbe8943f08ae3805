// A learner's request for an assessment tells the asked syndicate's members who may assess it (the
// assessor rule): not the learner, not a member without the credentials, not one whose request to join
// waits, nobody while the learner has an open application there, and nothing again for a replay or for
// evidence sent later. Fakes passed in: the syndicates, the credentials, the applications, the inbox.
import { describe, expect, it } from 'vitest';
import type { CredentialedSkill } from '#domain/learning/learning-repository.ts';
import {
  type AssessorNoticeDependencies,
  assessmentRequestOf,
  maxMemberPages,
  notifyAssessors,
} from '#domain/notifications/assessment-request.ts';
import type { ItemChange } from '#domain/notifications/events.ts';
import type { Application } from '#domain/openings/application.ts';
import { pageOfList } from '#domain/paging.ts';
import type { Membership } from '#domain/syndicates/syndicate.ts';
import { memoryNotifications } from '../../support/memory-notifications.ts';
import { memorySyndicates } from '../../support/memory-syndicates.ts';
import { courseNamed } from '../../support/quiz.ts';
import { riversideBuilders } from '../../support/riverside.ts';

const course = courseNamed('plasterboard-hanging-and-jointing');
const at = '2026-12-06T10:00:00.000Z';

const assessment = (fields: Record<string, unknown> = {}) => ({
  type: 'assessment',
  personId: 'femi',
  courseId: course.id,
  syndicateId: 'riverside',
  requestedAt: at,
  ...fields,
});
const change = (newItem: Record<string, unknown>, oldItem?: Record<string, unknown>, eventId = 'e1'): ItemChange => ({
  eventId,
  at,
  oldItem,
  newItem,
});

async function world(options: { applications?: Application[]; members?: number } = {}) {
  const syndicates = memorySyndicates();
  const membership = (personId: string, status: Membership['status'] = 'active'): Membership => ({
    syndicateId: 'riverside',
    personId,
    role: 'member',
    status,
    requestedAt: at,
  });
  await syndicates.create(...riversideBuilders(at));
  const holders = new Set(['lotte', 'ana', 'femi', 'rui']);
  for (const personId of ['ana', 'bo', 'femi']) await syndicates.requestMembership(membership(personId, 'requested'));
  for (const personId of ['ana', 'bo', 'femi']) {
    const asked = await syndicates.getMembership('riverside', personId);
    if (asked) await syndicates.changeMembership(asked, { ...asked, status: 'active', decidedAt: at });
  }
  // Rui holds the skills but has only asked to join.
  await syndicates.requestMembership(membership('rui', 'requested'));
  for (let n = 0; n < (options.members ?? 0); n++) {
    const personId = `m${String(n).padStart(4, '0')}`;
    holders.add(personId);
    await syndicates.requestMembership(membership(personId, 'requested'));
    const asked = await syndicates.getMembership('riverside', personId);
    if (asked) await syndicates.changeMembership(asked, { ...asked, status: 'active', decidedAt: at });
  }
  const credentialReads: number[] = [];
  const notifications = memoryNotifications();
  const deps: AssessorNoticeDependencies = {
    commons: { courses: new Map([[course.id, course]]) },
    syndicates,
    learning: {
      async findCredentialedSkills(personIds, skillIds) {
        credentialReads.push(personIds.length);
        return personIds
          .filter((personId) => holders.has(personId))
          .flatMap((personId) =>
            skillIds.map(
              (skillId): CredentialedSkill => ({ personId, skillId, level: 'working', credentialId: 'c', since: at }),
            ),
          );
      },
    },
    openings: { pageApplicationsOf: async (_personId, request) => pageOfList(options.applications ?? [], request) },
    notifications,
    now: () => new Date(at),
    assessorPageSize: 2,
  };
  return { deps, notifications, credentialReads };
}

describe('telling a syndicate that a learner asks for an assessment', () => {
  it('tells each active member holding the course’s skills, and not the learner, a member without them or one who only asked to join', async () => {
    const { deps, notifications } = await world();
    expect(await notifyAssessors(deps, change(assessment()))).toBe(2);
    for (const personId of ['ana', 'lotte']) {
      const [told] = notifications.all(personId);
      expect(told).toMatchObject({
        kind: 'assessment-requested',
        link: '/syndicates/riverside/practical-work/',
        title: 'A learner asks Riverside Builders to assess their practical work',
      });
      expect(told?.summary).toContain(course.title);
    }
    for (const personId of ['femi', 'bo', 'rui']) expect(notifications.all(personId)).toEqual([]);
  });

  it('tells nobody while the learner has an open application to the syndicate, as the rule refuses every assessor then', async () => {
    const application: Application = {
      openingId: 'o1',
      syndicateId: 'riverside',
      personId: 'femi',
      note: 'I would like to join your crew.',
      status: 'submitted',
      createdAt: at,
      updatedAt: at,
    };
    const { deps, notifications } = await world({ applications: [application] });
    expect(await notifyAssessors(deps, change(assessment()))).toBe(0);
    expect(notifications.all('lotte')).toEqual([]);
  });

  it('tells nobody twice for a replayed record, and nobody for evidence sent after the request', async () => {
    const { deps } = await world();
    expect(await notifyAssessors(deps, change(assessment()))).toBe(2);
    expect(await notifyAssessors(deps, change(assessment()))).toBe(0);
    expect(await notifyAssessors(deps, change(assessment({ version: 3 }), assessment({ version: 2 }), 'e2'))).toBe(0);
  });

  it('tells them again when the learner asks again, or asks the syndicate after asking another', async () => {
    const again = assessmentRequestOf(assessment(), assessment({ requestedAt: '2026-12-07T10:00:00.000Z' }));
    expect(again).toEqual({ learnerId: 'femi', courseId: course.id, syndicateId: 'riverside' });
    expect(assessmentRequestOf(assessment({ syndicateId: 'other' }), assessment())).toEqual(again);
    expect(assessmentRequestOf(undefined, assessment({ requestedAt: undefined }))).toBeUndefined();
    expect(assessmentRequestOf(undefined, { ...assessment(), type: 'enrollment' })).toBeUndefined();
  });

  it('reads the members a page at a time, and stops at the bound however large the syndicate', async () => {
    const { deps, credentialReads, notifications } = await world({ members: maxMemberPages * 2 + 10 });
    const told = await notifyAssessors(deps, change(assessment()));
    expect(credentialReads).toHaveLength(maxMemberPages);
    expect(Math.max(...credentialReads)).toBeLessThanOrEqual(2);
    expect(told).toBeGreaterThan(0);
    expect(notifications.all('m0049')).toEqual([]);
  });
});
