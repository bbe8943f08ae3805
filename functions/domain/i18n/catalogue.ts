// One message catalogue for the site, the API and the emails. English (en.ts) is the source; `Messages`
// is derived from it, so a translation declared `const es: Messages` fails `tsc` when it lacks a key,
// has one English does not, or gives a function where English gives text (and the other way round).
import { en } from './en.ts';
import { es } from './es.ts';
import type { Locale } from './locales.ts';
import { nl } from './nl.ts';

type Widen<T> = T extends (...args: infer A) => string ? (...args: A) => string : string;
export type Messages = { readonly [K in keyof typeof en]: Widen<(typeof en)[K]> };
export type MessageKey = keyof Messages;
type Args<K extends MessageKey> = Messages[K] extends (...args: infer A) => string ? A : [];

export const catalogue: Record<Locale, Messages> = { en, es, nl };

export type Translate = <K extends MessageKey>(key: K, ...args: Args<K>) => string;

/** The catalogue's words for one language: `t('jobs.total', 3, false)`. */
export function translator(locale: Locale): Translate {
  const messages = catalogue[locale];
  return (key, ...args) => {
    const message = messages[key] as string | ((...values: unknown[]) => string);
    return typeof message === 'function' ? message(...args) : message;
  };
}
