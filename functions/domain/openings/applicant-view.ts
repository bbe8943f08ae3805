// What a syndicate's admins see of one applicant: the application, its match, and the applicant's profile
// as visibility.ts lets an admin of a syndicate they applied to see it (what the person shows members,
// never what they keep private) while the application is open. Only the admins of the opening's
// syndicate reach it; anyone else, the applicant included, is told there is no such application (404).
import { NotFoundError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import { type ProfileViewDependencies, viewProfile } from '../people/profile-view.ts';
import { isAdmin } from '../syndicates/syndicate-use-cases.ts';
import type { SyndicateRepository } from '../syndicates/syndicate.ts';
import type { Application } from './application.ts';
import type { OpeningRepository } from './opening-repository.ts';

/** An application is no longer open once the applicant withdrew, or it was declined or accepted. */
const closedStatuses: ReadonlySet<string> = new Set(['withdrawn', 'declined', 'accepted']);
export const isOpenApplication = (application: Pick<Application, 'status'>) => !closedStatuses.has(application.status);

export interface ApplicantAccessDependencies {
  openings: Pick<OpeningRepository, 'get' | 'getApplication'>;
  syndicates: Pick<SyndicateRepository, 'getMembership'>;
}

/**
 * The application and its opening, for an admin of the opening's syndicate; NotFoundError for anyone
 * else and for an application that does not exist, so nobody learns whether someone applied.
 */
export async function adminApplication(
  deps: ApplicantAccessDependencies,
  identity: Identity,
  openingId: string,
  personId: string,
) {
  const [opening, application] = await Promise.all([
    deps.openings.get(openingId),
    deps.openings.getApplication(openingId, personId),
  ]);
  if (!opening || !application || !(await isAdmin(deps, opening.syndicateId, identity.personId))) {
    throw new NotFoundError('application', `${openingId}/${personId}`);
  }
  return { opening, application };
}

/** One applicant as an admin of the syndicate sees them: the application, its last match, the profile. */
export async function viewApplicant(
  deps: ApplicantAccessDependencies & ProfileViewDependencies,
  identity: Identity,
  openingId: string,
  personId: string,
) {
  const { opening, application } = await adminApplication(deps, identity, openingId, personId);
  const profile = await viewProfile(deps, personId, identity.personId, {
    appliedToViewer: isOpenApplication(application),
  });
  const { match, ...rest } = application;
  return {
    opening: { id: opening.id, title: opening.title, syndicateId: opening.syndicateId, skills: opening.skills },
    application: rest,
    ...(match ? { match } : {}),
    profile,
  };
}
