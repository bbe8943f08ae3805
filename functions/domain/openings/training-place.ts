// Training places (issue 18): an opening of kind `training`, for a learner part way through a course that
// teaches the syndicate's skills, with a mentor from its members. Pure rules, each in one place: what a
// place must name (a course the syndicate can teach, a mentor who holds it), and who may apply (a learner
// of the course, not yet holding its credential). The use cases (opening-use-cases.ts) read the facts.
import * as z from 'zod/mini';
import { text } from '../text.ts';
import { lazySchema } from '#domain/zod.ts';
import { type Course, commonsIdSchema, type Skill } from '../content/commons.ts';
import type { Enrollment } from '../learning/enrollment.ts';
import type { CredentialedSkill } from '../learning/learning-repository.ts';
import { skillsLacking } from '../learning/practical.ts';
import type { Membership, Syndicate } from '../syndicates/syndicate.ts';
import type { Locale } from '../i18n/locales.ts';
import { type TrainingRefusalSaid, trainingRefusalIn } from '../i18n/work/training-refusals.ts';

/** What an admin names for a training place: the course it trains toward and the member who mentors. */
export const trainingInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    courseId: commonsIdSchema(),
    // A person's id as the issuer gave it, normalised like every string a body carries (text.ts).
    mentorId: text(1, 128, { label: 'mentor' }),
  }),
);
export type TrainingPlace = z.infer<ReturnType<typeof trainingInputSchema>>;

/**
 * A refusal of a training place's terms, naming the field a person corrects. `said` is the sentence as a
 * key and values, worded in each language by i18n/work/training-refusals.ts; `message` is its English.
 */
export interface TrainingPlaceRefusal {
  field: 'body.training.courseId' | 'body.training.mentorId';
  said: TrainingRefusalSaid;
  message: string;
  /** The sentence in the reader's language (the API's problem, the opening form). */
  wordsIn: (locale: Locale) => string;
}

/** A refusal with its English sentence beside it (what the API has always answered). */
export const refusing = <F extends string>(field: F, said: TrainingRefusalSaid) => ({
  field,
  said,
  message: trainingRefusalIn(said, 'en'),
  wordsIn: (locale: Locale) => trainingRefusalIn(said, locale),
});

export interface TrainingPlaceFacts {
  course: Pick<Course, 'title' | 'level' | 'skills'> | undefined;
  syndicate: Pick<Syndicate, 'name' | 'trade'>;
  /** The skills the place itself names (the opening's skills). */
  named: readonly string[];
  skillOf: (skillId: string) => Pick<Skill, 'trade'> | undefined;
  /** The mentor's membership of the syndicate, and the course's skills they hold by credential. */
  mentorship: Pick<Membership, 'status'> | null;
  mentorHeld: readonly Pick<CredentialedSkill, 'skillId' | 'level'>[];
  skillLabel: (skillId: string) => string;
}

/**
 * The place's terms: the course exists and teaches at least one skill of the syndicate's trade or one the
 * place names; the mentor is an active member holding each of the course's skills by credential at the
 * level the course teaches it or above (the assessor rule's own test of credentials: learning/practical.ts).
 */
export function trainingPlaceRefusal(facts: TrainingPlaceFacts): TrainingPlaceRefusal | null {
  const course = facts.course;
  if (!course) return refusing('body.training.courseId', { key: 'no-course', values: {} });
  const taught = course.skills.map((s) => s.skill);
  const fits = taught.some(
    (skillId) => facts.skillOf(skillId)?.trade === facts.syndicate.trade || facts.named.includes(skillId),
  );
  if (!fits)
    return refusing('body.training.courseId', {
      key: 'course-off-trade',
      values: { course: course.title, syndicate: facts.syndicate.name },
    });
  if (facts.mentorship?.status !== 'active')
    return refusing('body.training.mentorId', {
      key: 'mentor-not-member',
      values: { syndicate: facts.syndicate.name },
    });
  const missing = skillsLacking(course.skills, facts.mentorHeld);
  if (missing.length > 0)
    return refusing('body.training.mentorId', {
      key: 'mentor-lacks',
      values: { course: course.title, skills: missing.map(facts.skillLabel) },
    });
  return null;
}

/**
 * Who may apply for a training place: a learner with an in-progress enrollment in its course, which
 * includes one who passed the quiz and awaits the practical sign-off; not someone who holds the
 * credential already, nor someone not enrolled. Null when they may, else why not, as a key and values
 * (i18n/work/training-refusals.ts words it).
 */
export function traineeRefusal(
  enrollment: Pick<Enrollment, 'status' | 'credentialId'> | null,
  course: Pick<Course, 'title'>,
): TrainingRefusalSaid | null {
  if (!enrollment) return { key: 'not-enrolled', values: { course: course.title } };
  if (enrollment.credentialId || enrollment.status !== 'in-progress')
    return { key: 'holds-credential', values: { course: course.title } };
  return null;
}
