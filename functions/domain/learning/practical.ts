// Practical sign-off (issue 18): a quiz cannot prove that someone can hang plasterboard or isolate a PV
// string, so a course may declare practical tasks. The learner, once past the quiz, sends evidence for
// each task and asks a syndicate of the course's trade to assess; an assessor from it signs each task off
// or asks for more. The credential waits for every sign-off. Pure rules; the use cases store the result.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { type Course, levelRank, type PracticalTask, type SkillLevel } from '../content/commons.ts';
import { evidenceImageKey } from '../files/file-store.ts';
import { webAddressSchema } from '../people/profile.ts';
import type { Membership, Syndicate } from '../syndicates/syndicate.ts';
import { type AssessorRefusalSaid, assessorRefusalIn } from '../i18n/learning/assessor-refusals.ts';
import { text } from '../text.ts';
import type { CredentialedSkill } from './learning-repository.ts';

/** The most images one task's evidence holds: enough to show a job from a few sides, not an album. */
export const maxImagesPerTask = 6;

/** What a learner sends about one task: what they did and links to what shows it (a video, say). */
export const evidenceInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    description: text(20, 4000, { multiline: true, label: 'description' }),
    links: z._default(z.array(webAddressSchema()).check(z.maxLength(5, 'Give at most 5 links.')), []),
  }),
);
export type EvidenceInput = z.infer<ReturnType<typeof evidenceInputSchema>>;

/** What an assessor sends: the outcome and what they saw (a request for more says what is missing). */
export const reviewInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    outcome: z.enum(['signed-off', 'more-asked']),
    comment: text(10, 2000, { multiline: true, label: 'comment' }),
  }),
);
export type ReviewInput = z.infer<ReturnType<typeof reviewInputSchema>>;

export interface EvidenceImage {
  id: string;
  contentType: 'image/jpeg' | 'image/png';
  size: number;
}

export interface TaskEvidence {
  description: string;
  links: string[];
  images: EvidenceImage[];
  updatedAt: string;
}

export interface TaskReview {
  outcome: ReviewInput['outcome'];
  comment: string;
  assessorId: string;
  /** The syndicate the assessor assessed for. */
  syndicateId: string;
  at: string;
}

export interface TaskState {
  taskId: string;
  evidence?: TaskEvidence | undefined;
  /** The latest review; a request for more is cleared by new evidence, a sign-off stays. */
  review?: TaskReview | undefined;
}

/** One learner's practical work on one course: evidence per task, the syndicate asked, the reviews. */
export interface Assessment {
  personId: string;
  courseId: string;
  tasks: TaskState[];
  /** The syndicate asked to assess, and when; absent until the learner asks. */
  syndicateId?: string | undefined;
  requestedAt?: string | undefined;
  /** The credential issued with the last sign-off. */
  credentialId?: string | undefined;
  updatedAt: string;
  /** Optimistic concurrency: each save must match the version it read (1 creates). */
  version: number;
}

export type TaskStatus = 'to-do' | 'submitted' | 'more-asked' | 'signed-off';

export function taskStatus(state: TaskState | undefined): TaskStatus {
  if (state?.review?.outcome === 'signed-off') return 'signed-off';
  if (state?.review?.outcome === 'more-asked') return 'more-asked';
  // Photos alone are not yet evidence: the assessor needs the learner's words on what they did.
  return state?.evidence?.description ? 'submitted' : 'to-do';
}

export const stateOf = (assessment: Pick<Assessment, 'tasks'>, taskId: string) =>
  assessment.tasks.find((task) => task.taskId === taskId);

export function emptyAssessment(personId: string, course: Course, now: Date): Assessment {
  return {
    personId,
    courseId: course.id,
    tasks: course.practical.map((task) => ({ taskId: task.id })),
    updatedAt: now.toISOString(),
    version: 0,
  };
}

/** Every task the course declares is signed off (a course without tasks has nothing to wait for). */
export const allSignedOff = (course: Pick<Course, 'practical'>, assessment: Pick<Assessment, 'tasks'>) =>
  course.practical.every((task) => taskStatus(stateOf(assessment, task.id)) === 'signed-off');

/** Some task's evidence waits for a review: the assessment is on the asked syndicate's queue. */
export const waitsForReview = (assessment: Pick<Assessment, 'tasks'>) =>
  assessment.tasks.some((task) => taskStatus(task) === 'submitted');

