// The phone sweep's target-size rule (WCAG 2.2, 2.5.8) on shapes, so a page that breaks it is caught.
import { describe, expect, it } from 'vitest';
import { type Target, targetsTooSmall } from '../../support/target-size.ts';

let next = 0;
const box = (left: number, top: number, width: number, height: number, extra: Partial<Target> = {}): Target => ({
  id: next++,
  what: `box ${left},${top}`,
  left,
  top,
  width,
  height,
  inline: false,
  family: [],
  ...extra,
});
const names = (targets: Target[]) => targetsTooSmall(targets).map((t) => t.what);

describe('the target-size rule the phone sweep applies', () => {
  it('passes a control of 24 × 24 px however close its neighbours are', () => {
    expect(names([box(0, 0, 24, 24), box(24, 0, 24, 24)])).toEqual([]);
  });

  it('passes a small control alone, and small ones spaced so their 24 px circles do not meet', () => {
    expect(names([box(0, 0, 16, 16)])).toEqual([]);
    // Centres 24 px apart: the circles touch and do not overlap.
    expect(names([box(0, 0, 16, 16), box(24, 0, 16, 16)])).toEqual([]);
  });

  it('fails small controls whose circles overlap, and a small one whose circle reaches a big neighbour', () => {
    expect(names([box(0, 0, 16, 16), box(20, 0, 16, 16)])).toEqual(['box 0,0', 'box 20,0']);
    // 20 × 20 centred at (10, 10): its circle reaches x = 22, past the big button's edge at 21.
    expect(names([box(0, 0, 20, 20), box(21, 0, 44, 44)])).toEqual(['box 0,0']);
    expect(names([box(0, 0, 20, 20), box(23, 0, 44, 44)])).toEqual([]);
  });

  it('fails wide controls 20 px tall stacked 22 px apart: their circles overlap', () => {
    const rows = [box(0, 0, 200, 20), box(0, 22, 200, 20), box(0, 44, 200, 20)];
    expect(names(rows)).toEqual(['box 0,0', 'box 0,22', 'box 0,44']);
  });

  it('exempts an inline link in a sentence, and a link inside the control around it', () => {
    const inline = box(0, 0, 40, 18, { inline: true });
    expect(names([inline, box(0, 20, 40, 18, { inline: true })])).toEqual([]);
    const summary = box(0, 0, 300, 20);
    const inside = box(10, 2, 40, 16, { family: [summary.id] });
    expect(names([{ ...summary, family: [inside.id] }, inside])).toEqual([]);
  });

  it('measures a link wrapped over two lines by its lines, not by the box around both', () => {
    // "Open · Decided · Follow them in a feed reader", the last link wrapping onto the next line.
    const open = box(0, 0, 40, 20);
    const decided = box(60, 0, 60, 20);
    const wrapped = box(0, 0, 340, 47, {
      fragments: [
        { left: 140, top: 0, width: 200, height: 20 },
        { left: 0, top: 27, width: 120, height: 20 },
      ],
    });
    expect(names([open, decided, wrapped])).toEqual([]);
    expect(names([open, decided, { ...wrapped, fragments: undefined }])).toEqual(['box 0,0', 'box 60,0']);
  });
});
