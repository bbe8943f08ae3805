// Why a syndicate's rate card cannot pay a piece of work (ledger/work-pay.ts `workRate`), in each language.
// The rate keeps its refusal as a key and values; its English `problem` (what the API has always
// answered) is this file's English, and the hours-to-approve page and the approval's refusal word it in
// the reader's language. Kept apart from the site's catalogue, as problem-titles.ts is: the work
// functions bundle it alone.
import type { Locale } from '../locales.ts';

type Level = 'foundation' | 'working' | 'proficient';

/** The work as its rate is looked up: a skill (at a level), or a service by name. */
export interface RatedWork {
  skillId?: string;
  level?: Level;
  service?: string;
}

export type RateProblem =
  | { key: 'no-line'; values: { work: RatedWork } }
  | { key: 'not-bound-hours'; values: { work: RatedWork; currency: string; per: string } };

interface Sentences {
  work: (work: RatedWork) => string;
  noLine: (what: string) => string;
  notBoundHours: (what: string, currency: string, per: string) => string;
}

const levelsEs: Record<Level, string> = { foundation: 'básico', working: 'intermedio', proficient: 'avanzado' };
const levelsNl: Record<Level, string> = { foundation: 'basis', working: 'gevorderd', proficient: 'vakkundig' };
const perEs: Record<string, string> = { hour: 'hora', day: 'día', week: 'semana', month: 'mes', job: 'trabajo' };
const perNl: Record<string, string> = { hour: 'uur', day: 'dag', week: 'week', month: 'maand', job: 'klus' };

const sentences: Record<Locale, Sentences> = {
  en: {
    work: ({ skillId, level, service }) =>
      skillId !== undefined ? `${skillId}${level ? ` at ${level} level` : ''}` : `the service "${service ?? ''}"`,
    noLine: (what) => `The syndicate's rate card has no line for ${what}: pick one of its lines.`,
    notBoundHours: (what, currency, per) =>
      `The rate card prices ${what} in ${currency} per ${per}; work is paid from lines in Bound per hour.`,
  },
  es: {
    work: ({ skillId, level, service }) =>
      skillId !== undefined
        ? `${skillId}${level ? ` de nivel ${levelsEs[level]}` : ''}`
        : `el servicio «${service ?? ''}»`,
    noLine: (what) => `Las tarifas del colectivo no tienen ninguna línea para ${what}: elige una de sus líneas.`,
    notBoundHours: (what, currency, per) =>
      `Las tarifas ponen precio a ${what} en ${currency} por ${perEs[per] ?? per}; el trabajo se paga con líneas en Bound por hora.`,
  },
  nl: {
    work: ({ skillId, level, service }) =>
      skillId !== undefined
        ? `${skillId}${level ? ` op niveau ${levelsNl[level]}` : ''}`
        : `de dienst „${service ?? ''}”`,
    noLine: (what) => `De tariefkaart van het collectief heeft geen regel voor ${what}: kies een van de regels.`,
    notBoundHours: (what, currency, per) =>
      `De tariefkaart prijst ${what} in ${currency} per ${perNl[per] ?? per}; werk wordt betaald uit regels in Bound per uur.`,
  },
};

/** Why the card cannot pay the work, in `locale`; in English, the sentence the API has always answered. */
export function rateProblemIn(problem: RateProblem, locale: Locale): string {
  const words = sentences[locale];
  const what = words.work(problem.values.work);
  return problem.key === 'no-line'
    ? words.noLine(what)
    : words.notBoundHours(what, problem.values.currency, problem.values.per);
}
