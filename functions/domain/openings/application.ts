// Applications to openings, and ranking applicants by how many of the required skills they hold.
import { levelRank, type SkillLevel } from '../content/commons.ts';
import { lazySchema } from '#domain/zod.ts';
import { text } from '../text.ts';
import type { Opening } from './opening.ts';
import type { ApplicationStatus, DeclineReason } from './stages.ts';

export type { ApplicationStatus } from './stages.ts';

/** The note an applicant sends with an application, from the API and from the opening's page alike. */
export const applicationNoteSchema = /* @__PURE__ */ lazySchema(() =>
  text(1, 2000, { multiline: true, label: 'note' }),
);

export interface Application {
  openingId: string;
  syndicateId: string;
  personId: string;
  note: string;
  /** The stage (stages.ts). The notification producer reads a stage change off this field. */
  status: ApplicationStatus;
  createdAt: string;
  updatedAt: string;
  /** Who moved it to accepted or declined (an admin, or the applicant answering an offer). */
  decidedBy?: string | undefined;
  /** Who made the last stage change, and the message sent with it, if any (also in the thread). */
  stagedBy?: string | undefined;
  stageMessage?: string | undefined;
  /** Why the syndicate declined (stages.ts), and the words beside the reason. */
  declineReason?: DeclineReason | undefined;
  declineNote?: string | undefined;
  /** The applicant attached the CV on their profile: the syndicate's admins may read it (cv-use-cases.ts). */
  withCv?: boolean | undefined;
}

export interface ApplicantSkills {
  credentialed: Array<{ skillId: string; level: SkillLevel }>;
  declared: string[];
}

export interface SkillMatch {
  skill: string;
  level: SkillLevel;
  /** How the applicant holds it, or `missing`. A credential below the asked level counts as `credential-below`. */
  held: 'credential' | 'credential-below' | 'declared' | 'missing';
}

export interface RankedApplicant<T> {
  applicant: T;
  matches: SkillMatch[];
  holds: number;
  missing: string[];
  /** Credential at the level: 3; below it: 2; self-declared: 1. */
  score: number;
}

const weight: Record<SkillMatch['held'], number> = { credential: 3, 'credential-below': 2, declared: 1, missing: 0 };

export function matchSkills(required: Opening['skills'], skills: ApplicantSkills): SkillMatch[] {
  const credentials = new Map(skills.credentialed.map((s) => [s.skillId, s.level]));
  const declared = new Set(skills.declared);
  return required.map(({ skill, level }) => {
    const credentialLevel = credentials.get(skill);
    const held: SkillMatch['held'] = credentialLevel
      ? levelRank[credentialLevel] >= levelRank[level]
        ? 'credential'
        : 'credential-below'
      : declared.has(skill)
        ? 'declared'
        : 'missing';
    return { skill, level, held };
  });
}

/** How an applicant's skills meet the skills an opening asks for: each skill, the count held, the score. */
export function measureMatch(required: Opening['skills'], skills: ApplicantSkills) {
  const matches = matchSkills(required, skills);
  return {
    matches,
    holds: matches.filter((m) => m.held !== 'missing').length,
    missing: matches.filter((m) => m.held === 'missing').map((m) => m.skill),
    score: matches.reduce((sum, m) => sum + weight[m.held], 0),
  };
}

/** Best match first; ties go to whoever applied first. */
export function rankApplicants<T extends { application: Application; skills: ApplicantSkills }>(
  opening: Pick<Opening, 'skills'>,
  applicants: T[],
): RankedApplicant<T>[] {
  return applicants
    .map((applicant) => ({ applicant, ...measureMatch(opening.skills, applicant.skills) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.holds - a.holds ||
        a.applicant.application.createdAt.localeCompare(b.applicant.application.createdAt),
    );
}
