import { describe, expect, it } from 'vitest';
import { shortagesCsv } from '#domain/shortages/csv.ts';
import { fadedDemand, rankShortages, round, shortageScore, weightedSupply } from '#domain/shortages/score.ts';
import { commons } from '../../support/services.ts';

describe('demand, supply and the score', () => {
  it.each([
    [0, 1],
    [30, 0.5],
    [60, 0.25],
  ])('weighs demand posted %i days ago at %f of its full-time equivalent', (age, weight) => {
    const posted = new Date(Date.UTC(2026, 10, 21) - age * 86_400_000).toISOString().slice(0, 10);
    // 2 positions × 20 hours = 1 full-time equivalent.
    expect(fadedDemand({ [`demand:${posted}`]: 40 }, '2026-11-21')).toBeCloseTo(weight, 12);
  });

  it('counts a credential as one person, a declaration as half, a learner as a quarter', () => {
    expect(weightedSupply({ credentialed: 2, declared: 2, learners: 4 })).toBe(4);
  });

  it('scores demand over supply plus one, so a skill nobody holds is as short as its demand', () => {
    expect(shortageScore(3, 0)).toBe(3);
    expect(shortageScore(3, 2)).toBe(1);
    expect(shortageScore(0, 5)).toBe(0);
  });
});

describe('the ranking', () => {
  it('ranks skills with the same demand by id, whether the sweep folded their demand days or not', () => {
    // 40 hours posted two days ago, summed by day, and the same hours folded yesterday: equal demand,
    // whose floats differ in the last bit.
    const ranked = rankShortages(
      [
        { skill: 'stud-wall-framing', tally: { 'demand:2026-11-19': 40 } },
        { skill: 'door-hanging', tally: { 'faded:2026-11-20': 40 * 2 ** (-1 / 30), foldedHours: 40 } },
      ],
      commons,
      '2026-11-21',
    );
    expect(ranked.skills.slice(0, 2).map((s) => [s.skill, s.demand])).toEqual([
      ['door-hanging', 0.955],
      ['stud-wall-framing', 0.955],
    ]);
  });

  const today = '2026-11-21';
  const ranking = rankShortages(
    [
      { skill: 'stud-wall-framing', tally: { 'demand:2026-11-21': 80, openings: 1, positions: 2, declared: 2 } },
      { skill: 'door-hanging', tally: { 'demand:2026-11-21': 80, openings: 1, positions: 2 } },
      {
        skill: 'food-temperature-control',
        tally: { 'demand:2026-11-21': 40, openings: 1, positions: 1, credentialed: 3 },
      },
    ],
    commons,
    today,
  );

  it('ranks every skill of the commons, the scarcest first, with the inputs beside the score', () => {
    expect(ranking.skills).toHaveLength(commons.skills.size);
    expect(ranking.skills.slice(0, 3).map((s) => [s.rank, s.skill, s.score])).toEqual([
      [1, 'door-hanging', 2],
      [2, 'stud-wall-framing', 1],
      [3, 'food-temperature-control', 0.25],
    ]);
    expect(ranking.skills[1]).toMatchObject({
      demand: 2,
      supply: 1,
      inputs: { openings: 1, positions: 2, wants: 0, wantedHours: 0, credentialed: 0, declared: 2, learners: 0 },
      trade: 'construction',
      tradeRank: 2,
    });
  });

  it('links each skill to the courses that teach it', () => {
    expect(ranking.skills.find((s) => s.skill === 'stud-wall-framing')?.courses).toContain(
      'timber-stud-partition-walls',
    );
  });

  it('ranks trades by their skills’ summed demand over summed supply', () => {
    expect(ranking.trades[0]).toMatchObject({ rank: 1, trade: 'construction', demand: 4, supply: 1, score: 2 });
    expect(ranking.trades).toHaveLength(commons.trades.length);
  });

  it('breaks ties by demand, then by skill id, so the order never depends on the store', () => {
    const tied = rankShortages([], commons, today).skills.map((s) => s.skill);
    expect(tied).toEqual([...commons.skills.keys()].sort());
  });
});

describe('the rounded figures', () => {
  it('round a value on a half the same whether it was summed or folded a last bit either side', () => {
    const half = 0.5625;
    for (const nearby of [half, half - Number.EPSILON / 2, half + Number.EPSILON / 2, 562.5 / 1000 - 1e-16]) {
      expect(round(nearby)).toBe(0.563);
    }
    expect(round(0.5624)).toBe(0.562);
  });
});

describe('the CSV', () => {
  it('has a header and one CRLF-terminated row per skill', () => {
    const ranking = rankShortages([], commons, '2026-11-21');
    const lines = shortagesCsv(ranking.skills).split('\r\n');
    expect(lines[0]).toMatch(/^rank,skill,label,trade,trade_rank,score,demand_fte,supply,/);
    expect(lines).toHaveLength(commons.skills.size + 2);
    expect(lines.at(-1)).toBe('');
  });

  it('writes a label a spreadsheet would run as a formula as text', () => {
    const [skill] = rankShortages([], commons, '2026-11-21').skills;
    if (!skill) throw new Error('the commons has skills');
    const row = shortagesCsv([{ ...skill, label: '@SUM(1+1)*cmd' }]).split('\r\n')[1];
    expect(row).toContain(`,${skill.skill},'@SUM(1+1)*cmd,`);
    expect(row).toMatch(/^1,/);
  });
});
