// Adopting a published record as a syndicate: an admin's direct adoption for a syndicate of one; once
// it has more members, an `adopt-innovation` proposal decides it (decisions/enactment.ts). Both write
// the one plan of adoption-plan.ts.
import { NotFoundError, RuleViolationError } from '../errors.ts';
import { reportWords } from '../i18n/records/report-refusals.ts';
import type { Identity } from '../identity.ts';
import { decidesByVote } from '../syndicates/syndicate.ts';
import { findSyndicate, requireAdmin } from '../syndicates/syndicate-use-cases.ts';
import { retryOnConflict } from '../retry.ts';
import type { AdoptionInput } from './adoption.ts';
import { publishedRecord } from './adoption-use-cases.ts';
import { appendFor, type InnovationDependencies } from './dependencies.ts';
import { checkImplementers, planAdoption } from './adoption-plan.ts';

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
  /** A direct adoption's rule, checked again on every try and held by the write (see adoptInnovation). */
  direct?: { check: () => Promise<void> },
) {
  await publishedRecord(deps, innovationId);
  await findSyndicate(deps, input.syndicateId);
  const implementers = await checkImplementers(deps, input.syndicateId, input.implementers, 'body.implementers');
  return retryOnConflict(async () => {
    const existing = await deps.innovations.getAdoption(innovationId, input.syndicateId);
    if (existing) return { adoption: existing, created: false };
    await direct?.check();
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
    await deps.innovations.adopt(adoption, log, { soleMember: direct !== undefined });
    return { adoption, created: true, logIndex: log.entry.index };
  });
}

/**
 * An admin adopts a record for their syndicate: directly while it has one member; once it has more,
 * the members decide it by an adopt-innovation proposal (as they decide their rate card). The rule is
 * read again on each try, and the write holds it (the syndicate still has one member), so a member
 * joining between the check and the write turns the adoption away with the rule, never lets it through.
 */
export async function adoptInnovation(
  deps: InnovationDependencies,
  identity: Identity,
  innovationId: string,
  input: AdoptionInput,
) {
  await publishedRecord(deps, innovationId);
  const check = async () => {
    const syndicate = await findSyndicate(deps, input.syndicateId);
    if (decidesByVote(syndicate)) {
      const values = { syndicate: syndicate.name, members: syndicate.memberCount };
      const { message, wordsIn } = reportWords({ key: 'by-vote', values });
      throw new RuleViolationError('adoption-by-vote', message, { wordsIn });
    }
  };
  await findSyndicate(deps, input.syndicateId);
  await requireAdmin(deps, input.syndicateId, identity);
  await check();
  return recordAdoption(deps, identity.personId, innovationId, input, { check });
}
