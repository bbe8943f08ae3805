// Translates Meilisearch failures into the domain's SearchUnavailableError, so the domain never sees a
// client type. The message reaches API clients as the problem's `detail`, so it names what failed and the
// Meilisearch error code only; the client's error (host, request, the engine's own message) stays in
// `cause`, for the logs.
import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
} from 'meilisearch';
import type * as z from 'zod/mini';
import { SearchUnavailableError } from '#domain/errors.ts';
import { MeilisearchAnswerError } from './http-transport.ts';

/** What the adapter reads of a finished task. */
export interface TaskOutcome {
  uid?: number;
  status: string;
  error?: { message?: string; code?: string } | null;
}

export function toSearchUnavailable(operation: string, error: unknown): SearchUnavailableError {
  if (error instanceof SearchUnavailableError) return error;
  const fail = (message: string, cause = error) => new SearchUnavailableError(message, { cause });
  const refusal = apiErrorOf(error);
  if (refusal) {
    // The API error itself, as meilisearch-js would have thrown it over fetch, not its transport's wrapper.
    return fail(
      `Meilisearch refused to ${operation} (${refusal.cause?.code ?? `HTTP ${refusal.response.status}`}).`,
      refusal,
    );
  }
  if (error instanceof MeilisearchRequestError && error.cause instanceof MeilisearchAnswerError) {
    return fail(`Meilisearch sent an answer that could not be read to ${operation}.`);
  }
  if (error instanceof MeilisearchRequestError) {
    return error.cause instanceof MeilisearchRequestTimeOutError
      ? fail(`Meilisearch did not answer in time to ${operation}.`)
      : fail(`Meilisearch could not be reached to ${operation}.`);
  }
  // The task is still queued and may yet apply; callers retry, and every write here is safe to repeat.
  if (error instanceof MeilisearchTaskTimeOutError) return fail(`Meilisearch did not finish in time to ${operation}.`);
  return fail(`Meilisearch failed to ${operation}.`);
}

/**
 * The API error behind a failure: thrown as it is over `fetch`, or wrapped in a MeilisearchRequestError by
 * the client when our transport (http-transport.ts) threw it.
 */
export function apiErrorOf(error: unknown): MeilisearchApiError | undefined {
  if (error instanceof MeilisearchApiError) return error;
  if (error instanceof MeilisearchRequestError && error.cause instanceof MeilisearchApiError) return error.cause;
  return undefined;
}

/** Runs one client call and translates whatever it throws (synchronously or not). */
export async function searchCall<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toSearchUnavailable(operation, error);
  }
}

/**
 * A task that ended `failed` or `canceled` is a failure, though waiting for it succeeded. Writes run in
 * the indexer, not behind the API, so its message carries the task's own error for whoever reads the log.
 */
export function checkTask(operation: string, task: TaskOutcome): void {
  if (task.status === 'succeeded') return;
  const reason = task.error?.message ?? `the task was ${task.status}`;
  throw new SearchUnavailableError(`Meilisearch could not ${operation}: ${reason}`, { cause: task });
}

/** An answer in the shape the adapter relies on; anything else means the engine is not the one expected. */
export function parseAnswer<S extends z.ZodMiniType>(schema: S, answer: unknown, operation: string): z.output<S> {
  const parsed = schema.safeParse(answer);
  if (parsed.success) return parsed.data;
  throw new SearchUnavailableError(`Meilisearch answered ${operation} in an unexpected shape.`, {
    cause: parsed.error,
  });
}
