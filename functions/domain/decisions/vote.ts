// Voting: one vote per eligible person (yes, no or abstain, with an optional reason), changeable until
// the window ends. The vote and the tally change in one transaction, so a changed vote moves exactly one
// count; it is conditional on the proposal being open, on the voter's previous vote as read and on
// their membership still standing.
import { voteWords } from '../i18n/work/vote-refusals.ts';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import { retryOnConflict } from '../retry.ts';
import type { DecisionDependencies } from './dependencies.ts';
import { notOnTheCircle, voterSince } from './circle.ts';
import type { PageRequest } from '../paging.ts';
import type { PeopleRepository } from '../people/person.ts';
import { viewProposal } from './proposal-use-cases.ts';
import type { Proposal, Vote, VoteInput } from './proposal.ts';
import { refuseNamesOfSecretVote } from './secret-tally.ts';

/** Refuses a vote on a proposal that is not open now, saying when it closed. */
export function checkOpen(proposal: Proposal, now: Date) {
  if (proposal.status === 'draft') throw new ConflictError(...voteWords({ key: 'draft', values: {} }));
  if (proposal.status !== 'open' || !proposal.closesAt || now.toISOString() >= proposal.closesAt) {
    throw new ConflictError(
      ...voteWords({ key: 'closed', values: { at: proposal.closesAt ?? proposal.closedAt ?? '' } }),
    );
  }
}

/** Whoever stands to gain the credit (its holder, or a member of the syndicate holding it) does not vote on it. */
async function checkConflict(deps: DecisionDependencies, proposal: Proposal, personId: string) {
  if (proposal.kind !== 'credit-limit') return;
  const account = proposal.change.account;
  const own =
    account === `person:${personId}` ||
    (account.startsWith('syndicate:') &&
      (await deps.syndicates.getMembership(account.slice('syndicate:'.length), personId))?.status === 'active');
  if (own) {
    throw new RuleViolationError('conflict-of-interest', ...voteWords({ key: 'conflict', values: {} }));
  }
}

/** A member who was one when the proposal opened votes, or changes their vote. */
export async function castVote(
  deps: DecisionDependencies,
  identity: Identity,
  proposalId: string,
  input: VoteInput,
): Promise<{ vote: Vote; proposal: Proposal }> {
  const { personId } = identity;
  const found = await deps.decisions.get(proposalId);
  if (!found || (found.status === 'draft' && found.createdBy !== personId)) {
    throw new NotFoundError('proposal', proposalId);
  }
  checkOpen(found, deps.now());
  const since = await voterSince(deps, found, personId);
  if (since === null) {
    throw found.circle
      ? notOnTheCircle()
      : new ForbiddenError(...voteWords({ key: 'not-member', values: { scope: found.scope } }));
  }
  if (since >= (found.openedAt ?? '')) {
    throw new ForbiddenError(...voteWords({ key: 'joined-after', values: { since, openedAt: found.openedAt ?? '' } }));
  }
  await checkConflict(deps, found, personId);
  try {
    return await retryOnConflict(() => voteOnce(deps, found, personId, input));
  } catch (error) {
    if (error instanceof VotingClosed) throw error.conflict;
    throw error;
  }
}

/** Thrown inside the retried step when voting closed meanwhile; a 409 outside the retries, never retried. */
class VotingClosed extends Error {
  readonly conflict: ConflictError;
  constructor(conflict: ConflictError) {
    super(conflict.message);
    this.conflict = conflict;
  }
}

/** One try: read the proposal and the previous vote, and write the vote over them. */
async function voteOnce(deps: DecisionDependencies, found: Proposal, personId: string, input: VoteInput) {
  const proposalId = found.id;
  const [proposal, previous] = await Promise.all([
    deps.decisions.get(proposalId),
    deps.decisions.getVote(proposalId, personId),
  ]);
  if (!proposal) throw new NotFoundError('proposal', proposalId);
  const now = deps.now();
  try {
    checkOpen(proposal, now);
  } catch (error) {
    throw error instanceof ConflictError ? new VotingClosed(error) : error;
  }
  const vote: Vote = {
    proposalId,
    personId,
    choice: input.choice,
    ...(input.reason ? { reason: input.reason } : {}),
    at: now.toISOString(),
  };
  if (previous && previous.choice === vote.choice && previous.reason === vote.reason) {
    return { vote: previous, proposal };
  }
  await deps.decisions.castVote(vote, previous, proposal);
  const tally = { ...proposal.tally };
  if (previous) tally[previous.choice] -= 1;
  tally[vote.choice] += 1;
  return { vote, proposal: { ...proposal, tally } };
}

/**
 * A page of a proposal's votes with the voters' names (one batched read a page): who voted how, and why,
 * is as public as the proposal, unless its kind keeps votes secret (secrecy.ts): then to nobody. A
 * draft's are its author's alone.
 */
export async function proposalVotes(
  deps: Pick<DecisionDependencies, 'decisions'> & { people: Pick<PeopleRepository, 'getMany'> },
  personId: string | null,
  proposalId: string,
  request: PageRequest,
) {
  refuseNamesOfSecretVote(await viewProposal(deps, personId, proposalId));
  const page = await deps.decisions.votesPage(proposalId, request);
  const people = await deps.people.getMany(page.items.map((vote) => vote.personId));
  return {
    ...page,
    items: page.items.map((vote) => ({ ...vote, name: people.get(vote.personId)?.name ?? vote.personId })),
  };
}

/** The caller's own vote on a proposal, or null. */
export async function myVote(deps: Pick<DecisionDependencies, 'decisions'>, identity: Identity, proposalId: string) {
  return deps.decisions.getVote(proposalId, identity.personId);
}
