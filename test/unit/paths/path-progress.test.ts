import { describe, expect, it } from 'vitest';
import type { PlannedCourse } from '#domain/paths/course-plan.ts';
import type { OccupationPath } from '#domain/paths/occupation-path.ts';
import { pathProgress } from '#domain/paths/path-progress.ts';

const uri = 'http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000001';
const path: OccupationPath = {
  id: 'electrician',
  label: 'Electrician',
  source: 'commons',
  skills: [
    { id: 'isolation', label: 'Isolation', commons: ['isolation'] },
    { id: 'testing', label: 'Testing', commons: ['testing'], esco: uri },
    { id: 'http://data.europa.eu/esco/skill/sockets', label: 'install sockets', commons: [] },
  ],
};
const plan: PlannedCourse[] = [
  { courseId: 'safety', teaches: ['isolation'], skills: ['isolation', 'framing'] },
  { courseId: 'inspection', teaches: ['testing'], skills: ['testing'] },
];
const holding = (credentialed: string[], declared: string[] = []) => ({
  credentialed: new Set(credentialed),
  declared: new Set(declared),
});

describe('progress along a path', () => {
  it('counts nothing held and offers the first course for a newcomer', () => {
    expect(pathProgress(path, plan, holding([]))).toEqual({
      held: 0,
      needed: 3,
      skills: {},
      coursesDone: [],
      nextCourse: 'safety',
    });
  });

  it('counts a skill held by credential or by declaration, the credential first', () => {
    const progress = pathProgress(path, plan, holding(['isolation'], ['isolation', 'testing']));
    expect(progress.skills).toEqual({ isolation: 'credential', testing: 'declared' });
    expect(progress.held).toBe(2);
  });

  it('counts a skill declared by its ESCO URI as held', () => {
    expect(pathProgress(path, plan, holding([], [uri])).skills).toEqual({ testing: 'declared' });
  });

  it('takes as next the first course whose planned skills are not all held, prerequisites included', () => {
    // isolation is held, but the first course is also planned for a prerequisite (framing) not held.
    expect(pathProgress(path, plan, holding(['isolation', 'testing'])).nextCourse).toBe('safety');
    expect(pathProgress(path, plan, holding(['isolation', 'framing'])).nextCourse).toBe('inspection');
  });

  it('has no next course once every planned course is done', () => {
    const progress = pathProgress(path, plan, holding(['isolation', 'framing', 'testing']));
    expect(progress.nextCourse).toBeUndefined();
    expect(progress.coursesDone).toEqual(['safety', 'inspection']);
    expect(progress).toMatchObject({ held: 2, needed: 3 });
  });
});
