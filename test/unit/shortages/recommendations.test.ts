import { describe, expect, it } from 'vitest';
import { type OpenOpening, qualifies, recommendCourses } from '#domain/shortages/recommendations.ts';
import { rankShortages } from '#domain/shortages/score.ts';
import { commons } from '../../support/services.ts';

const opening = (id: string, syndicateId: string, skills: string[], positions = 1): OpenOpening => ({
  id,
  title: `Opening ${id}`,
  syndicateId,
  skills: skills.map((skill) => ({ skill, level: 'working' as const })),
  positions,
  filled: 0,
});
const openings = [
  opening('o1', 's1', ['plasterboard-hanging', 'construction-site-safety'], 3),
  opening('o2', 's2', ['plasterboard-hanging']),
  opening('o3', 's1', ['construction-site-safety']),
  opening('o4', 's3', ['pv-commissioning-and-testing'], 2),
];
const shortages = rankShortages(
  [
    { skill: 'plasterboard-hanging', tally: { 'demand:2026-11-21': 160, openings: 2, positions: 4 } },
    { skill: 'construction-site-safety', tally: { 'demand:2026-11-21': 160, openings: 2, positions: 4, declared: 3 } },
    { skill: 'pv-commissioning-and-testing', tally: { 'demand:2026-11-21': 40, openings: 1, positions: 2 } },
  ],
  commons,
  '2026-11-21',
).skills;
const label = (skill: string) => commons.skills.get(skill)?.label;

function recommend(overrides: Partial<Parameters<typeof recommendCourses>[0]> = {}) {
  return recommendCourses({
    skills: {
      credentialed: [{ skillId: 'stud-wall-framing', level: 'working' }],
      declared: ['construction-site-safety'],
    },
    completedCourses: new Set(['timber-stud-partition-walls']),
    inProgressCourses: new Set(),
    openings,
    shortages,
    commons,
    ...overrides,
  });
}

describe('recommendations for a learner', () => {
  it('lists the openings the learner qualifies for now: every skill asked is held', () => {
    expect(recommend().qualifyNow.map((o) => o.id)).toEqual(['o3']);
    expect(qualifies(openings[0] as OpenOpening, new Set(['plasterboard-hanging']))).toBe(false);
  });

  it('puts first the course that closes the scarcest skill and fits, and says why in plain words', () => {
    const [first] = recommend().courses;
    expect(first).toMatchObject({
      courseId: 'plasterboard-hanging-and-jointing',
      prerequisites: { held: 2, total: 2, missing: [] },
      unlocks: ['o1', 'o2'],
    });
    expect(first?.reason).toBe(
      `4 open positions in 2 syndicates ask for ${label('plasterboard-hanging')}; you hold 2 of its 2 prerequisites; it builds on ${label(first?.adjacent[0]?.via ?? '')}, which you hold; after this course you would qualify for 2 more openings; ${label('plasterboard-hanging')} is in shortage.`,
    );
  });

  it('puts first a course teaching what the learner aims for, above a scarcer skill, and says so', () => {
    const goal = { skills: new Set(['food-hygiene-basics']), phrase: 'you aim to work in food' };
    const courses = recommend({ goal }).courses;
    expect(courses[0]?.aimedFor).toEqual(['food-hygiene-basics']);
    expect(courses[0]?.reason).toMatch(/^Because you aim to work in food, it teaches .+; /);
    // Behind the goal, shortage still decides: the scarcest course is next.
    expect(courses[1]?.courseId).toBe('plasterboard-hanging-and-jointing');
    expect(courses[1]?.reason).not.toMatch(/because/i);
  });

  it('ranks a course whose prerequisites the learner lacks below one that fits, at equal need', () => {
    const courses = recommend().courses;
    const pv = courses.find((c) => c.courseId === 'pv-testing-commissioning-and-maintenance');
    expect(pv?.prerequisites).toMatchObject({ held: 0, total: 2 });
    expect(pv?.fit).toBeLessThan(1);
    expect(pv?.reason).toMatch(/^2 open positions in 1 syndicate ask for .*; you hold 0 of its 2 prerequisites/);
  });

  it('leaves out courses already completed and courses that would teach nothing new', () => {
    const ids = recommend().courses.map((c) => c.courseId);
    expect(ids).not.toContain('timber-stud-partition-walls');
    const holdsAll = recommend({
      skills: {
        credentialed: [],
        declared: commons.courses.get('food-safety-in-the-kitchen')?.skills.map((s) => s.skill) ?? [],
      },
      completedCourses: new Set(),
    });
    expect(holdsAll.courses.map((c) => c.courseId)).not.toContain('food-safety-in-the-kitchen');
  });

  it('says so when no opening asks for what a course teaches', () => {
    const care = recommend().courses.find((c) => c.courseId === 'care-foundations-safe-practice');
    expect(care?.value).toBe(0);
    expect(care?.reason).toMatch(/^No open position asks for what it teaches yet; it needs no earlier skills/);
  });

  it('marks a course the learner has started', () => {
    const courses = recommend({ inProgressCourses: new Set(['plasterboard-hanging-and-jointing']) }).courses;
    expect(courses.find((c) => c.courseId === 'plasterboard-hanging-and-jointing')?.inProgress).toBe(true);
  });

  it('orders the same inputs the same way every time', () => {
    expect(recommend().courses.map((c) => c.courseId)).toEqual(recommend().courses.map((c) => c.courseId));
  });
});
