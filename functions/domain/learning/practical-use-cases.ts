// The learner's side of practical sign-off (practical.ts): see the tasks and their state, send evidence
// for each (a description, links, photos stripped of their metadata), and ask a syndicate of the course's
// trade to assess. Only after the quiz is passed, and never for a course whose credential is held already.
import type { Course } from '../content/commons.ts';
import { ConflictError, NotFoundError, RuleViolationError } from '../errors.ts';
import { evidenceImageKey, type FileStore } from '../files/file-store.ts';
import type { Identity } from '../identity.ts';
import { practicalWords } from '../i18n/learning/practical-refusals.ts';
import type { Syndicate, SyndicateRepository } from '../syndicates/syndicate.ts';
import type { Enrollment } from './enrollment.ts';
import { cleanEvidenceImage, type CleanImage } from './evidence-image.ts';
import { findCourse, type LearningDependencies, requireEnrollment } from './learning-use-cases.ts';
import {
  type Assessment,
  emptyAssessment,
  type EvidenceInput,
  maxImagesPerTask,
  stateOf,
  type TaskState,
  type TaskStatus,
  taskStatus,
  withTask,
} from './practical.ts';
import type { AssessmentRepository } from './practical-repository.ts';

export interface PracticalDependencies extends LearningDependencies {
  assessments: AssessmentRepository;
  syndicates: Pick<SyndicateRepository, 'get' | 'getMembership'>;
  files: FileStore;
  newId: () => string;
}

export interface PracticalView {
  courseId: string;
  /** The quiz is passed, so evidence may be sent. */
  quizPassed: boolean;
  credentialId?: string | undefined;
  syndicate?: { id: string; name: string } | undefined;
  requestedAt?: string | undefined;
  tasks: Array<
    { id: string; title: string; show: string; skills: string[]; status: TaskStatus } & Omit<TaskState, 'taskId'>
  >;
}

export function practicalCourse(deps: Pick<LearningDependencies, 'commons'>, courseId: string): Course {
  const course = findCourse(deps.commons, courseId);
  if (course.practical.length === 0) throw new NotFoundError('practical tasks of course', courseId);
  return course;
}

/** A stored assessment, or a new one, with exactly the course's tasks (one added since shows as to do). */
export async function assessmentOf(
  deps: Pick<PracticalDependencies, 'assessments' | 'now'>,
  personId: string,
  course: Course,
): Promise<Assessment> {
  const stored = await deps.assessments.get(personId, course.id);
  const base = stored ?? emptyAssessment(personId, course, deps.now());
  return { ...base, tasks: course.practical.map((task) => stateOf(base, task.id) ?? { taskId: task.id }) };
}

export function viewPractical(
  course: Course,
  assessment: Assessment,
  enrollment: Enrollment | null,
  syndicate: Syndicate | null,
): PracticalView {
  return {
    courseId: course.id,
    quizPassed: Boolean(enrollment?.quizPassedAt || enrollment?.credentialId),
    credentialId: enrollment?.credentialId,
    syndicate: syndicate ? { id: syndicate.id, name: syndicate.name } : undefined,
    requestedAt: assessment.requestedAt,
    tasks: course.practical.map((task) => {
      const state = stateOf(assessment, task.id);
      return {
        id: task.id,
        title: task.title,
        show: task.show,
        skills: task.skills,
        status: taskStatus(state),
        evidence: state?.evidence,
        review: state?.review,
      };
    }),
  };
}

export async function myPractical(
  deps: PracticalDependencies,
  identity: Identity,
  courseId: string,
): Promise<PracticalView> {
  const course = practicalCourse(deps, courseId);
  const [assessment, enrollment] = await Promise.all([
    assessmentOf(deps, identity.personId, course),
    deps.learning.getEnrollment(identity.personId, courseId),
  ]);
  const syndicate = assessment.syndicateId ? await deps.syndicates.get(assessment.syndicateId) : null;
  return viewPractical(course, assessment, enrollment, syndicate);
}

/** The learner's enrollment, once past the quiz and without the credential: otherwise a refusal that says why. */
async function requireQuizPassed(deps: PracticalDependencies, personId: string, course: Course) {
  const enrollment = await requireEnrollment(deps, personId, course.id);
  if (enrollment.credentialId)
    throw new RuleViolationError(
      'credential-held',
      ...practicalWords({ key: 'credential-held', values: { course: course.title } }),
    );
  if (!enrollment.quizPassedAt)
    throw new RuleViolationError(
      'quiz-not-passed',
      ...practicalWords({ key: 'quiz-not-passed', values: { course: course.title } }),
    );
  return enrollment;
}

/**
 * Steps: the course must have the task and the learner must have passed its quiz; change the task's state
 * over the version read (two tabs at once: the loser re-reads and applies its change again). A signed-off
 * task's evidence is what its assessor saw, so it no longer changes.
 */
