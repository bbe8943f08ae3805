// A ledger refusal file's tables (payment-refusals.ts, credit-refusals.ts, shares-refusals.ts): each
// language's sentence for each key, and the words a DomainError or a field issue takes from them.
import { boundNumber } from '../format.ts';
import type { Locale } from '../locales.ts';

export type Refusal = { key: string; values: object };

/** Each key's sentence in one language, from its values. */
export type Sentences<R extends Refusal> = {
  [K in R['key']]: (values: Extract<R, { key: K }>['values']) => string;
};

/** The refusal's English (`message`) and its words in each language (`wordsIn`), from one table. */
export const wordsOf =
  <R extends Refusal>(table: Record<Locale, Sentences<R>>) =>
  (refusal: R) => {
    const say = (locale: Locale) =>
      (table[locale][refusal.key as R['key']] as (values: object) => string)(refusal.values);
    return { message: say('en'), wordsIn: say };
  };

/** Minor units as the economy page writes Bound (format.ts `boundNumber`): "−1.234,50 Bound". */
export const boundIn = (minor: bigint, locale: Locale) => `${boundNumber(minor, locale)} Bound`;

/** The words as an error's arguments: its English message, and options carrying `wordsIn`. */
export const errorArgs = <W extends { message: string }>(words: W) => [words.message, words] as const;
