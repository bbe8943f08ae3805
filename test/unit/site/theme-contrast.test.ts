// The site's colours meet WCAG 2.2 AA in both themes: every pair of a text colour and the background it
// is set on reaches 4.5:1, and every border or mark a person must see to use a control reaches 3:1
// (1.4.3, 1.4.11). The colours are read from the stylesheet's light-dark() pairs, so a colour changed
// there is checked here; the axe sweep then checks the pages as rendered, in both themes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, '../../../site/src/styles/global.css'), 'utf8');

/** Each `--name: light-dark(#light, #dark)` of the stylesheet. */
function palette(): Map<string, { light: string; dark: string }> {
  const found = new Map<string, { light: string; dark: string }>();
  for (const match of css.matchAll(/--([a-z-]+):\s*light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)/gi)) {
    found.set(match[1] ?? '', { light: match[2] ?? '', dark: match[3] ?? '' });
  }
  return found;
}

/** WCAG 2.2's relative luminance of an sRGB colour written #rrggbb. */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((at) => {
    const channel = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.2's contrast ratio, from 1 to 21. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Text colour on background, as the stylesheet sets them together. */
const textPairs = [
  ['ink', 'paper'],
  ['ink', 'card'],
  ['ink-soft', 'paper'],
  ['ink-soft', 'card'],
  ['ink-soft', 'muted-soft'],
  ['accent', 'paper'],
  ['accent', 'card'],
  ['accent', 'accent-soft'],
  ['ink', 'accent-soft'],
  ['on-accent', 'accent'],
  ['on-accent', 'accent-strong'],
  ['paper', 'ink'],
  ['good', 'paper'],
  ['good', 'card'],
  ['good', 'good-soft'],
  ['ink', 'good-soft'],
  ['bad', 'paper'],
  ['bad', 'card'],
  ['bad', 'bad-soft'],
  ['ink', 'bad-soft'],
  ['caution', 'caution-soft'],
  ['ink', 'caution-soft'],
  ['muted', 'muted-soft'],
  ['ink', 'muted-soft'],
  ['ink', 'field'],
  ['ink', 'mark'],
  ['warm', 'card'],
] as const;

/** Borders and marks a person must see to use a control or read a chart. */
const interfacePairs = [
  ['field-border', 'field'],
  ['field-border', 'card'],
  ['field-border', 'paper'],
  ['focus', 'paper'],
  ['focus', 'card'],
  ['accent', 'card'],
  ['warm', 'card'],
] as const;

describe('the contrast arithmetic', () => {
  it('gives the ratios WCAG publishes: black on white 21, #767676 on white just over 4.5, equal colours 1', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#767676')).toBeCloseTo(4.54, 2);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
    expect(contrast('#3b4049', '#3b4049')).toBe(1);
  });
});

describe('the site’s colours', () => {
  const colours = palette();

  it('are each a light-dark() pair, and the stylesheet writes no other colour outside them', () => {
    expect(colours.size).toBeGreaterThanOrEqual(20);
    const names = new Set([...textPairs, ...interfacePairs].flat());
    for (const name of names) expect(colours.has(name), `--${name}`).toBe(true);
    // A colour written outside the palette would be the same in both themes.
    const outside = css.split('\n').filter((line) => /#[0-9a-f]{3,8}\b/i.test(line) && !line.includes('light-dark('));
    expect(outside).toEqual([]);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`give text at least 4.5:1 against its background in the ${theme} theme`, () => {
      const failing = textPairs
        .map(([text, background]) => {
          const ratio = contrast(colours.get(text)?.[theme] ?? '', colours.get(background)?.[theme] ?? '');
          return { pair: `${text} on ${background}`, ratio: Math.round(ratio * 100) / 100 };
        })
        .filter(({ ratio }) => ratio < 4.5);
      expect(failing).toEqual([]);
    });

    it(`give controls’ borders and focus rings at least 3:1 in the ${theme} theme`, () => {
      const failing = interfacePairs
        .map(([mark, background]) => ({
          pair: `${mark} on ${background}`,
          ratio: contrast(colours.get(mark)?.[theme] ?? '', colours.get(background)?.[theme] ?? ''),
        }))
        .filter(({ ratio }) => ratio < 3);
      expect(failing).toEqual([]);
    });
  }
});
