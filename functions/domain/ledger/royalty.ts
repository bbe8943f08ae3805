// The royalty rule for an adopted innovation: of the value V the adopting syndicate confirms, half goes
// to the inventors (by their agreed shares) and half stays with the implementers, who did the work of
// putting the idea to use.
//
// Odd V: the inventors' half is floor(V / 2) and the implementers keep the rest, ceil(V / 2). The
// unit goes to the implementers because they hold it already: the inventors' half is a transfer out of
// the syndicate, and rounding it down never moves a unit nobody agreed to. Parts always sum to V.
import { ValidationError } from '../errors.ts';
import { errorArgs } from '../i18n/economy/refusal-table.ts';
import { sharesWords } from '../i18n/economy/shares-refusals.ts';
import { type Part, type Share, shareIssues, splitByShares } from './shares.ts';

export interface RoyaltySplit<Id extends string = string> {
  /** One part per inventor, in the order the shares were given; zero parts included. */
  inventors: Part<Id>[];
  /** floor(V / 2): the sum of `inventors`. */
  inventorsTotal: bigint;
  /** ceil(V / 2): what stays with the implementers. */
  implementers: bigint;
}

export function royaltySplit<Id extends string>(value: bigint, inventors: readonly Share<Id>[]): RoyaltySplit<Id> {
  const issues = shareIssues(inventors, 'inventors');
  if (value < 0n) issues.unshift({ field: 'value', message: 'Enter 0 or more.' });
  if (issues.length > 0) {
    throw new ValidationError(issues, ...errorArgs(sharesWords({ key: 'royalty-split', values: {} })));
  }
  const inventorsTotal = value / 2n; // bigint division truncates, which is floor for V ≥ 0
  return {
    // Stryker disable next-line StringLiteral: the shares were checked above under this name, so this split never names them
    inventors: splitByShares(inventorsTotal, inventors, 'inventors'),
    inventorsTotal,
    implementers: value - inventorsTotal,
  };
}
