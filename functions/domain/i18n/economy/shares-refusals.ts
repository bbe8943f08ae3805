// Why shares cannot split an amount (ledger/shares.ts, royalty.ts, plan-settlement.ts), in each
// language: the record's and the settlement's pages and the API (by Accept-Language) say it in the reader's.
import type { Locale } from '../locales.ts';
import { type Sentences, wordsOf } from './refusal-table.ts';
import { countIn as number } from '../numbers.ts';

export type SharesRefusal =
  | {
      key:
        | 'shares-split'
        | 'weights'
        | 'weights-split'
        | 'equal-distinct'
        | 'royalty-split'
        | 'syndicate-account'
        | 'holder-needed';
      values: Record<string, never>;
    }
  | { key: 'basis-points'; values: { most: number } }
  | { key: 'sum'; values: { whole: number; sum: number } }
  | { key: 'repeats'; values: { id: string } };

const shares: Record<Locale, Sentences<SharesRefusal>> = {
  en: {
    'shares-split': () => 'The shares cannot split this amount.',
    weights: () => 'Give whole numbers, 0 or more, not all 0.',
    'weights-split': () => 'The weights cannot split this amount.',
    'equal-distinct': () => 'Equal shares need distinct holders.',
    'royalty-split': () => 'The royalty cannot be split.',
    'syndicate-account': () => 'Name a syndicate account.',
    'basis-points': ({ most }) => `Enter a whole number from 0 to ${most}.`,
    repeats: ({ id }) => `repeats the holder "${id}"`,
    'holder-needed': () => 'Name at least one holder.',
    sum: ({ whole, sum }) => `basis points must sum to ${whole}, not ${sum}`,
  },
  es: {
    'shares-split': () => 'Las participaciones no pueden repartir este importe.',
    weights: () => 'Indica números enteros, 0 o más, no todos 0.',
    'weights-split': () => 'Los pesos no pueden repartir este importe.',
    'equal-distinct': () => 'Las participaciones iguales necesitan titulares distintos.',
    'royalty-split': () => 'La regalía no se puede repartir.',
    'syndicate-account': () => 'Indica la cuenta de un colectivo.',
    'basis-points': ({ most }) => `Introduce un número entero de 0 a ${number(most, 'es')}.`,
    repeats: ({ id }) => `repite al titular «${id}»`,
    'holder-needed': () => 'Indica al menos un titular.',
    sum: ({ whole, sum }) => `los puntos básicos tienen que sumar ${number(whole, 'es')}, no ${number(sum, 'es')}`,
  },
  nl: {
    'shares-split': () => 'De aandelen kunnen dit bedrag niet verdelen.',
    weights: () => 'Geef hele getallen, 0 of meer, niet allemaal 0.',
    'weights-split': () => 'De gewichten kunnen dit bedrag niet verdelen.',
    'equal-distinct': () => 'Gelijke aandelen hebben verschillende houders nodig.',
    'royalty-split': () => 'De royalty kan niet worden verdeeld.',
    'syndicate-account': () => 'Noem de rekening van een collectief.',
    'basis-points': ({ most }) => `Vul een heel getal in van 0 tot ${number(most, 'nl')}.`,
    repeats: ({ id }) => `noemt houder ‘${id}’ opnieuw`,
    'holder-needed': () => 'Noem minstens één houder.',
    sum: ({ whole, sum }) => `de basispunten moeten samen ${number(whole, 'nl')} zijn, niet ${number(sum, 'nl')}`,
  },
};

export const sharesWords = /* @__PURE__ */ wordsOf(shares);