async function changeTask(
  deps: PracticalDependencies,
  identity: Identity,
  courseId: string,
  taskId: string,
  change: (state: TaskState, now: Date) => TaskState,
): Promise<Assessment> {
  const course = practicalCourse(deps, courseId);
  if (!course.practical.some((task) => task.id === taskId)) throw new NotFoundError('practical task', taskId);
  await requireQuizPassed(deps, identity.personId, course);
  for (let attempt = 0; ; attempt++) {
    const assessment = await assessmentOf(deps, identity.personId, course);
    const state = stateOf(assessment, taskId) ?? { taskId };
    if (taskStatus(state) === 'signed-off')
      throw new ConflictError(...practicalWords({ key: 'evidence-kept', values: {} }));
    const now = deps.now();
    const updated = withTask(assessment, change(state, now), now);
    try {
      await deps.assessments.save(updated);
      return updated;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 3) throw error;
    }
  }
}

/** Sends (or replaces) a task's description and links; its photos stay. A request for more is answered. */
export async function submitEvidence(
  deps: PracticalDependencies,
  identity: Identity,
  courseId: string,
  taskId: string,
  input: EvidenceInput,
) {
  const updated = await changeTask(deps, identity, courseId, taskId, (state, now) => ({
    taskId,
    evidence: { ...input, images: state.evidence?.images ?? [], updatedAt: now.toISOString() },
  }));
  return stateOf(updated, taskId);
}

/**
 * Steps: clean the photo (JPEG or PNG, size, metadata stripped: evidence-image.ts) before anything is
 * read; store the file under a key made here; then record it on the task. A failure between the two
 * leaves a file nothing points to, under the learner's prefix, which the account's deletion clears.
 */
export async function addEvidenceImage(
  deps: PracticalDependencies,
  identity: Identity,
  courseId: string,
  taskId: string,
  imageBase64: string,
) {
  const image: CleanImage = cleanEvidenceImage(new Uint8Array(Buffer.from(imageBase64, 'base64')));
  const course = practicalCourse(deps, courseId);
  const current = stateOf(await assessmentOf(deps, identity.personId, course), taskId);
  if ((current?.evidence?.images.length ?? 0) >= maxImagesPerTask)
    throw new RuleViolationError(
      'too-many-images',
      ...practicalWords({ key: 'too-many-images', values: { most: maxImagesPerTask } }),
    );
  const imageId = deps.newId();
  await deps.files.put(evidenceImageKey(identity.personId, courseId, taskId, imageId), image.bytes, image.contentType);
  const updated = await changeTask(deps, identity, courseId, taskId, (state, now) => {
    const images = state.evidence?.images ?? [];
    if (images.length >= maxImagesPerTask)
      throw new RuleViolationError(
        'too-many-images',
        ...practicalWords({ key: 'too-many-images', values: { most: maxImagesPerTask } }),
      );
    return {
      taskId,
      evidence: {
        description: state.evidence?.description ?? '',
        links: state.evidence?.links ?? [],
        images: [...images, { id: imageId, contentType: image.contentType, size: image.bytes.length }],
        updatedAt: now.toISOString(),
      },
    };
  });
  return stateOf(updated, taskId);
}

/** Removes one photo from a task's evidence: the record first (so nothing offers it), then the file. */
export async function removeEvidenceImage(
  deps: PracticalDependencies,
  identity: Identity,
  courseId: string,
  taskId: string,
  imageId: string,
) {
  const updated = await changeTask(deps, identity, courseId, taskId, (state, now) => {
    const images = state.evidence?.images ?? [];
    if (!state.evidence || !images.some((image) => image.id === imageId)) throw new NotFoundError('image', imageId);
    return {
      ...state,
      evidence: { ...state.evidence, images: images.filter((i) => i.id !== imageId), updatedAt: now.toISOString() },
    };
  });
  await deps.files.delete(evidenceImageKey(identity.personId, courseId, taskId, imageId));
  return stateOf(updated, taskId);
}

/**
 * Steps: past the quiz; every task has evidence with a description; the syndicate exists and is of the
 * course's trade; record it as asked (asking another later moves the work to its queue, and sign-offs
 * already given stay).
 */
export async function requestAssessment(
  deps: PracticalDependencies,
  identity: Identity,
  courseId: string,
  syndicateId: string,
) {
  const course = practicalCourse(deps, courseId);
  await requireQuizPassed(deps, identity.personId, course);
  const syndicate = await deps.syndicates.get(syndicateId);
  if (!syndicate) throw new NotFoundError('syndicate', syndicateId);
  if (syndicate.trade !== course.trade)
    throw new RuleViolationError(
      'syndicate-of-another-trade',
      ...practicalWords({ key: 'other-trade', values: { syndicate: syndicate.name } }),
    );
  for (let attempt = 0; ; attempt++) {
    const assessment = await assessmentOf(deps, identity.personId, course);
    const missing = course.practical.filter((task) => !stateOf(assessment, task.id)?.evidence?.description);
    if (missing.length > 0)
      throw new RuleViolationError(
        'evidence-missing',
        ...practicalWords({ key: 'evidence-missing', values: { tasks: missing.map((t) => t.title) } }),
      );
    const now = deps.now();
    const updated: Assessment = {
      ...assessment,
      syndicateId,
      requestedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      version: assessment.version + 1,
    };
    try {
      await deps.assessments.save(updated);
      return viewPractical(course, updated, await deps.learning.getEnrollment(identity.personId, courseId), syndicate);
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 3) throw error;
    }
  }
}
