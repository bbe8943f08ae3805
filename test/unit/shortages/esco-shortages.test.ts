// The ESCO skills in the shortage index: scored by the commons' formula, ranked apart from the commons'
// skills, listed only while someone asks for or holds them, and named by URI when search cannot say.
import { describe, expect, it } from 'vitest';
import { SearchUnavailableError } from '#domain/errors.ts';
import { escoLabelsOf, rankEscoShortages } from '#domain/shortages/esco-shortages.ts';
import type { SkillAggregate } from '#domain/shortages/shortage-repository.ts';
import { demandKey } from '#domain/shortages/tally.ts';

const plumbing = 'http://data.europa.eu/esco/skill/d809a1d2-b80e-43e4-8984-de7517fb68f1';
const welding = 'http://data.europa.eu/esco/skill/050dc15e-a41f-4958-bb2c-3fa46c2182be';
const idle = 'http://data.europa.eu/esco/skill/03305638-bd08-410a-a960-f963ad89cce6';
const today = '2026-12-01';
const aggregates: SkillAggregate[] = [
  // One full-time position posted today, one declared holder: 1 / (0.5 + 1).
  { skill: plumbing, tally: { openings: 1, positions: 1, [demandKey(today)]: 40, declared: 1 } },
  // Two full-time positions, nobody: 2 / 1.
  { skill: welding, tally: { openings: 1, positions: 2, [demandKey(today)]: 80 } },
  { skill: idle, tally: {} },
  { skill: 'solar-site-survey', tally: { openings: 1, positions: 5, [demandKey(today)]: 200 } },
  { skill: 'board:all', tally: { openings: 3, positions: 8 } },
];

describe('the ESCO skills in the shortage index', () => {
  it('ranks the ESCO skills asked for or held by the same score, leaving out the commons’ and idle ones', () => {
    const ranked = rankEscoShortages(aggregates, today, new Map([[plumbing, 'repair plumbing systems']]));
    expect(ranked.map((s) => [s.rank, s.skill, s.label, s.score, s.supply])).toEqual([
      [1, welding, welding, 2, 0],
      [2, plumbing, 'repair plumbing systems', 0.667, 0.5],
    ]);
    expect(ranked[1]?.inputs).toMatchObject({ openings: 1, positions: 1, declared: 1 });
  });

  it('names ESCO skills by URI while search is down, rather than failing the open data', async () => {
    const down = async () => {
      throw new SearchUnavailableError('Search is unavailable.');
    };
    expect(await escoLabelsOf(aggregates, down)).toEqual(new Map());
    const broken = async () => {
      throw new TypeError('a bug');
    };
    await expect(escoLabelsOf(aggregates, broken)).rejects.toThrow(TypeError);
  });
});
