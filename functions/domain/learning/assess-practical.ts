// The assessor's side of practical sign-off: the work waiting for a syndicate, one learner's evidence, and
// the review (sign off, or ask for more). Who may assess is practical.ts's assessorRefusal alone; here its
// facts are read, and the write checks again in its own transaction the facts a race could change. The
// last sign-off issues the credential in that same transaction, so two sign-offs at once issue it once.
import { levelRank, skillLevels } from '../content/commons.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import { evidenceImageKey } from '../files/file-store.ts';
import { assessorRefusalIn } from '../i18n/learning/assessor-refusals.ts';
import { defaultLocale, type Locale } from '../i18n/locales.ts';
import type { Identity } from '../identity.ts';
import { practicalWords } from '../i18n/learning/practical-refusals.ts';
import type { OpeningRepository } from '../openings/opening-repository.ts';
import { firstItems } from '../paged-reads.ts';
import type { Page, PageRequest } from '../paging.ts';
import type { PeopleRepository } from '../people/person.ts';
import type { Syndicate } from '../syndicates/syndicate.ts';
import { newCredentialId, type PracticalEvidence } from './credential.ts';
import { grantedSkills, issueCredential } from './issue-credential.ts';
import { learnerApplied } from './learner-applied.ts';
import { requireEnrollment } from './learning-use-cases.ts';
import {
  allSignedOff,
  type Assessment,
  type AssessorRefusal,
  assessorRefusal,
  type ReviewInput,
  stateOf,
  taskStatus,
  withTask,
} from './practical.ts';
import type { CredentialIssue } from './practical-repository.ts';
import {
  assessmentOf,
  type PracticalDependencies,
  type PracticalView,
  practicalCourse,
  viewPractical,
} from './practical-use-cases.ts';
import type { RandomInt } from './quiz-draw.ts';

export interface AssessDependencies extends PracticalDependencies {
  openings: Pick<OpeningRepository, 'pageApplicationsOf'>;
  people: PeopleRepository;
  randomInt: RandomInt;
}

/** Who is looking at a learner's practical work, and whether they may review it (null) or why not. */
export interface AssessorStanding {
  syndicate: Syndicate;
  refusal: AssessorRefusal | null;
}

/**
 * The assessor rule's facts for one person and one learner's work, read once: the asked syndicate, the
 * person's membership, the credentials they hold of the tasks' skills, and the learner's applications.
 * Anyone who is not an active member of the asked syndicate is told there is no such work (404).
 */
export async function assessorStanding(
  deps: AssessDependencies,
  identity: Identity,
  assessment: Assessment,
  taskIds?: readonly string[],
): Promise<AssessorStanding> {
  const course = practicalCourse(deps, assessment.courseId);
  const syndicate = assessment.syndicateId ? await deps.syndicates.get(assessment.syndicateId) : null;
  const membership = syndicate ? await deps.syndicates.getMembership(syndicate.id, identity.personId) : null;
  const own = identity.personId === assessment.personId;
  if (!syndicate || (!own && membership?.status !== 'active'))
    throw new NotFoundError('practical work', assessment.courseId);
  const tasks = course.practical.filter((task) => !taskIds || taskIds.includes(task.id));
  const skills = [...new Set(tasks.flatMap((task) => task.skills))];
  const [held, applied] = await Promise.all([
    deps.learning.findCredentialedSkills([identity.personId], skills),
    own ? false : learnerApplied(deps, assessment.personId, syndicate.id),
  ]);
  const refusal = assessorRefusal({
    assessorId: identity.personId,
    learnerId: assessment.personId,
    course,
    tasks,
    syndicate,
    membership,
    held,
    learnerApplied: applied,
    skillLabel: (skillId) => deps.commons.skills.get(skillId)?.label ?? skillId,
  });
  return { syndicate, refusal };
}

