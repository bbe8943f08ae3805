// bench:scale times every GET route with sample ids; a route whose path names a parameter the benchmark
// has no sample for stops the benchmark hours into a run. This finds it in a second instead.
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '#http/api.ts';
import { type SampledParameter, sampledParameters, samples } from '../../bench/scale-routes.ts';

const getRoutes = apiRoutes.filter((route) => route.method === 'GET');

describe('the scale benchmark’s samples', () => {
  it('has a sample for every path parameter of every GET route', () => {
    const missing = getRoutes.flatMap((route) =>
      [...route.path.matchAll(/\{(\w+)\}/g)]
        .map((match) => match[1] ?? '')
        .filter((name) => !sampledParameters.includes(name as SampledParameter))
        .map((name) => `{${name}} in ${route.path}`),
    );
    expect(missing).toEqual([]);
  });

  it('builds a call to each GET route with the samples filled in', () => {
    const values = Object.fromEntries(sampledParameters.map((name) => [name, `sample-${name}`]));
    const list = samples(values as Record<SampledParameter, string>, 'hot');
    for (const route of getRoutes) {
      expect(
        list.map((sample) => sample.label),
        route.path,
      ).toContain(route.path);
    }
    expect(list.every((sample) => !sample.path.includes('{'))).toBe(true);
  });

  it('times an opening’s Note with an opening id, a Group actor with a syndicate id, and the witnesses’ lists', () => {
    const values = Object.fromEntries(sampledParameters.map((name) => [name, `sample-${name}`]));
    const list = samples(values as Record<SampledParameter, string>, 'hot');
    const pathOf = (label: string) => list.find((sample) => sample.label === label)?.path;
    expect(pathOf('/api/federation/openings/{identifier}')).toBe('/api/federation/openings/sample-openingId');
    expect(pathOf('/api/federation/actors/{identifier}')).toBe('/api/federation/actors/sample-identifier');
    expect(pathOf('/api/registry-log/cosignatures')).toMatch(/^\/api\/registry-log\/cosignatures/);
    expect(pathOf('/api/registry-log/forks')).toMatch(/^\/api\/registry-log\/forks/);
  });
});
