// What a person hands the verifier: the compact JWS itself (the .jwt file or pasted text), a baked SVG,
// or a baked PNG (a file, or base64 in the API's JSON). Each is unwrapped to the JWS inside, or to a
// sentence that says why there is none.
import { extractFromPng, isPng, PngFormatError } from './png.ts';
import { extractFromSvg, looksLikeSvg } from './svg.ts';
import type { PngDamage } from '../i18n/records/png-damage.ts';
import { type NotCredentialWhy, notCredentialWhyIn } from '../i18n/records/verification-reasons.ts';

export type CredentialFormat = 'jws' | 'svg' | 'png';
/** A JWS, or why there is none: `why` for any language (i18n/records/verification-reasons.ts), `problem` in English. */
export type Unwrapped =
  | { jws: string; format: CredentialFormat }
  | { problem: string; why: NotCredentialWhy; detail?: PngDamage };

const noCredential = (why: NotCredentialWhy, detail?: PngDamage): Unwrapped => ({
  problem: notCredentialWhyIn(why, 'en', detail),
  why,
  ...(detail === undefined ? {} : { detail }),
});

/** A baked image may be this large; a signed credential alone is a few kilobytes. */
export const maxUploadBytes = 512 * 1024;

const base64Png = /^(?:data:image\/png;base64,)?(iVBORw0KGgo[A-Za-z0-9+/=\s]*)$/;

export function unwrapText(text: string): Unwrapped {
  const trimmed = text.trim();
  const png = base64Png.exec(trimmed);
  if (png?.[1]) return unwrapPng(Buffer.from(png[1].replace(/\s/g, ''), 'base64'));
  if (looksLikeSvg(trimmed)) {
    const jws = extractFromSvg(trimmed);
    return jws ? { jws, format: 'svg' } : noCredential('svg-empty');
  }
  if (trimmed.startsWith('<')) return noCredential('markup');
  return { jws: trimmed, format: 'jws' };
}

/** An uploaded file: a PNG by its signature, otherwise text (a .jwt or an SVG). */
export function unwrapBytes(bytes: Uint8Array): Unwrapped {
  if (isPng(bytes)) return unwrapPng(bytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return noCredential('not-a-file');
  }
  return unwrapText(text);
}

function unwrapPng(bytes: Uint8Array): Unwrapped {
  try {
    const jws = extractFromPng(bytes);
    return jws ? { jws, format: 'png' } : noCredential('png-empty');
  } catch (error) {
    if (error instanceof PngFormatError) return noCredential('png-unreadable', error.damage);
    throw error;
  }
}
