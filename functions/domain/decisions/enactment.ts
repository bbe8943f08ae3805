// What a passed proposal changes, planned from what the closing read: pure, so the closing's one
// transaction writes exactly this, and the log entry says exactly what was written. When the change can
// no longer be made (the member to remove has left, the syndicate's last admin would go), the proposal
// still passed: it is closed with the reason and nothing changes.
import { createHash } from 'node:crypto';
import type { AccountState } from '../innovations/innovation-repository.ts';
import type { CreditPolicy, StoredCreditPolicy } from '../ledger/credit-policy.ts';
import { canonicalJson, type LogEvent } from '../innovations/log-events.ts';
import type { Membership, Syndicate } from '../syndicates/syndicate.ts';
import { planAdoption } from '../innovations/adoption-plan.ts';
import type { Adoption } from '../innovations/adoption.ts';
import type { InnovationVersion } from '../innovations/innovation.ts';
import type { Effect, Proposal, ProposalChange } from './proposal.ts';
import type { ValueReport } from '../innovations/adoption.ts';
import type { AccountId } from '../ledger/account.ts';
import { CreditLimitError } from '../ledger/transfer.ts';
import { type NotEnactedMessage, notEnacted } from '../i18n/work/not-enacted.ts';
import { planReportSettlement, type SettlementRead } from '../innovations/settlement-plan.ts';

/** What the closing read to plan the change: only what its kind needs (the syndicate its scope names). */
export interface EnactmentState {
  syndicate?: Syndicate | null;
  membership?: Membership | null;
  personExists?: boolean;
  account?: Pick<AccountState, 'creditLimit'> | null;
  /** The commons' credit policy as the closing read it: the new one is written over its version. */
  policy?: Pick<StoredCreditPolicy, 'version'> | null;
  /** For a steward's removal: whether the commons removed them already. */
  stewardRemoved?: boolean;
  /** For an adoption: the record's published version (null when it is no longer published), the
   * syndicate's adoption of it if one was made meanwhile, and each implementer's membership. */
  adoption?: {
    version: Pick<InnovationVersion, 'innovationId' | 'version' | 'inventors'> | null;
    existing: Pick<Adoption, 'adoptedAt'> | null;
    implementers: ReadonlyArray<Membership | null>;
  };
  /** For a circle: the report (null when gone), its adoption, the accounts it moves and the credit policy. */
  report?: {
    report: ValueReport | null;
    adoption: SettlementRead['adoption'] | null;
    accounts: ReadonlyMap<AccountId, AccountState>;
    policy: SettlementRead['policy'];
  };
}

export type Enactment =
  | { effect: Effect; enacted: Extract<LogEvent, { kind: 'proposal-closed' }>['enacted'] }
  | {
      /** Why nothing changed, in English (the log and the API), written from `notEnactedMessage`. */
      notEnacted: string;
      notEnactedMessage: NotEnactedMessage;
    };

/** The syndicate a proposal's scope names, or undefined for the commons. */
export function syndicateOf(proposal: Pick<Proposal, 'scope'>): string | undefined {
  return proposal.scope.startsWith('syndicate:') ? proposal.scope.slice('syndicate:'.length) : undefined;
}

/** A credit policy as the log carries it: amounts as strings of digits. */
export function policyForLog(policy: CreditPolicy) {
  return {
    defaultCredit: policy.defaultCredit.toString(),
    tiers: policy.tiers.map((tier) => ({ months: tier.months, credit: tier.credit.toString() })),
  };
}

/** A proposal's change as the log carries it: amounts as strings of digits. */
export function changeForLog(proposal: ProposalChange) {
  if (proposal.kind === 'credit-limit') {
    return { account: proposal.change.account, credit: proposal.change.credit.toString() };
  }
  if (proposal.kind === 'credit-policy') return policyForLog(proposal.change);
  if (proposal.kind === 'resolve-disputed-report') {
    return { ...proposal.change, amount: proposal.change.amount === null ? null : proposal.change.amount.toString() };
  }
  return proposal.kind === 'sense-check' ? null : proposal.change;
}

/** The adoption a passed adopt-innovation proposal makes: planAdoption's, as a direct adoption makes it. */
function planAdopt(
  proposal: Extract<Proposal, { kind: 'adopt-innovation' }>,
  state: EnactmentState,
  at: string,
): Enactment {
  const { innovationId, implementers, note } = proposal.change;
  const read = state.adoption;
  if (!state.syndicate || !read) return notEnacted({ key: 'syndicate-gone', values: {} });
  const syndicateId = state.syndicate.id;
  if (read.existing)
    return notEnacted({ key: 'adopted-already', values: { syndicate: syndicateId, at: read.existing.adoptedAt } });
  if (!read.version) return notEnacted({ key: 'record-unpublished', values: { record: innovationId } });
  const left = implementers.filter((_, i) => read.implementers[i]?.status !== 'active').map((i) => i.personId);
  if (left.length > 0)
    return notEnacted({ key: 'implementers-left', values: { people: left, syndicate: syndicateId } });
  const { adoption, event } = planAdoption({
    version: read.version,
    syndicateId,
    implementers,
    note,
    at,
    by: `proposal:${proposal.id}`,
  });
  const { kind: _kind, at: _at, ...logged } = event;
  return { effect: { kind: 'adoption', adoption }, enacted: { adoption: logged } };
}

/**
 * A passed circle settles its report at the amount voted (nothing, for none: the report closes settled at
 * zero), over the report still disputed; when it is no longer disputed, or the syndicate's credit cannot
 * pay it now, the circle passed and nothing changes (the report stays as it is).
 */
