// An Atom feed of a scope's decisions: what is open for votes and what was decided, newest page of
// each. It stands in for notifications to every member (a commons of 100,000 is no inbox broadcast):
// a member's reader polls it.
import { xmlEscape } from '../openings/feeds.ts';
import type { Proposal } from './proposal.ts';

const outcomeWords = { passed: 'Passed', rejected: 'Rejected', 'without-quorum': 'Without quorum' } as const;

/** The entry title: what happened to the proposal, then its title. */
export function entryTitle(proposal: Proposal): string {
  const state = proposal.status === 'open' ? 'Open for votes' : outcomeWords[proposal.outcome ?? 'without-quorum'];
  return `${state}: ${proposal.title}`;
}

export function decisionsFeed(input: {
  title: string;
  selfUrl: string;
  alternateUrl: string;
  siteUrl: string;
  proposals: readonly Proposal[];
  now: Date;
}): string {
  const sorted = [...input.proposals].sort((a, b) => changedAt(b).localeCompare(changedAt(a)));
  const entries = sorted.map((proposal) => {
    const url = `${input.siteUrl}/decisions/${proposal.id}/`;
    const { yes, no, abstain } = proposal.tally;
    const window =
      proposal.status === 'open'
        ? `Voting closes ${proposal.closesAt}.`
        : `Closed ${proposal.closedAt}${proposal.status === 'enacted' ? '; its change was made' : ''}.`;
    return `  <entry>
    <id>${xmlEscape(`${url}#${proposal.status === 'open' ? 'opened' : 'closed'}`)}</id>
    <title>${xmlEscape(entryTitle(proposal))}</title>
    <link rel="alternate" type="text/html" href="${xmlEscape(url)}"/>
    <updated>${xmlEscape(changedAt(proposal))}</updated>
    <published>${xmlEscape(proposal.openedAt ?? proposal.createdAt)}</published>
    <author><name>${xmlEscape(proposal.createdBy)}</name></author>
    <summary type="text">${xmlEscape(`${window} Yes ${yes}, no ${no}, abstain ${abstain} of ${proposal.eligible ?? 0} who could vote.`)}</summary>
    <category term="${xmlEscape(proposal.kind)}"/>
  </entry>`;
  });
  const updated = sorted[0] ? changedAt(sorted[0]) : input.now.toISOString();
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xmlEscape(input.selfUrl)}</id>
  <title>${xmlEscape(input.title)}</title>
  <link rel="self" type="application/atom+xml" href="${xmlEscape(input.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${xmlEscape(input.alternateUrl)}"/>
  <updated>${xmlEscape(updated)}</updated>
  <generator>Guildhall</generator>
${entries.join('\n')}
</feed>
`;
}

/** When a proposal last changed state: closed, or opened. */
const changedAt = (proposal: Proposal) => proposal.closedAt ?? proposal.openedAt ?? proposal.createdAt;
