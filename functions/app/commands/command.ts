// A command is one write, defined once: its input schemas, the use case it runs, and the edge every
// write passes through — the per-person write limit, validation, and the idempotency key — whether it
// comes from an API route or a form on the site. Authorization stays in the use case, where the data is.
//
// Steps of `runCommand`: count the write against the person's limit; check the idempotency key's shape;
// parse the path ids and the body (400 naming each bad field); with a key, claim it (a retry gets the
// first answer, a key reused for another request is refused); run the use case with ids derived from
// the key, so a request that runs twice creates the same thing; count the business event it was, if
// any, now that it happened; keep the answer, or let the key go on failure.
import type * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import type { Services } from '#app/services.ts';
import {
  ConflictError,
  type FieldIssue,
  AccountDeletedError,
  RateLimitedError,
  RequestShapeError,
  RuleViolationError,
} from '#domain/errors.ts';
import type { Identity } from '#domain/identity.ts';
import {
  deserialiseOutput,
  type IdempotencyScope,
  idempotencyKeyPattern,
  idFromKey,
  requestFingerprint,
  serialiseOutput,
} from '#domain/limits/idempotency.ts';
import { parseInto } from '#domain/validation.ts';
import { edgeWords } from '#domain/i18n/edge-refusals.ts';
import { inProgressRetry, startRetries } from '#domain/retry.ts';
import type { BusinessCount } from '#platform/metrics.ts';

export interface CommandContext<P, B> {
  /**
   * The services, with `newId` derived from the idempotency key when the request carries one, and a
   * `count` that counts only once the run has succeeded.
   */
  services: Services;
  identity: Identity;
  params: P;
  body: B;
}

export interface CommandInput<P, B> {
  /** The ids the write acts on: the API takes them from the path, a form from its page's address. */
  params?: z.ZodMiniType<P>;
  body?: z.ZodMiniType<B>;
}

export interface Command<P, B, O> {
  /** Dotted and unique (`syndicates.create`): it scopes idempotency keys and names the write in logs. */
  name: string;
  /** Builds the schemas, once, when the command first runs (or is documented): never at a cold start. */
  input?: () => CommandInput<P, B>;
  run(context: CommandContext<P, B>): Promise<O>;
  /**
   * The business event a successful run is, as a metric (platform/metrics.ts): its name, or a function
   * that names it from what the run did. Counted once per write made: never for a refusal, nor for an
   * answer replayed to a retry. A run that alone knows whether it wrote calls `services.count` instead.
   * A write that is several events at once names each (a settlement and the payments it made).
   */
  counts?: BusinessCount | ((done: { output: O; body: B }) => BusinessCount | BusinessCount[] | undefined);
}

// biome-ignore lint/suspicious/noExplicitAny: a command table holds commands of every input and output type.
export type AnyCommand = Command<any, any, any>;

export function command<P = Record<string, never>, B = undefined, O = unknown>(
  definition: Command<P, B, O>,
): Command<P, B, O> {
  return definition.input ? { ...definition, input: lazySchema(definition.input) } : definition;
}

export interface Invocation {
  services: Services;
  identity: Identity;
  /** Raw, as sent: the command's schemas parse them. */
  params?: unknown;
  body?: unknown;
  idempotencyKey?: string | undefined;
}

export interface CommandResult<O> {
  output: O;
  /** The first answer to this idempotency key, given again; nothing was changed this time. */
  replayed: boolean;
}

export async function runCommand<P, B, O>(
  definition: Command<P, B, O>,
  invocation: Invocation,
): Promise<CommandResult<O>> {
  const { services, identity } = invocation;
  // A deleted account writes nothing more, even with a token it still holds: nothing may make its items
  // again. Its own deletion is the exception, so a deletion cut short can be finished.
  const [verdict, deletedAt] = await Promise.all([
    services.rateLimiter?.take(identity.personId, services.now()),
    definition.name === 'people.delete-account' ? null : services.accountDeletions?.deletedAt(identity.personId),
  ]);
  if (verdict && !verdict.allowed) throw new RateLimitedError(verdict.retryAfterSeconds);
  if (deletedAt) throw new AccountDeletedError(deletedAt);
  const issues: FieldIssue[] = [];
  const key = invocation.idempotencyKey;
  if (key !== undefined && !idempotencyKeyPattern.test(key)) {
    issues.push({ field: 'header.Idempotency-Key', ...edgeWords({ key: 'key-shape' }) });
  }
  const input = definition.input?.() ?? {};
  const params = input.params ? parseInto(input.params, invocation.params ?? {}, 'path', issues) : ({} as P);
  const body = input.body ? parseInto(input.body, invocation.body, 'body', issues) : (undefined as B);
  if (issues.length > 0) throw new RequestShapeError(issues);

  // Own properties over the prototype: the services' lazy getters (the commons) stay lazy.
  const counted: BusinessCount[] = [];
  const scoped: Services = Object.assign(Object.create(services) as Services, {
    count: (name: BusinessCount) => counted.push(name),
  });
  const succeeded = (output: O) => {
    const declared = typeof definition.counts === 'function' ? definition.counts({ output, body }) : definition.counts;
    for (const name of [...counted, ...(declared === undefined ? [] : [declared].flat())]) services.count(name);
    return { output, replayed: false };
  };
  if (key === undefined) return succeeded(await definition.run({ services: scoped, identity, params, body }));

  const scope: IdempotencyScope = { personId: identity.personId, command: definition.name, key };
  const fingerprint = requestFingerprint(definition.name, { params: invocation.params ?? {}, body: invocation.body });
  const store = services.idempotency;
  const startedAt = services.now();
  const earlier = await store.claim(scope, fingerprint, startedAt);
  if (earlier) return { output: await answerOf<O>(earlier, fingerprint, scope, services), replayed: true };

  let n = 0;
  scoped.newId = () => idFromKey(scope, n++);
  let output: O;
  try {
    output = await definition.run({ services: scoped, identity, params, body });
  } catch (error) {
    await store.release(scope, startedAt.toISOString()).catch((cause: unknown) => {
      services.log.warn('idempotency key not released', { command: definition.name, error: cause });
    });
    throw error;
  }
  // Counted now: the change is made, whether or not its answer is kept below.
  const result = succeeded(output);
  try {
    await store.complete(scope, serialiseOutput(output), services.now());
  } catch (error) {
    // The change is made: say so. A retry meanwhile waits, then runs again with the same derived ids,
    // so it cannot create a second thing.
    services.log.warn('idempotency answer not kept', { command: definition.name, error });
  }
  return result;
}

async function answerOf<O>(
  record: NonNullable<Awaited<ReturnType<Services['idempotency']['claim']>>>,
  fingerprint: string,
  scope: IdempotencyScope,
  services: Services,
): Promise<O> {
  let current: typeof record | null = record;
  // A retry waits, within the policy's budget, for the first request with its key to finish; then 409.
  const retries = startRetries(inProgressRetry);
  while (current?.status === 'in-progress' && (await retries.next())) {
    current = await services.idempotency.read(scope);
  }
  if (current && current.fingerprint !== fingerprint) {
    const { message, wordsIn } = edgeWords({ key: 'key-reused' });
    throw new RuleViolationError('idempotency-key-reused', message, { wordsIn });
  }
  if (current?.status !== 'done') {
    const { message, wordsIn } = edgeWords({ key: 'key-busy' });
    throw new ConflictError(message, { wordsIn });
  }
  return deserialiseOutput<O>(current.output);
}
