// Why a quiz attempt is refused (learning/grade-quiz.ts, quiz-use-cases.ts, quiz-wait.ts), in each
// language: the quiz page and the API (by Accept-Language) say it in the reader's. Kept apart from the
// site's catalogue, as practical-refusals.ts is: learning-api bundles this file alone. A field's
// sentence that follows its label ("Question: is not one of …") starts in lower case, as the English.
import { intlTags, type Locale } from '../locales.ts';

export type QuizRefusal =
  | { key: 'not-drawn' | 'draw-changed' | 'draw-not-waiting'; values: Record<string, never> }
  | { key: 'answered-twice'; values: { earlier: number } }
  | { key: 'option-range'; values: { options: number } }
  | { key: 'unanswered'; values: { questions: readonly number[]; total: number } }
  | { key: 'lessons-left'; values: { left: number; total: number; next: string } }
  | { key: 'try-again'; values: { minutes: number } }
  | { key: 'wait'; values: { failed: number; minutes: number } };

type Sentences = {
  [K in QuizRefusal['key']]: (values: Extract<QuizRefusal, { key: K }>['values']) => string;
};

const list = (locale: Locale, items: readonly number[]) =>
  new Intl.ListFormat(intlTags[locale], { type: 'conjunction' }).format(items.map(String));

const sentences: Record<Locale, Sentences> = {
  en: {
    'not-drawn': () => 'is not one of the questions drawn for this attempt',
    'answered-twice': ({ earlier }) =>
      `answers the same question as body.answers.${earlier}; answer each question once`,
    'option-range': ({ options }) => `Choose an option number from 0 to ${options - 1}.`,
    unanswered: ({ questions, total }) =>
      `answer every question drawn for this attempt: question${questions.length === 1 ? '' : 's'} ${questions.join(', ')} of ${total} ha${questions.length === 1 ? 's' : 've'} no answer`,
    'draw-changed': () => 'the course’s questions changed after this draw; open the quiz again for a new one',
    'draw-not-waiting': () =>
      'is not the draw waiting for your answers (it was submitted already, or replaced); open the quiz again and answer the questions it gives',
    'lessons-left': ({ left, total, next }) =>
      `Finish the lessons before the quiz: ${left} of ${total} ${left === 1 ? 'is' : 'are'} left, the next is “${next}”.`,
    'try-again': ({ minutes }) => `You can try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    wait: ({ failed, minutes }) =>
      `You have failed this quiz ${failed} times in a row. ${sentences.en['try-again']({ minutes })}`,
  },
  es: {
    'not-drawn': () => 'no es ninguna de las preguntas que te tocaron en este intento',
    'answered-twice': ({ earlier }) =>
      `responde a la misma pregunta que body.answers.${earlier}; responde a cada pregunta una sola vez`,
    'option-range': ({ options }) => `Elige un número de opción del 0 al ${options - 1}.`,
    unanswered: ({ questions, total }) =>
      `responde a todas las preguntas de este intento: ${questions.length === 1 ? 'la pregunta' : 'las preguntas'} ${list('es', questions)} de ${total} ${questions.length === 1 ? 'no tiene' : 'no tienen'} respuesta`,
    'draw-changed': () =>
      'las preguntas del curso han cambiado desde que te tocaron estas; vuelve a abrir el cuestionario para que te toquen otras',
    'draw-not-waiting': () =>
      'no es la tanda de preguntas que espera tus respuestas (ya se envió o se sustituyó); vuelve a abrir el cuestionario y responde a las preguntas que te toquen',
    'lessons-left': ({ left, total, next }) =>
      `Termina las lecciones antes del cuestionario: ${left === 1 ? 'queda' : 'quedan'} ${left} de ${total}, y la siguiente es «${next}».`,
    'try-again': ({ minutes }) =>
      `Puedes volver a intentarlo dentro de ${minutes} ${minutes === 1 ? 'minuto' : 'minutos'}.`,
    wait: ({ failed, minutes }) =>
      `Has suspendido este cuestionario ${failed} veces seguidas. ${sentences.es['try-again']({ minutes })}`,
  },
  nl: {
    'not-drawn': () => 'is geen van de vragen die voor deze poging zijn getrokken',
    'answered-twice': ({ earlier }) =>
      `beantwoordt dezelfde vraag als body.answers.${earlier}; beantwoord elke vraag maar één keer`,
    'option-range': ({ options }) => `Kies een optienummer van 0 tot en met ${options - 1}.`,
    unanswered: ({ questions, total }) =>
      `beantwoord elke vraag van deze poging: ${questions.length === 1 ? 'vraag' : 'vragen'} ${list('nl', questions)} van de ${total} ${questions.length === 1 ? 'heeft' : 'hebben'} geen antwoord`,
    'draw-changed': () =>
      'de vragen van de cursus zijn veranderd nadat deze set getrokken is; open de toets opnieuw voor een nieuwe set',
    'draw-not-waiting': () =>
      'is niet de set vragen die op je antwoorden wacht (die is al verstuurd of vervangen); open de toets opnieuw en beantwoord de vragen die je dan krijgt',
    'lessons-left': ({ left, total, next }) =>
      `Rond eerst de lessen af voor de toets: er ${left === 1 ? 'is' : 'zijn'} nog ${left} van de ${total} over, de volgende is ‘${next}’.`,
    'try-again': ({ minutes }) =>
      `Je kunt het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw proberen.`,
    wait: ({ failed, minutes }) =>
      `Je bent ${failed} keer achter elkaar gezakt voor deze toets. ${sentences.nl['try-again']({ minutes })}`,
  },
};

/** The refusal in `locale`: English is the sentence the rules write. */
export function quizRefusalIn(refusal: QuizRefusal, locale: Locale): string {
  const say = sentences[locale][refusal.key] as (values: QuizRefusal['values']) => string;
  return say(refusal.values);
}

/** The refusal's English and its words in each language, as an error or a field issue takes them. */
export const quizWords = (refusal: QuizRefusal) => ({
  message: quizRefusalIn(refusal, 'en'),
  wordsIn: (locale: Locale) => quizRefusalIn(refusal, locale),
});