/** The assessment with one task's state replaced, a new version and time. */
export function withTask(assessment: Assessment, state: TaskState, now: Date): Assessment {
  const others = assessment.tasks.filter((task) => task.taskId !== state.taskId);
  return {
    ...assessment,
    tasks: [...others, state],
    updatedAt: now.toISOString(),
    version: assessment.version + 1,
  };
}

/** The file keys of every photo a stored assessment names (an account's deletion removes them). */
export function evidenceImageKeys(data: Partial<Pick<Assessment, 'personId' | 'courseId' | 'tasks'>>): string[] {
  const { personId, courseId } = data;
  if (!personId || !courseId) return [];
  return (data.tasks ?? []).flatMap((task) =>
    (task.evidence?.images ?? []).map((image) => evidenceImageKey(personId, courseId, task.taskId, image.id)),
  );
}

/**
 * The skills a person does not hold by credential at the level asked or above: what a practical task's
 * assessor (each task's skills at the course's level) and a training place's mentor (each skill the
 * course teaches, at the level it teaches it: openings/training-place.ts) must hold.
 */
export function skillsLacking(
  required: readonly { skill: string; level: SkillLevel }[],
  held: readonly Pick<CredentialedSkill, 'skillId' | 'level'>[],
): string[] {
  const levels = new Map(held.map((skill) => [skill.skillId, levelRank[skill.level]]));
  const lacking = required.filter(({ skill, level }) => (levels.get(skill) ?? 0) < levelRank[level]);
  return [...new Set(lacking.map(({ skill }) => skill))];
}

/**
 * What stands between a person and assessing a task: one refusal, in words they can act on. `said` is the
 * sentence as a key (the rule) and values, for a page or the API to word in the reader's language
 * (i18n/learning/assessor-refusals.ts); `message` is its English.
 */
export type AssessorRefusal = AssessorRefusalSaid & { message: string };

export interface AssessorFacts {
  assessorId: string;
  learnerId: string;
  course: Pick<Course, 'trade' | 'level' | 'title'>;
  /** The tasks to be assessed. */
  tasks: readonly Pick<PracticalTask, 'title' | 'skills'>[];
  /** The syndicate the learner asked, and the would-be assessor's membership of it. */
  syndicate: Pick<Syndicate, 'id' | 'name' | 'trade'> | null;
  membership: Pick<Membership, 'status'> | null;
  /** The skills the would-be assessor holds by credential (those of the tasks at least). */
  held: readonly Pick<CredentialedSkill, 'skillId' | 'level'>[];
  /** The learner has an open application to that syndicate: a request to join, or to one of its openings. */
  learnerApplied: boolean;
  skillLabel: (skillId: string) => string;
}

/**
 * The assessor rule, in one place (the API, the site and the write's own checks ask it): an active member
 * of the syndicate the learner asked, which is of the course's trade; holding each task's skills by
 * credential at the course's level or above; not the learner; and not conflicted (the learner has no open
 * application to that syndicate, which the assessor might be weighing). Null when the person may assess.
 */
export function assessorRefusal(facts: AssessorFacts): AssessorRefusal | null {
  const refuse = (said: AssessorRefusalSaid): AssessorRefusal => ({ ...said, message: assessorRefusalIn(said, 'en') });
  if (facts.assessorId === facts.learnerId) return refuse({ rule: 'own-work', values: {} });
  if (!facts.syndicate) return refuse({ rule: 'not-asked', values: {} });
  const syndicate = facts.syndicate.name;
  if (facts.membership?.status !== 'active') return refuse({ rule: 'not-a-member', values: { syndicate } });
  if (facts.syndicate.trade !== facts.course.trade) return refuse({ rule: 'other-trade', values: { syndicate } });
  const missing = skillsLacking(
    facts.tasks.flatMap((task) => task.skills.map((skill) => ({ skill, level: facts.course.level }))),
    facts.held,
  );
  if (missing.length > 0)
    return refuse({
      rule: 'lacks-credential',
      values: { course: facts.course.title, skills: missing.map(facts.skillLabel), level: facts.course.level },
    });
  if (facts.learnerApplied) return refuse({ rule: 'conflicted', values: { syndicate } });
  return null;
}
