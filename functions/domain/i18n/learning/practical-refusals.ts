// Why practical work refuses a learner's evidence or request, or an assessor's review (learning/
// practical-use-cases.ts, assess-practical.ts), in each language: the practical-work pages and the API
// (by Accept-Language) say it in the reader's. Kept apart from the site's catalogue, as
// assessor-refusals.ts is: practical-api bundles this file alone.
import type { Locale } from '../locales.ts';

export type PracticalRefusal =
  | { key: 'credential-held' | 'quiz-not-passed'; values: { course: string } }
  | { key: 'too-many-images'; values: { most: number } }
  | { key: 'other-trade'; values: { syndicate: string } }
  | { key: 'evidence-missing'; values: { tasks: readonly string[] } }
  | { key: 'evidence-kept' | 'signed-off' | 'no-new-evidence' | 'issued'; values: Record<string, never> };

type Sentences = {
  [K in PracticalRefusal['key']]: (values: Extract<PracticalRefusal, { key: K }>['values']) => string;
};

const list = (locale: string, items: readonly string[]) =>
  new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);

const sentences: Record<Locale, Sentences> = {
  en: {
    'credential-held': ({ course }) => `You hold the credential for “${course}” already.`,
    'quiz-not-passed': ({ course }) =>
      `Pass the quiz of “${course}” first: evidence of practical work is sent after it.`,
    'too-many-images': ({ most }) => `A task's evidence holds at most ${most} photos; remove one first.`,
    'other-trade': ({ syndicate }) =>
      `${syndicate} is not a syndicate of this course's trade; ask one whose members work in it.`,
    'evidence-missing': ({ tasks }) =>
      `Describe your evidence for every task before asking for an assessment: ${tasks.map((t) => `“${t}”`).join(', ')} ${tasks.length === 1 ? 'has' : 'have'} none yet.`,
    'evidence-kept': () => 'This task is signed off already; its evidence stays as the assessor saw it.',
    'signed-off': () => 'This task is signed off already.',
    'no-new-evidence': () =>
      'This task has no new evidence to review: the learner has yet to answer the last request for more.',
    issued: () => 'The credential for this course is issued already.',
  },
  es: {
    'credential-held': ({ course }) => `Ya tienes la credencial de «${course}».`,
    'quiz-not-passed': ({ course }) =>
      `Aprueba primero el cuestionario de «${course}»: las pruebas del trabajo práctico se envían después.`,
    'too-many-images': ({ most }) =>
      `Las pruebas de una tarea admiten como máximo ${most} fotos; quita una antes de añadir otra.`,
    'other-trade': ({ syndicate }) =>
      `${syndicate} no es un colectivo del oficio de este curso; pídeselo a uno cuyos miembros trabajen en él.`,
    'evidence-missing': ({ tasks }) =>
      `Describe tus pruebas de cada tarea antes de pedir una evaluación: ${list(
        'es-ES',
        tasks.map((t) => `«${t}»`),
      )} ${tasks.length === 1 ? 'no tiene' : 'no tienen'} ninguna todavía.`,
    'evidence-kept': () => 'Esta tarea ya está aprobada; sus pruebas se quedan tal como las vio la persona evaluadora.',
    'signed-off': () => 'Esta tarea ya está aprobada.',
    'no-new-evidence': () =>
      'Esta tarea no tiene pruebas nuevas que revisar: quien aprende aún no ha respondido a la última petición de más pruebas.',
    issued: () => 'La credencial de este curso ya se ha emitido.',
  },
  nl: {
    'credential-held': ({ course }) => `Je hebt het diploma voor ‘${course}’ al.`,
    'quiz-not-passed': ({ course }) => `Haal eerst de toets van ‘${course}’: bewijs van praktijkwerk stuur je daarna.`,
    'too-many-images': ({ most }) =>
      `Het bewijs van een opdracht bevat hoogstens ${most} foto’s; haal er eerst een weg.`,
    'other-trade': ({ syndicate }) =>
      `${syndicate} is geen collectief uit het vak van deze cursus; vraag er een waarvan de leden in dat vak werken.`,
    'evidence-missing': ({ tasks }) =>
      `Beschrijf je bewijs voor elke opdracht voordat je om een beoordeling vraagt: ${list(
        'nl-NL',
        tasks.map((t) => `‘${t}’`),
      )} ${tasks.length === 1 ? 'heeft' : 'hebben'} er nog geen.`,
    'evidence-kept': () => 'Deze opdracht is al afgetekend; het bewijs blijft zoals de beoordelaar het zag.',
    'signed-off': () => 'Deze opdracht is al afgetekend.',
    'no-new-evidence': () =>
      'Deze opdracht heeft geen nieuw bewijs om te beoordelen: de cursist heeft nog niet gereageerd op de laatste vraag om meer.',
    issued: () => 'Het diploma voor deze cursus is al uitgereikt.',
  },
};

/** The refusal in `locale`: English is the sentence the rules write. */
export function practicalRefusalIn(refusal: PracticalRefusal, locale: Locale): string {
  const say = sentences[locale][refusal.key] as (values: PracticalRefusal['values']) => string;
  return say(refusal.values);
}

/** The refusal's English and its words in each language, as a DomainError takes them. */
export const practicalWords = (refusal: PracticalRefusal) => {
  const message = practicalRefusalIn(refusal, 'en');
  return [message, { wordsIn: (locale: Locale) => practicalRefusalIn(refusal, locale) }] as const;
};
