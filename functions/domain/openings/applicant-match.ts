// An applicant's match to an opening, kept on the application. Ranking used to read every application
// of an opening and every applicant on each request (issue 14: 403 items read for a page of 20 at 200
// applications); with the match stored, the store keeps the applications in score order (keys.ts,
// `applicantRankKeys`) and a page reads one page of them and the skills of those people only.
//
// Freshness: the match is computed when the person applies (or applies again) and again for each
// applicant a page of the list shows, from their skills and the opening's as they are at that moment;
// a changed match is shown at once and written back, so the order catches up as pages are read. Until
// an applicant is shown again, their place in the order is from their last match (`scoredAt` says when).
import { ConflictError } from '../errors.ts';
import type { LearningRepository } from '../learning/learning-repository.ts';
import { everyPage } from '../paged-reads.ts';
import { maxPageSize } from '../paging.ts';
import type { PeopleRepository, Person } from '../people/person.ts';
import { declaredSkillIds } from '../people/profile.ts';
import { type Application, measureMatch, type SkillMatch } from './application.ts';
import type { Opening } from './opening.ts';
import type { OpeningRepository } from './opening-repository.ts';

export interface ApplicantMatch {
  /** Credential at the level: 3 a skill; below it: 2; self-declared: 1. */
  score: number;
  holds: number;
  missing: string[];
  matches: SkillMatch[];
  /** When this match was computed. */
  scoredAt: string;
}

/** An application as stored: with its match once it has been scored (applications from before have none). */
export type ScoredApplication = Application & { match?: ApplicantMatch | undefined };

export interface MatchDependencies {
  people: Pick<PeopleRepository, 'getMany'>;
  learning: Pick<LearningRepository, 'findCredentialedSkills'>;
}

/**
 * Each person's match to the opening as of `at`, with the person read for it (absent if they have no
 * profile): one batched read of the people and one of the credentialed skills the opening asks for.
 */
export async function currentMatches(
  deps: MatchDependencies,
  opening: Pick<Opening, 'skills'>,
  personIds: readonly string[],
  at: string,
): Promise<Map<string, { match: ApplicantMatch; person: Person | undefined }>> {
  if (personIds.length === 0) return new Map();
  const [people, credentialed] = await Promise.all([
    deps.people.getMany(personIds),
    deps.learning.findCredentialedSkills(
      personIds,
      opening.skills.map((s) => s.skill),
    ),
  ]);
  const held = Map.groupBy(credentialed, (skill) => skill.personId);
  return new Map(
    personIds.map((personId) => {
      const person = people.get(personId);
      const skills = { credentialed: held.get(personId) ?? [], declared: person ? declaredSkillIds(person) : [] };
      return [personId, { match: { ...measureMatch(opening.skills, skills), scoredAt: at }, person }];
    }),
  );
}

/** Whether two matches say the same (when each was computed aside): an unchanged match is not written again. */
export const sameMatch = (a: ApplicantMatch | undefined, b: ApplicantMatch) =>
  a !== undefined &&
  a.score === b.score &&
  a.holds === b.holds &&
  a.matches.length === b.matches.length &&
  a.matches.every(
    (m, i) => m.skill === b.matches[i]?.skill && m.level === b.matches[i]?.level && m.held === b.matches[i]?.held,
  );

/**
 * A job, never a request: scores every standing application of every opening that takes or took them
 * (open, filled, closed), writing each match that changed. Run it once after the deploy that starts
 * keeping matches, so applications made before are ranked too; again at any time to bring every order
 * up to date at once. Each opening's applications are at most `maxApplicationsPerOpening`.
 */
export async function rescoreApplicants(
  deps: MatchDependencies & {
    openings: Pick<OpeningRepository, 'pageByStatus' | 'listApplications' | 'saveMatch'>;
    now: () => Date;
  },
): Promise<{ openings: number; applications: number; written: number }> {
  const done = { openings: 0, applications: 0, written: 0 };
  for (const status of ['open', 'filled', 'closed'] as const) {
    for await (const openings of everyPage((request) => deps.openings.pageByStatus(status, request))) {
      for (const opening of openings) {
        done.openings++;
        const standing = (await deps.openings.listApplications(opening.id)).filter((a) => a.status !== 'withdrawn');
        done.applications += standing.length;
        for (let start = 0; start < standing.length; start += maxPageSize) {
          const batch = standing.slice(start, start + maxPageSize);
          const at = deps.now().toISOString();
          const current = await currentMatches(
            deps,
            opening,
            batch.map((a) => a.personId),
            at,
          );
          for (const application of batch) {
            const match = current.get(application.personId)?.match;
            if (!match || sameMatch(application.match, match)) continue;
            await deps.openings.saveMatch(application, match).then(
              () => done.written++,
              (error: unknown) => {
                if (!(error instanceof ConflictError)) throw error;
              },
            );
          }
        }
      }
    }
  }
  return done;
}
