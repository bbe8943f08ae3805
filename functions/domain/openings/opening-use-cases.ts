// What syndicate admins and members do with openings: post, edit, publish, close, apply, decide.
import type { Commons } from '../content/commons.ts';
import { escoLabelsFrom, requireSkillRefs } from '../content/skill-ref.ts';
import { ConflictError, NotFoundError, RuleViolationError, StoreUnavailableError, ValidationError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import { type OpeningRefusal, openingWords } from '../i18n/work/opening-refusals.ts';
import type { LearningRepository } from '../learning/learning-repository.ts';
import type { Page, PageRequest } from '../paging.ts';
import type { PeopleRepository } from '../people/person.ts';
import type { PersonDataRepository } from '../people/person-data.ts';
import type { SearchIndex } from '../search/search-port.ts';
import { findSyndicate, isAdmin, requireAdmin, type SyndicateDependencies } from '../syndicates/syndicate-use-cases.ts';
import type { Application } from './application.ts';
import { currentMatches, type ScoredApplication, sameMatch } from './applicant-match.ts';
import {
  type Opening,
  type OpeningInput,
  type OpeningSkill,
  effectiveStatus,
  isListed,
  transition,
} from './opening.ts';
import { checkOccupation } from './opening-occupation.ts';
import type { OpeningRepository } from './opening-repository.ts';
import { kindFor, requireTrainee } from './training-use-cases.ts';

/** A refusal's English and its words, as RuleViolationError's arguments after the rule. */
const saidWords = (refusal: OpeningRefusal) => {
  const { message, wordsIn } = openingWords(refusal);
  return [message, { wordsIn }] as const;
};

export interface OpeningDependencies extends SyndicateDependencies {
  commons: Commons;
  openings: OpeningRepository;
  people: PeopleRepository;
  learning: Pick<LearningRepository, 'findCredentialedSkills' | 'getEnrollment'>;
  /** Where an ESCO skill's URI is checked and its label read. */
  search: Pick<SearchIndex, 'get'>;
  newId: () => string;
}

/**
 * The input with each skill canonical (content/skill-ref.ts) and ESCO's label beside an ESCO-only one.
 * A skill neither the commons nor ESCO has, or one skill asked twice (a commons id and its URI), is
 * refused by position.
 */
async function withCanonicalSkills(deps: OpeningDependencies, input: OpeningInput) {
  const resolved = await requireSkillRefs(
    { commons: deps.commons, escoLabels: escoLabelsFrom(deps.search) },
    input.skills.map((s) => s.skill),
    (index) => `body.skills.${index}.skill`,
  );
  return { ...input, skills: input.skills.map(({ level }, index) => ({ ...resolved[index], level }) as OpeningSkill) };
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
  const syndicate = await findSyndicate(deps, syndicateId);
  await requireAdmin(deps, syndicateId, identity);
  const canonical = await withCanonicalSkills(deps, input);
  checkOccupation(deps.commons, input);
  const kind = await kindFor(deps, syndicate, input);
  const at = deps.now().toISOString();
  const opening: Opening = {
    ...canonical,
    ...kind,
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
  const canonical = await withCanonicalSkills(deps, input);
  checkOccupation(deps.commons, input);
  await kindFor(deps, await findSyndicate(deps, opening.syndicateId), input, opening);
  if (opening.status === 'closed')
    throw new RuleViolationError('opening-lifecycle', ...saidWords({ key: 'closed-no-edit', values: {} }));
  if (input.positions < opening.filled) {
    const words = openingWords({ key: 'positions-filled', values: { filled: opening.filled } });
    throw new ValidationError([{ field: 'body.positions', ...words }]);
  }
  const updated: Opening = {
    ...opening,
    ...canonical,
    updatedAt: deps.now().toISOString(),
    version: opening.version + 1,
  };
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
    throw new RuleViolationError('opening-not-open', ...saidWords({ key: 'not-taking', values: {} }));
  }
  await requireTrainee(deps, opening, identity);
  if (withCv && !(await deps.personData.getCv(identity.personId))) {
    throw new RuleViolationError('no-cv', ...saidWords({ key: 'no-cv', values: {} }));
  }
  const at = deps.now().toISOString();
  // Scored now, so the applicant list reads applications in score order (applicant-match.ts).
  const match = (await currentMatches(deps, opening, [identity.personId], at)).get(identity.personId)?.match;
  const submitted: ScoredApplication = {
    openingId,
    syndicateId: opening.syndicateId,
    personId: identity.personId,
    note,
    status: 'submitted',
    createdAt: at,
    updatedAt: at,
    match,
    ...(withCv ? { withCv } : {}),
  };
  const { application, created } = await deps.openings.createApplication(submitted);
  if (application.status === 'withdrawn') {
    const renewed: ScoredApplication = {
      ...application,
      note,
      status: 'submitted' as const,
      updatedAt: at,
      match,
      withCv,
    };
    await deps.openings.saveApplication(renewed, 'withdrawn');
    return { application: renewed, submitted: true };
  }
  return { application, submitted: created };
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
 * Steps: check the caller admins the syndicate; read one page of the standing applications in the order
 * of their stored match (applicant-match.ts); score the page's people again from their skills and the
 * opening's as they are now, show that, and write back each match that changed, so the order catches
 * up. A page reads the same whether 2 or 200 applied: one page of applications, its people and their
 * skills in two batched reads.
 */
export async function rankedApplicants(
  deps: OpeningDependencies,
  identity: Identity,
  openingId: string,
  request: PageRequest,
) {
  const opening = await adminOpening(deps, identity, openingId);
  const page = await deps.openings.pageRankedApplications(openingId, request);
  const at = deps.now().toISOString();
  const current = await currentMatches(
    deps,
    opening,
    page.items.map((a) => a.personId),
    at,
  );
  const items = await Promise.all(
    page.items.map(async (application) => {
      const now = current.get(application.personId);
      const match = now?.match ?? { score: 0, holds: 0, missing: [], matches: [], scoredAt: at };
      const changed = !sameMatch(application.match, match);
      if (changed) {
        // The write-back only brings the order up to date; the page shows the new match either way. A
        // decision made meanwhile wins (ConflictError), and a store refusing writes does not fail a
        // read: either way the application is scored again when it is next shown.
        await deps.openings.saveMatch(application, match).catch((error: unknown) => {
          if (!(error instanceof ConflictError || error instanceof StoreUnavailableError)) throw error;
        });
      }
      return {
        application: withoutMatch(application),
        person: {
          id: application.personId,
          name: now?.person?.name ?? 'Unknown member',
          place: now?.person?.place ?? '',
        },
        ...match,
        /** The place in the order is from an older match until the list is read again. */
        reordered: changed,
      };
    }),
  );
  return { opening, ranked: { ...page, items } };
}

const withoutMatch = ({ match: _match, ...application }: ScoredApplication): Application => application;
