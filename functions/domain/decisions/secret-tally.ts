// Who may read a secret vote's counts (secrecy.ts): its scope's members while it is open, everyone once
// it closes; and who may read its names: nobody.
import { ForbiddenError } from '../errors.ts';
import { voteWords } from '../i18n/work/vote-refusals.ts';
import type { Identity } from '../identity.ts';
import type { DecisionDependencies } from './dependencies.ts';
import { memberOfScopeSince } from './eligibility.ts';
import type { Proposal } from './proposal.ts';
import { viewProposal } from './proposal-use-cases.ts';
import { keepsVotesSecret, type ProposalView, publicView, tallySealed } from './secrecy.ts';

type Deps = Pick<DecisionDependencies, 'decisions' | 'people' | 'syndicates'>;

/** May `personId` see the counts of `proposal` now? Anyone, unless it is a secret vote still open. */
export async function seesTally(deps: Deps, personId: string | null, proposal: Proposal): Promise<boolean> {
  if (!tallySealed(proposal)) return true;
  return personId !== null && (await memberOfScopeSince(deps, proposal.scope, personId)) !== null;
}

/** The proposal as `personId` (null: not signed in) may read it: the tally only if they may see it. */
export async function proposalFor(deps: Deps, personId: string | null, proposal: Proposal): Promise<ProposalView> {
  return (await seesTally(deps, personId, proposal)) ? proposal : publicView(proposal);
}

/** GET /api/proposals/{id}/tally: the counts so far; of a secret vote still open, for its scope's members only. */
export async function proposalTally(deps: Deps, identity: Identity, proposalId: string) {
  const proposal = await viewProposal(deps, identity.personId, proposalId);
  if (!(await seesTally(deps, identity.personId, proposal))) {
    throw new ForbiddenError(...voteWords({ key: 'secret', values: { scope: proposal.scope } }));
  }
  const { status, tally, eligible } = proposal;
  return { status, tally, eligible, secret: keepsVotesSecret(proposal) };
}

/** Refuses to list who voted how on a secret vote, to everyone alike. */
export function refuseNamesOfSecretVote(proposal: Proposal) {
  if (keepsVotesSecret(proposal)) {
    throw new ForbiddenError(...voteWords({ key: 'secret-names', values: {} }));
  }
}
