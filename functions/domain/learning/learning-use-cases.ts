// What a learner does: enroll, finish lessons, take the quiz, and see what they have earned.
import type { Commons, Course } from '../content/commons.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import type { PeopleRepository } from '../people/person.ts';
import { getMe } from '../people/get-me.ts';
import type { DeclaredSkill } from '../people/profile.ts';
import type { CredentialSigner } from './credential.ts';
import { type Enrollment, markLessonDone, newEnrollment, type Progress, progressOf } from './enrollment.ts';
import type { CredentialedSkill, LearningRepository, StoredCredential } from './learning-repository.ts';

export interface LearningDependencies {
  commons: Commons;
  learning: LearningRepository;
  people: PeopleRepository;
  signer: CredentialSigner;
  siteUrl: string;
  now: () => Date;
}

export function findCourse(commons: Commons, courseId: string): Course {
  const course = commons.courses.get(courseId);
  if (!course) throw new NotFoundError('course', courseId);
  return course;
}

export async function enrollInCourse(deps: LearningDependencies, identity: Identity, courseId: string) {
  const course = findCourse(deps.commons, courseId);
  const enrollment = await deps.learning.createEnrollment(newEnrollment(identity.personId, course, deps.now()));
  return withProgress(enrollment, course);
}

export async function requireEnrollment(deps: LearningDependencies, personId: string, courseId: string) {
  const enrollment = await deps.learning.getEnrollment(personId, courseId);
  if (!enrollment) throw new NotFoundError('enrollment', courseId);
  return enrollment;
}

/**
 * Steps: find the course and the learner's enrollment; mark the lesson; save against the version read.
 * Two tabs finishing lessons at once can collide; the loser re-reads and applies its change again.
 */
export async function completeLesson(
  deps: LearningDependencies,
  identity: Identity,
  courseId: string,
  lessonId: string,
) {
  const course = findCourse(deps.commons, courseId);
  for (let attempt = 0; ; attempt++) {
    const enrollment = await requireEnrollment(deps, identity.personId, courseId);
    const updated = markLessonDone(enrollment, course, lessonId, deps.now());
    try {
      await deps.learning.saveEnrollment(updated);
      return withProgress(updated, course);
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 3) throw error;
    }
  }
}

export interface LearnerSummary {
  enrollments: Array<Enrollment & { progress: Progress; courseTitle: string }>;
  credentials: Array<Omit<StoredCredential, 'jws'> & { courseTitle: string }>;
  credentialedSkills: CredentialedSkill[];
  declaredSkills: DeclaredSkill[];
}

export async function myLearning(deps: LearningDependencies, identity: Identity): Promise<LearnerSummary> {
  const [person, enrollments, credentials, credentialedSkills] = await Promise.all([
    getMe(deps, identity),
    deps.learning.listEnrollments(identity.personId),
    deps.learning.listCredentials(identity.personId),
    deps.learning.listCredentialedSkills(identity.personId),
  ]);
  const title = (courseId: string) => deps.commons.courses.get(courseId)?.title ?? courseId;
  return {
    enrollments: enrollments.flatMap((enrollment) => {
      const course = deps.commons.courses.get(enrollment.courseId);
      return course ? [{ ...withProgress(enrollment, course), courseTitle: course.title }] : [];
    }),
    credentials: credentials.map(({ jws: _jws, ...credential }) => ({
      ...credential,
      courseTitle: title(credential.courseId),
    })),
    credentialedSkills,
    declaredSkills: person.declaredSkills,
  };
}

/** The learner's own credential, signed; another person's answers as if it did not exist. */
export async function getMyCredential(deps: LearningDependencies, identity: Identity, credentialId: string) {
  const credential = await deps.learning.getCredential(credentialId);
  if (!credential || credential.personId !== identity.personId) throw new NotFoundError('credential', credentialId);
  return credential;
}

export function withProgress(enrollment: Enrollment, course: Course) {
  return { ...enrollment, progress: progressOf(enrollment, course) };
}
