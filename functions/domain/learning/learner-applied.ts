// The assessor rule's conflict fact (practical.ts `assessorRefusal`): does the learner have an open
// application to the syndicate? Read by the review (assess-practical.ts) and by the stream that tells
// the syndicate's assessors of a request (notifications/assessment-request.ts), so both judge alike.
import { isOpenApplication } from '../openings/applicant-view.ts';
import type { OpeningRepository } from '../openings/opening-repository.ts';
import { firstItems } from '../paged-reads.ts';
import type { SyndicateRepository } from '../syndicates/syndicate.ts';

export interface LearnerAppliedDependencies {
  syndicates: Pick<SyndicateRepository, 'getMembership'>;
  openings: Pick<OpeningRepository, 'pageApplicationsOf'>;
}

/**
 * How many of a learner's applications, newest first, the conflict check reads. Past it the check cannot
 * say there is no open application to the syndicate, so it counts the learner as conflicted: a refusal
 * nobody near the bound meets, rather than a read without end in a request.
 */
export const applicationsChecked = 500;

/** The learner has an open application to the syndicate: a pending request to join, or to one of its openings. */
export async function learnerApplied(
  deps: LearnerAppliedDependencies,
  learnerId: string,
  syndicateId: string,
): Promise<boolean> {
  const membership = await deps.syndicates.getMembership(syndicateId, learnerId);
  if (membership?.status === 'requested') return true;
  const { items, more } = await firstItems(
    (request) => deps.openings.pageApplicationsOf(learnerId, request),
    applicationsChecked,
  );
  return more || items.some((application) => application.syndicateId === syndicateId && isOpenApplication(application));
}
