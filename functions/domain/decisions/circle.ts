// The restorative circle: a disputed value report is decided by its parties (the record's inventors and
// the adopting syndicate's members) with a panel of three members of the commons who stand on neither
// side, drawn at random. The circle votes on one amount (the reported one, a lower one, or none) by the
// usual rule; when it passes, the closing settles the report at that amount in its own transaction.
// The roll is fixed when the circle opens: the syndicate's members then (by `memberSince`, as every
// syndicate proposal), and by name the inventors and the panel, kept on the proposal and in its log entry.
import { type VoteRefusal, voteIssue, voteWords } from '../i18n/work/vote-refusals.ts';
import { createHash } from 'node:crypto';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import type { DecisionDependencies } from './dependencies.ts';
import { memberOfScopeSince, requireMember } from './eligibility.ts';
import { syndicateOf } from './enactment.ts';
import type { Proposal, ProposalChange, ProposalKind, Scope } from './proposal.ts';

export const circleKind = 'resolve-disputed-report';
export type CircleChange = Extract<ProposalChange, { kind: typeof circleKind }>['change'];

/** Members of the commons drawn to sit with the parties. */
export const panelSize = 3;
/** At most this many people are read to find the panel, however large the commons: the draw is bounded. */
export const maxDrawn = 60;
const drawPageSize = 12;

/** A person's place in the draw: SHA-256 of their id, hex, so the order is uniform and nobody chooses it. */
export const drawKey = (personId: string) => createHash('sha256').update(`person:${personId}`).digest('hex');
/** Where a draw starts: SHA-256 of its seed (the proposal's id), so the same seed draws the same panel. */
export const drawStart = (seed: string) => createHash('sha256').update(`draw:${seed}`).digest('hex');

/** People in draw order: those whose key comes after `after` ('' from the first), at most `limit`. */
export type DrawPage = (after: string, limit: number) => Promise<Array<{ personId: string; key: string }>>;

/**
 * Draws up to `size` people from the seed's place in the draw order, going round once, skipping the
 * conflicted; reads at most `maxRead` people, so a commons of any size costs a few short queries. Fewer
 * than `size` come back only when the commons (or the bound) holds no more who stand on neither side.
 */
export async function drawPanel(
  page: DrawPage,
  seed: string,
  isConflicted: (personIds: string[]) => Promise<ReadonlySet<string>>,
  { size = panelSize, maxRead = maxDrawn } = {},
): Promise<string[]> {
  const start = drawStart(seed);
  const panel: string[] = [];
  let after = start;
  let wrapped = false;
  let read = 0;
  while (panel.length < size && read < maxRead) {
    const limit = Math.min(drawPageSize, maxRead - read);
    const got = await page(after, limit);
    // After going round, stop where the draw began: those people were read already.
    const fresh = wrapped ? got.filter((person) => person.key <= start) : got;
    read += got.length;
    const conflicted = fresh.length > 0 ? await isConflicted(fresh.map((p) => p.personId)) : new Set<string>();
    for (const person of fresh) {
      if (panel.length < size && !conflicted.has(person.personId)) panel.push(person.personId);
    }
    const last = got.at(-1);
    if (fresh.length < got.length || (wrapped && got.length < limit)) break;
    if (got.length < limit || !last) {
      if (wrapped) break;
      wrapped = true;
      after = '';
    } else {
      after = last.key;
    }
  }
  return panel;
}

/** The report a circle is about, refused (naming the field) unless it is disputed and in the scope named. */
export async function disputedReport(
  deps: Pick<DecisionDependencies, 'innovations'>,
  scope: Scope,
  change: Pick<CircleChange, 'innovationId' | 'reportId'>,
) {
  const refuse = (field: string, refusal: VoteRefusal) => new ValidationError([{ field, ...voteIssue(refusal) }]);
  const report = await deps.innovations.getReport(change.innovationId, change.reportId);
  if (!report) {
    const values = { report: change.reportId, record: change.innovationId };
    throw refuse('body.change.reportId', { key: 'no-report', values });
  }
  if (scope !== `syndicate:${report.syndicateId}`) {
    throw refuse('body.scope', { key: 'circle-scope', values: { syndicate: report.syndicateId } });
  }
  if (report.status !== 'disputed') {
    throw refuse('body.change.reportId', { key: 'not-disputed', values: { status: report.status } });
  }
  const adoption = await deps.innovations.getAdoption(report.innovationId, report.syndicateId);
  if (!adoption) throw new NotFoundError('adoption', `${report.innovationId}/${report.syndicateId}`);
  return { report, adoption };
}

