// Idempotency keys: a client that retries a write (a lost answer, a double click) sends the same key,
// and gets the first answer back instead of a second change. The port keeps one record per person,
// command and key for 24 hours; what it stores is the command's output, serialised (bigints kept).
import { createHash } from 'node:crypto';
import { canonicalJson } from '../innovations/log-events.ts';

/** How long a key's first answer is kept. */
export const idempotencyTtlSeconds = 24 * 60 * 60;
/** A request still marked in progress after this long was abandoned (its function died): it may run again. */
export const abandonedAfterSeconds = 60;

/** What a client may send as `Idempotency-Key`: 1 to 128 visible ASCII characters. */
export const idempotencyKeyPattern = /^[\x21-\x7e]{1,128}$/;

export interface IdempotencyScope {
  personId: string;
  command: string;
  key: string;
}

export type IdempotencyRecord =
  | { status: 'in-progress'; fingerprint: string; startedAt: string }
  | { status: 'done'; fingerprint: string; startedAt: string; output: string };

export interface IdempotencyStore {
  /**
   * Claims the key for a request with this fingerprint. Returns null when the claim is new (or the
   * earlier claim expired or was abandoned), else the record already there.
   */
  claim(scope: IdempotencyScope, fingerprint: string, now: Date): Promise<IdempotencyRecord | null>;
  /** Keeps the output of the claimed request for 24 hours from `now`. */
  complete(scope: IdempotencyScope, output: string, now: Date): Promise<void>;
  /** Lets the key go after the request failed, so a retry runs it again. */
  release(scope: IdempotencyScope, startedAt: string): Promise<void>;
  /** The record as it stands (null when there is none). */
  read(scope: IdempotencyScope): Promise<IdempotencyRecord | null>;
}

/** A request's identity for its key: the same key sent with another request is a mistake, not a retry. */
export function requestFingerprint(command: string, input: unknown): string {
  return createHash('sha256')
    .update(`${command}\n${canonicalJson(input)}`)
    .digest('base64url');
}

/** JSON that keeps bigints (amounts of Bound) exact through storage. */
export function serialiseOutput(output: unknown): string {
  return JSON.stringify(output ?? null, (_key, value) =>
    typeof value === 'bigint' ? { $bigint: value.toString() } : value,
  );
}

export function deserialiseOutput<T>(text: string): T {
  return JSON.parse(text, (_key, value) =>
    value !== null && typeof value === 'object' && typeof value.$bigint === 'string' && Object.keys(value).length === 1
      ? BigInt(value.$bigint)
      : value,
  ) as T;
}

/** An id derived from the key, so a request that runs twice (its first answer lost) creates the same thing. */
export function idFromKey(scope: IdempotencyScope, n: number): string {
  const digest = createHash('sha256').update(`${scope.personId}\n${scope.command}\n${scope.key}\n${n}`).digest();
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(digest.subarray(0, 12), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** For tests and single-process use: the same promises in memory. */
export function memoryIdempotencyStore(): IdempotencyStore & { records: Map<string, IdempotencyRecord> } {
  const records = new Map<string, IdempotencyRecord & { expiresAt: number }>();
  const id = (scope: IdempotencyScope) => `${scope.personId}\n${scope.command}\n${scope.key}`;
  return {
    records,
    async claim(scope, fingerprint, now) {
      const existing = records.get(id(scope));
      const abandoned =
        existing?.status === 'in-progress' &&
        now.getTime() - Date.parse(existing.startedAt) > abandonedAfterSeconds * 1000;
      if (existing && existing.expiresAt > now.getTime() && !abandoned) return existing;
      records.set(id(scope), {
        status: 'in-progress',
        fingerprint,
        startedAt: now.toISOString(),
        expiresAt: now.getTime() + idempotencyTtlSeconds * 1000,
      });
      return null;
    },
    async complete(scope, output, now) {
      const existing = records.get(id(scope));
      if (!existing) return;
      records.set(id(scope), {
        status: 'done',
        fingerprint: existing.fingerprint,
        startedAt: existing.startedAt,
        output,
        expiresAt: now.getTime() + idempotencyTtlSeconds * 1000,
      });
    },
    async release(scope, startedAt) {
      if (records.get(id(scope))?.startedAt === startedAt) records.delete(id(scope));
    },
    async read(scope) {
      return records.get(id(scope)) ?? null;
    },
  };
}
