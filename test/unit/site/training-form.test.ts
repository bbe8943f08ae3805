// The opening form's training place fields, read from a plain form post (no JavaScript): ticked, they
// send the course and the mentor (the select's, or the id typed past the members it lists); unticked, a
// job. The course select offers the syndicate's trade's courses first.
import { describe, expect, it } from 'vitest';
import { openingFromForm } from '../../../site/src/lib/forms.ts';
import { courseChoices } from '../../../site/src/lib/training-form.ts';
import { commons } from '../../support/services.ts';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const trainingOf = (data: FormData) => (openingFromForm(data) as { training?: unknown }).training;

describe('the opening form’s training place', () => {
  it('sends the course and the chosen mentor when “This is a training place” is ticked, and nothing when not', () => {
    const fields = { title: 'Trainee', trainingCourse: 'plasterboard-hanging-and-jointing', trainingMentor: 'lotte' };
    expect(trainingOf(form({ ...fields, training: 'on' }))).toEqual({
      courseId: 'plasterboard-hanging-and-jointing',
      mentorId: 'lotte',
    });
    expect(trainingOf(form(fields))).toBeUndefined();
  });

  it('takes a mentor’s typed id over the select, for a member past those it lists', () => {
    const typed = form({ training: 'on', trainingCourse: 'x', trainingMentor: 'lotte', trainingMentorId: ' bo ' });
    expect(trainingOf(typed)).toEqual({ courseId: 'x', mentorId: 'bo' });
  });

  it('offers the courses that teach a skill of the syndicate’s trade first, then every other course once', () => {
    const { ofTrade, others } = courseChoices(commons, 'construction');
    expect(ofTrade.map((c) => c.id)).toContain('plasterboard-hanging-and-jointing');
    expect(others.map((c) => c.id)).not.toContain('plasterboard-hanging-and-jointing');
    expect(others.map((c) => c.id)).toContain('haccp-for-small-kitchens');
    expect(ofTrade.length + others.length).toBe(commons.courses.size);
    const teachesTrade = (id: string) => {
      const course = commons.courses.get(id);
      return (
        course?.trade === 'construction' ||
        !!course?.skills.some((s) => commons.skills.get(s.skill)?.trade === 'construction')
      );
    };
    expect(ofTrade.every((c) => teachesTrade(c.id))).toBe(true);
    expect(others.some((c) => teachesTrade(c.id))).toBe(false);
  });
});