/** Refuses an amount above the reported one: a circle may agree the report, less, or nothing, never more. */
export async function checkCircleChange(
  deps: Pick<DecisionDependencies, 'innovations'>,
  scope: Scope,
  change: CircleChange,
) {
  const { report } = await disputedReport(deps, scope, change);
  if (change.amount !== null && change.amount > report.amount) {
    throw new ValidationError([
      { field: 'body.change.amount', ...voteIssue({ key: 'circle-most', values: { amount: report.amount } }) },
    ]);
  }
  return change;
}

/**
 * The circle's roll as it opens: every inventor by name, the panel drawn with the proposal's id as the
 * seed, and how many may vote (the syndicate's members, the inventors who are not among them, the panel).
 */
export async function circleRoll(
  deps: Pick<DecisionDependencies, 'innovations' | 'syndicates' | 'people'>,
  proposal: Proposal & { kind: typeof circleKind },
) {
  const { report, adoption } = await disputedReport(deps, proposal.scope, proposal.change);
  const syndicateId = report.syndicateId;
  const syndicate = await deps.syndicates.get(syndicateId);
  if (!syndicate) throw new NotFoundError('syndicate', syndicateId);
  const inventors = adoption.inventors.map((i) => i.personId);
  const member = async (personId: string) =>
    (await deps.syndicates.getMembership(syndicateId, personId))?.status === 'active';
  const inventorMembers = await Promise.all(inventors.map(member));
  const conflicted = async (ids: string[]) => {
    const members = await Promise.all(ids.map(member));
    return new Set(ids.filter((id, i) => inventors.includes(id) || members[i]));
  };
  const panel = await drawPanel(deps.people.drawPage, proposal.id, conflicted);
  const outsideInventors = inventorMembers.filter((isMember) => !isMember).length;
  return { circle: { inventors, panel }, eligible: syndicate.memberCount + outsideInventors + panel.length };
}

/** Whether a person is on a circle's roll by name (an inventor or on the panel). */
export const onRoll = (proposal: Pick<Proposal, 'circle'>, personId: string) =>
  !!proposal.circle && (proposal.circle.inventors.includes(personId) || proposal.circle.panel.includes(personId));

/**
 * When `personId` could first vote on the proposal, or null when they may not: on a circle's roll by
 * name, always (the roll was fixed at its opening); otherwise as a member of its scope then.
 */
export async function voterSince(
  deps: Pick<DecisionDependencies, 'people' | 'syndicates'>,
  proposal: Proposal,
  personId: string,
): Promise<string | null> {
  return onRoll(proposal, personId) ? '' : memberOfScopeSince(deps, proposal.scope, personId);
}

/** Refuses a proposer who is not a party: a circle is opened by an inventor or a member of the syndicate. */
export async function requireProposer(
  deps: Pick<DecisionDependencies, 'people' | 'syndicates' | 'innovations'>,
  proposal: { scope: Scope } & (
    | { kind: typeof circleKind; change: Pick<CircleChange, 'innovationId'> }
    | { kind: Exclude<ProposalKind, typeof circleKind> }
  ),
  personId: string,
) {
  if (proposal.kind !== circleKind) return requireMember(deps, proposal.scope, personId);
  const adoption = await deps.innovations.getAdoption(proposal.change.innovationId, syndicateOf(proposal) ?? '');
  if (adoption?.inventors.some((i) => i.personId === personId)) return;
  if ((await memberOfScopeSince(deps, proposal.scope, personId)) !== null) return;
  throw new ForbiddenError(...voteWords({ key: 'not-party', values: { scope: proposal.scope } }));
}

/** Refuses a vote from anyone not on the roll: only the circle votes. */
export function notOnTheCircle() {
  return new ForbiddenError(...voteWords({ key: 'not-on-circle', values: {} }));
}
