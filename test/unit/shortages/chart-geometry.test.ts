import { describe, expect, it } from 'vitest';
import { translator } from '../../../functions/domain/i18n/catalogue.ts';
import { shortageMethod } from '../../../functions/domain/shortages/score.ts';
import { describeTrend, layoutBars, sparkline } from '../../../site/src/components/chart-geometry.ts';
import { decimalsIn } from '../../../site/src/lib/decimals.ts';

const en = translator('en');

describe('the bar chart’s geometry', () => {
  it('scales bars to the largest value and puts each label above its bar', () => {
    const layout = layoutBars([
      { label: 'Hanging plasterboard', value: 2 },
      { label: 'Door hanging', value: 1 },
      { label: 'Nobody asks', value: 0 },
    ]);
    expect(layout.height).toBe(120);
    expect(layout.rows.map((r) => r.barWidth)).toEqual([580, 290, 1]);
    expect(layout.rows.map((r) => [r.labelY, r.barY])).toEqual([
      [15, 21],
      [55, 61],
      [95, 101],
    ]);
    expect(layout.rows[0]).toMatchObject({ valueInside: true, valueX: 574, valueText: '2.00' });
    expect(layout.rows[1]).toMatchObject({ valueInside: false, valueX: 296 });
  });

  it('writes each value in the page’s language when given its format', () => {
    const layout = layoutBars([{ label: 'Hanging plasterboard', value: 0.4 }], { format: decimalsIn('es') });
    expect(layout.rows[0]?.valueText).toBe('0,40');
  });

  it('draws an empty chart without dividing by zero', () => {
    expect(layoutBars([]).rows).toEqual([]);
    expect(layoutBars([{ label: 'a', value: 0 }]).rows[0]?.barWidth).toBe(1);
  });
});

describe('the trend line', () => {
  it('draws a line through the known days and skips the missing ones', () => {
    const line = sparkline([1, null, 2], 100, 20);
    expect(line.path).toBe('M2 10 L98 2');
    expect(line.last).toEqual({ x: 98, y: 2 });
    expect(sparkline([null, null]).path).toBe('');
  });

  it('says the trend in words', () => {
    const days = ['2026-11-19', '2026-11-20', '2026-11-21'];
    expect(describeTrend([1, null, 2], days, en)).toBe('From 1.00 on 2026-11-19, up to 2.00 on 2026-11-21.');
    expect(describeTrend([2, 1.5, 1], days, en)).toBe('From 2.00 on 2026-11-19, down to 1.00 on 2026-11-21.');
    expect(describeTrend([null, null, 0.5], days, en)).toBe('One snapshot so far: 0.50 on 2026-11-21.');
    expect(describeTrend([], [], en)).toBe('No snapshots yet.');
  });

  it('says the trend in Spanish and Dutch, with their decimal mark', () => {
    const days = ['2026-11-19', '2026-11-20', '2026-11-21'];
    expect(describeTrend([1, null, 2], days, translator('es'), decimalsIn('es'))).toBe(
      'De 1,00 el 2026-11-19 sube a 2,00 el 2026-11-21.',
    );
    expect(describeTrend([1, 1], days, translator('nl'), decimalsIn('nl'))).toBe(
      'Onveranderd op 1,00 van 2026-11-19 tot 2026-11-20.',
    );
    expect(describeTrend([], [], translator('es'))).toBe('Aún no hay instantáneas.');
  });
});

describe('how the score is worked out, in words', () => {
  it('reads in English exactly as the method the API publishes', () => {
    expect(en('shortageMethod.description')).toBe(shortageMethod.description);
  });
});
