// Pay for work: a member logs hours for their syndicate, an admin approves them (the syndicate pays the
// member hours × the rate card's rate, through movePayment, once) or rejects them with a reason.
import { rateProblemIn } from '../i18n/work/rate-problems.ts';
import { type WorkLogRefusal, workLogWords } from '../i18n/work/work-log-refusals.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RuleViolationError,
  ValidationError,
  type WordsIn,
} from '../errors.ts';
import type { Identity } from '../identity.ts';
import { personAccount } from '../ledger/account.ts';
import type { Payment } from '../ledger/payment.ts';
import { movePayment, type PaymentDependencies, type Settling } from '../ledger/payment-use-cases.ts';
import {
  checkWorkApprover,
  maxHoursPerDay,
  maxQuartersPerDay,
  payFor,
  quartersOf,
  quartersPerHour,
  workRate,
} from '../ledger/work-pay.ts';
import type { OpeningRepository } from '../openings/opening-repository.ts';
import type { PageRequest } from '../paging.ts';
import { retryOnConflict } from '../retry.ts';
import { isAdmin } from '../syndicates/syndicate-use-cases.ts';
import { type WorkDecision, type WorkLog, type WorkLogInput, type WorkLogRepository, workMemo } from './work-log.ts';

export type WorkDependencies = PaymentDependencies & {
  workLogs: WorkLogRepository;
  openings: Pick<OpeningRepository, 'getApplication'>;
};

/** A refusal of one field, in the reader's language where it is read (`wordsIn`). */
const field = (name: string, words: { message: string; wordsIn: WordsIn }) =>
  new ValidationError([{ field: name, ...words }], words.message, { wordsIn: words.wordsIn });
const refused = (key: Exclude<WorkLogRefusal['key'], 'day-full' | 'decided'>) => workLogWords({ key, values: {} });

