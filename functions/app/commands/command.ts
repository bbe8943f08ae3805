// A command is one write, defined once: its input schemas, the use case it runs, and the edge every
// write passes through — the per-person write limit, validation, and the idempotency key — whether it
// comes from an API route or a form on the site. Authorization stays in the use case, where the data is.
//
// Steps of `runCommand`: count the write against the person's limit; check the idempotency key's shape;
// parse the path ids and the body (400 naming each bad field); with a key, claim it (a retry gets the
// first answer, a key reused for another request is refused); run the use case with ids derived from
// the key, so a request that runs twice creates the same thing; keep the answer, or let the key go on
// failure.
import type * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import type { Services } from '#app/services.ts';
import {
  ConflictError,
  type FieldIssue,
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

export interface CommandContext<P, B> {
  /** The services, with `newId` derived from the idempotency key when the request carries one. */
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

/** How long a retry waits for the first request with its key to finish before answering 409. */
const inProgressWait = { tries: 10, intervalMs: 200 };

export async function runCommand<P, B, O>(
  definition: Command<P, B, O>,
  invocation: Invocation,
): Promise<CommandResult<O>> {
  const { services, identity } = invocation;
  if (services.rateLimiter) {
    const verdict = await services.rateLimiter.take(identity.personId, services.now());
    if (!verdict.allowed) throw new RateLimitedError(verdict.retryAfterSeconds);
  }
  const issues: FieldIssue[] = [];
  const key = invocation.idempotencyKey;
  if (key !== undefined && !idempotencyKeyPattern.test(key)) {
    issues.push({
      field: 'header.Idempotency-Key',
      message: 'An idempotency key is 1 to 128 visible ASCII characters, such as a UUID.',
    });
  }
  const input = definition.input?.() ?? {};
  const params = input.params ? parseInto(input.params, invocation.params ?? {}, 'path', issues) : ({} as P);
  const body = input.body ? parseInto(input.body, invocation.body, 'body', issues) : (undefined as B);
  if (issues.length > 0) throw new RequestShapeError(issues);

  if (key === undefined) {
    return { output: await definition.run({ services, identity, params, body }), replayed: false };
  }
  const scope: IdempotencyScope = { personId: identity.personId, command: definition.name, key };
  const fingerprint = requestFingerprint(definition.name, { params: invocation.params ?? {}, body: invocation.body });
  const store = services.idempotency;
  const startedAt = services.now();
  const earlier = await store.claim(scope, fingerprint, startedAt);
  if (earlier) return { output: await answerOf<O>(earlier, fingerprint, scope, services), replayed: true };

  let n = 0;
  // Own property over the prototype: the services' lazy getters (the commons) stay lazy.
  const scoped: Services = Object.assign(Object.create(services) as Services, { newId: () => idFromKey(scope, n++) });
  let output: O;
  try {
    output = await definition.run({ services: scoped, identity, params, body });
  } catch (error) {
    await store.release(scope, startedAt.toISOString()).catch((cause: unknown) => {
      services.log.warn('idempotency key not released', { command: definition.name, error: cause });
    });
    throw error;
  }
  try {
    await store.complete(scope, serialiseOutput(output), services.now());
  } catch (error) {
    // The change is made: say so. A retry meanwhile waits, then runs again with the same derived ids,
    // so it cannot create a second thing.
    services.log.warn('idempotency answer not kept', { command: definition.name, error });
  }
  return { output, replayed: false };
}

async function answerOf<O>(
  record: NonNullable<Awaited<ReturnType<Services['idempotency']['claim']>>>,
  fingerprint: string,
  scope: IdempotencyScope,
  services: Services,
): Promise<O> {
  let current: typeof record | null = record;
  for (let attempt = 0; current?.status === 'in-progress' && attempt < inProgressWait.tries; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, inProgressWait.intervalMs));
    current = await services.idempotency.read(scope);
  }
  if (current && current.fingerprint !== fingerprint) {
    throw new RuleViolationError(
      'idempotency-key-reused',
      'This Idempotency-Key was sent with a different request in the last 24 hours: send a new key for a new request.',
    );
  }
  if (current?.status !== 'done') {
    throw new ConflictError(
      'A request with this Idempotency-Key is still being processed: ask again in a moment for its answer.',
    );
  }
  return deserialiseOutput<O>(current.output);
}
