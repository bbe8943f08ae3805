// Why an innovation record's draft content or a plan's people are refused (innovations/innovation.ts's
// shares and commons ids, adoption-plan.ts's implementers), in each language: the record's and the
// proposal's pages and the API (by Accept-Language) say it in the reader's. Apart from record-refusals.ts
// because decisions-api runs these rules too (an adoption's implementers) and bundles only this file.
import type { Locale } from '../locales.ts';

export type DraftRefusal =
  | { key: 'shares-whole' | 'share-everyone' | 'not-active-member'; values: Record<string, never> }
  | { key: 'unknown-practice' | 'unknown-skill'; values: { id: string } };

type Sentences = {
  [K in DraftRefusal['key']]: (values: Extract<DraftRefusal, { key: K }>['values']) => string;
};

const sentences: Record<Locale, Sentences> = {
  en: {
    'shares-whole': () => 'The shares do not divide a whole.',
    'share-everyone': () => 'give a share for everyone, or for no one (equal shares)',
    'not-active-member': () => 'is not an active member of the syndicate',
    'unknown-practice': ({ id }) => `unknown practice guide "${id}"`,
    'unknown-skill': ({ id }) => `unknown skill "${id}"`,
  },
  es: {
    'shares-whole': () => 'Las participaciones no suman un todo.',
    'share-everyone': () => 'da una participación a cada persona, o a ninguna (participaciones iguales)',
    'not-active-member': () => 'no es miembro activo del colectivo',
    'unknown-practice': ({ id }) => `no hay ninguna guía práctica "${id}"`,
    'unknown-skill': ({ id }) => `no hay ninguna competencia "${id}"`,
  },
  nl: {
    'shares-whole': () => 'De aandelen vormen samen geen geheel.',
    'share-everyone': () => 'geef iedereen een aandeel, of niemand (gelijke aandelen)',
    'not-active-member': () => 'is geen actief lid van het collectief',
    'unknown-practice': ({ id }) => `er is geen praktijkgids "${id}"`,
    'unknown-skill': ({ id }) => `er is geen vaardigheid "${id}"`,
  },
};

/** The refusal in `locale`: English is the sentence the rules write. */
export function draftRefusalIn(refusal: DraftRefusal, locale: Locale): string {
  const say = sentences[locale][refusal.key] as (values: DraftRefusal['values']) => string;
  return say(refusal.values);
}

/** The refusal's English and its words, as a field issue or (spread) an error's options take them. */
export const draftWords = (refusal: DraftRefusal) => ({
  message: draftRefusalIn(refusal, 'en'),
  wordsIn: (locale: Locale) => draftRefusalIn(refusal, locale),
});
