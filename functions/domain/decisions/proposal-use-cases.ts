// Proposing, opening and reading proposals. A proposal is made by a member of its scope, as a draft or
// open at once; opening counts who may vote (a counter: the commons' members, or the syndicate's),
// fixes its window and appends the opening to the registry log with a hash of what is proposed.
import { type VoteRefusal, voteIssue, voteWords } from '../i18n/work/vote-refusals.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import { emptyHead, prepareAppend } from '../innovations/log-head.ts';
import { maxCredit } from '../ledger/credit-grant.ts';
import { policyIssues } from '../ledger/credit-policy-input.ts';
import type { PageRequest } from '../paging.ts';
import { retryOnConflict } from '../retry.ts';
import type { DecisionDependencies } from './dependencies.ts';
import { eligibleNow } from './eligibility.ts';
import { checkCircleChange, circleKind, circleRoll, requireProposer } from './circle.ts';
import { proposalHash, syndicateOf } from './enactment.ts';
import { checkImplementers } from '../innovations/adoption-plan.ts';
import { stewardsNow } from '../ledger/stewards.ts';
import {
  kindRules,
  type Proposal,
  type ProposalChange,
  type ProposalInput,
  type ProposalList,
  thresholdOf,
} from './proposal.ts';

const dayMs = 86_400_000;

/** What a proposal's author sends, whichever kind, without `draft` (how to keep it, not what it says). */
export type ProposalContent = ProposalInput extends infer Kind
  ? Kind extends unknown
    ? Omit<Kind, 'draft'>
    : never
  : never;

/**
 * Refuses, naming the field, a change that could not be enacted as proposed; answers with the voting
 * window and the change as it is kept (an adoption's shares resolved, so the vote is on exact shares).
 */
export async function checkChange(deps: DecisionDependencies, input: ProposalContent) {
  const rule = kindRules[input.kind];
  const scopeKind = input.scope === 'commons' ? 'commons' : 'syndicate';
  const refuse = (field: string, refusal: VoteRefusal) => new ValidationError([{ field, ...voteIssue(refusal) }]);
  if (!rule.scopes.includes(scopeKind)) {
    throw refuse('body.scope', { key: 'scope-kind', values: { kind: input.kind, scopes: rule.scopes } });
  }
  const days = input.days ?? rule.minDays;
  if (days < rule.minDays) {
    throw refuse('body.days', { key: 'min-days', values: { kind: input.kind, days: rule.minDays } });
  }
  if (input.kind === 'credit-limit') {
    const { account, credit } = input.change;
    if (credit > maxCredit) throw refuse('body.change.credit', { key: 'credit-max', values: { amount: maxCredit } });
    const [kind, id] = [account.slice(0, account.indexOf(':')), account.slice(account.indexOf(':') + 1)];
    const holder = kind === 'person' ? await deps.people.get(id) : await deps.syndicates.get(id);
    if (!holder) throw refuse('body.change.account', { key: 'no-holder', values: { holder: kind, account: id } });
  }
  if (input.kind === 'credit-policy') {
    const issues = policyIssues(input.change, maxCredit);
    if (issues.length > 0) throw new ValidationError(issues, ...voteWords({ key: 'policy', values: {} }));
  }
  if (input.kind === 'membership') {
    const { action, personId } = input.change;
    const membership = await deps.syndicates.getMembership(syndicateOf(input) ?? '', personId);
    const active = membership?.status === 'active';
    const refusePerson = (key: Extract<VoteRefusal, { values: { person: string } }>['key']) =>
      refuse('body.change.personId', { key, values: { person: personId } });
    if (action === 'admit' && !(await deps.people.get(personId))) throw refusePerson('nobody');
    if (action === 'admit' && active) throw refusePerson('member-already');
    if (action !== 'admit' && !active) throw refusePerson('is-not-member');
    const admin = active && membership?.role === 'admin';
    if (action === 'make-admin' && admin) throw refusePerson('admin-already');
    if (action === 'unmake-admin' && !admin) throw refusePerson('not-admin');
  }
  if (input.kind === 'adopt-innovation') return { days, change: await adoptionChange(deps, input) };
  if (input.kind === circleKind) return { days, change: await checkCircleChange(deps, input.scope, input.change) };
  if (input.kind === 'remove-steward') {
    const { personId } = input.change;
    if (!stewardsNow(deps.config.STEWARDS, await deps.ledger.stewardRemovals()).includes(personId)) {
      throw refuse('body.change.personId', { key: 'not-steward', values: { person: personId } });
    }
  }
  return { days, change: 'change' in input ? input.change : undefined };
}

