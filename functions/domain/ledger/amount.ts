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

/** What is wrong with an amount of minor units from a request, or undefined when it is a payable amount. */
export function minorUnitsProblem(value: unknown): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `Give the amount as whole minor units (hundredths of a Bound), ${example}.`;
    if (!Number.isInteger(value)) {
      return `Amounts are whole minor units (hundredths of a Bound), ${example}: a fraction of a minor unit cannot be paid.`;
    }
    if (value <= 0) return 'The amount must be more than zero.';
    if (!Number.isSafeInteger(value)) return 'Send an amount this large as a string of digits.';
  } else if (typeof value === 'string') {
    if (/^-?\d+\.\d*$/.test(value)) {
      return `Amounts are whole minor units (hundredths of a Bound), ${example}: a fraction of a minor unit cannot be paid.`;
    }
    if (!/^-?\d{1,40}$/.test(value)) return `Give the amount as whole minor units (hundredths of a Bound), ${example}.`;
    if (BigInt(value) <= 0n) return 'The amount must be more than zero.';
  } else {
    return `Give the amount as whole minor units (hundredths of a Bound), ${example}.`;
  }
  if (BigInt(value) > maxPayment) {
    return `One payment moves at most ${maxPayment} minor units (${formatBound(maxPayment)}).`;
  }
  return undefined;
}

/** A payable amount in minor units: more than zero, whole, at most `maxPayment`; a JSON integer or digits. */
export const paymentAmountSchema = lazySchema(() =>
  z.pipe(
    z.unknown().check((ctx) => {
      const problem = minorUnitsProblem(ctx.value);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
    }),
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
  if (text === '') return { problem: 'Give an amount in Bound, such as 12.50.' };
  if (/^-/.test(text)) return { problem: 'The amount must be more than zero.' };
  if (/^\d+\.\d{3,}$/.test(text)) {
    return { problem: 'Bound has two decimal places: give at most two digits after the point, such as 12.50.' };
  }
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return { problem: 'Give an amount in Bound using digits and a point, such as 12.50.' };
  return { minor: BigInt(match[1] ?? '0') * 100n + BigInt((match[2] ?? '').padEnd(2, '0')) };
}