/** A page of the work waiting for a syndicate's assessors: for its active members only. */
export async function waitingForSyndicate(
  deps: AssessDependencies,
  identity: Identity,
  syndicateId: string,
  request: PageRequest,
): Promise<
  Page<{ personId: string; name: string; courseId: string; courseTitle: string; requestedAt: string; waiting: number }>
> {
  const membership = await deps.syndicates.getMembership(syndicateId, identity.personId);
  if (membership?.status !== 'active') throw new NotFoundError('syndicate', syndicateId);
  const page = await deps.assessments.pageWaiting(syndicateId, request);
  const people = await deps.people.getMany([...new Set(page.items.map((item) => item.personId))]);
  return {
    ...page,
    items: page.items.map((item) => ({
      personId: item.personId,
      name: people.get(item.personId)?.name ?? 'A learner',
      courseId: item.courseId,
      courseTitle: deps.commons.courses.get(item.courseId)?.title ?? item.courseId,
      requestedAt: item.requestedAt ?? item.updatedAt,
      waiting: item.tasks.filter((task) => taskStatus(task) === 'submitted').length,
    })),
  };
}

/**
 * One learner's practical work as an assessor sees it, with whether they may review it and why not (in
 * `locale`: the page's, or the API's `Accept-Language`).
 */
export async function learnerPractical(
  deps: AssessDependencies,
  identity: Identity,
  learnerId: string,
  courseId: string,
  locale: Locale = defaultLocale,
): Promise<
  PracticalView & { learner: { id: string; name: string }; mayAssess: boolean; refusal?: string | undefined }
> {
  const course = practicalCourse(deps, courseId);
  const assessment = await assessmentOf(deps, learnerId, course);
  const { syndicate, refusal } = await assessorStanding(deps, identity, assessment);
  const [enrollment, learner] = await Promise.all([
    deps.learning.getEnrollment(learnerId, courseId),
    deps.people.get(learnerId),
  ]);
  return {
    ...viewPractical(course, assessment, enrollment, syndicate),
    learner: { id: learnerId, name: learner?.name ?? 'A learner' },
    mayAssess: refusal === null,
    refusal: refusal ? assessorRefusalIn(refusal, locale) : undefined,
  };
}

/** An evidence photo: for the learner and the asked syndicate's active members; 404 for anyone else. */
export async function readEvidenceImage(
  deps: AssessDependencies,
  identity: Identity,
  learnerId: string,
  courseId: string,
  taskId: string,
  imageId: string,
) {
  const course = practicalCourse(deps, courseId);
  const assessment = await assessmentOf(deps, learnerId, course);
  if (identity.personId !== learnerId) await assessorStanding(deps, identity, assessment, [taskId]);
  const image = stateOf(assessment, taskId)?.evidence?.images.find((i) => i.id === imageId);
  const bytes = image ? await deps.files.get(evidenceImageKey(learnerId, courseId, taskId, imageId)) : null;
  if (!image || !bytes) throw new NotFoundError('image', imageId);
  return { bytes, contentType: image.contentType };
}

/**
 * Steps: read the work and the reviewer's standing (404 unless a member of the asked syndicate; 403 with
 * the rule's sentence otherwise); the task must wait for review (409 once signed off or waiting for new
 * evidence); record the review; when it is the last sign-off, build and sign the credential with each
 * task's evidence. One transaction writes it all over the versions read and checks the assessor's
 * membership, credentials and the learner's request to join again; a conflict re-reads from the start,
 * where a task signed off meanwhile is refused, so a credential is issued once.
 */
