// The pictures a credential is baked into. The SVG names the achievement, the person and the date in
// text (escaped: names are typed by people), styled by attributes, not a <style> element, which the
// policy every non-page answer carries (default-src 'none') would block; the PNG is one emblem for every credential, drawn here
// pixel by pixel (no image library), since a raster cannot carry the words legibly at badge size.
// Either way the credential inside the picture is what a verifier reads, not the picture.
import { deflateSync } from 'node:zlib';
import { encodePng } from './png.ts';
import { escapeXml } from './svg.ts';

export interface BadgeText {
  achievement: string;
  recipient: string;
  /** The date issued, in words ("6 December 2026"). */
  issuedOn: string;
  issuer: string;
}

/** Wraps words into lines of at most `width` characters, at most `lines` of them (the last ends in …). */
export function wrapWords(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if ([...next].length <= width) line = next;
    else {
      if (line) out.push(line);
      line = [...word].length > width ? `${[...word].slice(0, width - 1).join('')}…` : word;
    }
  }
  if (line) out.push(line);
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  const last = [...(kept[lines - 1] ?? '')];
  kept[lines - 1] = `${last.slice(0, Math.max(0, width - 1)).join('')}…`;
  return kept;
}

export function renderBadgeSvg(badge: BadgeText): string {
  const title = wrapWords(badge.achievement, 20, 3);
  const recipient = wrapWords(badge.recipient, 26, 1)[0] ?? '';
  const top = 176 - (title.length - 1) * 15;
  const titleLines = title
    .map((line, i) => `<text x="200" y="${top + i * 30}" font-size="24" font-weight="700">${escapeXml(line)}</text>`)
    .join('\n  ');
  const label = `${badge.achievement}, earned by ${badge.recipient} on ${badge.issuedOn}, issued by ${badge.issuer}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img" aria-labelledby="badge-title">
  <title id="badge-title">${escapeXml(label)}</title>
  <circle cx="200" cy="200" r="190" fill="#0b4f8a"/>
  <circle cx="200" cy="200" r="168" fill="none" stroke="#fff" stroke-width="4"/>
  <g font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" text-anchor="middle" fill="#fff" font-size="15">
  <text x="200" y="92">${escapeXml(badge.issuer.toUpperCase())}</text>
  ${titleLines}
  <text x="200" y="286">${escapeXml(recipient)}</text>
  <text x="200" y="310">${escapeXml(badge.issuedOn)}</text>
  </g>
</svg>
`;
}

const size = 256;
const [red, green, blue] = [0x0b, 0x4f, 0x8a];

/** How much of a pixel a shape covers, from its signed distance to the edge (one pixel of smoothing). */
const cover = (distance: number) => Math.min(1, Math.max(0, 0.5 - distance));

type Point = readonly [number, number];

function distanceToSegment(x: number, y: number, [ax, ay]: Point, [bx, by]: Point): number {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

/** A tick mark inside a ring, white on the accent colour; outside the disc is transparent. */
function emblemPixels(): Uint8Array {
  // Each row starts with its filter type (0, none), then RGBA.
  const rows = new Uint8Array(size * (1 + size * 4));
  const c = size / 2;
  const [start, corner, end]: [Point, Point, Point] = [
    [80, 132],
    [113, 165],
    [178, 96],
  ];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [px, py] = [x + 0.5, y + 0.5];
      const r = Math.hypot(px - c, py - c);
      const tick = Math.min(distanceToSegment(px, py, start, corner), distanceToSegment(px, py, corner, end));
      const white = Math.max(cover(Math.abs(r - 106) - 3), cover(tick - 11));
      const at = y * (1 + size * 4) + 1 + x * 4;
      rows.set(
        [red, green, blue].map((channel) => Math.round(channel * (1 - white) + 255 * white)),
        at,
      );
      rows[at + 3] = Math.round(255 * cover(r - 124));
    }
  }
  return rows;
}

let emblem: Uint8Array<ArrayBuffer> | undefined;

/** The PNG emblem, drawn once per process (~20 ms) and then reused for every badge. */
export function renderBadgePng(): Uint8Array<ArrayBuffer> {
  if (!emblem) {
    const header = new Uint8Array(13);
    const view = new DataView(header.buffer);
    view.setUint32(0, size);
    view.setUint32(4, size);
    header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, adaptive filters, no interlace
    emblem = encodePng([
      { type: 'IHDR', data: header },
      { type: 'IDAT', data: deflateSync(emblemPixels(), { level: 9 }) },
      { type: 'IEND', data: new Uint8Array(0) },
    ]);
  }
  return emblem;
}
