// An unreadable PNG in the reader's language: where the file breaks (credentials/png.ts) said by the
// verifier and by the evidence upload in English, Spanish and Dutch, the chunk it names kept as it is.
import { describe, expect, it } from 'vitest';
import { decodePng, encodePng, PngFormatError } from '#domain/credentials/png.ts';
import { ValidationError } from '#domain/errors.ts';
import { evidenceRefusalIn } from '#domain/i18n/learning/evidence-refusals.ts';
import { locales } from '#domain/i18n/locales.ts';
import { type PngDamage, pngDamageIn } from '#domain/i18n/records/png-damage.ts';
import { verificationReasonIn } from '#domain/i18n/records/verification-reasons.ts';
import { issuesIn } from '#domain/i18n/translate-plain.ts';
import { cleanEvidenceImage } from '#domain/learning/evidence-image.ts';
import { thrown } from '../../support/thrown.ts';

const png = encodePng([
  { type: 'IHDR', data: Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0) },
  { type: 'IEND', data: new Uint8Array(0) },
]);
/** The IHDR chunk's last CRC byte flipped. */
const badChecksum = () => {
  const bytes = png.slice();
  bytes[8 + 12 + 13 - 1] = (bytes[8 + 12 + 13 - 1] ?? 0) ^ 0xff;
  return bytes;
};

const every: PngDamage[] = [
  { key: 'no-signature' },
  { key: 'ends-inside-chunk' },
  { key: 'chunk-past-end' },
  { key: 'bad-type' },
  { key: 'no-end' },
  { key: 'no-image' },
  { key: 'credential-malformed' },
  { key: 'credential-unreadable' },
  { key: 'bad-checksum', type: 'IHDR' },
  { key: 'bad-type-name', type: 'abc' },
];

describe('an unreadable PNG in words', () => {
  it('says each way a PNG breaks in each language, its own words, naming the chunk', () => {
    for (const damage of every) {
      const words = locales.map((locale) => pngDamageIn(damage, locale));
      expect(new Set(words).size).toBe(locales.length);
      for (const sentence of words) {
        expect(sentence).not.toMatch(/undefined/);
        if (damage.type) expect(sentence).toContain(damage.type);
      }
    }
  });

  it('keeps the damage on the error, its English as the message', () => {
    const error = thrown(() => decodePng(badChecksum()), PngFormatError);
    expect(error.damage).toEqual({ key: 'bad-checksum', type: 'IHDR' });
    expect(error.message).toBe("the PNG's IHDR chunk is damaged (its checksum does not match)");
  });

  it('tells the verifier’s reader what is wrong in Spanish and Dutch, not only that it is damaged', () => {
    const said = {
      key: 'not-a-credential' as const,
      values: { why: 'png-unreadable' as const, detail: { key: 'bad-checksum' as const, type: 'IHDR' } },
    };
    expect(verificationReasonIn(said, 'es')).toBe(
      'Esto no es una credencial: esta imagen PNG no se puede leer: el bloque IHDR del PNG está dañado (su suma de comprobación no coincide).',
    );
    expect(verificationReasonIn(said, 'nl')).toContain(
      'deze PNG-afbeelding is niet te lezen: het IHDR-blok van de PNG is beschadigd (de controlesom klopt niet).',
    );
  });

  it('refuses a damaged evidence photo in the reader’s language, naming what broke', () => {
    const error = thrown(() => cleanEvidenceImage(badChecksum()), ValidationError);
    expect(error.message).toBe(
      "This PNG is damaged (the PNG's IHDR chunk is damaged (its checksum does not match)); save it again.",
    );
    expect(issuesIn(error.issues, 'es')).toEqual([
      {
        field: 'body.image',
        message:
          'Este PNG está dañado (el bloque IHDR del PNG está dañado (su suma de comprobación no coincide)); vuelve a guardarlo.',
      },
    ]);
    expect(issuesIn(error.issues, 'nl')[0]?.message).toMatch(/^Deze PNG is beschadigd \(het IHDR-blok/);
  });

  it('says every evidence refusal in each language, the sizes in the reader’s numbers', () => {
    const tooLarge = { key: 'too-large' as const, values: { most: 3 * 1024 * 1024, size: 3.5 * 1024 * 1024 } };
    expect(evidenceRefusalIn(tooLarge, 'en')).toBe(
      'A photo may be at most 3 MB; this one is 3.5 MB. Save it smaller and try again.',
    );
    expect(evidenceRefusalIn(tooLarge, 'es')).toContain('como máximo 3 MB, y esta ocupa 3,5 MB');
    expect(evidenceRefusalIn(tooLarge, 'nl')).toContain('hoogstens 3 MB zijn, en deze is 3,5 MB');
    for (const key of ['empty', 'jpeg-damaged', 'not-a-photo'] as const) {
      const words = locales.map((locale) => evidenceRefusalIn({ key, values: {} }, locale));
      expect(new Set(words).size).toBe(locales.length);
    }
  });
});