export async function reviewTask(
  deps: AssessDependencies,
  identity: Identity,
  learnerId: string,
  courseId: string,
  taskId: string,
  input: ReviewInput,
) {
  const course = practicalCourse(deps, courseId);
  const task = course.practical.find((t) => t.id === taskId);
  if (!task) throw new NotFoundError('practical task', taskId);
  for (let attempt = 0; ; attempt++) {
    const assessment = await assessmentOf(deps, learnerId, course);
    const { syndicate, refusal } = await assessorStanding(deps, identity, assessment, [taskId]);
    if (refusal) throw new ForbiddenError(refusal.message, { wordsIn: (locale) => assessorRefusalIn(refusal, locale) });
    const status = taskStatus(stateOf(assessment, taskId));
    if (status !== 'submitted')
      throw new ConflictError(
        ...practicalWords({ key: status === 'signed-off' ? 'signed-off' : 'no-new-evidence', values: {} }),
      );
    const now = deps.now();
    const state = stateOf(assessment, taskId) ?? { taskId };
    const review = { ...input, assessorId: identity.personId, syndicateId: syndicate.id, at: now.toISOString() };
    let updated = withTask(assessment, { ...state, review }, now);
    const issue = allSignedOff(course, updated) ? await credentialFor(deps, updated, now) : undefined;
    if (issue) updated = { ...updated, credentialId: issue.credential.id };
    const needed = levelRank[course.level];
    const guard = {
      syndicateId: syndicate.id,
      assessorId: identity.personId,
      learnerId,
      skills: task.skills.map((skillId) => ({
        skillId,
        levels: skillLevels.filter((level) => levelRank[level] >= needed),
      })),
    };
    try {
      await deps.assessments.saveReview(updated, guard, issue);
      return {
        task: stateOf(updated, taskId),
        status: taskStatus(stateOf(updated, taskId)),
        credentialId: updated.credentialId,
      };
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 3) throw error;
    }
  }
}

/** The credential the last sign-off issues: the enrollment completed, the signed credential with its evidence. */
async function credentialFor(deps: AssessDependencies, assessment: Assessment, now: Date): Promise<CredentialIssue> {
  const course = practicalCourse(deps, assessment.courseId);
  const enrollment = await requireEnrollment(deps, assessment.personId, course.id);
  if (enrollment.credentialId || !enrollment.quizPassedAt)
    throw new ConflictError(...practicalWords({ key: 'issued', values: {} }));
  const reviews = course.practical.map((task) => ({ task, review: stateOf(assessment, task.id)?.review }));
  const assessors = await deps.people.getMany([
    ...new Set(reviews.flatMap(({ review }) => (review ? [review.assessorId] : []))),
  ]);
  const syndicates = new Map<string, string>();
  for (const id of new Set(reviews.flatMap(({ review }) => (review ? [review.syndicateId] : []))))
    syndicates.set(id, (await deps.syndicates.get(id))?.name ?? id);
  const evidence: PracticalEvidence[] = reviews.map(({ task, review }) => ({
    taskId: task.id,
    title: task.title,
    shown: task.show,
    assessor: {
      name: assessors.get(review?.assessorId ?? '')?.name ?? 'A member',
      profileUrl: `${deps.siteUrl}/people/${encodeURIComponent(review?.assessorId ?? '')}/`,
    },
    syndicateName: syndicates.get(review?.syndicateId ?? '') ?? '',
    signedAt: review?.at ?? now.toISOString(),
    comment: review?.comment ?? '',
  }));
  const credentialId = newCredentialId(deps.randomInt);
  const at = now.toISOString();
  // Issued to the learner (their profile's name and address), though the assessor's request issues it.
  const learner: Identity = { personId: assessment.personId };
  const passed = await lastPass(deps, assessment.personId, course.id);
  const credential = await issueCredential(deps, learner, course, credentialId, passed, now, evidence);
  return {
    enrollment: {
      ...enrollment,
      status: 'completed',
      passedAt: at,
      credentialId,
      updatedAt: at,
      version: enrollment.version + 1,
    },
    credential,
    skills: grantedSkills(course, assessment.personId, credentialId, at),
  };
}

/** The score of the learner's latest passing attempt (the credential's result), from their newest attempts. */
async function lastPass(deps: AssessDependencies, personId: string, courseId: string) {
  const { items } = await firstItems((request) => deps.learning.pageAttempts(personId, courseId, request), 50);
  const pass = items.find((attempt) => attempt.passed);
  return { correct: pass?.correct ?? 0, total: pass?.total ?? 0 };
}
