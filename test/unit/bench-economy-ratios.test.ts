// bench:api's economy table: each route's p50 is put beside the raw read of its own period's snapshot,
// in process and over HTTP, round by round (the median of the rounds' ratios); the raw read over HTTP
// beside the raw read in process; a raw read in process beside nothing.
import { describe, expect, it } from 'vitest';
import { economyRatios, type InterleavedRow } from '../../bench/economy-bench.ts';

const row = (label: string, roundP50: number[]): InterleavedRow => ({
  label,
  connections: 10,
  rps: 1,
  p50: roundP50[0] ?? 0,
  p95: 0,
  p99: 0,
  errors: 0,
  roundP50,
});

const rows = [
  row('raw (30)', [2, 4, 4]),
  row('raw over HTTP (30)', [3, 5, 8]),
  row('route (30)', [3, 6, 6]),
  row('raw (year)', [1, 1, 1]),
  row('route (year)', [2, 3, 4]),
];
const at = (label: string) => rows.find((r) => r.label === label) as InterleavedRow;

describe('the economy table’s ratios', () => {
  it('takes a route against its raw reads, round by round, the median of the rounds', () => {
    const ratios = economyRatios(rows, at('route (30)'), { inProcess: 'raw (30)', overHttp: 'raw over HTTP (30)' });
    // In process: 3/2, 6/4, 6/4 → 1.5. Over HTTP: 3/3, 6/5, 6/8 → 1.
    expect(ratios).toEqual({ inProcess: 1.5, overHttp: 1 });
  });

  it('takes each period against its own raw read', () => {
    expect(economyRatios(rows, at('route (year)'), { inProcess: 'raw (year)' })).toEqual({
      inProcess: 3,
      overHttp: undefined,
    });
  });

  it('gives no ratio without a baseline, or for one not measured', () => {
    expect(economyRatios(rows, at('raw (30)'), {})).toEqual({ inProcess: undefined, overHttp: undefined });
    expect(economyRatios(rows, at('route (30)'), { overHttp: 'raw over HTTP (year)' }).overHttp).toBeUndefined();
  });
});
