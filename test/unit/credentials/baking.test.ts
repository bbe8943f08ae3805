import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderBadgePng, renderBadgeSvg, wrapWords } from '#domain/credentials/badge-image.ts';
import { unwrapBytes, unwrapText } from '#domain/credentials/extract.ts';
import {
  bakePng,
  credentialOfChunk,
  decodePng,
  encodeChunk,
  encodePng,
  extractFromPng,
  PngFormatError,
} from '#domain/credentials/png.ts';
import { bakeSvg, extractFromSvg } from '#domain/credentials/svg.ts';

const jws = 'eyJhbGciOiJFZERTQSJ9.eyJpZCI6IngifQ.c2lnbmF0dXJl';
const badgeText = { achievement: 'Solar PV', recipient: 'Ada', issuedOn: '6 December 2026', issuer: 'Guildhall' };

/** CRC-32 as PNG's annex D computes it, from its own table: independent of zlib's. */
function referenceCrc(bytes: Uint8Array): number {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (table[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

describe('PNG chunks', () => {
  it('writes the IEND chunk byte for byte as every PNG ends (its published CRC AE 42 60 82)', () => {
    expect([...encodeChunk({ type: 'IEND', data: new Uint8Array(0) })]).toEqual([
      0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ]);
  });

  it('stores the CRC over type and data that the PNG specification’s own algorithm gives', () => {
    const baked = bakePng(renderBadgePng(), jws);
    let at = 8;
    const view = new DataView(baked.buffer, baked.byteOffset);
    const seen: string[] = [];
    while (at < baked.length) {
      const length = view.getUint32(at);
      seen.push(String.fromCharCode(...baked.subarray(at + 4, at + 8)));
      expect(view.getUint32(at + 8 + length)).toBe(referenceCrc(baked.subarray(at + 4, at + 8 + length)));
      at += 12 + length;
    }
    expect(seen).toEqual(['IHDR', 'IDAT', 'iTXt', 'IEND']);
  });

  it('bakes the credential into an uncompressed openbadgecredential iTXt chunk before IEND', () => {
    const chunks = decodePng(bakePng(renderBadgePng(), jws));
    const itxt = chunks.find((chunk) => chunk.type === 'iTXt');
    expect(Buffer.from(itxt?.data ?? []).toString('latin1')).toBe(`openbadgecredential\0\0\0\0\0${jws}`);
    expect(chunks.at(-1)?.type).toBe('IEND');
  });

  it('reads back exactly the credential it baked, and replaces a credential already there', () => {
    const once = bakePng(renderBadgePng(), 'a.b.c');
    expect(extractFromPng(once)).toBe('a.b.c');
    const twice = bakePng(once, jws);
    expect(extractFromPng(twice)).toBe(jws);
    expect(decodePng(twice).filter((chunk) => chunk.type === 'iTXt')).toHaveLength(1);
  });

  it('reads a credential another tool compressed, with a language tag', () => {
    const deflated = new Uint8Array(
      Buffer.concat([Buffer.from('openbadgecredential\0\x01\0en\0Credential\0', 'latin1'), deflateSync(jws)]),
    );
    expect(credentialOfChunk({ type: 'iTXt', data: deflated })).toBe(jws);
  });

  it('answers null for a PNG with no credential, and ignores other iTXt keywords', () => {
    const png = renderBadgePng();
    expect(extractFromPng(png)).toBeNull();
    const other = { type: 'iTXt', data: new Uint8Array(Buffer.from('Comment\0\0\0\0\0hello', 'latin1')) };
    const chunks = decodePng(png);
    chunks.splice(-1, 0, other);
    expect(extractFromPng(encodePng(chunks))).toBeNull();
  });

  it.each([
    ['a changed byte inside the credential (its CRC no longer matches)', (png: Uint8Array) => flip(png, jws.length)],
    ['a file cut short', (png: Uint8Array) => png.subarray(0, png.length - 20)],
    ['no PNG signature', (png: Uint8Array) => png.subarray(1)],
  ])('refuses a damaged PNG: %s', (_case, damage) => {
    expect(() => extractFromPng(damage(bakePng(renderBadgePng(), jws)))).toThrow(PngFormatError);
  });

  it('draws a 256×256 RGBA emblem whose pixels decompress to the declared size', () => {
    const [header, data] = decodePng(renderBadgePng());
    const view = new DataView(header?.data.buffer ?? new ArrayBuffer(13));
    expect([view.getUint32(0), view.getUint32(4), header?.data[8], header?.data[9]]).toEqual([256, 256, 8, 6]);
    expect(inflateSync(data?.data ?? new Uint8Array()).length).toBe(256 * (1 + 256 * 4));
  });
});

/** The PNG with one byte of the baked credential changed (counted from the IEND chunk back). */
function flip(png: Uint8Array, fromEnd: number): Uint8Array {
  const copy = png.slice();
  const at = copy.length - 12 - 4 - Math.floor(fromEnd / 2);
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}

describe('SVG baking', () => {
  it('bakes the credential as the verify attribute of an openbadges:credential element in the OB 3.0 namespace', () => {
    const baked = bakeSvg(renderBadgeSvg(badgeText), jws);
    expect(baked).toContain(
      `<openbadges:credential xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" verify="${jws}"></openbadges:credential>`,
    );
    expect(baked.indexOf('<openbadges:credential')).toBeGreaterThan(baked.indexOf('<svg'));
    expect(extractFromSvg(baked)).toBe(jws);
  });

  it('keeps one credential when baked twice', () => {
    const twice = bakeSvg(bakeSvg(renderBadgeSvg(badgeText), 'a.b.c'), jws);
    expect(twice.split('<openbadges:credential').length).toBe(2);
    expect(extractFromSvg(twice)).toBe(jws);
  });

  it.each([
    ['a self-closing element, single quotes', `<svg><openbadges:credential verify='${jws}'/></svg>`, jws],
    [
      'a credential as the element’s text',
      `<svg><openbadges:credential>\n ${jws} \n</openbadges:credential></svg>`,
      jws,
    ],
    ['an escaped attribute', '<svg><openbadges:credential verify="a&amp;b"></openbadges:credential></svg>', 'a&b'],
    ['no credential', '<svg><circle r="1"/></svg>', null],
    ['an empty element', '<svg><openbadges:credential></openbadges:credential></svg>', null],
    ['an element of a longer name', '<svg><openbadges:credentials verify="x"/></svg>', null],
  ])('reads %s', (_case, svg, expected) => {
    expect(extractFromSvg(svg)).toBe(expected);
  });

  it('escapes the names it draws, so a name cannot add markup to the badge', () => {
    const svg = renderBadgeSvg({ ...badgeText, recipient: '<script>alert(1)</script> & "Ada"' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('&amp; &quot;Ada&quot;');
  });

  it('wraps a long title into at most three lines, ending the last in an ellipsis', () => {
    expect(wrapWords('one two three', 9, 3)).toEqual(['one two', 'three']);
    const lines = wrapWords('Retrofit insulation of solid walls in older terraced housing stock for beginners', 20, 3);
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => [...line].length <= 20)).toBe(true);
    expect(lines[2]?.endsWith('…')).toBe(true);
  });
});

describe('what the verifier is handed', () => {
  const png = bakePng(renderBadgePng(), jws);
  const svg = bakeSvg(renderBadgeSvg(badgeText), jws);

  it.each([
    ['the JWS itself, with spaces around it', ` ${jws}\n`, { jws, format: 'jws' }],
    ['a baked SVG as text', svg, { jws, format: 'svg' }],
    ['a baked PNG as base64', Buffer.from(png).toString('base64'), { jws, format: 'png' }],
    [
      'a baked PNG as a data URL',
      `data:image/png;base64,${Buffer.from(png).toString('base64')}`,
      { jws, format: 'png' },
    ],
    [
      'an SVG with no credential',
      '<svg></svg>',
      { problem: expect.stringMatching(/no openbadges:credential/), why: 'svg-empty' },
    ],
    ['an HTML page', '<!doctype html><p>hi', { problem: expect.stringMatching(/XML or HTML/), why: 'markup' }],
  ])('unwraps %s', (_case, text, expected) => {
    expect(unwrapText(text)).toEqual(expected);
  });

  it.each([
    ['a baked PNG file', png, { jws, format: 'png' }],
    ['a baked SVG file', new TextEncoder().encode(svg), { jws, format: 'svg' }],
    ['a .jwt file', new TextEncoder().encode(jws), { jws, format: 'jws' }],
    [
      'a PNG with no credential',
      renderBadgePng(),
      { problem: expect.stringMatching(/no openbadgecredential/), why: 'png-empty' },
    ],
    [
      'a damaged PNG',
      png.subarray(0, 100),
      {
        problem: 'This PNG image cannot be read: a PNG chunk runs past the end of the file.',
        why: 'png-unreadable',
        detail: { key: 'chunk-past-end' },
      },
    ],
    [
      'bytes that are not text',
      Uint8Array.of(0xff, 0xfe, 0xfd),
      { problem: expect.stringMatching(/neither/), why: 'not-a-file' },
    ],
  ])('unwraps %s', (_case, bytes, expected) => {
    expect(unwrapBytes(bytes)).toEqual(expected);
  });
});
