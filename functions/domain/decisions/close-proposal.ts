// Closing: once a proposal's window has ended, anyone (or the sweep) closes it. The outcome comes from
// the tally and the eligible count (passing-rule.ts); a passed change is enacted in the closing's own
// transaction with its registry-log entry, over the proposal as read, so closes that race or repeat
// enact it once: the losers re-read it closed and answer with it.
import { ConflictError, NotFoundError } from '../errors.ts';
import { voteWords } from '../i18n/work/vote-refusals.ts';
import { emptyHead, prepareAppend } from '../innovations/log-head.ts';
import type { PageRequest } from '../paging.ts';
import { retryOnConflict } from '../retry.ts';
import type { DecisionDependencies } from './dependencies.ts';
import { type EnactmentState, planEnactment, syndicateOf } from './enactment.ts';
import { outcomeOf } from './passing-rule.ts';
import type { Proposal } from './proposal.ts';
import { settlementAccounts } from '../innovations/settlement-plan.ts';

/** What the change needs read, by kind: the syndicate, the member's membership and person, the account, the policy. */
async function stateFor(deps: DecisionDependencies, proposal: Proposal): Promise<EnactmentState> {
  const syndicateId = syndicateOf(proposal);
  if (proposal.kind === 'credit-limit') {
    const account = proposal.change.account;
    return { account: (await deps.ledger.getAccounts([account])).get(account) ?? null };
  }
  if (proposal.kind === 'credit-policy') return { policy: await deps.ledger.creditPolicy() };
  if (proposal.kind === 'remove-steward') {
    const removals = await deps.ledger.stewardRemovals();
    return { stewardRemoved: removals.some((removal) => removal.personId === proposal.change.personId) };
  }
  if (proposal.kind === 'rate-card' && syndicateId) return { syndicate: await deps.syndicates.get(syndicateId) };
  if (proposal.kind === 'adopt-innovation' && syndicateId) return adoptionState(deps, syndicateId, proposal.change);
  if (proposal.kind === 'resolve-disputed-report') return reportState(deps, proposal.change);
  if (proposal.kind === 'membership' && syndicateId) {
    const personId = proposal.change.personId;
    const [syndicate, membership, person] = await Promise.all([
      deps.syndicates.get(syndicateId),
      deps.syndicates.getMembership(syndicateId, personId),
      deps.people.get(personId),
    ]);
    return { syndicate, membership, personExists: person !== null };
  }
  return {};
}

/** What an adoption needs: the syndicate, the record's current published version, an adoption made meanwhile, the implementers. */
async function adoptionState(
  deps: DecisionDependencies,
  syndicateId: string,
  change: Extract<Proposal, { kind: 'adopt-innovation' }>['change'],
): Promise<EnactmentState> {
  const [syndicate, record, existing, implementers] = await Promise.all([
    deps.syndicates.get(syndicateId),
    deps.innovations.get(change.innovationId),
    deps.innovations.getAdoption(change.innovationId, syndicateId),
    Promise.all(change.implementers.map((i) => deps.syndicates.getMembership(syndicateId, i.personId))),
  ]);
  const published = record?.status === 'published' ? record : null;
  const version = published ? await deps.innovations.getVersion(published.id, published.currentVersion) : null;
  return { syndicate, adoption: { version, existing, implementers } };
}

/** What a circle's settlement needs: the report, its adoption, the accounts it moves and the credit policy. */
async function reportState(
  deps: DecisionDependencies,
  change: Extract<Proposal, { kind: 'resolve-disputed-report' }>['change'],
): Promise<EnactmentState> {
  const report = await deps.innovations.getReport(change.innovationId, change.reportId);
  const adoption = report ? await deps.innovations.getAdoption(report.innovationId, report.syndicateId) : null;
  const [accounts, policy] = await Promise.all([
    adoption ? deps.ledger.getAccounts(settlementAccounts(adoption)) : new Map(),
    deps.ledger.creditPolicy(),
  ]);
  return { report: { report, adoption, accounts, policy } };
}

