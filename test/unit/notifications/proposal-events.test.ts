// What a syndicate proposal's changes mean for its members: which change starts which fan-out, who on a
// page of members hears it, and what each is told.
import { describe, expect, it } from 'vitest';
import type { Proposal } from '#domain/decisions/proposal.ts';
import type { Image } from '#domain/notifications/images.ts';
import {
  changedWords,
  proposalNoticeOf,
  proposalNotification,
  proposalRecipients,
  type ProposalStage,
} from '#domain/notifications/proposal-events.ts';
import { renderMessage } from '#domain/notifications/notification-text.ts';
import { emailLinks, renderEmail } from '#domain/notifications/render-email.ts';
import type { Membership } from '#domain/syndicates/syndicate.ts';
import { key, site } from './fixtures.ts';

const item = (fields: Image = {}): Image => ({
  type: 'proposal',
  id: 'p1',
  scope: 'syndicate:riverside',
  status: 'open',
  ...fields,
});

const proposal = (fields: Partial<Proposal> = {}) =>
  ({
    id: 'p1',
    kind: 'rate-card',
    change: { rateCard: [] },
    scope: 'syndicate:riverside',
    title: 'New roof rate',
    description: '',
    days: 3,
    threshold: { num: 1, den: 2 },
    createdBy: 'ada',
    createdAt: '2026-03-01T09:00:00.000Z',
    openedAt: '2026-03-01T09:00:00.000Z',
    closesAt: '2026-03-04T09:00:00.000Z',
    eligible: 5,
    status: 'open',
    tally: { yes: 3, no: 1, abstain: 0 },
    ...fields,
  }) as Proposal;

const member = (personId: string, fields: Partial<Membership> = {}): Membership => ({
  syndicateId: 'riverside',
  personId,
  role: 'member',
  status: 'active',
  requestedAt: '2026-02-01T00:00:00.000Z',
  memberSince: '2026-02-01T00:00:00.000Z',
  ...fields,
});

describe('which change of a proposal tells its members', () => {
  it.each<[string, Image | undefined, Image | undefined, ReturnType<typeof proposalNoticeOf>]>([
    ['opened at once', undefined, item(), { proposalId: 'p1', stage: 'opened', page: 0 }],
    ['a draft opened', item({ status: 'draft' }), item(), { proposalId: 'p1', stage: 'opened', page: 0 }],
    ['kept as a draft', undefined, item({ status: 'draft' }), undefined],
    ['a vote moving the tally', item(), item({ tally: { yes: 1 } }), undefined],
    [
      'flagged as closing within a day',
      item(),
      item({ closingSoonAt: '2026-03-03T10:00:00.000Z' }),
      { proposalId: 'p1', stage: 'closing-soon', page: 0 },
    ],
    ['a vote after the flag', item({ closingSoonAt: 'x' }), item({ closingSoonAt: 'x', tally: { yes: 2 } }), undefined],
    ['closed', item(), item({ status: 'closed' }), { proposalId: 'p1', stage: 'decided', page: 0 }],
    ['enacted', item(), item({ status: 'enacted' }), { proposalId: 'p1', stage: 'decided', page: 0 }],
    ['a closed proposal written again', item({ status: 'closed' }), item({ status: 'closed' }), undefined],
    ['a commons proposal opening', undefined, item({ scope: 'commons' }), undefined],
    ['a removal', item(), undefined, undefined],
    [
      'a notice moved to its next page',
      { type: 'proposal-notice', proposalId: 'p1', stage: 'decided', page: 1, cursor: 'c1' },
      { type: 'proposal-notice', proposalId: 'p1', stage: 'decided', page: 2, cursor: 'c2' },
      { proposalId: 'p1', stage: 'decided', page: 2, cursor: 'c2' },
    ],
    [
      'a notice written again at its page',
      { type: 'proposal-notice', proposalId: 'p1', stage: 'decided', page: 2, cursor: 'c2' },
      { type: 'proposal-notice', proposalId: 'p1', stage: 'decided', page: 2, cursor: 'c2' },
      undefined,
    ],
    [
      'a notice of no known stage',
      undefined,
      { type: 'proposal-notice', proposalId: 'p1', stage: 'x', page: 1 },
      undefined,
    ],
  ])('%s', (_, oldItem, newItem, notice) => {
    expect(proposalNoticeOf(oldItem, newItem)).toEqual(notice);
  });
});

