// The fan-out of a syndicate proposal's notifications: one bounded page of members per stream record,
// the notice moved on to the next page, nothing told twice when a record comes again, and a page that
// fails moves nothing on (its retry tells it first).
import { describe, expect, it } from 'vitest';
import type { Proposal, Vote } from '#domain/decisions/proposal.ts';
import type { Notification } from '#domain/notifications/notification.ts';
import { fanOutProposal, type ProposalFanoutDependencies } from '#domain/notifications/proposal-fanout.ts';
import type { ProposalNotice } from '#domain/notifications/proposal-events.ts';
import type { Membership } from '#domain/syndicates/syndicate.ts';
import { memoryNotifications } from '../../support/memory-notifications.ts';
import { memoryProposalNotices } from '../../support/memory-proposal-notices.ts';

const proposal = {
  id: 'p1',
  kind: 'sense-check',
  scope: 'syndicate:riverside',
  title: 'Meet on Tuesdays',
  description: '',
  days: 3,
  threshold: { num: 1, den: 2 },
  createdBy: 'm0000',
  createdAt: '2026-03-01T09:00:00.000Z',
  openedAt: '2026-03-01T09:00:00.000Z',
  closesAt: '2026-03-04T09:00:00.000Z',
  closingSoonAt: '2026-03-03T10:00:00.000Z',
  eligible: 5,
  status: 'open',
  tally: { yes: 0, no: 0, abstain: 0 },
} as Proposal;

const members = (n: number): Membership[] =>
  Array.from({ length: n }, (_, i) => ({
    syndicateId: 'riverside',
    personId: `m${String(i).padStart(4, '0')}`,
    role: 'member',
    status: 'active',
    requestedAt: '2026-01-01T00:00:00.000Z',
    memberSince: '2026-01-01T00:00:00.000Z',
  }));

function world(options: { members?: number; votes?: Vote[]; pageSize?: number; failFor?: string } = {}) {
  const notifications = memoryNotifications();
  const sent: Notification[] = [];
  const proposalNotices = memoryProposalNotices({
    proposals: [proposal],
    members: members(options.members ?? 5),
    votes: options.votes,
    names: { riverside: 'Riverside Builders' },
  });
  const deps: ProposalFanoutDependencies = {
    notifications: {
      ...notifications,
      add: async (notification) => {
        if (notification.personId === options.failFor) throw new Error('the store is away');
        return notifications.add(notification);
      },
    },
    proposalNotices,
    proposalPageSize: options.pageSize,
    sendEmail: async (notification) => {
      sent.push(notification);
    },
    now: () => new Date('2026-03-03T10:00:01.000Z'),
  };
  /** Runs the stage's chain as the stream would: each notice written is the next record. */
  const chain = async (stage: ProposalNotice['stage']) => {
    let told = await fanOutProposal(deps, { proposalId: 'p1', stage, page: 0 });
    for (let i = 0; i < proposalNotices.advanced.length; i++) {
      const notice = proposalNotices.advanced[i];
      if (notice?.stage === stage) told += await fanOutProposal(deps, notice);
    }
    return told;
  };
  return { deps, notifications, proposalNotices, sent, chain };
}

describe('telling a syndicate’s members of a proposal', () => {
  it('reads one page of a 5,000-member syndicate per record and hands the rest to the next record', async () => {
    const { deps, proposalNotices } = world({ members: 5000 });
    expect(await fanOutProposal(deps, { proposalId: 'p1', stage: 'decided', page: 0 })).toBe(100);
    expect(proposalNotices.memberReads).toBe(1);
    expect(proposalNotices.advanced).toEqual([
      { proposalId: 'p1', stage: 'decided', page: 1, cursor: expect.any(String) },
    ]);
  });

  it('tells every member on every page, once, and mails each once', async () => {
    const { chain, proposalNotices, notifications, sent } = world({ pageSize: 2 });
    expect(await chain('decided')).toBe(5);
    expect(proposalNotices.advanced.map((notice) => notice.page)).toEqual([1, 2]);
    for (const member of members(5)) expect(notifications.all(member.personId)).toHaveLength(1);
    expect(sent).toHaveLength(5);
  });

  it('a record delivered twice tells nobody again and does not move the notice twice', async () => {
    const { deps, chain, proposalNotices, sent } = world({ pageSize: 2 });
    await chain('decided');
    const first = { proposalId: 'p1', stage: 'decided', page: 0 } as const;
    expect(await fanOutProposal(deps, first)).toBe(0);
    expect(await fanOutProposal(deps, proposalNotices.advanced[0] as ProposalNotice)).toBe(0);
    expect(proposalNotices.advanced).toHaveLength(2);
    expect(sent).toHaveLength(5);
  });

  it('reminds only the members who have not voted', async () => {
    const votes: Vote[] = ['m0001', 'm0003'].map((personId) => ({
      proposalId: 'p1',
      personId,
      choice: 'yes',
      at: '2026-03-02T00:00:00.000Z',
    }));
    const { chain, sent } = world({ pageSize: 2, votes });
    expect(await chain('closing-soon')).toBe(3);
    expect(sent.map((n) => n.personId).sort()).toEqual(['m0000', 'm0002', 'm0004']);
    expect(sent[0]?.kind).toBe('proposal-closing-soon');
  });

  it('a page that fails moves nothing on, so its retry tells it before the next page is read', async () => {
    const { deps, proposalNotices } = world({ pageSize: 2, failFor: 'm0001' });
    await expect(fanOutProposal(deps, { proposalId: 'p1', stage: 'decided', page: 0 })).rejects.toThrow(
      'the store is away',
    );
    expect(proposalNotices.advanced).toEqual([]);
  });

  it('tells nobody of a proposal that is gone', async () => {
    const { deps, proposalNotices } = world();
    expect(await fanOutProposal(deps, { proposalId: 'gone', stage: 'opened', page: 0 })).toBe(0);
    expect(proposalNotices.memberReads).toBe(0);
  });
});

