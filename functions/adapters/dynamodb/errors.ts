// Translates SDK failures into domain errors, so the domain never sees an SDK type. This is the one
// translation of store errors, a cancelled transaction's reasons included: every adapter call goes
// through `storeCall` (or `translateStoreError`), and nothing else reads an SDK error's name or code.
import { ConflictError, StoreUnavailableError } from '#domain/errors.ts';

// Throttling and server errors the SDK gave up retrying; the HTTP handler's connection and request
// timeouts (`TimeoutError`, see client.ts); and the socket errors of a store that cannot be reached.
const unavailableNames = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'RequestTimeout',
  'TransactionInProgressException',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** One item's reason in a TransactionCanceledException (`CancellationReasons[i]`), as the SDK gives it. */
export interface CancellationReason {
  Code?: string | undefined;
  Message?: string | undefined;
}

/** A transaction the store refused as malformed: our bug, never the caller's (a bare 500). */
export class StoreRequestError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreRequestError';
  }
}

const throttled = new Set(['ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded']);

/**
 * What a cancelled transaction means, from its items' reasons (one per item, `None` for the items that
 * were fine). The reason that says most about what to do wins, in this order:
 * - `ValidationError` (or `ItemCollectionSizeLimitExceeded`): the request itself is wrong: a bug, 500;
 * - `ConditionalCheckFailed`: an item is not as the write was conditional on: ConflictError, re-read;
 * - `TransactionConflict`: another transaction held an item: ConflictError marked retryable;
 * - throttling: StoreUnavailableError (503, Retry-After);
 * - anything else (no reasons, unknown codes): StoreUnavailableError.
 */
export function translateCancellation(
  reasons: readonly CancellationReason[],
  conflictMessage: string,
  cause: unknown,
): Error {
  const codes = reasons.map((reason) => reason.Code ?? 'None');
  const malformed = codes.findIndex((code) => code === 'ValidationError' || code === 'ItemCollectionSizeLimitExceeded');
  if (malformed >= 0) {
    return new StoreRequestError(
      `The store refused item ${malformed} of a transaction (${codes[malformed]}): ${reasons[malformed]?.Message ?? 'no message'}`,
      { cause },
    );
  }
  if (codes.includes('ConditionalCheckFailed')) return new ConflictError(conflictMessage, { cause });
  if (codes.includes('TransactionConflict')) return new ConflictError(conflictMessage, { cause, retryable: true });
  if (codes.some((code) => throttled.has(code))) {
    return new StoreUnavailableError('The store is busy; try again.', { cause });
  }
  return new StoreUnavailableError('The store cancelled the transaction; try again.', { cause });
}

/** Which items of a cancelled transaction failed their condition (by position), read from a translated error. */
export function failedConditions(error: unknown): number[] {
  if (!(error instanceof ConflictError)) return [];
  const reasons = (error.cause as { CancellationReasons?: CancellationReason[] } | undefined)?.CancellationReasons;
  return (reasons ?? []).flatMap((reason, index) => (reason.Code === 'ConditionalCheckFailed' ? [index] : []));
}

export function translateStoreError(error: unknown, conflictMessage = 'The item changed or already exists.'): Error {
  if (!(error instanceof Error)) return new StoreUnavailableError('The store failed.', { cause: error });
  if (error.name === 'ConditionalCheckFailedException') return new ConflictError(conflictMessage, { cause: error });
  if (error.name === 'TransactionCanceledException') {
    const reasons = (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
    return translateCancellation(reasons, conflictMessage, error);
  }
  // A single-item write that met a transaction in progress on its item: nothing changed, send it again.
  if (error.name === 'TransactionConflictException') {
    return new ConflictError(conflictMessage, { cause: error, retryable: true });
  }
  const code = (error as { code?: string }).code;
  if (unavailableNames.has(error.name) || (code && unavailableNames.has(code))) {
    return new StoreUnavailableError('The store is busy or unreachable; try again.', { cause: error });
  }
  return error;
}

/** Runs a store call and translates what it throws. */
export async function storeCall<T>(call: () => Promise<T>, conflictMessage?: string): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw translateStoreError(error, conflictMessage);
  }
}
