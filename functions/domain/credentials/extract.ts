// What a person hands the verifier: the compact JWS itself (the .jwt file or pasted text), a baked SVG,
// or a baked PNG (a file, or base64 in the API's JSON). Each is unwrapped to the JWS inside, or to a
// sentence that says why there is none.
import { extractFromPng, isPng, PngFormatError } from './png.ts';
import { extractFromSvg, looksLikeSvg } from './svg.ts';

export type CredentialFormat = 'jws' | 'svg' | 'png';
export type Unwrapped = { jws: string; format: CredentialFormat } | { problem: string };

/** A baked image may be this large; a signed credential alone is a few kilobytes. */
export const maxUploadBytes = 512 * 1024;

const base64Png = /^(?:data:image\/png;base64,)?(iVBORw0KGgo[A-Za-z0-9+/=\s]*)$/;

export function unwrapText(text: string): Unwrapped {
  const trimmed = text.trim();
  const png = base64Png.exec(trimmed);
  if (png?.[1]) return unwrapPng(Buffer.from(png[1].replace(/\s/g, ''), 'base64'));
  if (looksLikeSvg(trimmed)) {
    const jws = extractFromSvg(trimmed);
    return jws
      ? { jws, format: 'svg' }
      : { problem: 'This SVG image carries no credential (it has no openbadges:credential element).' };
  }
  if (trimmed.startsWith('<'))
    return { problem: 'This looks like an XML or HTML file, not a credential or badge image.' };
  return { jws: trimmed, format: 'jws' };
}

/** An uploaded file: a PNG by its signature, otherwise text (a .jwt or an SVG). */
export function unwrapBytes(bytes: Uint8Array): Unwrapped {
  if (isPng(bytes)) return unwrapPng(bytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'This file is neither a credential nor a PNG or SVG badge image.' };
  }
  return unwrapText(text);
}

function unwrapPng(bytes: Uint8Array): Unwrapped {
  try {
    const jws = extractFromPng(bytes);
    return jws
      ? { jws, format: 'png' }
      : { problem: 'This PNG image carries no credential (it has no openbadgecredential chunk).' };
  } catch (error) {
    if (error instanceof PngFormatError) return { problem: `This PNG image cannot be read: ${error.message}.` };
    throw error;
  }
}