/**
 * Closes a proposal whose window has ended; `by` is who closed it (a person, or `sweep`). Steps, retried
 * from the reads after a lost race: read it (closed already: answer with it, `closedNow` false); refuse
 * while its window is open; decide the outcome; if it passed, plan its change from fresh reads; write
 * the closing, the change and the log entry in one transaction.
 */
export async function closeProposal(
  deps: DecisionDependencies,
  by: string,
  proposalId: string,
): Promise<{ proposal: Proposal; closedNow: boolean }> {
  const found = await deps.decisions.get(proposalId);
  if (!found || found.status === 'draft') throw new NotFoundError('open proposal', proposalId);
  // Checked once, before the retries: time only moves on, so a window that has ended stays ended.
  if (found.status === 'open' && deps.now().toISOString() < (found.closesAt ?? '')) {
    throw new ConflictError(...voteWords({ key: 'open-until', values: { at: found.closesAt ?? '' } }));
  }
  return retryOnConflict(async () => {
    const proposal = (await deps.decisions.get(proposalId)) ?? found;
    if (proposal.status !== 'open') return { proposal, closedNow: false };
    const now = deps.now();
    const at = now.toISOString();
    const eligible = proposal.eligible ?? 0;
    const outcome = outcomeOf(proposal.tally, eligible, proposal.threshold);
    const head = (await deps.registryLog.head()) ?? emptyHead();
    const index = head.treeSize;
    const plan = outcome === 'passed' ? planEnactment(proposal, await stateFor(deps, proposal), at, index) : null;
    const enacted = plan && 'effect' in plan ? plan : null;
    const notEnacted = plan && 'notEnacted' in plan ? plan.notEnacted : undefined;
    const notEnactedMessage = plan && 'notEnacted' in plan ? plan.notEnactedMessage : undefined;
    const log = prepareAppend(
      head,
      {
        kind: 'proposal-closed',
        at,
        proposalId,
        scope: proposal.scope,
        proposalKind: proposal.kind,
        by,
        outcome,
        tally: proposal.tally,
        eligible,
        enacted: enacted?.enacted ?? null,
        ...(notEnacted ? { notEnacted } : {}),
        ...(proposal.kind === 'adopt-innovation' || proposal.kind === 'resolve-disputed-report'
          ? { innovationId: proposal.change.innovationId }
          : {}),
      },
      now,
      deps.logSigner,
    );
    const after: Proposal = {
      ...proposal,
      status: enacted && enacted.effect.kind !== 'none' ? 'enacted' : 'closed',
      outcome,
      closedAt: at,
      closedBy: by,
      closeLogIndex: log.entry.index,
      ...(notEnacted ? { notEnacted } : {}),
      ...(notEnactedMessage ? { notEnactedMessage } : {}),
    };
    await deps.decisions.close({ before: proposal, after, effect: enacted?.effect ?? { kind: 'none' }, log });
    return { proposal: after, closedNow: true };
  });
}

/** What a sweep did: how many it closed, and those it could not (they stay due for the next run). */
export interface SweepReport {
  closed: number;
  failed: Array<{ id: string; error: string }>;
}

/**
 * Closes the proposals whose window ended, a page at a time, at most `maxPages` pages a run: a run is
 * bounded, and what it leaves stays due for the next. A proposal that fails is logged by the caller and
 * left for the next run; the others still close.
 */
export async function closeDueProposals(
  deps: DecisionDependencies,
  { pageSize = 25, maxPages = 8 }: { pageSize?: number; maxPages?: number } = {},
): Promise<SweepReport> {
  const report: SweepReport = { closed: 0, failed: [] };
  let request: PageRequest = { limit: pageSize };
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await deps.decisions.duePage(deps.now().toISOString(), request);
    for (const due of page.items) {
      try {
        if ((await closeProposal(deps, 'sweep', due.id)).closedNow) report.closed++;
      } catch (error) {
        // One that fails (the store busy, say) must not keep the others open: the report names it.
        report.failed.push({ id: due.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
    if (!page.next) break;
    request = { limit: pageSize, cursor: page.next };
  }
  return report;
}