describe('the result of a removal', () => {
  it('reaches the member it removed, who could vote on it and is no longer on the roll', async () => {
    const removal = {
      ...proposal,
      kind: 'membership',
      change: { action: 'remove', personId: 'gone' },
      status: 'enacted',
      outcome: 'passed',
      closedAt: '2026-03-04T09:05:00.000Z',
    } as Proposal;
    const notifications = memoryNotifications();
    const deps: ProposalFanoutDependencies = {
      notifications,
      proposalNotices: memoryProposalNotices({ proposals: [removal], members: members(3) }),
      proposalPageSize: 2,
      now: () => new Date('2026-03-04T09:06:00.000Z'),
    };
    expect(await fanOutProposal(deps, { proposalId: 'p1', stage: 'decided', page: 0 })).toBe(3);
    expect(notifications.all('gone')[0]?.summary).toContain('gone was removed as a member.');
    // Told once: not again with the next page.
    expect(await fanOutProposal(deps, { proposalId: 'p1', stage: 'decided', page: 1, cursor: 'Mg' })).toBe(1);
    expect(notifications.all('gone')).toHaveLength(1);
  });
});

describe('a restorative circle', () => {
  const circle = {
    ...proposal,
    kind: 'resolve-disputed-report',
    change: { innovationId: 'rack', reportId: 'r1', amount: 600n },
    createdBy: 'inventor-a',
    circle: { inventors: ['inventor-a', 'm0001'], panel: ['panel-x', 'panel-y', 'panel-z'] },
  } as Proposal;
  const circleWorld = (votes: Vote[] = []) => {
    const notifications = memoryNotifications();
    const deps: ProposalFanoutDependencies = {
      notifications,
      proposalNotices: memoryProposalNotices({ proposals: [circle], members: members(3), votes }),
      proposalPageSize: 2,
      now: () => new Date('2026-03-03T10:00:01.000Z'),
    };
    return { deps, notifications };
  };

  it('asks its panel and its inventors to vote as it opens, once each, but not its proposer', async () => {
    const { deps, notifications } = circleWorld();
    const first = await fanOutProposal(deps, { proposalId: 'p1', stage: 'opened', page: 0 });
    await fanOutProposal(deps, { proposalId: 'p1', stage: 'opened', page: 1, cursor: 'Mg' });
    for (const person of ['panel-x', 'panel-y', 'panel-z', 'm0001'])
      expect(notifications.all(person), person).toHaveLength(1);
    expect(notifications.all('inventor-a')).toHaveLength(0);
    // Two members on the first page (m0001 is also an inventor), and the three on the panel.
    expect(first).toBe(5);
  });

  it('reminds only those on its roll who have not voted', async () => {
    const votes: Vote[] = [{ proposalId: 'p1', personId: 'panel-y', choice: 'no', at: '2026-03-02T00:00:00.000Z' }];
    const { deps, notifications } = circleWorld(votes);
    await fanOutProposal(deps, { proposalId: 'p1', stage: 'closing-soon', page: 0 });
    expect(notifications.all('panel-y')).toHaveLength(0);
    expect(notifications.all('panel-x')).toHaveLength(1);
    expect(notifications.all('inventor-a')).toHaveLength(1);
  });
});
