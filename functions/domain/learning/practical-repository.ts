// The port for practical work (practical.ts). A review is written in one transaction with checks that
// the assessor's standing still holds at that moment, and, when it is the last sign-off, with the
// credential's issue: so a race can neither let a removed member sign off nor issue a credential twice.
import type { SkillLevel } from '../content/commons.ts';
import type { Page, PageRequest } from '../paging.ts';
import type { Enrollment } from './enrollment.ts';
import type { CredentialedSkill, StoredCredential } from './learning-repository.ts';
import type { Assessment } from './practical.ts';

/** What must still be true when a review is written: the assessor rule's facts, read again by the store. */
export interface ReviewGuard {
  syndicateId: string;
  assessorId: string;
  learnerId: string;
  /** Each skill the assessor must hold by credential, and the levels that suffice. */
  skills: Array<{ skillId: string; levels: SkillLevel[] }>;
}

/** The credential a last sign-off issues: the enrollment completed, the credential, the skills it grants. */
export interface CredentialIssue {
  enrollment: Enrollment;
  credential: StoredCredential;
  skills: CredentialedSkill[];
}

export interface AssessmentRepository {
  get(personId: string, courseId: string): Promise<Assessment | null>;
  /** Saves over the version read (`assessment.version - 1`; version 1 creates); ConflictError otherwise. */
  save(assessment: Assessment): Promise<void>;
  /**
   * Saves a review over the version read, only while the assessor is an active member of the syndicate,
   * holds the guard's skills at those levels and the learner has no pending request to join it; with
   * `issue`, completes the enrollment and issues the credential in the same transaction.
   * ConflictError when anything changed meanwhile.
   */
  saveReview(assessment: Assessment, guard: ReviewGuard, issue?: CredentialIssue): Promise<void>;
  /** A page of the practical work waiting for one syndicate's assessors, oldest request first. */
  pageWaiting(syndicateId: string, request: PageRequest): Promise<Page<Assessment>>;
}
