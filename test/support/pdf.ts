// Small PDFs made in tests: a plain one, and ones carrying what a CV must not (scripts, launch actions,
// embedded files), in plain text, with escaped names and inside compressed streams.
import { deflateSync } from 'node:zlib';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

/** A one-page PDF (well enough formed for readers), with `extra` placed among its objects. */
export function pdf(extra = ''): Buffer {
  return latin1(
    [
      '%PDF-1.7',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
      extra,
      'trailer << /Root 1 0 R >>',
      '%%EOF',
    ].join('\n'),
  );
}

/** A PDF whose object stream (Flate-compressed) holds `hidden`. */
export function pdfWithCompressed(hidden: string): Buffer {
  const stream = deflateSync(latin1(hidden));
  return Buffer.concat([
    latin1('%PDF-1.7\n4 0 obj << /Type /ObjStm /Filter /FlateDecode >>\nstream\n'),
    stream,
    latin1('\nendstream\nendobj\n'),
    pdf().subarray('%PDF-1.7\n'.length),
  ]);
}

/** A PDF padded with a comment to exactly `size` bytes. */
export function pdfOfSize(size: number): Buffer {
  const base = pdf();
  return Buffer.concat([base, latin1(`%${'x'.repeat(Math.max(0, size - base.length - 2))}\n`)]).subarray(0, size);
}
