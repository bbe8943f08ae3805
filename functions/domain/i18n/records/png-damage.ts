// What is wrong with a PNG that cannot be read (credentials/png.ts `PngFormatError`), in each language:
// the verifier's "this PNG image cannot be read: …" and the practical-work evidence upload's refusal say
// it in the reader's. Kept apart from the site's catalogue, as verification-reasons.ts is: the functions
// that read PNGs (learning-api, practical-api) bundle it alone.
import type { Locale } from '../locales.ts';

/** Where the PNG breaks; `type` is the chunk's four letters where one is named. */
export type PngDamage =
  | {
      key:
        | 'no-signature'
        | 'ends-inside-chunk'
        | 'chunk-past-end'
        | 'bad-type'
        | 'no-end'
        | 'no-image'
        | 'credential-malformed'
        | 'credential-unreadable';
      type?: undefined;
    }
  | { key: 'bad-checksum' | 'bad-type-name'; type: string };

type Sentences = Record<PngDamage['key'], (type: string) => string>;

const sentences: Record<Locale, Sentences> = {
  en: {
    'no-signature': () => 'the file does not start with the PNG signature',
    'ends-inside-chunk': () => 'the PNG ends inside a chunk',
    'chunk-past-end': () => 'a PNG chunk runs past the end of the file',
    'bad-type': () => 'a PNG chunk has no valid type',
    'bad-checksum': (type) => `the PNG's ${type} chunk is damaged (its checksum does not match)`,
    'no-end': () => 'the PNG has no end chunk (IEND)',
    'no-image': () => 'it has no image header or no image data',
    'bad-type-name': (type) => `a chunk type has four letters, not "${type}"`,
    'credential-malformed': () => 'the openbadgecredential chunk is malformed',
    'credential-unreadable': () => 'the openbadgecredential chunk cannot be read as text',
  },
  es: {
    'no-signature': () => 'el archivo no empieza con la firma de un PNG',
    'ends-inside-chunk': () => 'el PNG se corta en medio de un bloque',
    'chunk-past-end': () => 'un bloque del PNG va más allá del final del archivo',
    'bad-type': () => 'un bloque del PNG no tiene un tipo válido',
    'bad-checksum': (type) => `el bloque ${type} del PNG está dañado (su suma de comprobación no coincide)`,
    'no-end': () => 'al PNG le falta el bloque final (IEND)',
    'no-image': () => 'le falta la cabecera de la imagen o los datos de la imagen',
    'bad-type-name': (type) => `el tipo de un bloque tiene cuatro letras, no «${type}»`,
    'credential-malformed': () => 'el bloque openbadgecredential está mal formado',
    'credential-unreadable': () => 'el bloque openbadgecredential no se puede leer como texto',
  },
  nl: {
    'no-signature': () => 'het bestand begint niet met de PNG-handtekening',
    'ends-inside-chunk': () => 'de PNG houdt midden in een blok op',
    'chunk-past-end': () => 'een blok van de PNG loopt door voorbij het einde van het bestand',
    'bad-type': () => 'een blok van de PNG heeft geen geldig type',
    'bad-checksum': (type) => `het ${type}-blok van de PNG is beschadigd (de controlesom klopt niet)`,
    'no-end': () => 'de PNG heeft geen eindblok (IEND)',
    'no-image': () => 'er ontbreekt een afbeeldingskop of afbeeldingsdata',
    'bad-type-name': (type) => `een bloktype heeft vier letters, niet „${type}”`,
    'credential-malformed': () => 'het openbadgecredential-blok is misvormd',
    'credential-unreadable': () => 'het openbadgecredential-blok is niet als tekst te lezen',
  },
};

/** The damage in `locale`; in English, the words the PNG reader has always used. */
export const pngDamageIn = (damage: PngDamage, locale: Locale): string =>
  sentences[locale][damage.key](damage.type ?? '');
