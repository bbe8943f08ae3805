// Why a photo sent as evidence of practical work is refused (learning/evidence-image.ts), in each
// language: the practical-work page and the API (by Accept-Language) say it in the reader's. Kept apart
// from the site's catalogue, as assessor-refusals.ts is: practical-api bundles this file alone.
import { megabytes } from '../../people/cv.ts';
import { intlTags, type Locale } from '../locales.ts';
import { type PngDamage, pngDamageIn } from '../records/png-damage.ts';

export type EvidenceRefusal =
  | { key: 'empty' | 'jpeg-damaged' | 'not-a-photo'; values: Record<string, never> }
  | { key: 'too-large'; values: { most: number; size: number } }
  | { key: 'png-damaged'; values: { damage: PngDamage } };

type Sentences = {
  [K in EvidenceRefusal['key']]: (values: Extract<EvidenceRefusal, { key: K }>['values']) => string;
};

/** Bytes as megabytes in the reader's numbers: "2,5 MB". */
const mb = (bytes: number, locale: Locale) =>
  `${new Intl.NumberFormat(intlTags[locale], { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;

const sentences: Record<Locale, Sentences> = {
  en: {
    empty: () => 'The file is empty: choose a photo (JPEG or PNG).',
    'too-large': ({ most, size }) =>
      `A photo may be at most ${megabytes(most)}; this one is ${megabytes(size)}. Save it smaller and try again.`,
    'png-damaged': ({ damage }) => `This PNG is damaged (${pngDamageIn(damage, 'en')}); save it again.`,
    'jpeg-damaged': () => 'This JPEG is damaged; save it again.',
    'not-a-photo': () =>
      'Only a photo can be evidence, and this file is not a JPEG or a PNG. Save it as one and try again.',
  },
  es: {
    empty: () => 'El archivo está vacío: elige una foto (JPEG o PNG).',
    'too-large': ({ most, size }) =>
      `Una foto puede ocupar como máximo ${mb(most, 'es')}, y esta ocupa ${mb(size, 'es')}. Guárdala con menos tamaño y vuelve a intentarlo.`,
    'png-damaged': ({ damage }) => `Este PNG está dañado (${pngDamageIn(damage, 'es')}); vuelve a guardarlo.`,
    'jpeg-damaged': () => 'Este JPEG está dañado; vuelve a guardarlo.',
    'not-a-photo': () =>
      'Solo una foto puede servir de prueba, y este archivo no es ni JPEG ni PNG. Guárdalo en uno de esos formatos y vuelve a intentarlo.',
  },
  nl: {
    empty: () => 'Het bestand is leeg: kies een foto (JPEG of PNG).',
    'too-large': ({ most, size }) =>
      `Een foto mag hoogstens ${mb(most, 'nl')} zijn, en deze is ${mb(size, 'nl')}. Sla hem kleiner op en probeer het opnieuw.`,
    'png-damaged': ({ damage }) => `Deze PNG is beschadigd (${pngDamageIn(damage, 'nl')}); sla hem opnieuw op.`,
    'jpeg-damaged': () => 'Deze JPEG is beschadigd; sla hem opnieuw op.',
    'not-a-photo': () =>
      'Alleen een foto kan als bewijs dienen, en dit bestand is geen JPEG of PNG. Sla het in een van die formaten op en probeer het opnieuw.',
  },
};

/** The refusal in `locale`: English is the sentence the upload has always answered. */
export function evidenceRefusalIn(refusal: EvidenceRefusal, locale: Locale): string {
  const say = sentences[locale][refusal.key] as (values: EvidenceRefusal['values']) => string;
  return say(refusal.values);
}
