// An in-memory ProposalNoticeRepository that keeps the DynamoDB adapter's promises: members paged by
// person id with an opaque cursor, votes read by person, and a notice that only ever moves forwards
// (ConflictError otherwise). `advanced` records each notice written, as the stream would carry it.
import type { Proposal, Vote } from '#domain/decisions/proposal.ts';
import { ConflictError } from '#domain/errors.ts';
import type { ProposalNotice } from '#domain/notifications/proposal-events.ts';
import type { ProposalNoticeRepository } from '#domain/notifications/proposal-fanout.ts';
import type { Membership } from '#domain/syndicates/syndicate.ts';

export function memoryProposalNotices(
  state: { proposals?: Proposal[]; members?: Membership[]; votes?: Vote[]; names?: Record<string, string> } = {},
): ProposalNoticeRepository & { advanced: ProposalNotice[]; memberReads: number } {
  const notices = new Map<string, ProposalNotice>();
  const store = {
    advanced: [] as ProposalNotice[],
    memberReads: 0,
    async get(proposalId: string) {
      return state.proposals?.find((proposal) => proposal.id === proposalId) ?? null;
    },
    async getVotes(proposalId: string, personIds: readonly string[]) {
      return (state.votes ?? []).filter((vote) => vote.proposalId === proposalId && personIds.includes(vote.personId));
    },
    async pageMembers(syndicateId: string, request: { limit: number; cursor?: string | undefined }) {
      store.memberReads++;
      const all = (state.members ?? [])
        .filter((membership) => membership.syndicateId === syndicateId)
        .sort((a, b) => (a.personId < b.personId ? -1 : 1));
      const start = request.cursor ? Number(Buffer.from(request.cursor, 'base64url').toString()) : 0;
      const end = start + request.limit;
      return {
        items: all.slice(start, end),
        ...(end < all.length ? { next: Buffer.from(String(end)).toString('base64url') } : {}),
      };
    },
    async syndicateName(syndicateId: string) {
      return state.names?.[syndicateId];
    },
    async advance(notice: ProposalNotice) {
      const key = `${notice.proposalId} ${notice.stage}`;
      const at = notices.get(key);
      if (at && at.page >= notice.page) throw new ConflictError('The notice has moved on already.');
      notices.set(key, notice);
      store.advanced.push(notice);
    },
  };
  return store;
}
