// A course recommendation's reason, an opening's best-match reason and a goal, in each language: the
// parts shortages/recommendations.ts and openings/best-match.ts join (shortages/reason-words.ts holds the
// English, what the API has always answered). A page passes its language's words; the API's
// recommendations and best-match boards pass the reader's (Accept-Language). Kept apart from the site's
// catalogue, as problem-titles.ts is: the functions that answer those routes bundle this file alone.
import {
  type GoalWords,
  goalWordsEn,
  listJoinedBy,
  type MatchWords,
  matchWordsEn,
  type ReasonWords,
  reasonWordsEn,
  sentenceOf,
} from '../../shortages/reason-words.ts';
import type { Locale } from '../locales.ts';

export interface RecommendationWords {
  goal: GoalWords;
  reason: ReasonWords;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const listEs = listJoinedBy(' y ');
const listNl = listJoinedBy(' en ');

const words: Record<Locale, RecommendationWords> = {
  en: { goal: goalWordsEn, reason: reasonWordsEn },
  es: {
    goal: {
      path: (label) => `el itinerario de ${label}`,
      trade: (label) => `trabajar en ${label.toLowerCase()}`,
      skills: (labels) => `aprender ${listEs(labels)}`,
      phrase: (parts) => `buscas ${parts.join(' y ')}`,
    },
    reason: {
      asked: (positions, syndicates, skill) =>
        `${count(positions, 'puesto abierto', 'puestos abiertos')} en ${count(syndicates, 'colectivo', 'colectivos')} ${positions === 1 ? 'pide' : 'piden'} ${skill}`,
      noneAsked: 'aún ningún puesto abierto pide lo que enseña',
      needsNothing: 'no necesita habilidades previas',
      holdPrerequisites: (held, total) => `tienes ${held} de ${count(total, 'requisito previo', 'requisitos previos')}`,
      buildsOn: (skill) => `parte de ${skill}, que ya tienes`,
      unlocks: (openings) =>
        `después de este curso cumplirías los requisitos de ${count(openings, 'vacante más', 'vacantes más')}`,
      alreadyHold: (skills) => `ya tienes ${skills} de las habilidades que enseña`,
      inShortage: (skills) => `${listEs(skills)} ${skills.length === 1 ? 'escasea' : 'escasean'}`,
      because: (goal, skills) => `como ${goal}, enseña ${listEs(skills)}`,
      sentence: sentenceOf,
    },
  },
  nl: {
    goal: {
      path: (label) => `het leerpad ${label}`,
      trade: (label) => `werk in ${label.toLowerCase()}`,
      skills: (labels) => listNl(labels),
      phrase: (parts) => parts.join(' en '),
    },
    reason: {
      asked: (positions, syndicates, skill) =>
        `${count(positions, 'open plaats', 'open plaatsen')} bij ${count(syndicates, 'collectief', 'collectieven')} ${positions === 1 ? 'vraagt' : 'vragen'} om ${skill}`,
      noneAsked: 'nog geen open plaats vraagt om wat deze cursus leert',
      needsNothing: 'er is geen voorkennis nodig',
      holdPrerequisites: (held, total) =>
        `je beheerst ${held} van de ${count(total, 'vereiste vaardigheid', 'vereiste vaardigheden')}`,
      buildsOn: (skill) => `hij bouwt voort op ${skill}, dat je al hebt`,
      unlocks: (openings) =>
        `na deze cursus kom je in aanmerking voor ${count(openings, 'vacature', 'vacatures')} meer`,
      alreadyHold: (skills) => `je hebt al ${skills} van wat hij leert`,
      inShortage: (skills) => `aan ${listNl(skills)} is een tekort`,
      because: (goal, skills) => `past bij je doel (${goal}): hij leert ${listNl(skills)}`,
      sentence: sentenceOf,
    },
  },
};

/** A course's reasons' and the goal's words in `locale`. */
export const recommendationWordsIn = (locale: Locale): RecommendationWords => words[locale];

// Apart from the courses' words, so the `api` function (recommendations) leaves these out and the
// best-match board's (market-api) carries them.
const matchWords: Record<Locale, MatchWords> = {
  en: matchWordsEn,
  es: {
    hold: (held, of) => `Tienes ${held} de ${count(of, 'competencia', 'competencias')}`,
    because: (goal) => `porque ${goal}`,
    inShortage: (skills) => `hay carencia de ${listEs(skills)}`,
  },
  nl: {
    hold: (held, of) => `Je hebt ${held} van ${count(of, 'vaardigheid', 'vaardigheden')}`,
    because: (goal) => `ze vraagt om wat je nastreeft (${goal})`,
    inShortage: (skills) => `er is een tekort aan ${listNl(skills)}`,
  },
};

/** The best-match reason's words in `locale`. */
export const matchWordsIn = (locale: Locale): MatchWords => matchWords[locale];