/** The day's date in UTC, and the next: a day worked may be today anywhere on Earth, never later. */
function latestDay(now: Date): string {
  return new Date(now.getTime() + 24 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * Steps: the member is an active member of the syndicate (403 otherwise); the work was for a position
 * of that syndicate they fill (their application accepted); the day is not in the future; the rate
 * card has a line in Bound per hour for it; then the log is stored once per id (derived from the
 * idempotency key: a retry finds it) with its day's hours, which stay at most 24.
 */
export async function logWork(deps: WorkDependencies, identity: Identity, input: WorkLogInput): Promise<WorkLog> {
  const { personId } = identity;
  const [syndicate, membership] = await Promise.all([
    deps.syndicates.get(input.syndicateId),
    deps.syndicates.getMembership(input.syndicateId, personId),
  ]);
  if (!syndicate) throw new NotFoundError('syndicate', input.syndicateId);
  if (membership?.status !== 'active') {
    const { message, wordsIn } = refused('not-a-member');
    throw new ForbiddenError(message, { wordsIn });
  }
  const application = await deps.openings.getApplication(input.for.openingId, personId);
  if (application?.status !== 'accepted' || application.syndicateId !== input.syndicateId) {
    throw field('body.for.openingId', refused('no-position'));
  }
  if (input.date > latestDay(deps.now())) {
    throw field('body.date', refused('future-date'));
  }
  const rate = workRate(syndicate.rateCard, input);
  if ('problem' in rate) {
    const { said } = rate;
    throw field(input.skillId === undefined ? 'body.service' : 'body.skillId', {
      message: rate.problem,
      wordsIn: (locale) => rateProblemIn(said, locale),
    });
  }
  const log: WorkLog = {
    id: deps.newId(),
    syndicateId: input.syndicateId,
    personId,
    for: input.for,
    date: input.date,
    hours: input.hours,
    skillId: input.skillId,
    level: input.level,
    service: rate.line.service,
    note: input.note,
    status: 'awaiting',
    createdAt: deps.now().toISOString(),
  };
  try {
    await deps.workLogs.create(log, { quarters: quartersOf(log.hours), most: maxQuartersPerDay });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    // The same id again: the log a run with this idempotency key made. Otherwise the day is full.
    const made = await deps.workLogs.get(log.id);
    if (made) return made;
    const logged = (await deps.workLogs.dayQuarters(personId, input.date)) / quartersPerHour;
    const { message, wordsIn } = workLogWords({
      key: 'day-full',
      values: { logged, date: input.date, most: maxHoursPerDay },
    });
    throw new RuleViolationError('hours-per-day', message, { wordsIn });
  }
  return log;
}

/** A log and who may see it: its member, and the syndicate's admins; anyone else is answered 404. */
async function readLog(deps: WorkDependencies, identity: Identity, workLogId: string) {
  const log = await deps.workLogs.get(workLogId);
  const admin = !!log && (await isAdmin(deps, log.syndicateId, identity.personId));
  if (!log || !(admin || log.personId === identity.personId)) throw new NotFoundError('work log', workLogId);
  return { log, admin };
}

export async function viewWorkLog(deps: WorkDependencies, identity: Identity, workLogId: string) {
  return (await readLog(deps, identity, workLogId)).log;
}

/** Thrown inside a retried step when the log was decided; a 409 outside the retries. */
class WorkDecided extends Error {
  readonly log: WorkLog;
  constructor(log: WorkLog) {
    super();
    this.log = log;
  }
}

/** Approved work as movePayment settles it: the log turns approved, with its rate, amount and payment. */
function workSettling(
  deps: WorkDependencies,
  log: WorkLog,
  paid: Pick<WorkLog, 'hourlyRate' | 'unpleasant' | 'amount'>,
): Settling {
  return {
    ref: { workLogId: log.id },
    async recheck() {
      const current = (await deps.workLogs.get(log.id)) ?? log;
      if (current.status === 'awaiting') return { waiting: true };
      return { waiting: false, paymentId: current.paymentId, closed: new WorkDecided(current) };
    },
    settled: ({ by, at, paymentId }) => ({
      kind: 'work',
      workLog: { ...log, ...paid, status: 'approved', decidedBy: by, decidedAt: at, paymentId },
    }),
  };
}

export interface WorkDecisionResult {
  workLog: WorkLog;
  payment?: Payment | undefined;
  paidNow: boolean;
}

/**
 * An admin of the syndicate, not the member who worked, approves or rejects logged hours. Approving
 * pays from the syndicate's account: hours × the rate card's hourly rate for the work as it stands now
 * (1.5× where the line is unpleasant), through movePayment with an id made from the log's, so approvals
 * that race or repeat pay once; past the syndicate's credit limit it is refused (422) and the log waits
 * on. A repeated approval answers with the payment; any other decision on a decided log is a 409.
 */
export async function decideWork(
  deps: WorkDependencies,
  identity: Identity,
  workLogId: string,
  decision: WorkDecision,
): Promise<WorkDecisionResult> {
  const { log, admin } = await readLog(deps, identity, workLogId);
  checkWorkApprover({ personId: identity.personId, memberId: log.personId, adminOfSyndicate: admin });
  const paymentId = `work-${log.id}`;
  try {
    if (log.status !== 'awaiting') throw new WorkDecided(log);
    if (decision.decision === 'approve') {
      const syndicate = await deps.syndicates.get(log.syndicateId);
      const rate = workRate(syndicate?.rateCard ?? [], log);
      if ('problem' in rate) {
        const { said } = rate;
        throw new RuleViolationError('no-rate', rate.problem, { wordsIn: (locale) => rateProblemIn(said, locale) });
      }
      const amount = payFor(quartersOf(log.hours), rate.hourly);
      const paid = { hourlyRate: rate.hourly, unpleasant: rate.line.unpleasant === true, amount };
      const draft = {
        id: paymentId,
        from: `syndicate:${log.syndicateId}` as const,
        to: personAccount(log.personId),
        amount,
        memo: workMemo(log),
      };
      const { payment, paidNow } = await movePayment(deps, identity.personId, draft, workSettling(deps, log, paid));
      return { workLog: (await deps.workLogs.get(log.id)) ?? log, payment, paidNow };
    }
    return await retryOnConflict(async () => {
      const current = (await deps.workLogs.get(log.id)) ?? log;
      if (current.status !== 'awaiting') throw new WorkDecided(current);
      const rejected: WorkLog = {
        ...current,
        status: 'rejected',
        reason: decision.reason,
        decidedBy: identity.personId,
        decidedAt: deps.now().toISOString(),
      };
      await deps.workLogs.reject(rejected, quartersOf(rejected.hours));
      return { workLog: rejected, paidNow: false };
    });
  } catch (error) {
    if (!(error instanceof WorkDecided)) throw error;
    const decided = error.log;
    if (decided.status === 'approved' && decision.decision === 'approve') {
      const payment = await deps.payments.getPayment(decided.paymentId ?? paymentId);
      return { workLog: decided, payment: payment ?? undefined, paidNow: false };
    }
    const { message, wordsIn } = workLogWords({
      key: 'decided',
      values: { status: decided.status === 'approved' ? 'approved' : 'rejected' },
    });
    throw new ConflictError(message, { wordsIn });
  }
}

/** A page of the signed-in member's own logs, newest first. */
export async function myWorkLogs(deps: WorkDependencies, identity: Identity, page: PageRequest) {
  return deps.workLogs.pageOfPerson(identity.personId, page);
}

/** A page of a syndicate's logs awaiting approval, oldest first, for its admins (404 for anyone else). */
export async function awaitingWork(deps: WorkDependencies, identity: Identity, syndicateId: string, page: PageRequest) {
  if (!(await isAdmin(deps, syndicateId, identity.personId))) {
    throw new NotFoundError('syndicate you administer', syndicateId);
  }
  return deps.workLogs.pageAwaiting(syndicateId, page);
}
