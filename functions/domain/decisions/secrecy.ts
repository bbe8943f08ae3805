// Secret votes. A kind that keeps its votes secret (`kindRules[kind].secret`: votes on a person) never
// shows anyone who voted how: not its members, not its proposer, not an admin, not through a page. Its
// counts are its scope's members' alone while it is open (they decide it and may watch it move); once
// it closes the counts are everyone's, as the log's result entry carries them, and the names still no one's.
// The rules here are pure (the feed and the lists apply them); secret-tally.ts reads who may see what.
import type { Tally } from './passing-rule.ts';
import { kindRules, type Proposal } from './proposal.ts';

/** Its kind kept votes secret when it was proposed, or keeps them now: secrecy only ever widens. */
export const keepsVotesSecret = (proposal: Pick<Proposal, 'kind' | 'secret'>) =>
  proposal.secret === true || kindRules[proposal.kind]?.secret === true;

/** Its counts are for its scope's members only: a secret vote still open. */
export const tallySealed = (proposal: Pick<Proposal, 'kind' | 'secret' | 'status'>) =>
  keepsVotesSecret(proposal) && proposal.status === 'open';

/** A proposal as read by someone who may not see its counts: the tally left out. */
export type ProposalView = Omit<Proposal, 'tally'> & { tally?: Tally };

/** The proposal as anyone may read it: without the counts of a secret vote still open. */
export function publicView(proposal: Proposal): ProposalView {
  if (!tallySealed(proposal)) return proposal;
  const { tally: _sealed, ...rest } = proposal;
  return rest;
}
