// What syndicate admins and members do with openings: post, edit, publish, close, apply, decide.
import type { Commons } from '../content/commons.ts';
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import type { LearningRepository } from '../learning/learning-repository.ts';
import { type Page, type PageRequest, pageOfList } from '../paging.ts';
import type { PeopleRepository } from '../people/person.ts';
import type { PersonDataRepository } from '../people/person-data.ts';
import { declaredSkillIds } from '../people/profile.ts';
import { conflictRetry, startRetries } from '../retry.ts';
import { findSyndicate, isAdmin, requireAdmin, type SyndicateDependencies } from '../syndicates/syndicate-use-cases.ts';
import { type Application, rankApplicants } from './application.ts';
import { type Opening, type OpeningInput, effectiveStatus, isListed, transition } from './opening.ts';
import type { OpeningRepository } from './opening-repository.ts';

export interface OpeningDependencies extends SyndicateDependencies {
  commons: Commons;
  openings: OpeningRepository;
  people: PeopleRepository;
  learning: Pick<LearningRepository, 'findCredentialedSkills'>;
  newId: () => string;
}

function checkSkills(commons: Commons, input: OpeningInput) {
  const issues = input.skills.flatMap((s, index) =>
    commons.skills.has(s.skill)
      ? []
      : [{ field: `body.skills.${index}.skill`, message: `unknown skill id "${s.skill}"` }],
  );
  if (issues.length > 0) throw new ValidationError(issues);
}

/** An opening as its viewer may see it: drafts exist only for the syndicate's admins. */
export async function viewOpening(deps: OpeningDependencies, openingId: string, viewer: Identity | null) {
  const opening = await deps.openings.get(openingId);
  if (!opening) throw new NotFoundError('opening', openingId);
  // The two reads are independent: one round trip to the store, not two.
  const [admin, syndicate] = await Promise.all([
    viewer ? isAdmin(deps, opening.syndicateId, viewer.personId) : false,
    findSyndicate(deps, opening.syndicateId),
  ]);
  if (opening.status === 'draft' && !admin) throw new NotFoundError('opening', openingId);
  return { opening, syndicate, admin, status: effectiveStatus(opening, deps.now()) };
}

/**
 * An opening as anyone may see it (never a draft), in one read: the API's public route needs neither
 * the syndicate nor the viewer's role, so it does not pay the round trips `viewOpening` makes for them.
 */
export async function publicOpening(deps: Pick<OpeningDependencies, 'openings' | 'now'>, openingId: string) {
  const opening = await deps.openings.get(openingId);
  if (!opening || opening.status === 'draft') throw new NotFoundError('opening', openingId);
  return { opening, status: effectiveStatus(opening, deps.now()) };
}

export async function createOpening(
  deps: OpeningDependencies,
  identity: Identity,
  syndicateId: string,
  input: OpeningInput,
) {
  await findSyndicate(deps, syndicateId);
  await requireAdmin(deps, syndicateId, identity);
  checkSkills(deps.commons, input);
  const at = deps.now().toISOString();
  const opening: Opening = {
    ...input,
    id: deps.newId(),
    syndicateId,
    status: 'draft',
    filled: 0,
    version: 1,
    createdAt: at,
    updatedAt: at,
    createdBy: identity.personId,
  };
  await deps.openings.create(opening);
  return opening;
}

async function adminOpening(deps: OpeningDependencies, identity: Identity, openingId: string) {
  const opening = await deps.openings.get(openingId);
  if (!opening) throw new NotFoundError('opening', openingId);
  await requireAdmin(deps, opening.syndicateId, identity, 'opening');
  return opening;
}

export async function updateOpening(
  deps: OpeningDependencies,
  identity: Identity,
  openingId: string,
  input: OpeningInput,
) {
  const opening = await adminOpening(deps, identity, openingId);
  checkSkills(deps.commons, input);
  if (opening.status === 'closed')
    throw new RuleViolationError('opening-lifecycle', 'A closed opening cannot be edited.');
  if (input.positions < opening.filled) {
    throw new ValidationError([{ field: 'body.positions', message: `${opening.filled} positions are already filled` }]);
  }
  const updated: Opening = { ...opening, ...input, updatedAt: deps.now().toISOString(), version: opening.version + 1 };
  await deps.openings.save(updated);
  return updated;
}

export async function changeOpeningStatus(
  deps: OpeningDependencies,
  identity: Identity,
  openingId: string,
  to: 'open' | 'closed',
) {
  const opening = await adminOpening(deps, identity, openingId);
  const updated = transition(opening, to, deps.now());
  await deps.openings.save(updated);
  return updated;
}

/** Applies once: a retry returns the first application instead of making a second. */
/**
 * Applies, or re-applies after a withdrawal. Applying again while the application stands changes nothing
 * and answers with it: `submitted` says whether this call submitted one.
 */
