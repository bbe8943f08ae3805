// An Atom feed of a scope's decisions: what is open for votes, what closes within a day and what was
// decided, newest page of each. For the commons it stands in for notifications to every member (a
// commons of 100,000 is no inbox broadcast: a member's reader polls it); a syndicate's members are also
// told in their inbox (notifications/proposal-fanout.ts), and its feed is there for anyone following it.
import { xmlEscape } from '../openings/feeds.ts';
import { reminderMs } from './closing-soon.ts';
import type { Proposal } from './proposal.ts';
import { tallySealed } from './secrecy.ts';

const outcomeWords = { passed: 'Passed', rejected: 'Rejected', 'without-quorum': 'Without quorum' } as const;

/** When an open proposal came within a day of closing, if it has by `now`: its feed entry changes then. */
function closingSoonSince(proposal: Proposal, now: Date): string | undefined {
  if (proposal.status !== 'open' || !proposal.closesAt) return undefined;
  const since = new Date(Date.parse(proposal.closesAt) - reminderMs);
  return since <= now ? since.toISOString() : undefined;
}

/** The entry title: what happened to the proposal (or, a day before it closes, that it soon will), then its title. */
export function entryTitle(proposal: Proposal, now?: Date): string {
  const state =
    proposal.status === 'open'
      ? now && closingSoonSince(proposal, now)
        ? 'Closes within a day'
        : 'Open for votes'
      : outcomeWords[proposal.outcome ?? 'without-quorum'];
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
  const changedAt = (proposal: Proposal) =>
    proposal.closedAt ?? closingSoonSince(proposal, input.now) ?? proposal.openedAt ?? proposal.createdAt;
  const sorted = [...input.proposals].sort((a, b) => changedAt(b).localeCompare(changedAt(a)));
  const entries = sorted.map((proposal) => {
    const url = `${input.siteUrl}/decisions/${proposal.id}/`;
    const { yes, no, abstain } = proposal.tally;
    // A secret vote's counts are its members' until it closes; a feed is read by anyone.
    const counts = tallySealed(proposal)
      ? `Its votes are secret: the counts are shown once it closes, never who voted how; ${proposal.eligible ?? 0} could vote.`
      : `Yes ${yes}, no ${no}, abstain ${abstain} of ${proposal.eligible ?? 0} who could vote.`;
    const window =
      proposal.status === 'open'
        ? `Voting closes ${proposal.closesAt}${closingSoonSince(proposal, input.now) ? ', within a day: vote now if you have not' : ''}.`
        : `Closed ${proposal.closedAt}${proposal.status === 'enacted' ? '; its change was made' : ''}.`;
    return `  <entry>
    <id>${xmlEscape(`${url}#${proposal.status === 'open' ? 'opened' : 'closed'}`)}</id>
    <title>${xmlEscape(entryTitle(proposal, input.now))}</title>
    <link rel="alternate" type="text/html" href="${xmlEscape(url)}"/>
    <updated>${xmlEscape(changedAt(proposal))}</updated>
    <published>${xmlEscape(proposal.openedAt ?? proposal.createdAt)}</published>
    <author><name>${xmlEscape(proposal.createdBy)}</name></author>
    <summary type="text">${xmlEscape(`${window} ${counts}`)}</summary>
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
