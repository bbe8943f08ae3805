// Why a training place's terms, or an application to one, are refused (openings/training-place.ts and
// training-use-cases.ts), in each language. The rules return their refusal as a key and values; the
// English `message` the API has always answered is this file's English, and the opening form, the apply
// button and the API word it in the reader's language. Kept apart from the site's catalogue, as
// rate-problems.ts is: the `api` function bundles this file alone.
import type { Locale } from '../locales.ts';

/** What the sentence names: the course's title, the syndicate's name, the skills the mentor lacks. */
export type TrainingRefusalSaid =
  | { key: 'no-course' | 'job-to-training' | 'training-to-job'; values: Record<string, never> }
  | { key: 'course-off-trade'; values: { course: string; syndicate: string } }
  | { key: 'mentor-not-member'; values: { syndicate: string } }
  | { key: 'mentor-lacks'; values: { course: string; skills: readonly string[] } }
  | { key: 'not-enrolled' | 'holds-credential'; values: { course: string } };

export type TrainingRefusalKey = TrainingRefusalSaid['key'];

type Sentences = {
  [K in TrainingRefusalKey]: (values: Extract<TrainingRefusalSaid, { key: K }>['values']) => string;
};

const list = (locale: string, items: readonly string[]) =>
  new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);

const sentences: Record<Locale, Sentences> = {
  en: {
    'no-course': () => 'There is no course with this id in the commons.',
    'course-off-trade': ({ course, syndicate }) =>
      `“${course}” teaches none of the skills of ${syndicate}’s trade or of this place: choose a course that teaches one, or name a skill it teaches.`,
    'mentor-not-member': ({ syndicate }) => `The mentor must be an active member of ${syndicate}.`,
    'mentor-lacks': ({ course, skills }) =>
      `The mentor needs a credential for ${skills.join(', ')}, at the level “${course}” teaches or above, to mentor it.`,
    'not-enrolled': ({ course }) =>
      `This training place is for learners of “${course}”: enroll in the course first, then apply.`,
    'holds-credential': ({ course }) =>
      `You hold the credential for “${course}” already: a training place is for learners part way through it.`,
    'job-to-training': () => 'A job cannot become a training place: post the training place as a new opening.',
    'training-to-job': () => 'A training place keeps its course and mentor: send them with every edit.',
  },
  es: {
    'no-course': () => 'No hay ningún curso con este id en el procomún.',
    'course-off-trade': ({ course, syndicate }) =>
      `«${course}» no enseña ninguna competencia del oficio de ${syndicate} ni de esta plaza: elige un curso que enseñe alguna, o añade a la plaza una competencia que el curso enseñe.`,
    'mentor-not-member': ({ syndicate }) => `El mentor tiene que ser miembro activo de ${syndicate}.`,
    'mentor-lacks': ({ course, skills }) =>
      `Para acompañar esta plaza, el mentor necesita una credencial de ${list('es-ES', skills)} del nivel que enseña «${course}» o superior.`,
    'not-enrolled': ({ course }) =>
      `Esta plaza de formación es para quienes estudian «${course}»: inscríbete primero en el curso y después preséntate.`,
    'holds-credential': ({ course }) =>
      `Ya tienes la credencial de «${course}»: las plazas de formación son para quienes están a mitad del curso.`,
    'job-to-training': () =>
      'Un puesto de trabajo no puede convertirse en plaza de formación: publica la plaza de formación como una vacante nueva.',
    'training-to-job': () =>
      'Una plaza de formación conserva su curso y su mentor: envíalos cada vez que la modifiques.',
  },
  nl: {
    'no-course': () => 'Er is geen cursus met deze id in de commons.',
    'course-off-trade': ({ course, syndicate }) =>
      `‘${course}’ leert geen enkele vaardigheid uit het vak van ${syndicate} of van deze plek: kies een cursus die er een leert, of voeg een vaardigheid toe die de cursus leert.`,
    'mentor-not-member': ({ syndicate }) => `De mentor moet een actief lid van ${syndicate} zijn.`,
    'mentor-lacks': ({ course, skills }) =>
      `Om deze leerplek te begeleiden heeft de mentor een diploma nodig voor ${list('nl-NL', skills)}, op het niveau dat ‘${course}’ leert of hoger.`,
    'not-enrolled': ({ course }) =>
      `Deze leerplek is voor cursisten van ‘${course}’: schrijf je eerst in voor de cursus en reageer daarna.`,
    'holds-credential': ({ course }) =>
      `Je hebt het diploma voor ‘${course}’ al: een leerplek is voor cursisten die halverwege de cursus zijn.`,
    'job-to-training': () => 'Een baan kan geen leerplek worden: plaats de leerplek als een nieuwe vacature.',
    'training-to-job': () => 'Een leerplek houdt haar cursus en mentor: stuur ze bij elke wijziging mee.',
  },
};

/** The refusal in `locale`: English is the sentence the rules have always written. */
export function trainingRefusalIn(said: TrainingRefusalSaid, locale: Locale): string {
  const say = sentences[locale][said.key] as (values: TrainingRefusalSaid['values']) => string;
  return say(said.values);
}
