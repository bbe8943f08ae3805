// A CV is a PDF a person uploads to their profile. What is taken is decided here, from the bytes alone:
// the name and type a client sends are never trusted. A PDF can carry scripts, attached files and
// launch actions that run in a reader; none of that belongs in a CV that admins will open, so a PDF
// naming any of them is refused, in its plain text and inside its compressed streams.
import { constants, inflateSync } from 'node:zlib';
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { PayloadTooLargeError, ValidationError } from '../errors.ts';
import { type PeopleRefusal, peopleWords } from '../i18n/account/people-refusals.ts';

/** 2 MB: a CV of several pages with a photo fits; see cv-upload in README for why not more. */
export const maxCvBytes = 2 * 1024 * 1024;

/** The largest body `PUT /api/me/cv` takes: the CV in base64 (4 bytes for each 3) and the JSON around it. */
export const maxCvBodyBytes = Math.ceil(maxCvBytes / 3) * 4 + 1024;

/** What a CV's upload sends: the PDF's bytes in base64, since the API speaks JSON. */
export const cvUploadSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    pdf: z
      .string()
      .check(
        z.minLength(1, 'Send the PDF’s bytes in base64.'),
        z.maxLength(maxCvBodyBytes, `A CV may be at most ${megabytes(maxCvBytes)}.`),
        z.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The PDF must be sent in base64 (A–Z, a–z, 0–9, + and /).'),
      ),
  }),
);

/** What is kept about a person's CV beside the file itself. */
export interface CvRecord {
  personId: string;
  size: number;
  uploadedAt: string;
}

/** The names whose presence makes a PDF active content rather than a document. */
const activeNames = new Set(['JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'EmbeddedFiles']);

/** Inflated stream content checked in all, at most: a small PDF that inflates past it is a bomb. */
const maxInflatedBytes = 32 * 1024 * 1024;

/** A refusal of the file, in the reader's language where it is read (i18n/account/people-refusals.ts). */
const refuse = (refusal: PeopleRefusal) => {
  const { message, wordsIn } = peopleWords(refusal);
  return new ValidationError([{ field: 'body.pdf', message, wordsIn }], message, { wordsIn });
};

export function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MB`;
}

/** The uploaded bytes if they make an acceptable CV; a refusal that says why otherwise. */
export function checkCv(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 0) throw refuse({ key: 'cv-empty', values: {} });
  if (bytes.length > maxCvBytes) {
    const { message, wordsIn } = peopleWords({ key: 'cv-too-large', values: { most: maxCvBytes, size: bytes.length } });
    throw new PayloadTooLargeError(maxCvBytes, message, { wordsIn });
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!text.startsWith('%PDF-')) {
    throw refuse({ key: 'cv-not-pdf', values: {} });
  }
  const found = activeNameIn(text) ?? activeNameInStreams(text);
  if (found) {
    const active = found === 'JavaScript' || found === 'JS' ? 'script' : found === 'Launch' ? 'launch' : 'embedded';
    throw refuse({ key: 'cv-active', values: { found, active } });
  }
  return bytes;
}

/** The first active name in PDF text, reading `#xx` escapes in names as the reader will (`/J#53`). */
function activeNameIn(text: string): string | undefined {
  for (const match of text.matchAll(/\/([^\s/<>[\]()%{}]+)/g)) {
    const raw = match[1] ?? '';
    const name = raw.includes('#')
      ? raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
      : raw;
    if (activeNames.has(name)) return name;
  }
  return undefined;
}

/** The first active name inside the file's Flate-compressed streams (object streams hide names there). */
function activeNameInStreams(text: string): string | undefined {
  let budget = maxInflatedBytes;
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    let inflated: Buffer;
    try {
      inflated = inflateSync(Buffer.from(text.slice(start, end), 'latin1'), {
        maxOutputLength: budget,
        // A reader opens a stream cut short; so must the check, or cutting one would hide its names.
        finishFlush: constants.Z_SYNC_FLUSH,
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw refuse({ key: 'cv-bomb', values: {} });
      }
      // Not Flate (an image, say), or cut short: nothing readable to check.
      continue;
    }
    budget -= inflated.length;
    const found = activeNameIn(inflated.toString('latin1'));
    if (found) return found;
  }
  return undefined;
}

/**
 * The headers a CV leaves with, from the API and the site alike: a download, never shown inline and
 * never sniffed into something else, so a file that slipped past the checks still cannot run as a page.
 */
export function cvDownloadHeaders(fileName: string): Record<string, string> {
  return {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="${fileName}"`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
  };
}
