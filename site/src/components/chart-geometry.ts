// Geometry of the shortage charts, as pure functions: the components only draw what these return.
// Drawn at request time as plain SVG; no chart library.
import type { Translate } from '#domain/i18n/catalogue.ts';

export interface BarInput {
  label: string;
  value: number;
  href?: string | undefined;
}

export interface BarRow extends BarInput {
  /** Baseline of the label text, above its bar. */
  labelY: number;
  barY: number;
  barWidth: number;
  /** Where the value is written: after the bar, or inside it when the bar is long. */
  valueX: number;
  valueInside: boolean;
  valueText: string;
}

export interface BarLayout {
  width: number;
  height: number;
  barHeight: number;
  rows: BarRow[];
}

/**
 * Horizontal bars, each under its label (labels keep their full length, which a phone could not fit
 * beside the bars). Bars scale to the largest value; a zero value still shows a hairline.
 */
export function layoutBars(
  inputs: BarInput[],
  options: { width?: number; places?: number; format?: (value: number) => string } = {},
): BarLayout {
  const width = options.width ?? 640;
  const barHeight = 14;
  const rowHeight = 40;
  const max = Math.max(0, ...inputs.map((input) => input.value));
  const rows = inputs.map((input, index): BarRow => {
    const top = index * rowHeight;
    const barWidth = max > 0 ? Math.max(1, (input.value / max) * (width - 60)) : 1;
    const valueInside = barWidth > width - 110;
    return {
      ...input,
      labelY: top + 15,
      barY: top + 21,
      barWidth: round(barWidth),
      valueX: round(valueInside ? barWidth - 6 : barWidth + 6),
      valueInside,
      valueText: options.format ? options.format(input.value) : input.value.toFixed(options.places ?? 2),
    };
  });
  return { width, height: Math.max(rowHeight, inputs.length * rowHeight), barHeight, rows };
}

export interface Sparkline {
  width: number;
  height: number;
  /** SVG path data; empty when there is nothing to draw. */
  path: string;
  last?: { x: number; y: number } | undefined;
}

/** A line through the values, oldest first; missing days (null) break nothing, they are skipped. */
export function sparkline(values: Array<number | null>, width = 96, height = 24): Sparkline {
  const pad = 2;
  const known = values.flatMap((value, index) => (value === null ? [] : [{ value, index }]));
  if (known.length === 0) return { width, height, path: '' };
  const max = Math.max(...known.map((k) => k.value));
  const span = Math.max(1, values.length - 1);
  const point = ({ value, index }: { value: number; index: number }) => ({
    x: round(pad + (index / span) * (width - 2 * pad)),
    y: round(height - pad - (max > 0 ? value / max : 0) * (height - 2 * pad)),
  });
  const points = known.map(point);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
  return { width, height, path, last: points.at(-1) };
}

/** The trend in words, for people who cannot see the line. */
export function describeTrend(
  values: Array<number | null>,
  days: string[],
  t: Translate,
  number: (value: number) => string = (value) => value.toFixed(2),
): string {
  const known = values.flatMap((value, index) => (value === null ? [] : [{ value, day: days[index] ?? '' }]));
  const first = known[0];
  const last = known.at(-1);
  if (!first || !last) return t('trend.none');
  if (known.length === 1) return t('trend.one', number(last.value), last.day);
  const change = last.value - first.value;
  const direction = Math.abs(change) < 0.005 ? 'same' : change > 0 ? 'up' : 'down';
  return t('trend.change', number(first.value), first.day, direction, number(last.value), last.day);
}

const round = (value: number) => Math.round(value * 10) / 10;