/** An adoption as it would be enacted: the record published and not adopted yet, the shares resolved. */
async function adoptionChange(
  deps: DecisionDependencies,
  input: Extract<ProposalContent, { kind: 'adopt-innovation' }>,
) {
  const syndicateId = syndicateOf(input) ?? '';
  const { innovationId, implementers, note } = input.change;
  const record = await deps.innovations.get(innovationId);
  if (record?.status !== 'published') {
    throw new ValidationError([
      { field: 'body.change.innovationId', ...voteIssue({ key: 'not-published', values: { id: innovationId } }) },
    ]);
  }
  if (await deps.innovations.getAdoption(innovationId, syndicateId)) {
    throw new ValidationError([
      { field: 'body.change.innovationId', ...voteIssue({ key: 'adopted', values: { syndicate: syndicateId } }) },
    ]);
  }
  return {
    innovationId,
    note,
    implementers: await checkImplementers(deps, syndicateId, implementers, 'body.change.implementers'),
  };
}

/**
 * A member proposes. Steps: check they are a member of the scope and that the change could be made;
 * build the proposal with the id the idempotency key derives (a retry finds it made); keep it as a draft,
 * or open it (openWith) in one write with its log entry.
 */
export async function propose(deps: DecisionDependencies, identity: Identity, input: ProposalInput): Promise<Proposal> {
  await requireProposer(deps, input, identity.personId);
  const { days, change } = await checkChange(deps, input);
  const { draft, ...content } = input;
  const proposal = {
    ...proposed(content, days, change),
    id: deps.newId(),
    createdBy: identity.personId,
    createdAt: deps.now().toISOString(),
    status: 'draft',
    tally: { yes: 0, no: 0, abstain: 0 },
  } as Proposal;
  if (draft) {
    try {
      await deps.decisions.create(proposal);
      return proposal;
    } catch (error) {
      return madeAlready(deps, error, proposal.id);
    }
  }
  return openWith(deps, proposal, (opened, log) => deps.decisions.create(opened, log));
}

/**
 * What a proposal says, from what its author sent (checked): its kind and change, words, window, the
 * share it needs and whether its kind keeps votes secret. A new proposal and a draft's edit both make it.
 */
export function proposed(
  input: ProposalContent,
  days: number,
  change: Extract<ProposalChange, { change: unknown }>['change'] | undefined,
) {
  const { days: _asked, ...fields } = input;
  const kept = { ...fields, ...(change ? { change } : {}) } as ProposalChange;
  return {
    ...kept,
    days,
    threshold: thresholdOf(kept),
    ...(kindRules[input.kind].secret ? { secret: true as const } : {}),
  };
}

/** The same id again: a request that ran before with this key. Answer with what it made. */
async function madeAlready(deps: DecisionDependencies, error: unknown, id: string): Promise<Proposal> {
  const made = error instanceof ConflictError ? await deps.decisions.get(id) : null;
  if (!made) throw error;
  return made;
}

/** Thrown inside the retried step when the draft moved past the version its author saw: a 409, never retried. */
class StaleOpen extends Error {
  readonly conflict: ConflictError;
  constructor(conflict: ConflictError) {
    super(conflict.message);
    this.conflict = conflict;
  }
}

/**
 * Opens `first` now: counts who may vote, fixes the window, writes it with its log entry (retried on a
 * race). A draft opens as stored when the write is made, over its version, and only at `seen`, the
 * version its author read: an edit landing meanwhile is neither overwritten nor opened unseen (409).
 */
