// The hiring loop: admins move an application through its stages, the applicant withdraws or answers
// an offer. Who may make which move is the table in stages.ts; these read, check and write.
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import { type HiringRefusal, hiringWords } from '../i18n/work/hiring-refusals.ts';
import { conflictRetry, startRetries } from '../retry.ts';
import { requireAdmin } from '../syndicates/syndicate-use-cases.ts';
import type { Application } from './application.ts';
import { type ApplicationMessage, type ThreadDependencies, threadMessage } from './application-thread.ts';
import type { Opening } from './opening.ts';
import type { OpeningDependencies } from './opening-use-cases.ts';
import { type DeclineReason, mayMove, moveRefusal, type StageActor, type SyndicateTarget } from './stages.ts';

/** A refusal's English and its words, as an error's arguments after its rule. */
const saidWords = (refusal: HiringRefusal) => {
  const { message, wordsIn } = hiringWords(refusal);
  return [message, { wordsIn }] as const;
};

export type HiringDependencies = OpeningDependencies & Pick<ThreadDependencies, 'threads'>;

export interface StageMove {
  stage: SyndicateTarget;
  message?: string | undefined;
  reason?: DeclineReason | undefined;
  note?: string | undefined;
}

async function ownApplication(deps: Pick<OpeningDependencies, 'openings'>, identity: Identity, openingId: string) {
  const application = await deps.openings.getApplication(openingId, identity.personId);
  if (!application) throw new NotFoundError('application', openingId);
  return application;
}

function checkMove(actor: StageActor, application: Application, to: Application['status']) {
  if (!mayMove(actor, application.status, to))
    throw new ConflictError(...saidWords(moveRefusal(actor, application.status, to)));
}

function positionLeft(opening: Opening, stopped: 'offer' | 'accept') {
  if (opening.status === 'closed' || opening.status === 'draft')
    throw new RuleViolationError(
      'opening-closed',
      ...saidWords({ key: 'opening', values: { closing: 'closed', status: opening.status, stopped } }),
    );
  if (opening.status !== 'open' || opening.filled >= opening.positions)
    throw new RuleViolationError(
      'opening-full',
      ...saidWords({ key: 'opening', values: { closing: 'full', status: opening.status, stopped } }),
    );
}

/**
 * Writes a move made over the stage it was read at. When another move landed first, the refusal says
 * the stage the application is at now, read again, so the person can decide anew.
 */
async function saveMove(
  deps: Pick<OpeningDependencies, 'openings'>,
  updated: Application,
  from: Application['status'],
  message?: ApplicationMessage,
) {
  try {
    await deps.openings.saveApplication(updated, from, message);
  } catch (error) {
    if (!(error instanceof ConflictError) || error.retryable) throw error;
    const now = await deps.openings.getApplication(updated.openingId, updated.personId);
    const { message, wordsIn } = hiringWords({ key: 'moved-meanwhile', values: { now: now?.status } });
    throw new ConflictError(message, { cause: error, wordsIn });
  }
}

/** The application moved to `to`, with who moved it, and the message and reason that came with it. */
function moved(
  deps: Pick<OpeningDependencies, 'now'>,
  application: Application,
  identity: Identity,
  to: Application['status'],
  extra: { message?: string | undefined; reason?: DeclineReason | undefined; note?: string | undefined },
): Application {
  const { stageMessage: _m, declineReason: _r, declineNote: _n, ...rest } = application;
  const decided = to === 'accepted' || to === 'declined';
  return {
    ...rest,
    status: to,
    updatedAt: deps.now().toISOString(),
    stagedBy: identity.personId,
    ...(decided ? { decidedBy: identity.personId } : {}),
    ...(extra.message ? { stageMessage: extra.message } : {}),
    ...(extra.reason ? { declineReason: extra.reason } : {}),
    ...(extra.note ? { declineNote: extra.note } : {}),
  };
}

/**
 * Steps: check the caller admins the opening's syndicate (404 otherwise, as for a stranger); check the
 * move against the table; a decline needs a reason and only a decline takes one; an offer needs a
 * position left; write the application over the stage it was read at, with the message in its thread,
 * in one transaction: a concurrent move makes this one a 409, never a silent overwrite.
 */
export async function moveApplicant(
  deps: HiringDependencies,
  identity: Identity,
  openingId: string,
  personId: string,
  move: StageMove,
) {
  const opening = await deps.openings.get(openingId);
  if (!opening) throw new NotFoundError('opening', openingId);
  await requireAdmin(deps, opening.syndicateId, identity, 'opening');
  const application = await deps.openings.getApplication(openingId, personId);
  if (!application) throw new NotFoundError('application', personId);
  checkMove('syndicate', application, move.stage);
  if (move.stage === 'declined' && !move.reason)
    throw new ValidationError([{ field: 'body.reason', ...hiringWords({ key: 'pick-reason', values: {} }) }]);
  if (move.stage !== 'declined' && (move.reason || move.note))
    throw new ValidationError([
      {
        field: move.reason ? 'body.reason' : 'body.note',
        ...hiringWords({ key: 'reason-only-declining', values: {} }),
      },
    ]);
  if (move.stage === 'offered') positionLeft(opening, 'offer');
  const updated = moved(deps, application, identity, move.stage, move);
  const message = move.message && threadMessage(deps, application, identity.personId, move.message, move.stage);
  await saveMove(deps, updated, application.status, message || undefined);
  return { application: updated, opening };
}

/** The applicant leaves the process, from any open stage. */
export async function withdraw(deps: HiringDependencies, identity: Identity, openingId: string) {
  const application = await ownApplication(deps, identity, openingId);
  checkMove('applicant', application, 'withdrawn');
  const updated = moved(deps, application, identity, 'withdrawn', {});
  await saveMove(deps, updated, application.status);
  return updated;
}

/**
 * The applicant answers an offer. Declining ends the application. Accepting fills a position in one
 * transaction with the application, over the opening's version: when offers race for the last
 * position, a loser re-reads, finds the opening filled and is refused (422), so it is never overbooked.
 */
export async function answerOffer(
  deps: HiringDependencies,
  identity: Identity,
  openingId: string,
  answer: 'accept' | 'decline',
  message?: string,
) {
  const to = answer === 'accept' ? 'accepted' : 'declined';
  const retries = startRetries(conflictRetry);
  for (;;) {
    const [opening, application] = await Promise.all([
      deps.openings.get(openingId),
      ownApplication(deps, identity, openingId),
    ]);
    if (!opening) throw new NotFoundError('application', openingId);
    checkMove('applicant', application, to);
    const updated = moved(deps, application, identity, to, { message });
    const said = message ? threadMessage(deps, application, identity.personId, message, to) : undefined;
    try {
      if (to === 'declined') {
        await deps.openings.saveApplication(updated, 'offered', said);
        return { application: updated, opening };
      }
      positionLeft(opening, 'accept');
      const filled = opening.filled + 1;
      const filledOpening: Opening = {
        ...opening,
        filled,
        status: filled >= opening.positions ? 'filled' : 'open',
        updatedAt: updated.updatedAt,
        version: opening.version + 1,
      };
      await deps.openings.accept(updated, filledOpening, 'offered', said);
      return { application: updated, opening: filledOpening };
    } catch (error) {
      if (!(error instanceof ConflictError) || !(await retries.next())) throw error;
    }
  }
}
