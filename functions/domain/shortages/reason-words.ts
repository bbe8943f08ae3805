// A course recommendation's reason, an opening's best-match reason, and a goal, in words: the parts the
// domain joins. These are the English; i18n/learning/reason-words.ts says them in Spanish and Dutch, for a
// page in its language and for the API by Accept-Language.
import { plural } from '../plain-words.ts';

/** "A", "A and B", "A, B and C", with the language's "and". */
export const listJoinedBy =
  (and: string) =>
  (items: readonly string[]): string =>
    items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')}${and}${items.at(-1)}`;

export interface GoalWords {
  /** "for the Electrician path" */
  path(label: string): string;
  /** "to work in construction" */
  trade(label: string): string;
  /** "for A and B" */
  skills(labels: readonly string[]): string;
  /** "you aim for … and to work in …" */
  phrase(parts: readonly string[]): string;
}

export interface ReasonWords {
  asked(positions: number, syndicates: number, skill: string): string;
  noneAsked: string;
  needsNothing: string;
  holdPrerequisites(held: number, total: number): string;
  buildsOn(skill: string): string;
  unlocks(openings: number): string;
  alreadyHold(skills: number): string;
  inShortage(skills: readonly string[]): string;
  because(goal: string, skills: readonly string[]): string;
  /** The parts as one sentence. */
  sentence(parts: readonly string[]): string;
}

const listInEnglish = listJoinedBy(' and ');

export const goalWordsEn: GoalWords = {
  path: (label) => `for the ${label} path`,
  trade: (label) => `to work in ${label.toLowerCase()}`,
  skills: (labels) => `for ${listInEnglish(labels)}`,
  phrase: (parts) => `you aim ${parts.join(' and ')}`,
};

/** A sentence from parts: joined by semicolons, its first letter a capital, a full stop. */
export const sentenceOf = (parts: readonly string[]): string => {
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
};

export const reasonWordsEn: ReasonWords = {
  asked: (positions, syndicates, skill) =>
    `${plural(positions, 'open position')} in ${plural(syndicates, 'syndicate')} ${positions === 1 ? 'asks' : 'ask'} for ${skill}`,
  noneAsked: 'no open position asks for what it teaches yet',
  needsNothing: 'it needs no earlier skills',
  holdPrerequisites: (held, total) => `you hold ${held} of its ${plural(total, 'prerequisite')}`,
  buildsOn: (skill) => `it builds on ${skill}, which you hold`,
  unlocks: (openings) => `after this course you would qualify for ${plural(openings, 'more opening')}`,
  alreadyHold: (skills) => `you already hold ${skills} of what it teaches`,
  inShortage: (skills) => `${listInEnglish(skills)} ${skills.length === 1 ? 'is' : 'are'} in shortage`,
  because: (goal, skills) => `because ${goal}, it teaches ${listInEnglish(skills)}`,
  sentence: sentenceOf,
};

/** Why an opening suits a person (best-match.ts `matchOf`): the parts of `match.reason`. */
export interface MatchWords {
  /** "You hold 2 of 3 skills" */
  hold(held: number, of: number): string;
  /** "because you aim to work in construction" */
  because(goal: string): string;
  /** "Timber framing is in shortage" */
  inShortage(skills: readonly string[]): string;
}

export const matchWordsEn: MatchWords = {
  hold: (held, of) => `You hold ${held} of ${of} ${of === 1 ? 'skill' : 'skills'}`,
  because: (goal) => `because ${goal}`,
  inShortage: (skills) => `${listInEnglish(skills)} ${skills.length === 1 ? 'is' : 'are'} in shortage`,
};
