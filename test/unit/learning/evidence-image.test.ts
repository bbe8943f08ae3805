// Evidence photos: taken from their bytes alone, size-limited, and stripped of where they were taken.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePng, encodePng } from '#domain/credentials/png.ts';
import { PayloadTooLargeError, ValidationError } from '#domain/errors.ts';
import { cleanEvidenceImage, maxImageBytes } from '#domain/learning/evidence-image.ts';

const ascii = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
/** A JPEG segment: marker, two-byte length (counting itself), payload. */
const segment = (marker: number, payload: Uint8Array) =>
  concat(Uint8Array.of(0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff), payload);

const gps = ascii('Exif\0\0GPSLatitude 51.5072 N GPSLongitude 0.1276 W');
const jpeg = (...segments: Uint8Array[]) =>
  concat(
    Uint8Array.of(0xff, 0xd8),
    ...segments,
    segment(0xdb, new Uint8Array(65)), // quantisation table
    segment(0xc0, Uint8Array.of(8, 0, 1, 0, 1, 1, 1, 0x11, 0)), // frame
    segment(0xda, Uint8Array.of(1, 1, 0, 0, 63, 0)), // scan header
    Uint8Array.of(0x12, 0x34, 0xff, 0xd9), // entropy-coded data, end of image
  );
const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text));

const png = (...extra: Array<{ type: string; data: Uint8Array }>) =>
  encodePng([
    { type: 'IHDR', data: Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0) },
    ...extra,
    { type: 'IDAT', data: deflateSync(Uint8Array.of(0, 0)) },
    { type: 'IEND', data: new Uint8Array(0) },
  ]);

describe('an evidence photo', () => {
  it('loses a JPEG’s EXIF (with its GPS position), XMP and comments, and keeps the picture', () => {
    const xmp = ascii('http://ns.adobe.com/xap/1.0/\0<exif:GPSLatitude>51.5</exif:GPSLatitude>');
    const original = jpeg(
      segment(0xe0, ascii('JFIF\0')),
      segment(0xe1, gps),
      segment(0xe1, xmp),
      segment(0xfe, ascii('taken at home')),
    );
    const { bytes, contentType } = cleanEvidenceImage(original);
    expect(contentType).toBe('image/jpeg');
    expect(contains(original, 'GPSLatitude')).toBe(true);
    for (const gone of ['GPSLatitude', 'Exif', 'taken at home']) expect(contains(bytes, gone)).toBe(false);
    expect(contains(bytes, 'JFIF')).toBe(true);
    // Everything from the scan on is the picture itself, byte for byte.
    expect(Buffer.from(bytes.subarray(-10))).toEqual(Buffer.from(original.subarray(-10)));
  });

  it('loses a PNG’s text, eXIf and time chunks, and keeps the chunks that draw it', () => {
    const original = png(
      { type: 'eXIf', data: gps },
      { type: 'tEXt', data: ascii('Location\0Hackney') },
      { type: 'tIME', data: new Uint8Array(7) },
      { type: 'pHYs', data: new Uint8Array(9) },
    );
    const { bytes, contentType } = cleanEvidenceImage(original);
    expect(contentType).toBe('image/png');
    expect(decodePng(bytes).map((chunk) => chunk.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
  });

  it('refuses a file that is neither a JPEG nor a PNG, whatever it is called, naming the field', () => {
    const refusal = (() => {
      try {
        cleanEvidenceImage(ascii('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).issues).toMatchObject([
      { field: 'body.image', message: expect.stringContaining('not a JPEG or a PNG') },
    ]);
  });

  it('refuses a damaged JPEG rather than store what it cannot read', () => {
    expect(() => cleanEvidenceImage(Uint8Array.of(0xff, 0xd8, 0xff, 0xe1, 0x40, 0x00, 1, 2))).toThrow(ValidationError);
  });

  it('refuses an empty file and a file over the size limit, saying the limit', () => {
    expect(() => cleanEvidenceImage(new Uint8Array(0))).toThrow(ValidationError);
    const big = new Uint8Array(maxImageBytes + 1);
    big.set([0xff, 0xd8]);
    expect(() => cleanEvidenceImage(big)).toThrow(PayloadTooLargeError);
    expect(() => cleanEvidenceImage(big)).toThrow(/at most 3 MB/);
  });
});
