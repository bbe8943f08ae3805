import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvCell, csvField, toCsv } from '#domain/csv.ts';
import { decimal, decimalText } from '#domain/decimal.ts';
import { parseStrictCsv } from '../support/csv.ts';

describe('the CSV writer', () => {
  const dangerous = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

  it.each(dangerous)('writes text that starts with %j as text, however it goes on', (first) => {
    for (const rest of ['', '1+1', 'HYPERLINK("https://evil.example","x")', "1+cmd|' /C calc'!A0", '12.50', ' ']) {
      const text = `${first}${rest}`;
      const parsed = parseStrictCsv(`${csvField(text)}\r\n`)[0]?.[0];
      expect(parsed, JSON.stringify(text)).toBe(`'${text}`);
    }
  });

  it.each<[string, CsvCell, string]>([
    ['plain text', 'plain', 'plain'],
    ['text with a comma', 'a, b', '"a, b"'],
    ['text with quotes', 'say "hi"', '"say ""hi"""'],
    ['text with a line feed', 'two\nlines', '"two\nlines"'],
    ['text with CRLF', 'two\r\nlines', '"two\r\nlines"'],
    ['a formula with quotes', '=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['a formula after a tab', '\t=1+1', "'\t=1+1"],
    ['a formula after a CR', '\r=1+1', '"\'\r=1+1"'],
    ['text that looks like a negative amount', '-12.50', "'-12.50"],
    ['text that starts with a space', ' =1', ' =1'],
    ['an apostrophe already there', "'=1", "'=1"],
    ['empty text', '', ''],
    ['a negative number', -5, '-5'],
    ['a fraction', 0.25, '0.25'],
    ['a negative zero', -0, '0'],
    ['a negative bigint', -12n, '-12'],
    ['a bigint beyond 2^53', 2n ** 80n, '1208925819614629174706176'],
    ['a negative amount of Bound', decimal(-1250n, 2), '-12.50'],
    ['a small negative amount', decimal(-5n, 2), '-0.05'],
    ['a whole amount at scale 0', decimal(-7n, 0), '-7'],
    ['an absent value', undefined, ''],
    ['a null', null, ''],
  ])('writes %s exactly as RFC 4180 and the formula rule require', (_what, cell, expected) => {
    expect(csvField(cell)).toBe(expected);
  });

  it('ends every record with CRLF, the last one too', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x', 1],
          ['y', -2n],
        ],
      ),
    ).toBe('a,b\r\nx,1\r\ny,-2\r\n');
    expect(toCsv(['a'], [])).toBe('a\r\n');
  });

  it('refuses a row that does not fit the header, rather than shift every column after it', () => {
    expect(() => toCsv(['a', 'b'], [['only one']])).toThrow(RangeError);
  });

  it('refuses a number that is not finite, which a spreadsheet would read as text', () => {
    expect(() => csvField(Number.NaN)).toThrow(RangeError);
    expect(() => csvField(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('exact decimals', () => {
  it.each<[bigint, number, string]>([
    [0n, 2, '0.00'],
    [5n, 2, '0.05'],
    [-5n, 2, '-0.05'],
    [-1234n, 2, '-12.34'],
    [123n, 0, '123'],
    [1n, 3, '0.001'],
    [10n ** 30n, 2, `${10n ** 28n}.00`],
  ])('writes %s at scale %s as %s', (minor, scale, text) => {
    expect(decimalText(decimal(minor, scale))).toBe(text);
  });

  it('refuses a scale that is not a small whole number', () => {
    for (const scale of [-1, 1.5, 31, Number.NaN]) expect(() => decimal(1n, scale)).toThrow(RangeError);
  });
});

describe('the CSV writer, for any input', () => {
  // Plenty of the characters that matter, among arbitrary text (lone surrogates included).
  const tricky = fc.constantFrom(
    '=',
    '+',
    '-',
    '@',
    '\t',
    '\r',
    '\n',
    '"',
    ',',
    "'",
    ' ',
    '＝',
    '＋',
    '－',
    '＠',
    'a',
    '1',
  );
  const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: tricky }));
  const cell = fc.oneof(
    text,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.bigInt(),
    fc.record({ minor: fc.bigInt(), scale: fc.integer({ min: 0, max: 6 }) }),
    fc.constant(undefined),
  );

  // Written out here rather than taken from the writer, so the test does not grade itself.
  const formula = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

  function expectReadBack(original: CsvCell, read: string) {
    if (typeof original === 'string') {
      expect(read).toBe(formula.test(original) ? `'${original}` : original);
      expect(read).not.toMatch(formula);
    } else if (typeof original === 'number') expect(Number(read)).toBe(original === 0 ? 0 : original);
    else if (typeof original === 'bigint') expect(BigInt(read)).toBe(original);
    else if (original === undefined || original === null) expect(read).toBe('');
    else {
      expect(read).toMatch(original.scale === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${original.scale}}$`));
      expect(BigInt(read.replace('.', ''))).toBe(original.minor);
    }
  }

  it('reads back, through a strict RFC 4180 reader, every cell it wrote, and no text as a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 8 }), (rows) => {
        const parsed = parseStrictCsv(toCsv(['a', 'b', 'c'], rows));
        expect(parsed).toHaveLength(rows.length + 1);
        for (const [r, row] of rows.entries()) {
          for (const [c, original] of row.entries()) expectReadBack(original, parsed[r + 1]?.[c] ?? '');
        }
      }),
    );
  });
});