describe('who on a page of members hears it', () => {
  const page = [
    member('ada'),
    member('bram', { role: 'admin' }),
    member('carla'),
    // Joined at the very moment it opened, or after: no vote on it.
    member('late', { memberSince: '2026-03-01T09:00:00.000Z' }),
    member('later', { memberSince: '2026-03-02T00:00:00.000Z' }),
    member('asking', { status: 'requested', memberSince: undefined }),
    // Approved before `memberSince` was kept: its decision time counts.
    member('old', { memberSince: undefined, decidedAt: '2025-12-01T00:00:00.000Z' }),
  ];
  it.each<[ProposalStage, string[], string[]]>([
    ['opened', [], ['bram', 'carla', 'old']],
    ['closing-soon', [], ['ada', 'bram', 'carla', 'old']],
    ['closing-soon', ['ada', 'carla'], ['bram', 'old']],
    ['decided', ['ada', 'carla'], ['ada', 'bram', 'carla', 'old']],
  ])('%s, with %j voted: %j', (stage, voted, expected) => {
    expect(proposalRecipients(stage, proposal(), page, new Set(voted))).toEqual(expected);
  });
});

describe('what each member is told', () => {
  it.each<[ProposalStage, Partial<Proposal>, string, string]>([
    [
      'opened',
      {},
      'Riverside Builders is voting on New roof rate, until 2026-03-04 09:00 UTC',
      'You may vote yes, no or abstain until 2026-03-04 09:00 UTC',
    ],
    ['closing-soon', {}, 'Voting on New roof rate closes within a day', 'You have not voted on New roof rate'],
    [
      'decided',
      { status: 'enacted', outcome: 'passed' },
      'New roof rate passed',
      'yes 3, no 1, abstain 0 of 5 who could vote. The rate card proposed is now the syndicate’s rate card.',
    ],
    [
      'decided',
      { status: 'closed', outcome: 'without-quorum' },
      'New roof rate closed without quorum',
      'Nothing changed.',
    ],
  ])('%s: %j', (stage, fields, title, summary) => {
    const note = proposalNotification(stage, proposal(fields), 'Riverside Builders', 'bram');
    expect(note).toMatchObject({ personId: 'bram', title, link: '/decisions/p1/' });
    expect(note.summary).toContain(summary);
  });

  it('keys each notification by proposal, stage and person, so telling a page twice stores it once', () => {
    const once = proposalNotification('opened', proposal(), 'Riverside Builders', 'bram');
    expect(proposalNotification('opened', proposal({ tally: { yes: 4, no: 0, abstain: 0 } }), 'R', 'bram').id).toBe(
      once.id,
    );
    expect(proposalNotification('decided', proposal({ closedAt: once.at }), 'R', 'bram').id).not.toBe(once.id);
    expect(proposalNotification('opened', proposal(), 'R', 'carla').id).not.toBe(once.id);
  });

  it.each<[Partial<Proposal>, string]>([
    [{ outcome: 'rejected' }, 'Nothing changed.'],
    [{ outcome: 'passed', kind: 'sense-check' } as Partial<Proposal>, 'A sense check changes nothing by itself.'],
    [
      { outcome: 'passed', kind: 'membership', change: { action: 'remove', personId: 'dev' } } as Partial<Proposal>,
      'dev was removed as a member.',
    ],
    [{ outcome: 'passed', notEnacted: 'dev had left already.' }, 'Nothing changed: dev had left already.'],
  ])('says what changed: %j', (fields, words) => {
    expect(changedWords(proposal(fields))).toBe(words);
  });

  it('says why a passed proposal changed nothing in the reader’s language, where the reason was kept as a message', () => {
    const decided = proposal({
      outcome: 'passed',
      closedAt: '2026-03-04T09:00:00.000Z',
      notEnacted: 'dev is no longer a member.',
      notEnactedMessage: { key: 'not-a-member', values: { person: 'dev' } },
    });
    const note = proposalNotification('decided', decided, 'Riverside Builders', 'bram');
    expect(note.summary).toContain('Nothing changed: dev is no longer a member.');
    expect(renderMessage(note.message, 'es')?.summary).toContain('No cambió nada: dev ya no es miembro.');
    expect(renderMessage(note.message, 'nl')?.summary).toContain('Er is niets veranderd: dev is geen lid meer.');
    // A proposal closed before reasons were kept says its stored English in every language.
    const older = proposalNotification('decided', { ...decided, notEnactedMessage: undefined }, 'R', 'bram');
    expect(renderMessage(older.message, 'es')?.summary).toContain('No cambió nada: dev is no longer a member.');
  });
});

describe('a proposal’s email', () => {
  it('goes through the one renderer: plain words, a link to the proposal, and the unsubscribe link', () => {
    const note = proposalNotification('opened', proposal(), 'Riverside Builders', 'bram');
    const mail = renderEmail(note, { address: 'bram@example.org' }, emailLinks(site, key, note));
    expect(mail.subject).toBe('Riverside Builders is voting on New roof rate, until 2026-03-04 09:00 UTC');
    expect(mail.text).toContain(`Open it on Guildhall: ${site}/decisions/p1/`);
    expect(mail.text).toContain(`Stop these emails: ${site}/unsubscribe/`);
    expect(mail.text).toContain('“A syndicate you belong to opened a proposal for your vote” is on');
    expect(mail.headers['List-Unsubscribe']).toMatch(/^<https:\/\/guildhall\.example\/api\/unsubscribe\//);
  });
});
