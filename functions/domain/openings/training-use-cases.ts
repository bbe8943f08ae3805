// Reads the facts of a training place's rules (training-place.ts) for the opening use cases: the course,
// the mentor's membership and credentials when a place is posted or edited, and the applicant's
// enrollment when they apply. Each refusal is the rule's own sentence, in the reader's language where read.
import type { Commons } from '../content/commons.ts';
import { RuleViolationError, ValidationError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import type { LearningRepository } from '../learning/learning-repository.ts';
import type { Syndicate, SyndicateRepository } from '../syndicates/syndicate.ts';
import type { Opening, OpeningInput, OpeningKind } from './opening.ts';
import { trainingRefusalIn } from '../i18n/work/training-refusals.ts';
import { refusing, traineeRefusal, trainingPlaceRefusal } from './training-place.ts';

export interface TrainingDependencies {
  commons: Pick<Commons, 'courses' | 'skills'>;
  syndicates: Pick<SyndicateRepository, 'getMembership'>;
  learning: Pick<LearningRepository, 'findCredentialedSkills' | 'getEnrollment'>;
}

/** A refused term as the form's and the API's field issue, worded in the reader's language where read. */
const refusal = ({ field, message, wordsIn }: ReturnType<typeof refusing>) =>
  new ValidationError([{ field, message, wordsIn }]);

/**
 * The kind an opening's input makes, once a training place's terms are checked (422 naming the field);
 * an edit keeps the kind it was posted with, since its applicants applied to that.
 */
export async function kindFor(
  deps: TrainingDependencies,
  syndicate: Syndicate,
  input: OpeningInput,
  posted?: Pick<Opening, 'kind'>,
): Promise<{ kind?: OpeningKind }> {
  const kind: OpeningKind = input.training ? 'training' : 'job';
  if (posted && (posted.kind ?? 'job') !== kind)
    throw refusal(
      refusing('body.training', { key: kind === 'training' ? 'job-to-training' : 'training-to-job', values: {} }),
    );
  if (!input.training) return {};
  const { courseId, mentorId } = input.training;
  const course = deps.commons.courses.get(courseId);
  const taught = course?.skills.map((s) => s.skill) ?? [];
  const [mentorship, mentorHeld] = await Promise.all([
    deps.syndicates.getMembership(syndicate.id, mentorId),
    taught.length ? deps.learning.findCredentialedSkills([mentorId], taught) : [],
  ]);
  const placeRefusal = trainingPlaceRefusal({
    course,
    syndicate,
    named: input.skills.map((s) => s.skill),
    skillOf: (skillId) => deps.commons.skills.get(skillId),
    mentorship,
    mentorHeld,
    skillLabel: (skillId) => deps.commons.skills.get(skillId)?.label ?? skillId,
  });
  if (placeRefusal) throw refusal(placeRefusal);
  return { kind: 'training' };
}

/** A training place takes applications from learners of its course only (422 with the rule's sentence). */
export async function requireTrainee(deps: TrainingDependencies, opening: Opening, identity: Identity) {
  if (!opening.training) return;
  const course = deps.commons.courses.get(opening.training.courseId);
  const enrollment = await deps.learning.getEnrollment(identity.personId, opening.training.courseId);
  const said = traineeRefusal(enrollment, course ?? { title: opening.training.courseId });
  if (said)
    throw new RuleViolationError('not-a-learner-of-the-course', trainingRefusalIn(said, 'en'), {
      wordsIn: (locale) => trainingRefusalIn(said, locale),
    });
}
