// A learner asks a syndicate to assess their practical work (learning/practical-use-cases.ts
// `requestAssessment`): the members who may assess it are told, in the inbox and by email, with a link to
// the syndicate's practical-work queue. Who may assess is the one assessor rule (learning/practical.ts
// `assessorRefusal`), asked here of each member with the facts the review itself reads: membership,
// credentials of the tasks' skills at the course's level, and the learner's open applications.
//
// The members are read a page at a time and the credentials a page at a time in one batched read, until
// `maxRecipients` may assess or `maxMemberPages` pages are read: a syndicate of 2,000 is read whole, a
// larger one up to that bound. Each notification's key names the stream record and the person, so a
// replayed record stores nothing new.
import type { Commons } from '../content/commons.ts';
import type { LearningRepository } from '../learning/learning-repository.ts';
import { type LearnerAppliedDependencies, learnerApplied } from '../learning/learner-applied.ts';
import { assessorRefusal } from '../learning/practical.ts';
import type { Membership, SyndicateRepository } from '../syndicates/syndicate.ts';
import type { ItemChange, PersonEvent } from './events.ts';
import { type Image, str } from './images.ts';
import { told } from './notification-text.ts';
import { deliver, maxRecipients, notificationFor, type ProduceDependencies } from './produce.ts';

export interface AssessmentRequest {
  learnerId: string;
  courseId: string;
  syndicateId: string;
}

/**
 * The request a change of a learner's practical work makes, if any: a new `requestedAt`, or another
 * syndicate asked. Evidence sent or reviewed keeps both, so it tells nobody again.
 */
export function assessmentRequestOf(
  oldItem: Image | undefined,
  newItem: Image | undefined,
): AssessmentRequest | undefined {
  if (newItem?.type !== 'assessment') return undefined;
  const [learnerId, courseId, syndicateId, requestedAt] = ['personId', 'courseId', 'syndicateId', 'requestedAt'].map(
    (field) => str(newItem, field),
  );
  if (!learnerId || !courseId || !syndicateId || !requestedAt) return undefined;
  if (str(oldItem, 'requestedAt') === requestedAt && str(oldItem, 'syndicateId') === syndicateId) return undefined;
  return { learnerId, courseId, syndicateId };
}

export interface AssessorNoticeDependencies
  extends Omit<ProduceDependencies, 'notificationLookups'>,
    LearnerAppliedDependencies {
  commons: Pick<Commons, 'courses'>;
  syndicates: Pick<SyndicateRepository, 'get' | 'getMembership' | 'pageMemberships'>;
  learning: Pick<LearningRepository, 'findCredentialedSkills'>;
  /** Members read per page; 100 unless a test asks fewer to see the pages. */
  assessorPageSize?: number | undefined;
}

export const assessorPageSize = 100;
/** The most pages of members one request reads: the bound on a stream record's work. */
export const maxMemberPages = 20;

export interface Assessors {
  syndicateName: string;
  courseTitle: string;
  /** At most `maxRecipients`, in the order of the syndicate's members. */
  personIds: string[];
}

/** The members of the asked syndicate who may assess the learner's work, by the assessor rule. */
export async function assessorsFor(deps: AssessorNoticeDependencies, request: AssessmentRequest): Promise<Assessors> {
  const course = deps.commons.courses.get(request.courseId);
  const syndicate = await deps.syndicates.get(request.syndicateId);
  const none = { syndicateName: syndicate?.name ?? '', courseTitle: course?.title ?? '', personIds: [] };
  if (!course || course.practical.length === 0 || !syndicate) return none;
  // The rule refuses every member while the learner has an open application there: read it once.
  const applied = await learnerApplied(deps, request.learnerId, syndicate.id);
  if (applied) return none;
  const skills = [...new Set(course.practical.flatMap((task) => task.skills))];
  const active = (batch: Membership[]) => batch.filter((membership) => membership.status === 'active');
  const assessors: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < maxMemberPages && assessors.length < maxRecipients; pages++) {
    const page = await deps.syndicates.pageMemberships(
      syndicate.id,
      { limit: deps.assessorPageSize ?? assessorPageSize, cursor },
      active,
    );
    const held = page.items.length
      ? await deps.learning.findCredentialedSkills(
          page.items.map((membership) => membership.personId),
          skills,
        )
      : [];
    for (const membership of page.items) {
      const refusal = assessorRefusal({
        assessorId: membership.personId,
        learnerId: request.learnerId,
        course,
        tasks: course.practical,
        syndicate,
        membership,
        held: held.filter((skill) => skill.personId === membership.personId),
        learnerApplied: applied,
        skillLabel: (skillId) => skillId,
      });
      if (!refusal) assessors.push(membership.personId);
    }
    cursor = page.next;
    if (!cursor) break;
  }
  return { ...none, personIds: assessors.slice(0, maxRecipients) };
}

/** The event for the assessors: the syndicate and the course in its text, the syndicate's queue as its link. */
export function assessmentRequestEvent(request: AssessmentRequest, assessors: Assessors): PersonEvent {
  return {
    kind: 'assessment-requested',
    to: [{ people: assessors.personIds }],
    except: [request.learnerId],
    about: { named: assessors.syndicateName },
    link: `/syndicates/${encodeURIComponent(request.syndicateId)}/practical-work/`,
    text: (name) => told('email.assessmentRequested', { name, course: assessors.courseTitle }),
  };
}

/** Tells the assessors of the request the change makes, if any; answers how many notifications were new. */
export async function notifyAssessors(deps: AssessorNoticeDependencies, change: ItemChange): Promise<number> {
  const request = assessmentRequestOf(change.oldItem, change.newItem);
  if (!request) return 0;
  const assessors = await assessorsFor(deps, request);
  const event = assessmentRequestEvent(request, assessors);
  // The rule already refuses the learner their own work; `except` says so once more, as every event does.
  const recipients = assessors.personIds.filter((personId) => !event.except.includes(personId));
  const stored = await Promise.all(
    recipients.map((personId) =>
      deliver(deps, notificationFor(change, event, personId, { name: assessors.syndicateName })),
    ),
  );
  return stored.filter(Boolean).length;
}
