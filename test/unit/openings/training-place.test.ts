// The training place's rules (training-place.ts): what a place must name, and who may apply. Each refusal
// beside the same facts that pass, so a refusal can never come from facts broken some other way.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors.ts';
import { locales } from '#domain/i18n/locales.ts';
import { issuesIn } from '#domain/i18n/translate-plain.ts';
import { type TrainingRefusalSaid, trainingRefusalIn } from '#domain/i18n/work/training-refusals.ts';
import { problemFor } from '#http/problem.ts';
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
    expect(trainingPlaceRefusal({ ...care, named: ['wound-care'] })).toMatchObject({
      field: 'body.training.courseId',
      message: expect.stringContaining('teaches none of the skills of Harbour Care’s trade or of this place'),
    });
  });

  it('refuses a course the commons does not have, naming the course field', () => {
    expect(trainingPlaceRefusal(facts({ course: undefined }))).toMatchObject({ field: 'body.training.courseId' });
  });

  it('refuses a mentor who is not an active member: asked to join, or not in the syndicate', () => {
    for (const mentorship of [{ status: 'requested' as const }, null])
      expect(trainingPlaceRefusal(facts({ mentorship }))).toMatchObject({
        field: 'body.training.mentorId',
        message: 'The mentor must be an active member of Riverside Builders.',
      });
  });

  it('refuses a mentor missing one of the course’s skills, or holding it below the course’s level, naming it', () => {
    expect(
      trainingPlaceRefusal(facts({ mentorHeld: [{ skillId: 'plasterboard-hanging', level: 'working' }] })),
    ).toMatchObject({
      field: 'body.training.mentorId',
      said: { key: 'mentor-lacks', values: { skills: ['plasterboard jointing'] } },
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
    const said = traineeRefusal(null, course);
    expect(said && trainingRefusalIn(said, 'en')).toBe(
      'This training place is for learners of “Plasterboard hanging and jointing”: enroll in the course first, then apply.',
    );
  });

  it('refuses someone who holds the course’s credential already', () => {
    for (const enrollment of [
      { status: 'completed' as const, credentialId: 'c1' },
      { status: 'in-progress' as const, credentialId: 'c1' },
    ])
      expect(traineeRefusal(enrollment, course)).toEqual({
        key: 'holds-credential',
        values: { course: 'Plasterboard hanging and jointing' },
      });
  });
});

describe('a training place’s refusals in the reader’s language', () => {
  const everyRefusal: TrainingRefusalSaid[] = [
    { key: 'no-course', values: {} },
    { key: 'course-off-trade', values: { course: course.title, syndicate: 'Riverside Builders' } },
    { key: 'mentor-not-member', values: { syndicate: 'Riverside Builders' } },
    { key: 'mentor-lacks', values: { course: course.title, skills: ['plasterboard hanging', 'jointing'] } },
    { key: 'not-enrolled', values: { course: course.title } },
    { key: 'holds-credential', values: { course: course.title } },
    { key: 'job-to-training', values: {} },
    { key: 'training-to-job', values: {} },
  ];

  it('words every refusal in English, Spanish and Dutch, naming what it names, never "undefined"', () => {
    for (const said of everyRefusal) {
      const words = locales.map((locale) => trainingRefusalIn(said, locale));
      expect(new Set(words).size).toBe(locales.length);
      for (const sentence of words) {
        expect(sentence).not.toContain('undefined');
        for (const value of Object.values(said.values).flat()) expect(sentence).toContain(value);
      }
    }
  });

  it('lists the skills a mentor lacks as each language joins a list', () => {
    const said = everyRefusal[3] as TrainingRefusalSaid;
    expect(trainingRefusalIn(said, 'en')).toContain('plasterboard hanging, jointing,');
    expect(trainingRefusalIn(said, 'es')).toContain('plasterboard hanging y jointing');
    expect(trainingRefusalIn(said, 'nl')).toContain('plasterboard hanging en jointing');
  });

  it('reaches the API’s problem and the opening form in Spanish, the field path unchanged', () => {
    const refusal = trainingPlaceRefusal(facts({ mentorship: null }));
    if (!refusal) throw new Error('expected a refusal');
    const error = new ValidationError([
      { field: refusal.field, message: refusal.message, wordsIn: (locale) => trainingRefusalIn(refusal.said, locale) },
    ]);
    const { problem } = problemFor(error, { exposeInternals: false, locale: 'es' });
    expect(problem.errors).toEqual([
      { field: 'body.training.mentorId', message: 'El mentor tiene que ser miembro activo de Riverside Builders.' },
    ]);
    expect(problem.detail).toContain('El mentor tiene que ser miembro activo de Riverside Builders.');
    expect(issuesIn(error.issues, 'nl')[0]?.message).toBe('De mentor moet een actief lid van Riverside Builders zijn.');
    expect(problemFor(error, { exposeInternals: false, locale: 'en' }).problem.errors).toEqual([
      { field: 'body.training.mentorId', message: 'The mentor must be an active member of Riverside Builders.' },
    ]);
  });
});
