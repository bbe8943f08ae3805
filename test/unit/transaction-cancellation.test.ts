// The one translation of a cancelled DynamoDB transaction: each item's reason decides what the domain
// sees, whichever adapter sent the transaction.
import { describe, expect, it } from 'vitest';
import { failedConditions, StoreRequestError, translateStoreError } from '#adapters/dynamodb/errors.ts';
import { ConflictError, StoreUnavailableError } from '#domain/errors.ts';
import { problemFor } from '#http/problem.ts';

const cancelled = (...codes: string[]) =>
  Object.assign(new Error('Transaction cancelled, please refer cancellation reasons for specific reasons'), {
    name: 'TransactionCanceledException',
    CancellationReasons: codes.map((Code) => ({ Code, ...(Code === 'None' ? {} : { Message: `${Code} here` }) })),
  });

type Expected = 'conflict' | 'retryable conflict' | 'unavailable' | 'bug';

const kindOf = (error: Error): Expected | 'other' => {
  if (error instanceof ConflictError) return error.retryable ? 'retryable conflict' : 'conflict';
  if (error instanceof StoreUnavailableError) return 'unavailable';
  if (error instanceof StoreRequestError) return 'bug';
  return 'other';
};

describe('a cancelled transaction', () => {
  it.each<[string[], Expected, number]>([
    [['ConditionalCheckFailed'], 'conflict', 409],
    [['None', 'ConditionalCheckFailed', 'None'], 'conflict', 409],
    [['TransactionConflict'], 'retryable conflict', 409],
    [['None', 'None', 'TransactionConflict'], 'retryable conflict', 409],
    // An item not as the write expected outweighs a momentary conflict on another: re-read first.
    [['TransactionConflict', 'ConditionalCheckFailed'], 'conflict', 409],
    [['ThrottlingError'], 'unavailable', 503],
    [['None', 'ProvisionedThroughputExceeded'], 'unavailable', 503],
    [['RequestLimitExceeded', 'None'], 'unavailable', 503],
    [['ThrottlingError', 'TransactionConflict'], 'retryable conflict', 409],
    [['ThrottlingError', 'ConditionalCheckFailed'], 'conflict', 409],
    // A malformed request is our bug whatever else happened: a bare 500, never a 409 that hides it.
    [['ValidationError'], 'bug', 500],
    [['ConditionalCheckFailed', 'ValidationError'], 'bug', 500],
    [['ItemCollectionSizeLimitExceeded'], 'bug', 500],
    [['None', 'None'], 'unavailable', 503],
    [[], 'unavailable', 503],
    [['SomethingNew'], 'unavailable', 503],
  ])('with reasons %j is a %s (HTTP %i), keeping the cause', (codes, expected, status) => {
    const error = cancelled(...codes);
    const translated = translateStoreError(error, 'The record changed meanwhile.');
    expect(kindOf(translated)).toBe(expected);
    expect(translated.cause).toBe(error);
    expect(problemFor(translated, { exposeInternals: false }).status).toBe(status);
    if (expected.endsWith('conflict')) expect(translated.message).toBe('The record changed meanwhile.');
  });

  it('names the item the store refused as malformed, for the log of the 500', () => {
    const translated = translateStoreError(cancelled('None', 'ValidationError'));
    expect(translated.message).toContain('item 1');
    expect(translated.message).toContain('ValidationError here');
  });

  it('tells an adapter which items failed their condition', () => {
    const translated = translateStoreError(cancelled('ConditionalCheckFailed', 'None', 'ConditionalCheckFailed'));
    expect(failedConditions(translated)).toEqual([0, 2]);
    expect(failedConditions(new Error('other'))).toEqual([]);
  });

  it('makes a single write that met a transaction in progress a retryable conflict', () => {
    const error = Object.assign(new Error('ongoing transaction'), { name: 'TransactionConflictException' });
    expect(kindOf(translateStoreError(error))).toBe('retryable conflict');
  });
});
