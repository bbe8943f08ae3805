import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '#domain/content/commons.ts';
import { ValidationError } from '#domain/errors.ts';
import { gradeQuiz, type QuizAnswer, rightAnswersNeeded } from '#domain/learning/grade-quiz.ts';

/** `count` questions with three options each; question i's right option is i % 3. */
const questions = (count: number): QuizQuestion[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `00000000000${i.toString(16)}`.slice(-12),
    question: `Question ${i}?`,
    options: ['A', 'B', 'C'],
    answer: i % 3,
    explanation: `Explanation ${i}, only after a pass.`,
  }));
/** Answers with the first `right` of them right and the rest wrong. */
const answers = (asked: QuizQuestion[], right: number): QuizAnswer[] =>
  asked.map((question, index) => ({
    question: question.id,
    option: index < right ? question.answer : (question.answer + 1) % question.options.length,
  }));
/** The fields and messages a refused submission names. */
const issuesOf = (run: () => unknown) => {
  let refusal: unknown;
  try {
    run();
  } catch (error) {
    refusal = error;
  }
  expect(refusal).toBeInstanceOf(ValidationError);
  // The English each issue says (its words in Spanish and Dutch are i18n/learning/quiz-refusals.ts').
  return (refusal as ValidationError).issues.map(({ field, message }) => ({ field, message }));
};

describe('grading an attempt', () => {
  it.each([
    [6, 0.8, 5],
    [6, 0.5, 3],
    [10, 0.7, 7],
    [25, 0.56, 14],
    [5, 0.8, 4],
    [6, 1, 6],
  ])('of %i questions with pass mark %f needs %i right, in whole questions', (total, passMark, needed) => {
    expect(rightAnswersNeeded(passMark, total)).toBe(needed);
    const asked = questions(total);
    expect(gradeQuiz(asked, passMark, answers(asked, needed))).toMatchObject({ passed: true, correct: needed, needed });
    expect(gradeQuiz(asked, passMark, answers(asked, needed - 1))).toMatchObject({
      passed: false,
      correct: needed - 1,
      needed,
    });
  });

  it('scores the share of questions answered right', () => {
    const asked = questions(6);
    expect(gradeQuiz(asked, 0.8, answers(asked, 3))).toMatchObject({ correct: 3, total: 6, score: 0.5 });
    expect(gradeQuiz(asked, 0.8, answers(asked, 6))).toMatchObject({ correct: 6, total: 6, score: 1 });
    expect(gradeQuiz(asked, 0.8, answers(asked, 0))).toMatchObject({ correct: 0, total: 6, score: 0 });
  });

  it('counts answers by question, in whatever order they come', () => {
    const asked = questions(6);
    const reversed = answers(asked, 5).reverse();
    expect(gradeQuiz(asked, 0.8, reversed)).toMatchObject({ correct: 5, passed: true });
  });

  it('says which questions were wrong after a fail, and neither the right options nor the explanations', () => {
    const asked = questions(6);
    const grade = gradeQuiz(asked, 0.8, answers(asked, 4));
    expect(grade.results).toEqual(asked.map((question, index) => ({ question: question.id, correct: index < 4 })));
    const serialised = JSON.stringify(grade);
    for (const question of asked) expect(serialised).not.toContain(question.explanation);
    expect(serialised).not.toContain('"answer"');
  });

  it('gives each right option and its explanation after a pass', () => {
    const asked = questions(6);
    const grade = gradeQuiz(asked, 0.8, answers(asked, 5));
    expect(grade.results).toEqual(
      asked.map((question, index) => ({
        question: question.id,
        correct: index < 5,
        answer: question.answer,
        explanation: question.explanation,
      })),
    );
  });

  it('accepts the first and the last option of a question', () => {
    const asked = questions(3);
    const first = asked.map((question) => ({ question: question.id, option: 0 }));
    const last = asked.map((question) => ({ question: question.id, option: question.options.length - 1 }));
    expect(gradeQuiz(asked, 0.5, first).correct).toBe(1);
    expect(gradeQuiz(asked, 0.5, last).correct).toBe(1);
  });

  it.each([
    ['one past the last option', 3],
    ['a negative option', -1],
    ['a fractional option', 1.5],
  ])('refuses %s, naming the answer', (_name, option) => {
    const asked = questions(3);
    const sent = answers(asked, 3).map((answer, index) => (index === 1 ? { ...answer, option } : answer));
    expect(issuesOf(() => gradeQuiz(asked, 0.5, sent))).toEqual([
      { field: 'body.answers.1.option', message: 'Choose an option number from 0 to 2.' },
    ]);
  });

  it('refuses an answer to a question that was not drawn', () => {
    const asked = questions(3);
    const sent = [...answers(asked, 3), { question: 'ffffffffffff', option: 0 }];
    expect(issuesOf(() => gradeQuiz(asked, 0.5, sent))).toEqual([
      { field: 'body.answers.3.question', message: 'is not one of the questions drawn for this attempt' },
    ]);
  });

  it('refuses a second answer to the same question, so a learner cannot answer every option', () => {
    const asked = questions(3);
    const sent = [...answers(asked, 3), { question: asked[0]?.id ?? '', option: 2 }];
    expect(issuesOf(() => gradeQuiz(asked, 0.5, sent))).toEqual([
      {
        field: 'body.answers.3.question',
        message: 'answers the same question as body.answers.0; answer each question once',
      },
    ]);
  });

  it('refuses a submission that leaves drawn questions unanswered, naming them by position', () => {
    const asked = questions(4);
    expect(issuesOf(() => gradeQuiz(asked, 0.5, answers(asked, 4).slice(0, 3)))).toEqual([
      { field: 'body.answers', message: 'answer every question drawn for this attempt: question 4 of 4 has no answer' },
    ]);
    expect(issuesOf(() => gradeQuiz(asked, 0.5, answers(asked, 4).slice(1, 3)))).toEqual([
      {
        field: 'body.answers',
        message: 'answer every question drawn for this attempt: questions 1, 4 of 4 have no answer',
      },
    ]);
  });

  it('grades only the drawn questions: answers right for the rest of the pool count for nothing', () => {
    const pool = questions(6);
    const drawn = pool.slice(0, 3);
    expect(gradeQuiz(drawn, 1, answers(drawn, 3))).toMatchObject({ total: 3, correct: 3, passed: true });
    expect(issuesOf(() => gradeQuiz(drawn, 1, answers(pool, 6)))).toHaveLength(3);
  });
});
