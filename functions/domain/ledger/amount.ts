// Amounts of Bound as people and programs give them. The API takes minor units (hundredths of a
// Bound), as a JSON integer or a string of digits, like every other amount it answers with; a site form
// takes Bound as a person writes it ("12.50") and turns it into minor units before the command sees it.
// Both end in the same check, so a form can refuse nothing the API would take, and the reverse.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { formatBound } from '../innovations/statements.ts';

/** The most one payment may move: ten billion Bound, in minor units (the same bound as a credit grant). */
export const maxPayment = 1_000_000_000_000n;

const example = 'such as 1250 for 12.50 Bound';
/** The refusals, word for word: what a client is told, and what the tests hold the rule to. */
export const amountProblems = {
  notWhole: `Give the amount as whole minor units (hundredths of a Bound), ${example}.`,
  fraction: `Amounts are whole minor units (hundredths of a Bound), ${example}: a fraction of a minor unit cannot be paid.`,
  notPositive: 'The amount must be more than zero.',
  unsafe: 'Send an amount this large as a string of digits.',
  tooLarge: `One payment moves at most ${maxPayment} minor units (${formatBound(maxPayment)}).`,
};

/** What is wrong with an amount of minor units from a request, or undefined when it is a payable amount. */
export function minorUnitsProblem(value: unknown): string | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return amountProblems.notWhole;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return amountProblems.notWhole;
    if (!Number.isInteger(value)) return amountProblems.fraction;
    if (value <= 0) return amountProblems.notPositive;
    if (!Number.isSafeInteger(value)) return amountProblems.unsafe;
  } else {
    if (/^-?\d+\.\d*$/.test(value)) return amountProblems.fraction;
    if (!/^-?\d{1,40}$/.test(value)) return amountProblems.notWhole;
    if (BigInt(value) <= 0n) return amountProblems.notPositive;
  }
  return BigInt(value) > maxPayment ? amountProblems.tooLarge : undefined;
}

/** A payable amount in minor units: more than zero, whole, at most `maxPayment`; a JSON integer or digits. */
export const paymentAmountSchema = /* @__PURE__ */ lazySchema(() =>
  z.pipe(
    z.unknown().check(
      (ctx) => {
        const problem = minorUnitsProblem(ctx.value);
        if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
      },
      // What the OpenAPI document says it takes (a JSON integer; digits as a string are taken too).
      z.meta({ type: 'integer', minimum: 1, maximum: Number(maxPayment) }),
    ),
    z.transform((value) => BigInt(value as number | string)),
  ),
);

/**
 * Bound as a person types it (digits, optionally a point and one or two decimals: "12", "12.5",
 * "12.50") in minor units; or what is wrong with it, as a sentence for the form. Zero passes here, so
 * the command refuses it as it refuses it from the API.
 */
export function boundFromText(input: string): { minor: bigint } | { problem: string } {
  const text = input.trim();
  if (text === '') return { problem: boundTextProblems.empty };
  if (/^-/.test(text)) return { problem: amountProblems.notPositive };
  if (/^\d+\.\d{3,}$/.test(text)) return { problem: boundTextProblems.decimals };
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(text)) return { problem: boundTextProblems.unreadable };
  const point = text.indexOf('.');
  const whole = point < 0 ? text : text.slice(0, point);
  const cents = point < 0 ? '' : text.slice(point + 1);
  return { minor: BigInt(whole) * 100n + BigInt(cents.padEnd(2, '0')) };
}

/** The form's own refusals of what a person typed, word for word. */
export const boundTextProblems = {
  empty: 'Give an amount in Bound, such as 12.50.',
  decimals: 'Bound has two decimal places: give at most two digits after the point, such as 12.50.',
  unreadable: 'Give an amount in Bound using digits and a point, such as 12.50.',
};
