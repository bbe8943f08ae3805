// A photo a learner sends as evidence of practical work. What is taken is decided from the bytes alone
// (the type a client claims is never trusted), as a CV's is: a JPEG or a PNG, at most 3 MB. A phone's
// photo carries where it was taken (EXIF GPS, XMP) and often the device and owner; an assessor needs
// none of it, so every metadata segment or chunk is removed before the file is stored, keeping only what
// draws the picture. Whitelists, not blacklists: a kind of metadata not known here is dropped too.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { decodePng, encodePng, isPng, PngFormatError } from '../credentials/png.ts';
import { PayloadTooLargeError, ValidationError } from '../errors.ts';
import { type EvidenceRefusal, evidenceRefusalIn } from '../i18n/learning/evidence-refusals.ts';
import { megabytes } from '../people/cv.ts';

/** 3 MB: a phone photo saved at a sensible size fits; a raw 48-megapixel one does not, and need not. */
export const maxImageBytes = 3 * 1024 * 1024;
/** The largest body the upload takes: the image in base64 (4 bytes for each 3) and the JSON around it. */
export const maxImageBodyBytes = Math.ceil(maxImageBytes / 3) * 4 + 1024;

export const imageUploadSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    image: z
      .string()
      .check(
        z.minLength(1, 'Send the image’s bytes in base64.'),
        z.maxLength(maxImageBodyBytes, `An image may be at most ${megabytes(maxImageBytes)}.`),
        z.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The image must be sent in base64 (A–Z, a–z, 0–9, + and /).'),
      ),
  }),
);

export interface CleanImage {
  bytes: Uint8Array;
  contentType: 'image/jpeg' | 'image/png';
}

/** A refusal of the image, in the reader's language where it is read (i18n/learning/evidence-refusals.ts). */
const refuse = (refusal: EvidenceRefusal) => {
  const message = evidenceRefusalIn(refusal, 'en');
  return new ValidationError(
    [{ field: 'body.image', message, wordsIn: (locale) => evidenceRefusalIn(refusal, locale) }],
    message,
  );
};
const refused = (key: 'empty' | 'jpeg-damaged' | 'not-a-photo') => refuse({ key, values: {} });

/** The image, stripped of its metadata, if the bytes are an acceptable JPEG or PNG; a refusal otherwise. */
export function cleanEvidenceImage(bytes: Uint8Array): CleanImage {
  if (bytes.length === 0) throw refused('empty');
  if (bytes.length > maxImageBytes) {
    const tooLarge: EvidenceRefusal = { key: 'too-large', values: { most: maxImageBytes, size: bytes.length } };
    throw new PayloadTooLargeError(maxImageBytes, evidenceRefusalIn(tooLarge, 'en'), {
      wordsIn: (locale) => evidenceRefusalIn(tooLarge, locale),
    });
  }
  if (isPng(bytes)) {
    try {
      return { bytes: stripPng(bytes), contentType: 'image/png' };
    } catch (error) {
      if (error instanceof PngFormatError) throw refuse({ key: 'png-damaged', values: { damage: error.damage } });
      throw error;
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return { bytes: stripJpeg(bytes), contentType: 'image/jpeg' };
  throw refused('not-a-photo');
}

/** PNG chunks that draw the picture or say how its colours read; every other chunk (text, eXIf, time) goes. */
const keptPngChunks = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'pHYs']);

export function stripPng(bytes: Uint8Array): Uint8Array {
  const chunks = decodePng(bytes);
  if (chunks[0]?.type !== 'IHDR' || !chunks.some((chunk) => chunk.type === 'IDAT'))
    throw new PngFormatError({ key: 'no-image' });
  return encodePng(chunks.filter((chunk) => keptPngChunks.has(chunk.type)));
}

/**
 * JPEG segments before the scan, kept: frame and tables (everything but APPn and comments), JFIF (APP0)
 * and Adobe (APP14, which says how the colours were transformed). APP1 (EXIF with GPS, XMP), APP13
 * (IPTC), the other APPn and COM go. The scan and what follows it are copied as they are.
 */
export function stripJpeg(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  for (;;) {
    if (at + 4 > bytes.length || bytes[at] !== 0xff) throw refused('jpeg-damaged');
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) throw refused('jpeg-damaged');
    if (marker === 0xda) {
      parts.push(bytes.subarray(at));
      break;
    }
    const application = marker >= 0xe0 && marker <= 0xef;
    const kept = application ? marker === 0xe0 || marker === 0xee : marker !== 0xfe;
    if (kept) parts.push(bytes.subarray(at, end));
    at = end;
  }
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * The headers an evidence photo leaves with: its own type, never sniffed into another, private (it is a
 * learner's work shown to their assessors), and a sandboxing policy so it cannot act as a page.
 */
export function evidenceImageHeaders(contentType: CleanImage['contentType']): Record<string, string> {
  return {
    'content-type': contentType,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
  };
}
