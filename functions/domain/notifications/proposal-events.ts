// What a syndicate proposal's changes mean for its members: it opened (each member who may vote is
// asked), it closes within a day (those who have not voted are reminded) and it was decided (each who
// could vote hears the outcome, the tally and what changed). Pure: the stream consumer reads who the
// members are a page at a time (proposal-fanout.ts), since a syndicate may have thousands.
//
// The commons' proposals notify nobody here: a commons of 100,000 is no inbox broadcast, so its
// decisions feed (decisions/feed.ts) is how its members follow them.
import type { Proposal, Vote } from '../decisions/proposal.ts';
import type { Membership } from '../syndicates/syndicate.ts';
import { memberSince } from '../decisions/eligibility.ts';
import type { Image } from './images.ts';
import { str } from './images.ts';
import { en, type ProposalChange } from '../i18n/email/en.ts';
import type { Notification, NotificationKind } from './notification.ts';
import { englishWords, type NotificationMessage, told } from './notification-text.ts';
import { notificationId } from './produce.ts';

export const proposalStages = ['opened', 'closing-soon', 'decided'] as const;
export type ProposalStage = (typeof proposalStages)[number];

export const stageKinds: Record<ProposalStage, NotificationKind> = {
  opened: 'proposal-opened',
  'closing-soon': 'proposal-closing-soon',
  decided: 'proposal-decided',
};

/** One page of a stage's fan-out: the first comes from the proposal's change, the rest from its notice item. */
export interface ProposalNotice {
  proposalId: string;
  stage: ProposalStage;
  /** 0 for the first page of members; each later page is one more. */
  page: number;
  /** Where the page of members starts; absent for the first. */
  cursor?: string | undefined;
}

const isStage = (value: unknown): value is ProposalStage => proposalStages.includes(value as ProposalStage);

/**
 * The fan-out page a change starts or continues, if any: a syndicate proposal opening, flagged as
 * closing within a day, or closed; or a notice item moved on to its next page. Votes (which move the
 * tally), edits and the commons' proposals start nothing.
 */
export function proposalNoticeOf(oldItem: Image | undefined, newItem: Image | undefined): ProposalNotice | undefined {
  if (!newItem) return undefined;
  if (newItem.type === 'proposal-notice') {
    const page = newItem.page;
    const proposalId = str(newItem, 'proposalId');
    if (!proposalId || !isStage(newItem.stage) || typeof page !== 'number' || oldItem?.page === page) return undefined;
    return { proposalId, stage: newItem.stage, page, cursor: str(newItem, 'cursor') };
  }
  if (newItem.type !== 'proposal' || !str(newItem, 'scope')?.startsWith('syndicate:')) return undefined;
  const proposalId = str(newItem, 'id');
  if (!proposalId) return undefined;
  const [was, is] = [str(oldItem, 'status'), str(newItem, 'status')];
  const first = (stage: ProposalStage): ProposalNotice => ({ proposalId, stage, page: 0 });
  if (is === 'open' && (was === undefined || was === 'draft')) return first('opened');
  if (is === 'open' && was === 'open' && str(newItem, 'closingSoonAt') && !str(oldItem, 'closingSoonAt')) {
    return first('closing-soon');
  }
  if (was === 'open' && (is === 'closed' || is === 'enacted')) return first('decided');
  return undefined;
}

/**
 * Who on a page of memberships hears of the stage: active members who were members before it opened
 * (who may vote on it), not its proposer when it opens (their own act), and for the reminder only
 * those without a vote.
 */
export function proposalRecipients(
  stage: ProposalStage,
  proposal: Pick<Proposal, 'openedAt' | 'createdBy'>,
  memberships: readonly Membership[],
  voted: ReadonlySet<string> = new Set(),
): string[] {
  const openedAt = proposal.openedAt ?? '';
  return memberships
    .filter((membership) => {
      const since = memberSince(membership);
      return membership.status === 'active' && since !== undefined && since < openedAt;
    })
    .map((membership) => membership.personId)
    .filter((personId) => !(stage === 'opened' && personId === proposal.createdBy))
    .filter((personId) => !(stage === 'closing-soon' && voted.has(personId)));
}

