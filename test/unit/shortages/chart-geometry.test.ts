import { describe, expect, it } from 'vitest';
import { describeTrend, layoutBars, sparkline } from '../../../site/src/components/chart-geometry.ts';

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
    expect(describeTrend([1, null, 2], days)).toBe('From 1.00 on 2026-11-19, up to 2.00 on 2026-11-21.');
    expect(describeTrend([2, 1.5, 1], days)).toBe('From 2.00 on 2026-11-19, down to 1.00 on 2026-11-21.');
    expect(describeTrend([null, null, 0.5], days)).toBe('One snapshot so far: 0.50 on 2026-11-21.');
    expect(describeTrend([], [])).toBe('No snapshots yet.');
  });
});
