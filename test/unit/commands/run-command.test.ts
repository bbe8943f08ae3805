// The one edge every write passes: the write limit, validation naming each field, and idempotency keys
// (a retry gets the first answer; a reused key for another request is refused; nothing runs twice).
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { command, runCommand } from '#app/commands/command.ts';
import { ConflictError, RateLimitedError, RequestShapeError } from '#domain/errors.ts';
import { deserialiseOutput, memoryIdempotencyStore, serialiseOutput } from '#domain/limits/idempotency.ts';
import { memoryRateLimiter } from '#domain/limits/rate-limiter.ts';
import { fakeServices } from '../../support/services.ts';

const ana = { personId: 'ana' };

function counter() {
  const made: Array<{ id: string; title: string; amount: bigint }> = [];
  const create = command({
    name: 'things.create',
    input: () => ({
      params: z.object({ shelf: z.string().check(z.regex(/^[a-z]+$/)) }),
      body: z.strictObject({ title: z.string().check(z.minLength(3)), amount: z.coerce.bigint() }),
    }),
    async run({ services, body }) {
      const thing = { id: services.newId(), title: body.title, amount: body.amount };
      made.push(thing);
      return thing;
    },
  });
  return { made, create };
}

describe('running a command', () => {
  it('names every bad field, path and body, and runs nothing', async () => {
    const { made, create } = counter();
    const services = fakeServices();
    const attempt = runCommand(create, {
      services,
      identity: ana,
      params: { shelf: 'X1' },
      body: { title: 'x', colour: 1 },
    });
    await expect(attempt).rejects.toBeInstanceOf(RequestShapeError);
    const error = (await attempt.catch((e: unknown) => e)) as RequestShapeError;
    expect(error.issues.map((i) => i.field).sort()).toEqual(['body.amount', 'body.colour', 'body.title', 'path.shelf']);
    expect(made).toEqual([]);
  });

  it('builds its schemas when it first runs, not when it is defined, and only once', async () => {
    let builds = 0;
    const rename = command({
      name: 'things.rename',
      input: () => {
        builds++;
        return { body: z.strictObject({ title: z.string().check(z.minLength(3)) }) };
      },
      run: async ({ body }) => body.title,
    });
    expect(builds).toBe(0);
    const services = fakeServices();
    await runCommand(rename, { services, identity: ana, body: { title: 'first' } });
    await expect(runCommand(rename, { services, identity: ana, body: { title: 'x' } })).rejects.toBeInstanceOf(
      RequestShapeError,
    );
    expect(builds).toBe(1);
  });

  it('counts every call against the person’s write limit, refused or not', async () => {
    const { made, create } = counter();
    const services = fakeServices({ rateLimiter: memoryRateLimiter({ limit: 2, windowSeconds: 60 }) });
    const call = () =>
      runCommand(create, { services, identity: ana, params: { shelf: 'a' }, body: { title: 'abc', amount: 1 } });
    await call();
    await expect(runCommand(create, { services, identity: ana, params: {}, body: {} })).rejects.toBeInstanceOf(
      RequestShapeError,
    );
    await expect(call()).rejects.toBeInstanceOf(RateLimitedError);
    expect(made).toHaveLength(1);
  });

  it('gives a retried request with the same key the first answer, creating nothing more', async () => {
    const { made, create } = counter();
    const services = fakeServices();
    const request = {
      services,
      identity: ana,
      params: { shelf: 'a' },
      body: { title: 'Lathe', amount: '12345678901234567890' },
      idempotencyKey: 'k-1',
    };
    const first = await runCommand(create, request);
    const again = await runCommand(create, request);
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ output: first.output, replayed: true });
    expect(again.output.amount).toBe(12_345_678_901_234_567_890n);
    expect(made).toHaveLength(1);
  });

  it('keeps keys apart by person and by command', async () => {
    const { made, create } = counter();
    const services = fakeServices();
    const body = { title: 'Lathe', amount: 1 };
    await runCommand(create, { services, identity: ana, params: { shelf: 'a' }, body, idempotencyKey: 'k' });
    await runCommand(create, {
      services,
      identity: { personId: 'ben' },
      params: { shelf: 'a' },
      body,
      idempotencyKey: 'k',
    });
    expect(made).toHaveLength(2);
    expect(made[0]?.id).not.toBe(made[1]?.id);
  });

  it('refuses a key sent again with a different request', async () => {
    const { made, create } = counter();
    const services = fakeServices();
    await runCommand(create, {
      services,
      identity: ana,
      params: { shelf: 'a' },
      body: { title: 'Lathe', amount: 1 },
      idempotencyKey: 'k',
    });
    const other = runCommand(create, {
      services,
      identity: ana,
      params: { shelf: 'a' },
      body: { title: 'Drill', amount: 1 },
      idempotencyKey: 'k',
    });
    await expect(other).rejects.toMatchObject({ name: 'RuleViolationError', rule: 'idempotency-key-reused' });
    expect(made).toHaveLength(1);
  });

  it('lets a key go when its request failed, so the retry runs', async () => {
    const services = fakeServices();
    let tries = 0;
    const flaky = command({
      name: 'things.flaky',
      async run() {
        tries += 1;
        if (tries === 1) throw new ConflictError('changed meanwhile');
        return { tries };
      },
    });
    await expect(runCommand(flaky, { services, identity: ana, idempotencyKey: 'k' })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await runCommand(flaky, { services, identity: ana, idempotencyKey: 'k' })).output).toEqual({ tries: 2 });
  });

  it('makes the same ids from the same key, so a request that runs twice creates the same thing', async () => {
    const { made, create } = counter();
    const body = { title: 'Lathe', amount: 1 };
    await runCommand(create, {
      services: fakeServices(),
      identity: ana,
      params: { shelf: 'a' },
      body,
      idempotencyKey: 'k',
    });
    await runCommand(create, {
      services: fakeServices(),
      identity: ana,
      params: { shelf: 'a' },
      body,
      idempotencyKey: 'k',
    });
    expect(made[0]?.id).toBe(made[1]?.id);
    await runCommand(create, {
      services: fakeServices(),
      identity: ana,
      params: { shelf: 'a' },
      body,
      idempotencyKey: 'other',
    });
    expect(made[2]?.id).not.toBe(made[0]?.id);
  });

  it('answers a retry that comes while the first is still running with that first answer', async () => {
    const services = fakeServices();
    let release: () => void = () => undefined;
    const slow = command({
      name: 'things.slow',
      async run() {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return { done: true };
      },
    });
    const first = runCommand(slow, { services, identity: ana, idempotencyKey: 'k' });
    const second = runCommand(slow, { services, identity: ana, idempotencyKey: 'k' });
    setTimeout(() => release(), 50);
    expect(await first).toEqual({ output: { done: true }, replayed: false });
    expect(await second).toEqual({ output: { done: true }, replayed: true });
  });

  it('refuses a malformed key, naming the header', async () => {
    const { create } = counter();
    const attempt = runCommand(create, {
      services: fakeServices(),
      identity: ana,
      params: { shelf: 'a' },
      body: { title: 'Lathe', amount: 1 },
      idempotencyKey: 'a b',
    });
    await expect(attempt).rejects.toMatchObject({ issues: [{ field: 'header.Idempotency-Key' }] });
  });

  it('keeps bigints exact through storage, and only a lone $bigint object is read as one', () => {
    const value = { a: 2n ** 70n, list: [-1n, 0n], note: { $bigint: '5', other: 1 } };
    expect(deserialiseOutput(serialiseOutput(value))).toEqual(value);
  });

  it('takes over a claim abandoned for more than a minute', async () => {
    const store = memoryIdempotencyStore();
    const scope = { personId: 'ana', command: 'c', key: 'k' };
    expect(await store.claim(scope, 'f', new Date('2026-01-01T00:00:00Z'))).toBeNull();
    expect(await store.claim(scope, 'f', new Date('2026-01-01T00:00:30Z'))).toMatchObject({ status: 'in-progress' });
    expect(await store.claim(scope, 'f', new Date('2026-01-01T00:01:01Z'))).toBeNull();
  });
});
