// Splitting a whole amount between holders of shares, in integer minor units, so that the parts
// always add back to the whole: no unit is created or lost to rounding.
//
// Method (largest remainder, also called Hamilton's): each holder first gets the floor of its exact
// share; the few units left over (fewer than the number of holders) go one each to the holders with
// the largest remainders. Equal remainders go to the smaller id first, comparing ids by UTF-16 code
// units (not locale, which varies by machine). The result therefore depends only on the amounts and
// the id→share pairs, never on the order the shares are listed in.
import { type FieldIssue, ValidationError } from '../errors.ts';
import { type SharesRefusal, sharesWords } from '../i18n/economy/shares-refusals.ts';
import { errorArgs } from '../i18n/economy/refusal-table.ts';

/** A refusal that names no value, in the reader's language: a field issue's words. */
const issueWords = (key: Exclude<SharesRefusal['key'], 'basis-points' | 'repeats' | 'sum'>) =>
  sharesWords({ key, values: {} });

/** Basis points: hundredths of a percent. A whole is 10,000. */
export const WHOLE = 10_000;

export interface Share<Id extends string = string> {
  id: Id;
  basisPoints: number;
}

export interface Part<Id extends string = string> {
  id: Id;
  amount: bigint;
}

/**
 * Splits `total` (≥ 0) by `shares`, returning one part per share in the order given.
 * `field` names the shares in validation errors (`inventors`, say, rather than `shares`).
 */
export function splitByShares<Id extends string>(
  total: bigint,
  shares: readonly Share<Id>[],
  field = 'shares',
): Part<Id>[] {
  const issues = shareIssues(shares, field);
  if (total < 0n) issues.unshift({ field: 'total', message: 'Enter 0 or more.' });
  if (issues.length > 0) throw new ValidationError(issues, ...errorArgs(issueWords('shares-split')));

  return largestRemainder(total, shares, BigInt(WHOLE));
}

/**
 * Splits `total` (≥ 0) in proportion to `weights` (non-negative integers, not all zero, any sum), in
 * the order given: what a departing holder's share becomes when the others keep their proportions.
 * The same largest-remainder rule as splitByShares, so the parts always add back to `total`.
 */
export function splitInProportion<Id extends string>(total: bigint, weights: readonly Share<Id>[]): Part<Id>[] {
  const valid = weights.every((weight) => Number.isSafeInteger(weight.basisPoints) && weight.basisPoints >= 0);
  const sum = valid ? weights.reduce((acc, weight) => acc + BigInt(weight.basisPoints), 0n) : 0n;
  const issues: FieldIssue[] = [];
  if (sum === 0n) issues.push({ field: 'weights', ...issueWords('weights') });
  if (total < 0n) issues.push({ field: 'total', message: 'Enter 0 or more.' });
  if (issues.length > 0) throw new ValidationError(issues, ...errorArgs(issueWords('weights-split')));
  return largestRemainder(total, weights, sum);
}

function largestRemainder<Id extends string>(total: bigint, shares: readonly Share<Id>[], divisor: bigint) {
  const exact = shares.map((share) => total * BigInt(share.basisPoints));
  const amounts = exact.map((scaled) => scaled / divisor);
  let leftover = total - amounts.reduce((sum, amount) => sum + amount, 0n);

  const byRemainder = shares
    .map((share, index) => ({ id: share.id, index, remainder: (exact[index] as bigint) % divisor }))
    .sort((a, b) => compareBigDesc(a.remainder, b.remainder) || compareIds(a.id, b.id));
  // Remainders sum to leftover × divisor and each is below it, so more than `leftover` holders have a
  // non-zero remainder: a zero-weight holder never receives a leftover unit.
  for (const { index } of byRemainder) {
    if (leftover === 0n) break;
    amounts[index] = (amounts[index] as bigint) + 1n;
    leftover -= 1n;
  }
  return shares.map((share, index) => ({ id: share.id, amount: amounts[index] as bigint }));
}

/**
 * Equal shares for `ids`, summing to exactly 10,000. When 10,000 does not divide evenly, the
 * leftover basis points go one each to the smallest ids, so the same set of ids always gets the same
 * shares, in whatever order it is listed. Shares come back in the order given.
 */
export function equalShares<Id extends string>(ids: readonly Id[], field = 'ids'): Share<Id>[] {
  const issues: FieldIssue[] = [];
  if (ids.length === 0) issues.push({ field, ...issueWords('holder-needed') });
  issues.push(...duplicateIssues(ids, field));
  if (issues.length > 0) throw new ValidationError(issues, ...errorArgs(issueWords('equal-distinct')));

  const base = Math.floor(WHOLE / ids.length);
  const extra = WHOLE % ids.length;
  const favoured = new Set([...ids].sort(compareIds).slice(0, extra));
  return ids.map((id) => ({ id, basisPoints: base + (favoured.has(id) ? 1 : 0) }));
}

/** Every problem with a list of shares; empty when they are a valid division of a whole. */
export function shareIssues(shares: readonly Share[], field = 'shares'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (shares.length === 0) return [{ field, ...issueWords('holder-needed') }];
  let sum = 0;
  for (const [index, share] of shares.entries()) {
    if (!Number.isInteger(share.basisPoints) || share.basisPoints < 0 || share.basisPoints > WHOLE) {
      issues.push({
        field: `${field}[${index}].basisPoints`,
        ...sharesWords({ key: 'basis-points', values: { most: WHOLE } }),
      });
    } else {
      sum += share.basisPoints;
    }
  }
  issues.push(
    ...duplicateIssues(
      shares.map((share) => share.id),
      field,
      '.id',
    ),
  );
  if (issues.length === 0 && sum !== WHOLE) {
    issues.push({ field, ...sharesWords({ key: 'sum', values: { whole: WHOLE, sum } }) });
  }
  return issues;
}

function duplicateIssues(ids: readonly string[], field: string, suffix = ''): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const [index, id] of ids.entries()) {
    if (seen.has(id))
      issues.push({ field: `${field}[${index}]${suffix}`, ...sharesWords({ key: 'repeats', values: { id } }) });
    seen.add(id);
  }
  return issues;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBigDesc(a: bigint, b: bigint): number {
  return a > b ? -1 : a < b ? 1 : 0;
}
