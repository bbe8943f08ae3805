// One message catalogue for the site, the API and the emails. English is the source; each part's
// translation is declared `MessagesOf` its English (messages.ts), so it fails `tsc` when it lacks a key, has
// one English does not, or gives a function where English gives text (and the other way round). The
// core (en.ts, es.ts, nl.ts) and the areas (areas.ts) are joined here.
import { areasEn, areasEs, areasNl } from './areas.ts';
import { en as coreEn } from './en.ts';
import { es as coreEs } from './es.ts';
import type { Locale } from './locales.ts';
import type { MessagesOf } from './messages.ts';
import { nl as coreNl } from './nl.ts';

const en = { ...coreEn, ...areasEn };
export type Messages = MessagesOf<typeof en>;
const es: Messages = { ...coreEs, ...areasEs };
const nl: Messages = { ...coreNl, ...areasNl };
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
