// A quiz attempt's refusals (i18n/learning/quiz-refusals.ts): every one in English, Spanish and Dutch,
// each language its own sentence naming what the English names, the unanswered questions listed as it lists.
import { describe, expect, it } from 'vitest';
import { type QuizRefusal, quizRefusalIn, quizWords } from '#domain/i18n/learning/quiz-refusals.ts';
import { locales } from '#domain/i18n/locales.ts';

const every: QuizRefusal[] = [
  { key: 'not-drawn', values: {} },
  { key: 'draw-changed', values: {} },
  { key: 'draw-not-waiting', values: {} },
  { key: 'answered-twice', values: { earlier: 3 } },
  { key: 'unanswered', values: { questions: [2, 7], total: 10 } },
  { key: 'lessons-left', values: { left: 2, total: 6, next: 'Cutting board' } },
  { key: 'try-again', values: { minutes: 7 } },
  { key: 'wait', values: { failed: 2, minutes: 7 } },
];

describe('a quiz attempt’s refusals', () => {
  it('are worded in each language, each its own, naming what they name, never "undefined"', () => {
    for (const refusal of every) {
      const words = locales.map((locale) => quizRefusalIn(refusal, locale));
      expect(new Set(words).size, refusal.key).toBe(locales.length);
      for (const sentence of words) {
        expect(sentence).not.toMatch(/undefined/);
        for (const value of Object.values(refusal.values).flat()) expect(sentence).toContain(String(value));
      }
    }
  });

  it('name the last option number, one less than the options', () => {
    const range: QuizRefusal = { key: 'option-range', values: { options: 4 } };
    expect(quizRefusalIn(range, 'en')).toBe('Choose an option number from 0 to 3.');
    expect(quizRefusalIn(range, 'es')).toBe('Elige un número de opción del 0 al 3.');
    expect(quizRefusalIn(range, 'nl')).toBe('Kies een optienummer van 0 tot en met 3.');
  });

  it('list the unanswered questions as each language lists them, one or several', () => {
    const two = every[4] as QuizRefusal;
    expect(quizRefusalIn(two, 'en')).toBe(
      'answer every question drawn for this attempt: questions 2, 7 of 10 have no answer',
    );
    expect(quizRefusalIn(two, 'es')).toContain('las preguntas 2 y 7 de 10 no tienen respuesta');
    expect(quizRefusalIn(two, 'nl')).toContain('vragen 2 en 7 van de 10 hebben geen antwoord');
    const one: QuizRefusal = { key: 'unanswered', values: { questions: [4], total: 10 } };
    expect(quizRefusalIn(one, 'es')).toContain('la pregunta 4 de 10 no tiene respuesta');
    expect(quizRefusalIn(one, 'nl')).toContain('vraag 4 van de 10 heeft geen antwoord');
  });

  it('say the wait in minutes, one minute in the singular', () => {
    expect(quizRefusalIn({ key: 'wait', values: { failed: 2, minutes: 1 } }, 'en')).toBe(
      'You have failed this quiz 2 times in a row. You can try again in 1 minute.',
    );
    expect(quizRefusalIn({ key: 'try-again', values: { minutes: 1 } }, 'es')).toContain('dentro de 1 minuto.');
    expect(quizRefusalIn({ key: 'try-again', values: { minutes: 1 } }, 'nl')).toContain('over 1 minuut');
  });

  it('give an error or a field issue its English message and its words in the others', () => {
    const { message, wordsIn } = quizWords({ key: 'lessons-left', values: { left: 1, total: 4, next: 'Sanding' } });
    expect(message).toBe('Finish the lessons before the quiz: 1 of 4 is left, the next is “Sanding”.');
    expect(wordsIn('es')).toBe(
      'Termina las lecciones antes del cuestionario: queda 1 de 4, y la siguiente es «Sanding».',
    );
  });
});
