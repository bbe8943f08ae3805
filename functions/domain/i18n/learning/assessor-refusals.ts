// Why a person may not assess a learner's practical task (learning/practical.ts `assessorRefusal`), in each
// language. The rule returns its refusal as a key (the rule it names) and values; the English `message`
// the API has always answered is this file's English, and the practical-work page and the API word it in
// the reader's language. Kept apart from the site's catalogue, as problem-titles.ts is: the API functions
// that ask the rule bundle this file alone.
import type { Locale } from '../locales.ts';

export type SkillLevelName = 'foundation' | 'working' | 'proficient';

/** What the sentence names: the asked syndicate, or the course, the skills lacking and the level asked. */
export type AssessorRefusalSaid =
  | { rule: 'own-work' | 'not-asked'; values: Record<string, never> }
  | { rule: 'not-a-member' | 'other-trade' | 'conflicted'; values: { syndicate: string } }
  | { rule: 'lacks-credential'; values: { course: string; skills: readonly string[]; level: SkillLevelName } };

export type AssessorRule = AssessorRefusalSaid['rule'];

type Sentences = {
  [R in AssessorRule]: (values: Extract<AssessorRefusalSaid, { rule: R }>['values']) => string;
};

const list = (locale: string, items: readonly string[]) =>
  new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);

const levelsEs: Record<SkillLevelName, string> = {
  foundation: 'básico',
  working: 'intermedio',
  proficient: 'avanzado',
};
const levelsNl: Record<SkillLevelName, string> = { foundation: 'basis', working: 'gevorderd', proficient: 'vakkundig' };

const sentences: Record<Locale, Sentences> = {
  en: {
    'own-work': () => 'You cannot assess your own work: a member of another syndicate must.',
    'not-asked': () => 'The learner has not asked a syndicate to assess yet.',
    'not-a-member': ({ syndicate }) =>
      `Only active members of ${syndicate}, the syndicate the learner asked, can assess this work.`,
    'other-trade': ({ syndicate }) =>
      `${syndicate} is not a syndicate of this course's trade, so its members cannot assess it.`,
    'lacks-credential': ({ course, skills, level }) =>
      `To assess “${course}” you need a credential for ${skills.join(', ')} at ${level} level or above.`,
    conflicted: ({ syndicate }) =>
      `The learner has an open application to ${syndicate}; while it stands, its members cannot assess their work.`,
  },
  es: {
    'own-work': () => 'No puedes evaluar tu propio trabajo: tiene que hacerlo alguien de otro colectivo.',
    'not-asked': () => 'Quien aprende todavía no ha pedido a ningún colectivo que evalúe su trabajo.',
    'not-a-member': ({ syndicate }) =>
      `Solo los miembros activos de ${syndicate}, el colectivo al que se lo pidió quien aprende, pueden evaluar este trabajo.`,
    'other-trade': ({ syndicate }) =>
      `${syndicate} no es un colectivo del oficio de este curso, así que sus miembros no pueden evaluarlo.`,
    'lacks-credential': ({ course, skills, level }) =>
      `Para evaluar «${course}» necesitas una credencial de ${list('es-ES', skills)} de nivel ${levelsEs[level]} o superior.`,
    conflicted: ({ syndicate }) =>
      `Quien aprende tiene una candidatura abierta en ${syndicate}; mientras siga abierta, sus miembros no pueden evaluar su trabajo.`,
  },
  nl: {
    'own-work': () => 'Je kunt je eigen werk niet beoordelen: dat moet iemand van een ander collectief doen.',
    'not-asked': () => 'De cursist heeft nog geen collectief gevraagd het werk te beoordelen.',
    'not-a-member': ({ syndicate }) =>
      `Alleen actieve leden van ${syndicate}, het collectief dat de cursist vroeg, kunnen dit werk beoordelen.`,
    'other-trade': ({ syndicate }) =>
      `${syndicate} is geen collectief uit het vak van deze cursus, dus de leden kunnen het niet beoordelen.`,
    'lacks-credential': ({ course, skills, level }) =>
      `Om „${course}” te beoordelen heb je een diploma nodig voor ${list('nl-NL', skills)} op niveau ${levelsNl[level]} of hoger.`,
    conflicted: ({ syndicate }) =>
      `De cursist heeft een open sollicitatie bij ${syndicate}; zolang die loopt, kunnen de leden het werk van de cursist niet beoordelen.`,
  },
};

/** The refusal in `locale`: English is the sentence the rule has always written. */
export function assessorRefusalIn(said: AssessorRefusalSaid, locale: Locale): string {
  const say = sentences[locale][said.rule] as (values: AssessorRefusalSaid['values']) => string;
  return say(said.values);
}
