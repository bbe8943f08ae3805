// The one plan of an adoption, which every adoption writes (an admin's direct one, and a passed
// adopt-innovation proposal's): light on purpose, so the decisions' closing carries it without the
// innovation use cases.
import { ValidationError } from '../errors.ts';
import { draftWords } from '../i18n/records/draft-refusals.ts';
import type { Membership, SyndicateRepository } from '../syndicates/syndicate.ts';
import type { Adoption } from './adoption.ts';
import { type HoldersInput, type InnovationVersion, type PersonShare, resolveShares } from './innovation.ts';
import type { LogEvent } from './log-events.ts';

/** Implementers who are not active members of the syndicate, as refusals naming each one's field. */
export function implementerIssues(memberships: ReadonlyArray<Membership | null>, field: string) {
  return memberships.flatMap((membership, index) =>
    membership?.status === 'active'
      ? []
      : [{ field: `${field}.${index}.personId`, ...draftWords({ key: 'not-active-member', values: {} }) }],
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
