// A credit policy as a person proposes it: the schema of its body and the rules it must keep before it
// can go to a vote, each refusal naming its field. Apart from the rule payments check (credit-policy.ts),
// so a bundle that only pays carries none of it.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import type { FieldIssue } from '../errors.ts';
import { policyWords } from '../i18n/economy/credit-refusals.ts';
import type { CreditPolicy } from './credit-policy.ts';

/** A policy stays short enough to read on a phone: a handful of steps is all history needs. */
export const maxTiers = 12;
/** Fifty years: a tier further out than that could never be earned by anyone living. */
export const maxTierMonths = 600;

const monthsMessage = `Give the months as a whole number from 1 to ${maxTierMonths}.`;
const creditMessage =
  'Give the credit as an amount of Bound, zero or more (in the API, whole minor units: 5000 for 50.00).';

/** Credit in minor units, zero or more, as a JSON integer or a string of digits; one message for any mistake. */
const creditField = () => {
  const error = { error: creditMessage };
  return z.pipe(
    z.union(
      [
        z.number(error).check(z.int(error), z.minimum(0, error), z.maximum(Number.MAX_SAFE_INTEGER, error)),
        z.string(error).check(z.regex(/^(0|[1-9]\d{0,14})$/, error)),
      ],
      error,
    ),
    z.transform((value) => BigInt(value)),
  );
};

export const creditPolicySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    defaultCredit: creditField(),
    tiers: z._default(
      z
        .array(
          z.strictObject({
            months: z
              .number({ error: monthsMessage })
              // The checks take the number's message: one sentence for any mistake in the months.
              .check(z.int(), z.minimum(1), z.maximum(maxTierMonths)),
            credit: creditField(),
          }),
          { error: 'Give the tiers as a list of { months, credit }.' },
        )
        .check(z.maxLength(maxTiers, { error: `A policy has at most ${maxTiers} tiers.` })),
      [],
    ),
  }),
);

/**
 * What a person must fix before a policy can be proposed, each naming its field under `prefix`: credit
 * above `max`, and tiers out of order (each after more months than the last, and giving more credit than
 * the default and the tier before it, or it could never be the one an account earns).
 */
export function policyIssues(policy: CreditPolicy, max: bigint, prefix = 'body.change'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const tooMuch = policyWords({ key: 'too-much', values: { most: max } });
  if (policy.defaultCredit > max) issues.push({ field: `${prefix}.defaultCredit`, ...tooMuch });
  let before = { months: 0, credit: policy.defaultCredit };
  policy.tiers.forEach((tier, index) => {
    const field = `${prefix}.tiers.${index}`;
    if (tier.months <= before.months) {
      issues.push({ field: `${field}.months`, ...policyWords({ key: 'months-order', values: {} }) });
    }
    if (tier.credit > max) issues.push({ field: `${field}.credit`, ...tooMuch });
    else if (tier.credit <= before.credit) {
      issues.push({ field: `${field}.credit`, ...policyWords({ key: 'credit-order', values: {} }) });
    }
    before = tier;
  });
  return issues;
}
