// Business counts (applications, fills, settlements…) are metrics a command adds when a write happened:
// once per write, never for a refusal, a malformed request, a write over the limit, or a retry that is
// given the first answer again.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { command, runCommand } from '#app/commands/command.ts';
import { publishCommand, settleCommand } from '#app/commands/innovation-commands.ts';
import { submitQuizCommand } from '#app/commands/learning-commands.ts';
import { answerOfferCommand } from '#app/commands/hiring-commands.ts';
import { grantPersonCreditCommand, grantSyndicateCreditCommand } from '#app/commands/ledger-commands.ts';
import { RateLimitedError, RequestShapeError, RuleViolationError } from '#domain/errors.ts';
import { memoryRateLimiter } from '#domain/limits/rate-limiter.ts';
import type { BusinessCount } from '#platform/metrics.ts';
import { fakeServices } from '../../support/services.ts';

const ana = { personId: 'ana' };

function world(limit = 100) {
  const counted: BusinessCount[] = [];
  const services = fakeServices({
    count: (name) => counted.push(name),
    rateLimiter: memoryRateLimiter({ limit, windowSeconds: 60 }),
  });
  const publish = command({
    name: 'things.publish',
    input: () => ({ params: z.object({ id: z.string().check(z.regex(/^[a-z]+$/)) }) }),
    async run({ params }) {
      if (params.id === 'refused') throw new RuleViolationError('nothing-to-publish', 'Nothing to publish.');
      return { id: params.id };
    },
    counts: 'publications',
  });
  return { counted, services, publish };
}

describe('business counts', () => {
  it('counts a write once when it succeeds, and nothing for a refusal, a malformed request or a write over the limit', async () => {
    const { counted, services, publish } = world(3);
    const run = (id: string) => runCommand(publish, { services, identity: ana, params: { id } });
    await run('lathe');
    expect(counted).toEqual(['publications']);
    await expect(run('refused')).rejects.toBeInstanceOf(RuleViolationError);
    await expect(run('NOT-AN-ID')).rejects.toBeInstanceOf(RequestShapeError);
    await expect(run('kiln')).rejects.toBeInstanceOf(RateLimitedError);
    expect(counted).toEqual(['publications']);
  });

  it('counts nothing for a retry given the first answer again', async () => {
    const { counted, services, publish } = world();
    const request = { services, identity: ana, params: { id: 'lathe' }, idempotencyKey: 'k-1' };
    expect((await runCommand(publish, request)).replayed).toBe(false);
    expect((await runCommand(publish, request)).replayed).toBe(true);
    expect(counted).toEqual(['publications']);
  });

  it('counts what a run reports it did, only once the run has succeeded', async () => {
    const { counted, services } = world();
    const apply = command({
      name: 'things.apply',
      input: () => ({ body: z.strictObject({ fresh: z.boolean(), fails: z.boolean() }) }),
      async run({ services: scoped, body }) {
        if (body.fresh) scoped.count('applications');
        if (body.fails) throw new RuleViolationError('opening-not-open', 'Closed meanwhile.');
        return {};
      },
    });
    const run = (body: { fresh: boolean; fails: boolean }) => runCommand(apply, { services, identity: ana, body });
    await run({ fresh: true, fails: false });
    await run({ fresh: false, fails: false });
    await expect(run({ fresh: true, fails: true })).rejects.toBeInstanceOf(RuleViolationError);
    expect(counted).toEqual(['applications']);
  });

  it('counts each event a write names when it is several at once', async () => {
    const { counted, services } = world();
    const settle = command({
      name: 'things.settle',
      async run() {
        return { paid: 2 };
      },
      counts: ({ output }) => ['settlements', ...Array.from({ length: output.paid }, () => 'payments' as const)],
    });
    await runCommand(settle, { services, identity: ana });
    expect(counted).toEqual(['settlements', 'payments', 'payments']);
  });

  it('names the business event each of the counted writes is, from what it did', () => {
    const countOf = (counts: unknown, done: { output?: unknown; body?: unknown }) =>
      (typeof counts === 'function' ? counts({ output: undefined, ...done }) : counts) as
        | BusinessCount
        | BusinessCount[]
        | undefined;
    const settledNow = (...amounts: bigint[]) => ({
      settledNow: true,
      report: { settlement: { inventorParts: amounts.map((amount, i) => ({ personId: `p${i}`, amount })) } },
    });
    const cases: Array<
      [string, unknown, { output?: unknown; body?: unknown }, BusinessCount | BusinessCount[] | undefined]
    > = [
      ['an accepted offer is a fill', answerOfferCommand.counts, { body: { answer: 'accept' } }, 'fills'],
      ['a declined one is not', answerOfferCommand.counts, { body: { answer: 'decline' } }, undefined],
      [
        'a settlement made now, and a payment to each inventor it paid',
        settleCommand.counts,
        { output: settledNow(30n, 20n) },
        ['settlements', 'payments', 'payments'],
      ],
      [
        'no payment for a share that rounds to nothing',
        settleCommand.counts,
        { output: settledNow(1n, 0n) },
        ['settlements', 'payments'],
      ],
      ['a report settled before, answered again', settleCommand.counts, { output: { settledNow: false } }, undefined],
      ['a passed quiz', submitQuizCommand.counts, { output: { grade: { passed: true } } }, 'quizPasses'],
      ['a failed quiz', submitQuizCommand.counts, { output: { grade: { passed: false } } }, undefined],
      ['a publication', publishCommand.counts, {}, 'publications'],
      ['a credit grant to a person', grantPersonCreditCommand.counts, {}, 'creditGrants'],
      ['a credit grant to a syndicate', grantSyndicateCreditCommand.counts, {}, 'creditGrants'],
    ];
    for (const [what, counts, done, expected] of cases) expect(countOf(counts, done), what).toEqual(expected);
  });
});
