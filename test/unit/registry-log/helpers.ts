// Small builders shared by the registry-log tests.
import { leafHash } from '#domain/registry-log/hashing.ts';

export function hex(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'hex'));
}

/** Distinct entries for a log of `size`: entry i is the UTF-8 text `entry-i`. */
export function entriesOf(size: number): Uint8Array[] {
  return Array.from({ length: size }, (_, index) => new TextEncoder().encode(`entry-${index}`));
}

export function leafHashesOf(size: number): Uint8Array[] {
  return entriesOf(size).map(leafHash);
}

/** A copy of `bytes` with one bit flipped; `bit` counts from the first byte's lowest bit. */
export function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  const at = Math.floor(bit / 8) % copy.length;
  copy[at] = (copy[at] ?? 0) ^ (1 << (bit % 8));
  return copy;
}

/** A copy of `list` with the item at `index` replaced. */
export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((existing, at) => (at === index ? item : existing));
}
