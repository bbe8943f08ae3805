// The training place's rules (training-place.ts): what a place must name, and who may apply. Each refusal
// beside the same facts that pass, so a refusal can never come from facts broken some other way.
import { describe, expect, it } from 'vitest';
import { type TrainingPlaceFacts, traineeRefusal, trainingPlaceRefusal } from '#domain/openings/training-place.ts';

const course = {
  title: 'Plasterboard hanging and jointing',
  level: 'working' as const,
  skills: [
    { skill: 'plasterboard-hanging', level: 'working' as const },
    { skill: 'plasterboard-jointing', level: 'working' as const },
  ],
};
const trades: Record<string, 'construction' | 'care'> = {
  'plasterboard-hanging': 'construction',
  'plasterboard-jointing': 'construction',
  'wound-care': 'care',
};
const facts = (overrides: Partial<TrainingPlaceFacts> = {}): TrainingPlaceFacts => ({
  course,
  syndicate: { name: 'Riverside Builders', trade: 'construction' },
  named: ['plasterboard-hanging'],
  skillOf: (skillId) => {
    const trade = trades[skillId];
    return trade ? { trade } : undefined;
  },
  mentorship: { status: 'active' },
  mentorHeld: [
    { skillId: 'plasterboard-hanging', level: 'working' },
    { skillId: 'plasterboard-jointing', level: 'proficient' },
  ],
  skillLabel: (skillId) => skillId.replace('-', ' '),
  ...overrides,
});

describe('what a training place must name', () => {
  it('takes a course of the syndicate’s trade with an active member holding its skills as mentor', () => {
    expect(trainingPlaceRefusal(facts())).toBeNull();
  });

  it('takes a course of another trade when the place names a skill it teaches', () => {
    const care = facts({ syndicate: { name: 'Harbour Care', trade: 'care' } });
    expect(trainingPlaceRefusal(care)).toBeNull();
    expect(trainingPlaceRefusal({ ...care, named: ['wound-care'] })).toEqual({
      field: 'body.training.courseId',
      message: expect.stringContaining('teaches none of the skills of Harbour Care’s trade or of this place'),
    });
  });

  it('refuses a course the commons does not have, naming the course field', () => {
    expect(trainingPlaceRefusal(facts({ course: undefined }))).toMatchObject({ field: 'body.training.courseId' });
  });

  it('refuses a mentor who is not an active member: asked to join, or not in the syndicate', () => {
    for (const mentorship of [{ status: 'requested' as const }, null])
      expect(trainingPlaceRefusal(facts({ mentorship }))).toEqual({
        field: 'body.training.mentorId',
        message: 'The mentor must be an active member of Riverside Builders.',
      });
  });

  it('refuses a mentor missing one of the course’s skills, or holding it below the course’s level, naming it', () => {
    expect(
      trainingPlaceRefusal(facts({ mentorHeld: [{ skillId: 'plasterboard-hanging', level: 'working' }] })),
    ).toEqual({
      field: 'body.training.mentorId',
      message:
        'The mentor needs a credential for plasterboard jointing, at the level “Plasterboard hanging and jointing” teaches or above, to mentor it.',
    });
    const below = facts({
      mentorHeld: [
        { skillId: 'plasterboard-hanging', level: 'foundation' },
        { skillId: 'plasterboard-jointing', level: 'working' },
      ],
    });
    expect(trainingPlaceRefusal(below)?.message).toContain('credential for plasterboard hanging, at the level');
  });
});

describe('who may apply for a training place', () => {
  it('lets a learner part way through the course apply, and one who passed the quiz awaiting sign-off', () => {
    expect(traineeRefusal({ status: 'in-progress' }, course)).toBeNull();
  });

  it('refuses someone not enrolled in the course, saying to enroll first', () => {
    expect(traineeRefusal(null, course)).toBe(
      'This training place is for learners of “Plasterboard hanging and jointing”: enroll in the course first, then apply.',
    );
  });

  it('refuses someone who holds the course’s credential already', () => {
    for (const enrollment of [
      { status: 'completed' as const, credentialId: 'c1' },
      { status: 'in-progress' as const, credentialId: 'c1' },
    ])
      expect(traineeRefusal(enrollment, course)).toContain('You hold the credential');
  });
});
