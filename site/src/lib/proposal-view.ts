// What the decisions pages say of a proposal, in words: the change it makes if it passes, the votes it
// needs, and its state, in the page's language (its `t` and `format`). Pure, so the pages stay markup.
import { panelSize } from '#domain/decisions/circle.ts';
import { translator } from '#domain/i18n/catalogue.ts';
import { yesNeeded } from '#domain/decisions/passing-rule.ts';
import type { Proposal } from '#domain/decisions/proposal.ts';
import type { CreditPolicy } from '#domain/ledger/credit-policy.ts';
import { formatShare } from '#domain/innovations/separation-of-duties.ts';
import { currentLocale, type PageLanguage, pageLanguage } from './i18n.ts';

/**
 * The words of one language (a page's `pageLanguage`); where a caller gives none, those of the request
 * being rendered (`currentLocale`, set by the middleware), which is English outside a request.
 */
type Words = Pick<PageLanguage, 't' | 'format'>;
const current = (): Words => pageLanguage({ locale: currentLocale() });

/** A plain statement of what changes if the proposal passes. */
export function changeInWords(proposal: Proposal, { t, format }: Words = current()): string {
  switch (proposal.kind) {
    case 'sense-check':
      return t('proposalView.senseCheck');
    case 'rate-card': {
      const rows = proposal.change.rateCard.map((row) => {
        const skill = row.skillId ? t('proposalView.rateSkill', row.skillId, row.level) : '';
        const unpleasant = row.unpleasant ? t('proposalView.rateUnpleasant') : '';
        const amount = (row.rate.amount / 100).toFixed(2);
        const period = `money.period.${row.rate.per}` as const;
        return t('proposalView.rateLine', row.service, skill, amount, row.rate.currency, t(period), unpleasant);
      });
      return rows.length > 0 ? t('proposalView.rateCard', rows.join('; ')) : t('proposalView.rateCardEmptied');
    }
    case 'credit-limit':
      return proposal.change.credit === 0n
        ? t('proposalView.creditDefault', proposal.change.account)
        : t('proposalView.credit', proposal.change.account, format.bound(proposal.change.credit));
    case 'credit-policy':
      return policyInWords(proposal.change, { t, format });
    case 'membership': {
      const person = proposal.change.personId;
      return {
        admit: t('proposalView.admit', person),
        remove: t('proposalView.remove', person),
        'make-admin': t('proposalView.makeAdmin', person),
        'unmake-admin': t('proposalView.unmakeAdmin', person),
      }[proposal.change.action];
    }
    case 'remove-steward':
      return t('proposalView.removeSteward', proposal.change.personId);
    case 'adopt-innovation': {
      const shares = proposal.change.implementers.map((i) => `${i.personId} ${formatShare(i.basisPoints)}`).join(', ');
      return t('proposalView.adopt', proposal.change.innovationId, shares);
    }
    case 'resolve-disputed-report': {
      const { amount, reportId } = proposal.change;
      const words = circleWordsIn({ t });
      return amount === null
        ? words.settlesNothing(reportId)
        : words.settlesAt(reportId, format.bound(amount), format.bound(amount / 2n));
    }
  }
}

/**
 * What the pages say of a restorative circle, in one place: who sits in it and what it decides. The
 * panel is smaller than three only when the commons has no more who stand on neither side.
 */
export const circleWordsIn = ({ t }: Pick<Words, 't'>) =>
  ({
    settlesAt: (reportId: string, amount: string, half: string) => t('circle.settlesAt', reportId, amount, half),
    settlesNothing: (reportId: string) => t('circle.settlesNothing', reportId),
    who: t('circle.who'),
    panel: (count: number) => (count >= panelSize ? t('circle.panelFull') : t('circle.panelShort', count, panelSize)),
    inventors: t('circle.inventors'),
    openCircle: t('circle.openCircle'),
    openCircleHint: t('circle.openCircleHint'),
    amountLabel: t('circle.amountLabel'),
    amountHint: t('circle.amountHint'),
    reportLabel: t('circle.reportLabel'),
    recordLabel: t('circle.recordLabel'),
    circleVoter: t('circle.circleVoter'),
    settledByCircle: t('circle.settledByCircle'),
    title: (reportId: string) => t('circle.title', reportId),
  }) as const;

type CircleWords = ReturnType<typeof circleWordsIn>;
/**
 * The circle's words in the language of the request being rendered (`currentLocale`, which the middleware
 * sets), for the pages that pass no `t`: each word is looked up when it is read.
 */
export const circleWords: CircleWords = new Proxy({} as CircleWords, {
  get: (_target, name) => circleWordsIn({ t: translator(currentLocale()) })[name as keyof CircleWords],
});

/** What a credit policy gives, in a sentence: the default, then each tier. */
export function policyInWords(policy: CreditPolicy, { t, format }: Words = current()): string {
  const start = t('proposalView.policyStart', format.bound(policy.defaultCredit));
  const tiers = policy.tiers.map((tier) => t('proposalView.policyTier', format.bound(tier.credit), tier.months));
  return `${[start, ...tiers].join(tiers.length > 0 ? '; ' : '')}. ${t('proposalView.policyGrants')}`;
}

/** "at least 3 of 5 members voting yes (half)". */
export function passingInWords(proposal: Proposal, { t }: Words = current()): string {
  const eligible = proposal.eligible ?? 0;
  const twoThirds = proposal.threshold.num * 3 === proposal.threshold.den * 2;
  const share = t(twoThirds ? 'proposalView.twoThirds' : 'proposalView.half');
  if (proposal.status === 'draft') return t('proposalView.willNeed', share);
  return t('proposalView.passes', yesNeeded(eligible, proposal.threshold), eligible, Boolean(proposal.circle), share);
}

/** The proposal's state in a few words. */
export function stateInWords(proposal: Proposal, { t }: Words = current()): string {
  if (proposal.status === 'draft') return t('proposalView.draft');
  if (proposal.status === 'open')
    return t('proposalView.openUntil', proposal.closesAt?.slice(0, 16).replace('T', ' ') ?? '');
  const outcome = t(
    proposal.outcome === 'passed'
      ? 'proposalView.passed'
      : proposal.outcome === 'rejected'
        ? 'proposalView.rejected'
        : 'proposalView.noQuorum',
  );
  return t('proposalView.closedOn', outcome, proposal.closedAt?.slice(0, 10) ?? '', proposal.status === 'enacted');
}

/** Where a scope's decisions are listed. */
export const scopeHref = (scope: string, status: 'open' | 'closed' = 'open') =>
  `/decisions/?scope=${encodeURIComponent(scope)}${status === 'closed' ? '&status=closed' : ''}`;
