// Why a read of the registry log (innovations/registry-log-use-cases.ts: a head, a proof, an audit's
// window) or a credit limit (ledger-use-cases.ts) is refused, in each language: the API (by
// Accept-Language) says it in the reader's. Kept apart from the site's catalogue: ledger-api, which
// carries these reads, bundles this file alone.
import type { Locale } from '../locales.ts';
import { countIn as count } from '../numbers.ts';

export type RegistryRefusal =
  | { key: 'first-size' | 'limit-positive'; values: Record<string, never> }
  | {
      key: 'size-range' | 'leaf-below' | 'from-most';
      values: { size: number };
    };

type Sentences = {
  [K in RegistryRefusal['key']]: (values: Extract<RegistryRefusal, { key: K }>['values']) => string;
};

/** A size as the reader's language groups its digits. */

const sentences: Record<Locale, Sentences> = {
  en: {
    'size-range': ({ size }) => `Enter a size from 1 to the log's size, ${size}.`,
    'leaf-below': ({ size }) => `Enter a leaf index below the tree size, ${size}.`,
    'first-size': () => 'Enter a first size no larger than the second.',
    'from-most': ({ size }) => `Enter at most the log's size, ${size}.`,
    'limit-positive': () => 'Enter 0 or a negative number: the lowest balance allowed.',
  },
  es: {
    'size-range': ({ size }) => `Introduce un tamaño de 1 al del registro público, ${count(size, 'es')}.`,
    'leaf-below': ({ size }) => `Introduce un índice de hoja menor que el tamaño del árbol, ${count(size, 'es')}.`,
    'first-size': () => 'Introduce un primer tamaño que no sea mayor que el segundo.',
    'from-most': ({ size }) => `Introduce como máximo el tamaño del registro público, ${count(size, 'es')}.`,
    'limit-positive': () => 'Introduce 0 o un número negativo: el saldo más bajo permitido.',
  },
  nl: {
    'size-range': ({ size }) => `Vul een grootte in van 1 tot die van het openbare register, ${count(size, 'nl')}.`,
    'leaf-below': ({ size }) => `Vul een bladindex in die kleiner is dan de grootte van de boom, ${count(size, 'nl')}.`,
    'first-size': () => 'Vul een eerste grootte in die niet groter is dan de tweede.',
    'from-most': ({ size }) => `Vul hoogstens de grootte van het openbare register in, ${count(size, 'nl')}.`,
    'limit-positive': () => 'Vul 0 of een negatief getal in: het laagste toegestane saldo.',
  },
};

/** The refusal in `locale`: English is the sentence the rules write. */
export function registryRefusalIn(refusal: RegistryRefusal, locale: Locale): string {
  const say = sentences[locale][refusal.key] as (values: RegistryRefusal['values']) => string;
  return say(refusal.values);
}

/** The refusal's English and its words, as a field issue takes them (spread beside its `field`). */
export const registryWords = (refusal: RegistryRefusal) => ({
  message: registryRefusalIn(refusal, 'en'),
  wordsIn: (locale: Locale) => registryRefusalIn(refusal, locale),
});