async function openWith(
  deps: DecisionDependencies,
  first: Proposal,
  write: (opened: Proposal, log: ReturnType<typeof prepareAppend>) => Promise<void>,
  seen?: number,
): Promise<Proposal> {
  try {
    return await retryOnConflict(() => openOnce(deps, first, write, seen));
  } catch (error) {
    throw error instanceof StaleOpen ? error.conflict : error;
  }
}

async function openOnce(
  deps: DecisionDependencies,
  first: Proposal,
  write: (opened: Proposal, log: ReturnType<typeof prepareAppend>) => Promise<void>,
  seen: number | undefined,
): Promise<Proposal> {
  const existing = await deps.decisions.get(first.id);
  if (existing && existing.status !== 'draft') return existing;
  // The draft as stored now (an edit may have landed since it was first read): the write is over it.
  const draft = existing ?? first;
  if (seen !== undefined && (draft.version ?? 0) !== seen) throw new StaleOpen(staleDraft(draft, seen));
  const now = deps.now();
  const openedAt = now.toISOString();
  // A circle's roll is drawn now (its panel seeded by the proposal's id, so a retry draws the same).
  const roll = draft.kind === circleKind ? await circleRoll(deps, draft) : null;
  // Counted after the opening time is fixed: someone joining meanwhile is counted but may not vote,
  // which only ever asks more yes votes, never fewer.
  const [eligible, head] = await Promise.all([
    roll ? roll.eligible : eligibleNow(deps, draft.scope),
    deps.registryLog.head(),
  ]);
  const closesAt = new Date(now.getTime() + draft.days * dayMs).toISOString();
  const opened: Proposal = {
    ...draft,
    status: 'open',
    openedAt,
    closesAt,
    eligible,
    ...(roll ? { circle: roll.circle } : {}),
  };
  const log = prepareAppend(
    head ?? emptyHead(),
    {
      kind: 'proposal-opened',
      at: openedAt,
      proposalId: draft.id,
      scope: draft.scope,
      proposalKind: draft.kind,
      by: draft.createdBy,
      closesAt,
      eligible,
      threshold: draft.threshold,
      contentHash: proposalHash(draft),
      ...(roll ? { circle: roll.circle } : {}),
    },
    now,
    deps.logSigner,
  );
  opened.openLogIndex = log.entry.index;
  await write(opened, log);
  return opened;
}

/**
 * Its author opens a draft at `seen`, the version they read (anyone else is answered as if it did not
 * exist); a draft saved again since gets 409 and nothing is written. One opened already is answered as it is.
 */
export async function openDraft(deps: DecisionDependencies, identity: Identity, proposalId: string, seen: number) {
  const draft = await deps.decisions.get(proposalId);
  if (!draft || (draft.status === 'draft' && draft.createdBy !== identity.personId)) {
    throw new NotFoundError('proposal', proposalId);
  }
  if (draft.status !== 'draft') return draft;
  if ((draft.version ?? 0) !== seen) throw staleDraft(draft, seen);
  await requireProposer(deps, draft, identity.personId);
  return openWith(deps, draft, (opened, log) => deps.decisions.open(opened, log), seen);
}

/** The refusal of a change made from a draft as it was before its last save. */
export function staleDraft(draft: Proposal, read: number) {
  return new ConflictError(...voteWords({ key: 'stale', values: { version: draft.version ?? 0, read } }));
}

/** A proposal: drafts for their author only, everything else for anyone (decisions are public). */
export async function viewProposal(deps: Pick<DecisionDependencies, 'decisions'>, personId: string | null, id: string) {
  const proposal = await deps.decisions.get(id);
  if (!proposal || (proposal.status === 'draft' && proposal.createdBy !== personId)) {
    throw new NotFoundError('proposal', id);
  }
  return proposal;
}

/** A page of a scope's open or closed proposals, or of the caller's drafts. */
export async function listProposals(
  deps: Pick<DecisionDependencies, 'decisions'>,
  list: ProposalList,
  page: PageRequest,
) {
  return deps.decisions.page(list, page);
}
