// Adopting a published record as a syndicate. One plan (`planAdoption`) is what every adoption writes:
// an admin's direct adoption for a syndicate of one, and an `adopt-innovation` proposal's enactment
// once the syndicate has more members (then it is theirs to decide: decisions/enactment.ts writes the
// same adoption in its closing's transaction).
import { NotFoundError, RuleViolationError, ValidationError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import { decidesByVote, type Membership, type SyndicateRepository } from '../syndicates/syndicate.ts';
import { findSyndicate, requireAdmin } from '../syndicates/syndicate-use-cases.ts';
import { retryOnConflict } from '../retry.ts';
import type { Adoption, AdoptionInput } from './adoption.ts';
import { publishedRecord } from './adoption-use-cases.ts';
import { appendFor, type InnovationDependencies } from './dependencies.ts';
import { type HoldersInput, type InnovationVersion, type PersonShare, resolveShares } from './innovation.ts';
import type { LogEvent } from './log-events.ts';

/** Implementers who are not active members of the syndicate, as refusals naming each one's field. */
export function implementerIssues(memberships: ReadonlyArray<Membership | null>, field: string) {
  return memberships.flatMap((membership, index) =>
    membership?.status === 'active'
      ? []
      : [{ field: `${field}.${index}.personId`, message: 'is not an active member of the syndicate' }],
  );
}

/** The implementers' shares resolved (equal when none given), each an active member; refused naming the field. */
export async function checkImplementers(
  deps: { syndicates: Pick<SyndicateRepository, 'getMembership'> },
  syndicateId: string,
  holders: HoldersInput,
  field: string,
): Promise<PersonShare[]> {
  const implementers = resolveShares(holders, field);
  const memberships = await Promise.all(
    implementers.map((i) => deps.syndicates.getMembership(syndicateId, i.personId)),
  );
  const issues = implementerIssues(memberships, field);
  if (issues.length > 0) throw new ValidationError(issues);
  return implementers;
}

/** The adoption of `version` by a syndicate at `at`, and the log event that records it. */
export function planAdoption(plan: {
  version: Pick<InnovationVersion, 'innovationId' | 'version' | 'inventors'>;
  syndicateId: string;
  implementers: PersonShare[];
  note: string;
  at: string;
  by: string;
}): { adoption: Adoption; event: Extract<LogEvent, { kind: 'adoption' }> } {
  const { version, syndicateId, implementers, at } = plan;
  const adoption: Adoption = {
    innovationId: version.innovationId,
    syndicateId,
    version: version.version,
    inventors: version.inventors,
    implementers,
    note: plan.note,
    adoptedAt: at,
    adoptedBy: plan.by,
    reported: [],
    rev: 0,
  };
  const { innovationId, version: adopted, inventors } = adoption;
  return {
    adoption,
    event: { kind: 'adoption', at, innovationId, syndicateId, version: adopted, inventors, implementers },
  };
}

/**
 * Records, once per syndicate, that it implements the record (a repeat returns the first adoption),
 * without asking who decided it: `adoptInnovation` checks that for people; the demo's seeding calls
 * it directly. Steps: check the record, the syndicate and the implementers; then, over the adoption
 * as it stands, write it with its log entry (a lost race re-reads).
 */
export async function recordAdoption(
  deps: InnovationDependencies,
  by: string,
  innovationId: string,
  input: AdoptionInput,
) {
  await publishedRecord(deps, innovationId);
  await findSyndicate(deps, input.syndicateId);
  const implementers = await checkImplementers(deps, input.syndicateId, input.implementers, 'body.implementers');
  return retryOnConflict(async () => {
    const existing = await deps.innovations.getAdoption(innovationId, input.syndicateId);
    if (existing) return { adoption: existing, created: false };
    const record = await publishedRecord(deps, innovationId);
    const version = await deps.innovations.getVersion(innovationId, record.currentVersion);
    if (!version) throw new NotFoundError('innovation', innovationId);
    const at = deps.now().toISOString();
    const { adoption, event } = planAdoption({
      version,
      syndicateId: input.syndicateId,
      implementers,
      note: input.note,
      at,
      by,
    });
    const log = await appendFor(deps, event);
    await deps.innovations.adopt(adoption, log);
    return { adoption, created: true, logIndex: log.entry.index };
  });
}

/**
 * An admin adopts a record for their syndicate: directly while it has one member; once it has more,
 * the members decide it by an adopt-innovation proposal (as they decide their rate card).
 */
export async function adoptInnovation(
  deps: InnovationDependencies,
  identity: Identity,
  innovationId: string,
  input: AdoptionInput,
) {
  await publishedRecord(deps, innovationId);
  const syndicate = await findSyndicate(deps, input.syndicateId);
  await requireAdmin(deps, input.syndicateId, identity);
  if (decidesByVote(syndicate)) {
    throw new RuleViolationError(
      'adoption-by-vote',
      `${syndicate.name} has ${syndicate.memberCount} members: it adopts a record only by their vote. Propose the adoption to them (an adopt-innovation proposal, /decisions/new/?kind=adopt-innovation).`,
    );
  }
  return recordAdoption(deps, identity.personId, innovationId, input);
}