function planCircle(
  proposal: Extract<Proposal, { kind: 'resolve-disputed-report' }>,
  state: EnactmentState,
  at: string,
  logIndex: number,
): Enactment {
  const { innovationId, reportId, amount } = proposal.change;
  const read = state.report;
  if (!read?.report || !read.adoption) return notEnacted({ key: 'report-gone', values: { report: reportId } });
  if (read.report.status !== 'disputed') {
    return notEnacted({ key: 'report-not-disputed', values: { status: read.report.status } });
  }
  const report = { ...read.report, resolvedBy: proposal.id, rev: read.report.rev + 1 };
  try {
    const { write, logged } = planReportSettlement({
      ...read,
      report,
      adoption: read.adoption,
      value: amount ?? 0n,
      now: new Date(at),
      logIndex,
      lapseCutoff: at,
      over: 'disputed',
    });
    return { effect: { kind: 'settlement', write }, enacted: { settlement: { innovationId, reportId, ...logged } } };
  } catch (error) {
    if (!(error instanceof CreditLimitError)) throw error;
    return notEnacted({
      key: 'cannot-pay',
      values: { account: error.accountId, balance: String(error.balance), limit: String(error.limit) },
    });
  }
}

/** SHA-256 of what is proposed (title, description, kind and change), standard base64: the log fixes it. */
export function proposalHash(proposal: Proposal): string {
  const content = {
    title: proposal.title,
    description: proposal.description,
    kind: proposal.kind,
    scope: proposal.scope,
    change: changeForLog(proposal),
  };
  return createHash('sha256').update(canonicalJson(content)).digest('base64');
}

/** The change a passed proposal makes at `at`, or why it can make none. `logIndex` is its log entry's. */
export function planEnactment(proposal: Proposal, state: EnactmentState, at: string, logIndex: number): Enactment {
  const by = `proposal:${proposal.id}`;
  switch (proposal.kind) {
    case 'sense-check':
      return { effect: { kind: 'none' }, enacted: null };
    case 'rate-card': {
      if (!state.syndicate) return notEnacted({ key: 'syndicate-gone', values: {} });
      const syndicateId = state.syndicate.id;
      return {
        effect: { kind: 'rate-card', syndicateId, rateCard: proposal.change.rateCard },
        enacted: { syndicate: syndicateId, rateCard: proposal.change.rateCard },
      };
    }
    case 'credit-limit': {
      const { account, credit } = proposal.change;
      const limit = credit === 0n ? null : -credit;
      const previous = state.account?.creditLimit ?? null;
      const change = { accountId: account, limit, previous, at, by, reason: proposal.title, logIndex };
      return {
        effect: { kind: 'credit-limit', change },
        enacted: {
          account,
          limit: limit === null ? null : limit.toString(),
          previous: previous === null ? null : previous.toString(),
        },
      };
    }
    case 'credit-policy': {
      // The next version over the one read: two enactments cannot cross, and payments that read the
      // old version are planned again (they condition on it).
      const version = (state.policy?.version ?? 0) + 1;
      const { defaultCredit, tiers } = proposal.change;
      const policy = { defaultCredit, tiers, version, proposalId: proposal.id, enactedAt: at, logIndex };
      return {
        effect: { kind: 'credit-policy', policy },
        enacted: { creditPolicy: { ...policyForLog(proposal.change), version } },
      };
    }
    case 'adopt-innovation':
      return planAdopt(proposal, state, at);
    case 'resolve-disputed-report':
      return planCircle(proposal, state, at, logIndex);
    case 'remove-steward': {
      const { personId } = proposal.change;
      if (state.stewardRemoved) return notEnacted({ key: 'steward-removed', values: { person: personId } });
      return {
        effect: { kind: 'remove-steward', removal: { personId, proposalId: proposal.id, at, logIndex } },
        enacted: { removeSteward: personId },
      };
    }
    case 'membership': {
      const { action, personId } = proposal.change;
      const current = state.membership ?? null;
      if (!state.syndicate) return notEnacted({ key: 'syndicate-gone', values: {} });
      const syndicateId = state.syndicate.id;
      if (action === 'admit') {
        if (current?.status === 'active') return notEnacted({ key: 'member-already', values: { person: personId } });
        if (!state.personExists) return notEnacted({ key: 'no-account', values: { person: personId } });
        const to: Membership = {
          syndicateId,
          personId,
          role: 'member',
          status: 'active',
          requestedAt: current?.requestedAt ?? at,
          decidedAt: at,
          decidedBy: by,
          memberSince: at,
        };
        return {
          effect: { kind: 'membership', from: current, to },
          enacted: { syndicate: syndicateId, admit: personId },
        };
      }
      if (current?.status !== 'active') return notEnacted({ key: 'not-a-member', values: { person: personId } });
      if (action === 'make-admin') {
        if (current.role === 'admin') return notEnacted({ key: 'admin-already', values: { person: personId } });
        const to: Membership = { ...current, role: 'admin', decidedAt: at, decidedBy: by };
        return {
          effect: { kind: 'membership', from: current, to },
          enacted: { syndicate: syndicateId, makeAdmin: personId },
        };
      }
      if (current.role === 'admin' && state.syndicate.adminCount <= 1) {
        return notEnacted({ key: 'last-admin', values: { person: personId } });
      }
      if (action === 'unmake-admin') {
        if (current.role !== 'admin') return notEnacted({ key: 'not-admin', values: { person: personId } });
        const to: Membership = { ...current, role: 'member', decidedAt: at, decidedBy: by };
        return {
          effect: { kind: 'membership', from: current, to },
          enacted: { syndicate: syndicateId, unmakeAdmin: personId },
        };
      }
      return {
        effect: { kind: 'membership', from: current, to: null },
        enacted: { syndicate: syndicateId, remove: personId },
      };
    }
  }
}