/**
 * Who hears the result beyond the members read page by page: a member the proposal removed is no longer
 * on the roll when the stream reads it, but could vote on it, so the first page tells them too.
 */
export function removedBy(stage: ProposalStage, proposal: Proposal, page: number): string[] {
  const removed =
    proposal.kind === 'membership' && proposal.change.action === 'remove' && proposal.status === 'enacted';
  return stage === 'decided' && page === 0 && removed ? [proposal.change.personId] : [];
}

/**
 * Who a circle has on its roll by name beyond the syndicate's members (its record's inventors, its
 * panel): they may vote, so the first page tells them too; not its proposer of its own opening.
 */
export function circleRollOn(stage: ProposalStage, proposal: Proposal, page: number): string[] {
  if (page !== 0 || !proposal.circle) return [];
  const roll = [...proposal.circle.inventors, ...proposal.circle.panel];
  return roll.filter((personId) => !(stage === 'opened' && personId === proposal.createdBy));
}

/** The people on a page who voted: the reminder skips them. */
export const votersOf = (votes: Iterable<Vote>) => new Set([...votes].map((vote) => vote.personId));

/** What a decided proposal changed, for each language to word (`email.proposalDecided`). */
export function changeOf(proposal: Proposal): ProposalChange {
  if (proposal.outcome !== 'passed') return { change: 'nothing' };
  if (proposal.notEnacted) {
    const why = proposal.notEnactedMessage;
    return { change: 'not-enacted', subject: proposal.notEnacted, ...(why ? { why } : {}) };
  }
  switch (proposal.kind) {
    case 'sense-check':
    case 'rate-card':
    case 'credit-policy':
      return { change: proposal.kind };
    case 'credit-limit':
      return { change: 'credit-limit', subject: proposal.change.account };
    case 'membership':
      return { change: proposal.change.action, subject: proposal.change.personId };
    case 'resolve-disputed-report':
      return {
        change: proposal.change.amount === null ? 'report-closed' : 'report-settled',
        subject: proposal.change.reportId,
      };
    default:
      // A kind added later says at least "the change proposed is now in force" until it has words of its own.
      return { change: 'other' };
  }
}

/** What a decided proposal changed, in an English sentence. */
export const changedWords = (proposal: Proposal): string => en['email.proposalChanged'](changeOf(proposal));

function decidedValues(proposal: Proposal, syndicate: string) {
  return {
    syndicate,
    title: proposal.title,
    closesAt: proposal.closesAt ?? '',
    outcome: proposal.outcome ?? ('without-quorum' as const),
    ...proposal.tally,
    eligible: proposal.eligible ?? 0,
    ...changeOf(proposal),
  };
}

/** A stage's message, with the syndicate's name. */
export function proposalMessage(stage: ProposalStage, proposal: Proposal, syndicate: string): NotificationMessage {
  const values = { syndicate, title: proposal.title, closesAt: proposal.closesAt ?? '' };
  if (stage === 'opened') return told('email.proposalOpened', values);
  if (stage === 'closing-soon') return told('email.proposalClosing', values);
  return told('email.proposalDecided', decidedValues(proposal, syndicate));
}

/** When a stage happened: its notifications sort by it. */
const stageAt = (stage: ProposalStage, proposal: Proposal) =>
  (stage === 'opened' ? proposal.openedAt : stage === 'closing-soon' ? proposal.closingSoonAt : proposal.closedAt) ??
  proposal.createdAt;

/**
 * The notification of one stage for one member. Its key names the proposal and the stage, not the
 * stream record, so a page read twice (a replayed record, a notice written again) stores it once.
 */
export function proposalNotification(
  stage: ProposalStage,
  proposal: Proposal,
  syndicate: string,
  personId: string,
): Notification {
  const kind = stageKinds[stage];
  const eventKey = `proposal:${proposal.id}:${stage}#${kind}#${personId}`;
  const at = stageAt(stage, proposal);
  const message = proposalMessage(stage, proposal, syndicate);
  return {
    id: notificationId(at, eventKey),
    personId,
    kind,
    at,
    ...englishWords(message),
    message,
    link: `/decisions/${proposal.id}/`,
    eventKey,
  };
}
