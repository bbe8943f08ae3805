// What the decisions pages say of a proposal, in words: the change it makes if it passes, the votes it
// needs, and its state. Pure, so the pages stay markup.
import { panelSize } from '#domain/decisions/circle.ts';
import { translator } from '#domain/i18n/catalogue.ts';
import { yesNeeded } from '#domain/decisions/passing-rule.ts';
import type { Proposal } from '#domain/decisions/proposal.ts';
import type { CreditPolicy } from '#domain/ledger/credit-policy.ts';
import { formatBound } from '#domain/innovations/statements.ts';
import { formatShare } from '#domain/innovations/separation-of-duties.ts';
import { currentLocale } from './i18n.ts';

/** A plain statement of what changes if the proposal passes. */
export function changeInWords(proposal: Proposal): string {
  switch (proposal.kind) {
    case 'sense-check':
      return 'Nothing changes by itself: this asks whether the members agree with the statement.';
    case 'rate-card': {
      const rows = proposal.change.rateCard.map((row) => {
        const skill = row.skillId ? ` (skill ${row.skillId}${row.level ? `, ${row.level}` : ', every level'})` : '';
        const unpleasant = row.unpleasant ? ', unpleasant: paid 1.5×' : '';
        return `${row.service}${skill}: ${(row.rate.amount / 100).toFixed(2)} ${row.rate.currency} per ${row.rate.per}${unpleasant}`;
      });
      return rows.length > 0
        ? `The syndicate’s rate card becomes: ${rows.join('; ')}.`
        : 'The syndicate’s rate card is emptied.';
    }
    case 'credit-limit':
      return proposal.change.credit === 0n
        ? `The credit limit of ${proposal.change.account} is taken back to the commons’ default.`
        : `${proposal.change.account} may go down to −${formatBound(proposal.change.credit)} (its credit limit).`;
    case 'credit-policy':
      return policyInWords(proposal.change);
    case 'membership':
      return {
        admit: `${proposal.change.personId} becomes a member of the syndicate.`,
        remove: `${proposal.change.personId} is removed from the syndicate.`,
        'make-admin': `${proposal.change.personId} becomes an admin of the syndicate.`,
        'unmake-admin': `${proposal.change.personId} stays a member but is no longer an admin.`,
      }[proposal.change.action];
    case 'remove-steward':
      return `${proposal.change.personId} is no longer a steward: they can no longer grant credit limits (the commons grants them by vote).`;
    case 'adopt-innovation': {
      const shares = proposal.change.implementers.map((i) => `${i.personId} ${formatShare(i.basisPoints)}`).join(', ');
      return `The syndicate adopts innovation record ${proposal.change.innovationId} (its current published version), implemented by ${shares}; the record’s inventors are then paid half of the value it reports.`;
    }
    case 'resolve-disputed-report': {
      const { amount, reportId } = proposal.change;
      return amount === null
        ? circleWords.settlesNothing(reportId)
        : circleWords.settlesAt(reportId, formatBound(amount), formatBound(amount / 2n));
    }
  }
}

/**
 * What the pages say of a restorative circle, in the language of the request being rendered (the
 * catalogue's `circle.*`; `currentLocale`, which the middleware sets, so its callers need no `t`): who sits
 * in it and what it decides. The panel is smaller than three only when the commons has no more who stand
 * on neither side.
 */
const circleT = () => translator(currentLocale());
export const circleWords = {
  settlesAt: (reportId: string, amount: string, half: string) => circleT()('circle.settlesAt', reportId, amount, half),
  settlesNothing: (reportId: string) => circleT()('circle.settlesNothing', reportId),
  get who() {
    return circleT()('circle.who');
  },
  panel: (count: number) =>
    count >= panelSize ? circleT()('circle.panelFull') : circleT()('circle.panelShort', count, panelSize),
  get inventors() {
    return circleT()('circle.inventors');
  },
  get openCircle() {
    return circleT()('circle.open');
  },
  get openCircleHint() {
    return circleT()('circle.openHint');
  },
  get amountLabel() {
    return circleT()('circle.amountLabel');
  },
  get amountHint() {
    return circleT()('circle.amountHint');
  },
  get reportLabel() {
    return circleT()('circle.reportLabel');
  },
  get recordLabel() {
    return circleT()('circle.recordLabel');
  },
  get circleVoter() {
    return circleT()('circle.voter');
  },
  get settledByCircle() {
    return circleT()('circle.settledBy');
  },
  title: (reportId: string) => circleT()('circle.title', reportId),
};

/** What a credit policy gives, in a sentence: the default, then each tier. */
export function policyInWords(policy: CreditPolicy): string {
  const start = `Every account without a credit limit of its own may go down to −${formatBound(policy.defaultCredit)}`;
  const tiers = policy.tiers.map(
    (tier) =>
      `to −${formatBound(tier.credit)} once ${tier.months} ${tier.months === 1 ? 'month has' : 'months have'} passed since its first trade`,
  );
  const grants = 'Accounts with a limit of their own (granted by a steward or by a vote) keep it.';
  return `${[start, ...tiers].join(tiers.length > 0 ? '; ' : '')}. ${grants}`;
}

/** "at least 3 of 5 members voting yes (half)". */
export function passingInWords(proposal: Proposal): string {
  const eligible = proposal.eligible ?? 0;
  const share = proposal.threshold.num * 3 === proposal.threshold.den * 2 ? 'two thirds' : 'half';
  if (proposal.status === 'draft') return `It will need ${share} of the members at opening to vote yes.`;
  const who = proposal.circle ? 'people in the circle' : eligible === 1 ? 'member' : 'members';
  return `It passes with at least ${yesNeeded(eligible, proposal.threshold)} yes votes of the ${eligible} ${who} who could vote when it opened (${share} of them, not only of those who vote).`;
}

/** The proposal's state in a few words. */
export function stateInWords(proposal: Proposal): string {
  if (proposal.status === 'draft') return 'Draft: only you see it until you open it.';
  if (proposal.status === 'open')
    return `Open for votes until ${proposal.closesAt?.slice(0, 16).replace('T', ' ')} UTC.`;
  const outcome =
    proposal.outcome === 'passed' ? 'Passed' : proposal.outcome === 'rejected' ? 'Rejected' : 'Closed without quorum';
  const enacted = proposal.status === 'enacted' ? ', and its change was made' : '';
  return `${outcome} on ${proposal.closedAt?.slice(0, 10)}${enacted}.`;
}

/** Where a scope's decisions are listed. */
export const scopeHref = (scope: string, status: 'open' | 'closed' = 'open') =>
  `/decisions/?scope=${encodeURIComponent(scope)}${status === 'closed' ? '&status=closed' : ''}`;
