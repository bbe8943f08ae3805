// Tells a syndicate's members of one of its proposals, a bounded page of members per stream record:
// a syndicate of 5,000 is 50 records of 100, never one Lambda reading them all. The proposal's change
// tells the first page and writes the stage's notice item with the cursor of the next; the notice's own
// stream record tells that page and moves the notice on, and so on to the last page.
//
// Each notification's key names the proposal, the stage and the person (proposal-events.ts), so a page
// told twice (a replayed record) stores nothing new; the notice moves on only from the page it was at,
// so a replay cannot fork the chain. A page's notifications are stored before the notice moves on: a
// failure fails the record, and its retry tells the page again (no-ops) before moving on.
import { ConflictError } from '../errors.ts';
import type { DecisionRepository, Proposal, Vote } from '../decisions/proposal.ts';
import type { Page, PageRequest } from '../paging.ts';
import type { Membership } from '../syndicates/syndicate.ts';
import { deliver, type ProduceDependencies } from './produce.ts';
import {
  type ProposalNotice,
  proposalNotification,
  circleRollOn,
  proposalRecipients,
  removedBy,
  votersOf,
} from './proposal-events.ts';

/** What the fan-out reads and writes (adapters/dynamodb/proposal-notice-repository.ts). */
export interface ProposalNoticeRepository {
  get: DecisionRepository['get'];
  /** The votes some people cast on a proposal, in batched reads; those who did not vote are absent. */
  getVotes(proposalId: string, personIds: readonly string[]): Promise<Vote[]>;
  /** A page of a syndicate's memberships (and requests), by person id. */
  pageMembers(syndicateId: string, request: PageRequest): Promise<Page<Membership>>;
  syndicateName(syndicateId: string): Promise<string | undefined>;
  /**
   * Stores the notice at its page, unless it is there already or further on: ConflictError then
   * (a replayed record moving it on again).
   */
  advance(notice: ProposalNotice): Promise<void>;
}

export interface ProposalFanoutDependencies extends Omit<ProduceDependencies, 'notificationLookups'> {
  proposalNotices: ProposalNoticeRepository;
  /** Members read per record; 100 unless a test asks fewer to see the pages. */
  proposalPageSize?: number | undefined;
}

export const proposalPageSize = 100;

/** Tells one page of members of one stage; answers how many notifications were new. */
export async function fanOutProposal(deps: ProposalFanoutDependencies, notice: ProposalNotice): Promise<number> {
  const store = deps.proposalNotices;
  const proposal = await store.get(notice.proposalId);
  const syndicateId = proposal?.scope.startsWith('syndicate:') ? proposal.scope.slice('syndicate:'.length) : undefined;
  if (!proposal || syndicateId === undefined || !proposal.openedAt) return 0;
  const [page, name] = await Promise.all([
    store.pageMembers(syndicateId, { limit: deps.proposalPageSize ?? proposalPageSize, cursor: notice.cursor }),
    store.syndicateName(syndicateId),
  ]);
  const recipients = await recipientsOn(store, notice, proposal, page.items);
  const stored = await Promise.all(
    recipients.map((personId) =>
      deliver(deps, proposalNotification(notice.stage, proposal, name ?? 'Your syndicate', personId)),
    ),
  );
  if (page.next) {
    try {
      await store.advance({ ...notice, page: notice.page + 1, cursor: page.next });
    } catch (error) {
      // Moved on already, by an earlier delivery of this record: its next page is on its way.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return stored.filter(Boolean).length;
}

async function recipientsOn(
  store: ProposalNoticeRepository,
  notice: ProposalNotice,
  proposal: Proposal,
  memberships: readonly Membership[],
): Promise<string[]> {
  const named = circleRollOn(notice.stage, proposal, notice.page);
  const eligible = [...new Set([...proposalRecipients(notice.stage, proposal, memberships), ...named])];
  if (notice.stage !== 'closing-soon' || eligible.length === 0) {
    return [...new Set([...eligible, ...removedBy(notice.stage, proposal, notice.page)])];
  }
  const voted = votersOf(await store.getVotes(proposal.id, eligible));
  return eligible.filter((personId) => !voted.has(personId));
}
