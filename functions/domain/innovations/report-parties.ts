// The parties of a value report as the syndicate stands now: which inventors are its admins, and how
// many admins it has. Reading them takes one item per inventor (at most 20) and the syndicate.
import { NotFoundError } from '../errors.ts';
import { isAdmin } from '../syndicates/syndicate-use-cases.ts';
import type { Adoption } from './adoption.ts';
import type { InnovationDependencies } from './dependencies.ts';
import { reportParties } from './separation-of-duties.ts';

export async function partiesNow(
  deps: Pick<InnovationDependencies, 'syndicates' | 'now'>,
  adoption: Pick<Adoption, 'syndicateId' | 'inventors'>,
  reporterId: string,
  conflicted: readonly string[] = [],
) {
  const syndicate = await deps.syndicates.get(adoption.syndicateId);
  if (!syndicate) throw new NotFoundError('syndicate', adoption.syndicateId);
  const admins = await Promise.all(adoption.inventors.map((i) => isAdmin(deps, adoption.syndicateId, i.personId)));
  const adminInventors = new Set(adoption.inventors.filter((_, index) => admins[index]).map((i) => i.personId));
  return {
    syndicate,
    ...reportParties({
      inventors: adoption.inventors,
      reporterId,
      adminInventors,
      adminCount: syndicate.adminCount,
      conflicted,
    }),
  };
}