export async function apply(
  deps: OpeningDependencies & { personData: Pick<PersonDataRepository, 'getCv'> },
  identity: Identity,
  openingId: string,
  note: string,
  { withCv = false }: { withCv?: boolean } = {},
) {
  const opening = await deps.openings.get(openingId);
  if (!opening || opening.status === 'draft') throw new NotFoundError('opening', openingId);
  if (!isListed(opening, deps.now())) {
    throw new RuleViolationError('opening-not-open', 'This opening is no longer taking applications.');
  }
  if (withCv && !(await deps.personData.getCv(identity.personId))) {
    throw new RuleViolationError(
      'no-cv',
      'There is no CV on your profile to attach: upload one on your profile first, or apply without it.',
    );
  }
  const at = deps.now().toISOString();
  const { application, created } = await deps.openings.createApplication({
    openingId,
    syndicateId: opening.syndicateId,
    personId: identity.personId,
    note,
    status: 'submitted',
    createdAt: at,
    updatedAt: at,
    ...(withCv ? { withCv } : {}),
  });
  if (application.status === 'withdrawn') {
    const renewed = { ...application, note, status: 'submitted' as const, updatedAt: at, withCv };
    await deps.openings.saveApplication(renewed, 'withdrawn');
    return { application: renewed, submitted: true };
  }
  return { application, submitted: created };
}

export async function withdraw(deps: OpeningDependencies, identity: Identity, openingId: string) {
  const application = await deps.openings.getApplication(openingId, identity.personId);
  if (!application) throw new NotFoundError('application', openingId);
  if (application.status !== 'submitted') throw new ConflictError(`The application is already ${application.status}.`);
  const updated = { ...application, status: 'withdrawn' as const, updatedAt: deps.now().toISOString() };
  await deps.openings.saveApplication(updated, 'submitted');
  return updated;
}

/** A page of the person's applications, newest first, each with its opening (read in one batch). */
export async function myApplications(
  deps: Pick<OpeningDependencies, 'openings'>,
  identity: Identity,
  request: PageRequest,
): Promise<Page<{ application: Application; opening: Opening | null }>> {
  const page = await deps.openings.pageApplicationsOf(identity.personId, request);
  const openings = await deps.openings.getMany([...new Set(page.items.map((a) => a.openingId))]);
  return {
    ...page,
    items: page.items.map((application) => ({ application, opening: openings.get(application.openingId) ?? null })),
  };
}

/**
 * Applicants ranked by skill match, a page at a time; only the syndicate's admins may see them.
 * Ranking must see every applicant: an opening takes at most `maxApplicationsPerOpening` applications
 * (see opening-repository.ts), so this reads at most that many, and their people and the skills the
 * opening asks for in batches. The cursor is an offset into the ranking: an application arriving
 * between two pages can move someone across the boundary, as on any list that changes while read.
 */
export async function rankedApplicants(
  deps: OpeningDependencies,
  identity: Identity,
  openingId: string,
  request: PageRequest,
) {
  const opening = await adminOpening(deps, identity, openingId);
  const applications = (await deps.openings.listApplications(openingId)).filter((a) => a.status !== 'withdrawn');
  const personIds = applications.map((a) => a.personId);
  const [people, credentialed] = await Promise.all([
    deps.people.getMany(personIds),
    deps.learning.findCredentialedSkills(
      personIds,
      opening.skills.map((s) => s.skill),
    ),
  ]);
  const held = Map.groupBy(credentialed, (skill) => skill.personId);
  const applicants = applications.map((application) => {
    const person = people.get(application.personId);
    return {
      application,
      person: { id: application.personId, name: person?.name ?? 'Unknown member', place: person?.place ?? '' },
      skills: { credentialed: held.get(application.personId) ?? [], declared: person ? declaredSkillIds(person) : [] },
    };
  });
  const all = rankApplicants(opening, applicants);
  const ranked = pageOfList(all, request);
  // The rank of the page's first applicant, so a page after the first numbers on from where it starts.
  const firstRank = ranked.items[0] ? all.indexOf(ranked.items[0]) + 1 : 1;
  return { opening, ranked, firstRank };
}

/**
 * Steps: check the caller admins the syndicate; decline is a status change; accept fills a position
 * in one transaction with the application. Concurrent accepts on the last position: the loser re-reads
 * and finds the opening filled, so an opening is never overbooked.
 */
export async function decideApplication(
  deps: OpeningDependencies,
  identity: Identity,
  openingId: string,
  personId: string,
  decision: 'accept' | 'decline',
) {
  await adminOpening(deps, identity, openingId);
  const retries = startRetries(conflictRetry);
  for (;;) {
    const [opening, application] = await Promise.all([
      deps.openings.get(openingId),
      deps.openings.getApplication(openingId, personId),
    ]);
    if (!opening || !application || application.status === 'withdrawn')
      throw new NotFoundError('application', personId);
    if (application.status !== 'submitted')
      throw new ConflictError(`The application is already ${application.status}.`);
    const decided = {
      ...application,
      status: decision === 'accept' ? ('accepted' as const) : ('declined' as const),
      updatedAt: deps.now().toISOString(),
      decidedBy: identity.personId,
    };
    try {
      if (decision === 'decline') {
        await deps.openings.saveApplication(decided, 'submitted');
        return { application: decided, opening };
      }
      if (opening.status !== 'open' || opening.filled >= opening.positions) {
        throw new RuleViolationError('opening-full', 'Every position of this opening is filled.');
      }
      const filled = opening.filled + 1;
      const updated: Opening = {
        ...opening,
        filled,
        status: filled >= opening.positions ? 'filled' : 'open',
        updatedAt: decided.updatedAt,
        version: opening.version + 1,
      };
      await deps.openings.accept(decided, updated);
      return { application: decided, opening: updated };
    } catch (error) {
      if (!(error instanceof ConflictError) || !(await retries.next())) throw error;
    }
  }
}
