// The port for everything a learner's progress needs stored. The DynamoDB adapter implements it with
// conditional writes and one transaction for a pass (attempt, enrollment, credential, skills).
import type { SkillLevel } from '../content/commons.ts';
import type { Enrollment } from './enrollment.ts';
import type { QuizAnswer } from './grade-quiz.ts';
import type { Page, PageRequest } from '../paging.ts';

export interface QuizAttempt {
  personId: string;
  courseId: string;
  attempt: number;
  /** The drawn question ids, in the order they were asked. */
  questions: string[];
  answers: QuizAnswer[];
  correct: number;
  total: number;
  passed: boolean;
  at: string;
}

export interface StoredCredential {
  id: string;
  personId: string;
  courseId: string;
  issuedAt: string;
  skills: string[];
  /** The signed credential, compact JWS. */
  jws: string;
}

/** A skill a person holds because a credential proves it. */
export interface CredentialedSkill {
  personId: string;
  skillId: string;
  level: SkillLevel;
  credentialId: string;
  since: string;
}

export interface LearningRepository {
  getEnrollment(personId: string, courseId: string): Promise<Enrollment | null>;
  listEnrollments(personId: string): Promise<Enrollment[]>;
  /** Creates unless one exists; returns the stored enrollment either way. */
  createEnrollment(enrollment: Enrollment): Promise<Enrollment>;
  /** Saves if the stored version is `enrollment.version - 1`; ConflictError otherwise. */
  saveEnrollment(enrollment: Enrollment): Promise<void>;
  /** Stores a failed attempt and the enrollment's new attempt count together. */
  recordAttempt(enrollment: Enrollment, attempt: QuizAttempt): Promise<void>;
  /**
   * Stores a pass in one transaction: attempt, completed enrollment, credential, credentialed skills, and
   * one more on the commons' count of credentials issued.
   */
  recordPass(
    enrollment: Enrollment,
    attempt: QuizAttempt,
    credential: StoredCredential,
    skills: CredentialedSkill[],
  ): Promise<void>;
  /**
   * A page of a learner's attempts at one course's quiz, newest first: a learner may retry without
   * end (after each wait), so the list is read a page at a time (the result page reads one).
   */
  pageAttempts(personId: string, courseId: string, request: PageRequest): Promise<Page<QuizAttempt>>;
  getCredential(credentialId: string): Promise<StoredCredential | null>;
  /** How many credentials the commons has issued: a counter `recordPass` keeps, never a count of them. */
  credentialsIssued(): Promise<number>;
  listCredentials(personId: string): Promise<StoredCredential[]>;
  listCredentialedSkills(personId: string): Promise<CredentialedSkill[]>;
  /** Which of these skills these people hold by credential, in batched reads by key (ranking applicants). */
  findCredentialedSkills(personIds: readonly string[], skillIds: readonly string[]): Promise<CredentialedSkill[]>;
}
