// Translates SDK failures into domain errors, so the domain never sees an SDK type.
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
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

export function translateStoreError(error: unknown, conflictMessage = 'The item changed or already exists.'): Error {
  if (!(error instanceof Error)) return new StoreUnavailableError('The store failed.', { cause: error });
  if (error.name === 'ConditionalCheckFailedException') return new ConflictError(conflictMessage, { cause: error });
  if (error.name === 'TransactionCanceledException') {
    const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
    if (reasons.some((reason) => reason.Code === 'ConditionalCheckFailed')) {
      return new ConflictError(conflictMessage, { cause: error });
    }
    return new StoreUnavailableError('The store cancelled the transaction; try again.', { cause: error });
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
