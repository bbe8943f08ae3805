// PNG chunks, read and written by hand (PNG spec §5): what Open Badges 3.0 baking needs (§5.3.1: an
// iTXt chunk with the keyword `openbadgecredential` whose text is the signed credential) without an
// image library. Bytes in, bytes out; the CRC is zlib's CRC-32, the one PNG specifies.
import { crc32, inflateSync } from 'node:zlib';
import { type PngDamage, pngDamageIn } from '../i18n/records/png-damage.ts';

export const pngSignature = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
export const credentialKeyword = 'openbadgecredential';
/** A compressed credential may inflate to at most this: a signed credential is a few kilobytes. */
const maxInflated = 256 * 1024;

export interface PngChunk {
  type: string;
  data: Uint8Array;
}

/**
 * Why bytes could not be read as a PNG: said in words to whoever uploaded them, in their language
 * (`damage`, worded by i18n/records/png-damage.ts); the message is its English.
 */
export class PngFormatError extends Error {
  override name = 'PngFormatError';
  readonly damage: PngDamage;
  constructor(damage: PngDamage, options?: ErrorOptions) {
    super(pngDamageIn(damage, 'en'), options);
    this.damage = damage;
  }
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= pngSignature.length && pngSignature.every((byte, i) => bytes[i] === byte);
}

/** One chunk as stored: length, type, data, and the CRC over type and data. */
export function encodeChunk(chunk: PngChunk): Uint8Array<ArrayBuffer> {
  const type = new TextEncoder().encode(chunk.type);
  if (type.length !== 4) throw new PngFormatError({ key: 'bad-type-name', type: chunk.type });
  const out = new Uint8Array(12 + chunk.data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, chunk.data.length);
  out.set(type, 4);
  out.set(chunk.data, 8);
  view.setUint32(8 + chunk.data.length, crc32(out.subarray(4, 8 + chunk.data.length)));
  return out;
}

export function encodePng(chunks: readonly PngChunk[]): Uint8Array<ArrayBuffer> {
  const parts = [pngSignature, ...chunks.map(encodeChunk)];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The chunks of a PNG, each CRC checked, up to IEND; anything malformed is a PngFormatError. */
export function decodePng(bytes: Uint8Array): PngChunk[] {
  if (!isPng(bytes)) throw new PngFormatError({ key: 'no-signature' });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  let at = pngSignature.length;
  while (at < bytes.length) {
    if (at + 12 > bytes.length) throw new PngFormatError({ key: 'ends-inside-chunk' });
    const length = view.getUint32(at);
    if (at + 12 + length > bytes.length) throw new PngFormatError({ key: 'chunk-past-end' });
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (!/^[A-Za-z]{4}$/.test(type)) throw new PngFormatError({ key: 'bad-type' });
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) {
      throw new PngFormatError({ key: 'bad-checksum', type });
    }
    chunks.push({ type, data: bytes.slice(at + 8, at + 8 + length) });
    at += 12 + length;
    if (type === 'IEND') return chunks;
  }
  throw new PngFormatError({ key: 'no-end' });
}

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** An uncompressed iTXt chunk (PNG §11.3.4.5): keyword, 0, flag 0, method 0, no language, text. */
export function credentialChunk(jws: string): PngChunk {
  const keyword = latin1(credentialKeyword);
  const text = new TextEncoder().encode(jws);
  const data = new Uint8Array(keyword.length + 5 + text.length);
  data.set(keyword, 0);
  data.set(text, keyword.length + 5);
  return { type: 'iTXt', data };
}

/** The credential an iTXt chunk carries, or null when the chunk has another keyword. */
export function credentialOfChunk(chunk: PngChunk): string | null {
  if (chunk.type !== 'iTXt') return null;
  const data = chunk.data;
  const end = data.indexOf(0);
  if (end < 0 || String.fromCharCode(...data.subarray(0, end)) !== credentialKeyword) return null;
  const compressed = data[end + 1] === 1;
  const language = data.indexOf(0, end + 3);
  const translated = language < 0 ? -1 : data.indexOf(0, language + 1);
  if (translated < 0) throw new PngFormatError({ key: 'credential-malformed' });
  const text = data.subarray(translated + 1);
  try {
    const raw = compressed ? inflateSync(text, { maxOutputLength: maxInflated }) : text;
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch (cause) {
    throw new PngFormatError({ key: 'credential-unreadable' }, { cause });
  }
}

/** The PNG with the credential baked in: any earlier credential chunk replaced, the new one before IEND. */
export function bakePng(png: Uint8Array, jws: string): Uint8Array<ArrayBuffer> {
  const chunks = decodePng(png).filter((chunk) => credentialOfChunk(chunk) === null);
  chunks.splice(chunks.length - 1, 0, credentialChunk(jws));
  return encodePng(chunks);
}

/** The credential baked into a PNG, or null when it carries none. */
export function extractFromPng(png: Uint8Array): string | null {
  for (const chunk of decodePng(png)) {
    const credential = credentialOfChunk(chunk);
    if (credential !== null) return credential;
  }
  return null;
}
