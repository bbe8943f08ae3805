// The decisions' Atom feed: what opened and what was decided, newest change first, every value escaped.
import { describe, expect, it } from 'vitest';
import { decisionsFeed, entryTitle } from '#domain/decisions/feed.ts';
import type { Proposal } from '#domain/decisions/proposal.ts';

const proposal = (fields: Partial<Proposal>) =>
  ({
    id: 'p1',
    kind: 'sense-check',
    scope: 'commons',
    title: 'Open the hall',
    description: '',
    days: 3,
    threshold: { num: 1, den: 2 },
    createdBy: 'ada',
    createdAt: '2026-03-01T00:00:00.000Z',
    openedAt: '2026-03-01T00:00:00.000Z',
    closesAt: '2026-03-04T00:00:00.000Z',
    eligible: 10,
    status: 'open',
    tally: { yes: 3, no: 1, abstain: 0 },
    ...fields,
  }) as Proposal;

describe('the decisions feed', () => {
  it('names each entry by what happened to it', () => {
    expect(entryTitle(proposal({}))).toBe('Open for votes: Open the hall');
    expect(entryTitle(proposal({ status: 'enacted', outcome: 'passed' }))).toBe('Passed: Open the hall');
    expect(entryTitle(proposal({ status: 'closed', outcome: 'without-quorum' }))).toBe('Without quorum: Open the hall');
  });

  it('lists the newest change first, with the tally, and escapes every value', () => {
    const xml = decisionsFeed({
      title: 'Decisions',
      selfUrl: 'https://g.example/decisions/feed.xml?scope=commons',
      alternateUrl: 'https://g.example/decisions/?scope=commons',
      siteUrl: 'https://g.example',
      // Before the open one's last day, while it reads "Open for votes".
      now: new Date('2026-03-02T00:00:00.000Z'),
      proposals: [
        proposal({ id: 'old', title: 'Fish & <chips>' }),
        proposal({ id: 'new', status: 'closed', outcome: 'rejected', closedAt: '2026-03-05T00:00:00.000Z' }),
      ],
    });
    expect(xml.indexOf('/decisions/new/#closed')).toBeLessThan(xml.indexOf('/decisions/old/#opened'));
    expect(xml).toContain('<title>Open for votes: Fish &amp; &lt;chips&gt;</title>');
    expect(xml).toContain('Yes 3, no 1, abstain 0 of 10 who could vote.');
    expect(xml).toContain('<updated>2026-03-05T00:00:00.000Z</updated>');
    expect(xml).toContain('href="https://g.example/decisions/feed.xml?scope=commons"');
  });

  it('gives no counts for a secret vote still open, and gives them once it has closed', () => {
    const feed = (fields: Partial<Proposal>) =>
      decisionsFeed({
        title: 'Decisions',
        selfUrl: 's',
        alternateUrl: 'a',
        siteUrl: 'x',
        now: new Date('2026-03-02T00:00:00.000Z'),
        proposals: [proposal({ kind: 'membership', scope: 'syndicate:r', ...fields } as Partial<Proposal>)],
      });
    const open = feed({});
    expect(open).not.toContain('Yes 3');
    expect(open).toContain(
      'Its votes are secret: the counts are shown once it closes, never who voted how; 10 could vote.',
    );
    const closed = feed({ status: 'enacted', outcome: 'passed', closedAt: '2026-03-05T00:00:00.000Z' });
    expect(closed).toContain('Yes 3, no 1, abstain 0 of 10 who could vote.');
  });

  it('is a valid empty feed, updated now, when nothing was proposed', () => {
    const xml = decisionsFeed({
      title: 'Decisions',
      selfUrl: 's',
      alternateUrl: 'a',
      siteUrl: 'x',
      now: new Date('2026-03-10T00:00:00.000Z'),
      proposals: [],
    });
    expect(xml).toContain('<updated>2026-03-10T00:00:00.000Z</updated>');
    expect(xml).not.toContain('<entry>');
  });

  it.each([
    ['two days before it closes', '2026-03-02T00:00:00.000Z', 'Open for votes', '2026-03-01T00:00:00.000Z'],
    ['a second before the last day', '2026-03-02T23:59:59.000Z', 'Open for votes', '2026-03-01T00:00:00.000Z'],
    ['when its last day starts', '2026-03-03T00:00:00.000Z', 'Closes within a day', '2026-03-03T00:00:00.000Z'],
    ['an hour before it closes', '2026-03-03T23:00:00.000Z', 'Closes within a day', '2026-03-03T00:00:00.000Z'],
  ])(
    'updates an open proposal’s entry (same id) when it comes within a day of closing: %s',
    (_, now, state, updated) => {
      const xml = decisionsFeed({
        title: 'Decisions',
        selfUrl: 'https://g.example/decisions/feed.xml?scope=commons',
        alternateUrl: 'https://g.example/decisions/?scope=commons',
        siteUrl: 'https://g.example',
        now: new Date(now),
        proposals: [proposal({})],
      });
      expect(xml).toContain('<id>https://g.example/decisions/p1/#opened</id>');
      expect(xml).toContain(`<title>${state}: Open the hall</title>`);
      expect(xml).toContain(`<updated>${updated}</updated>`);
      expect(xml.includes('within a day: vote now')).toBe(state === 'Closes within a day');
    },
  );
});
