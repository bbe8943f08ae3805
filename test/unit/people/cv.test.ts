import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PayloadTooLargeError, ValidationError } from '#domain/errors.ts';
import { cvFileKey } from '#domain/files/file-store.ts';
import { checkCv, maxCvBytes } from '#domain/people/cv.ts';
import { pdf, pdfOfSize, pdfWithCompressed } from '../../support/pdf.ts';
import { thrown } from '../../support/thrown.ts';

const refusal = (bytes: Uint8Array) => thrown(() => checkCv(bytes), ValidationError).issues;

describe('what a CV may be', () => {
  it('takes a plain PDF as it is', () => {
    const bytes = pdf();
    expect(checkCv(bytes)).toBe(bytes);
  });

  it.each([
    ['a PNG named cv.pdf', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['an HTML page', Buffer.from('<html><script>alert(1)</script></html>')],
    ['a PDF header that does not start the file', Buffer.from(` ${pdf().toString('latin1')}`, 'latin1')],
  ])('refuses %s, from its bytes, naming the field', (_name, bytes) => {
    const [issue] = refusal(bytes);
    expect(issue).toMatchObject({ field: 'body.pdf' });
    expect(issue?.message).toContain('Only a PDF can be a CV');
  });

  it('refuses an empty file', () => {
    expect(refusal(new Uint8Array())[0]?.message).toContain('empty');
  });

  it('takes a PDF of exactly the limit and refuses one byte more, saying the limit', () => {
    expect(checkCv(pdfOfSize(maxCvBytes)).length).toBe(maxCvBytes);
    expect(thrown(() => checkCv(pdfOfSize(maxCvBytes + 1)), PayloadTooLargeError).message).toContain('at most 2 MB');
  });

  it.each([
    ['a script action', '5 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj', 'a script'],
    ['a bare /JS entry', '5 0 obj << /JS 6 0 R >> endobj', 'a script'],
    ['a launch action', '5 0 obj << /S /Launch /F (calc.exe) >> endobj', 'a launch action'],
    ['an embedded file', '5 0 obj << /Type /EmbeddedFile >> endobj', 'an embedded file'],
    ['the embedded files tree', '5 0 obj << /EmbeddedFiles 6 0 R >> endobj', 'an embedded file'],
    ['a script name written with #xx escapes', '5 0 obj << /S /J#61vaScript /J#53 (x) >> endobj', 'a script'],
  ])('refuses a PDF carrying %s', (_name, extra, said) => {
    expect(refusal(pdf(extra))[0]?.message).toContain(said);
  });

  it.each([
    ['a script', '<< /S /JavaScript /JS (app.alert(1)) >>'],
    ['a launch action', '<< /S /Launch /F (calc.exe) >>'],
  ])('finds %s hidden in a compressed object stream', (_name, hidden) => {
    expect(refusal(pdfWithCompressed(hidden))).toHaveLength(1);
  });

  it('finds a script in a compressed stream cut short, as a reader would still read it', () => {
    const whole = pdfWithCompressed(`<< /S /JavaScript >>${' '.repeat(4000)}`).toString('latin1');
    const cut = whole.replace(
      /stream\n([\s\S]*?)\nendstream/,
      (_m, data: string) => `stream\n${data.slice(0, -6)}\nendstream`,
    );
    expect(refusal(Buffer.from(cut, 'latin1'))).toHaveLength(1);
  });

  it('does not take a name that merely starts like one refused', () => {
    expect(() => checkCv(pdf('5 0 obj << /JSON (x) /Launcher (y) /JavaScripts (z) >> endobj'))).not.toThrow();
  });

  it('refuses a small PDF whose streams unpack to tens of megabytes, as it cannot be checked', () => {
    const bomb = Buffer.concat([
      Buffer.from('%PDF-1.7\n4 0 obj << /Filter /FlateDecode >>\nstream\n', 'latin1'),
      deflateSync(Buffer.alloc(40 * 1024 * 1024)),
      Buffer.from('\nendstream\nendobj\n%%EOF', 'latin1'),
    ]);
    expect(bomb.length).toBeLessThan(maxCvBytes);
    expect(refusal(bomb)[0]?.message).toContain('cannot be checked');
  });
});

describe('where a CV is kept', () => {
  it.each(['../../x', '..', '/etc/passwd', 'a/b', 'ada'])(
    'makes a key of letters, digits, - and _ under cv/ from any person id (%s)',
    (personId) => {
      expect(cvFileKey(personId)).toMatch(/^cv\/[A-Za-z0-9_-]+\.pdf$/);
    },
  );

  it('gives two people two keys', () => {
    expect(cvFileKey('ab')).not.toBe(cvFileKey('ab/'));
  });
});
