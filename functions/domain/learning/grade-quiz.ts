// Grades a quiz on the server: the answers never leave it before the learner submits.
import type { Course } from '../content/commons.ts';
import { ValidationError } from '../errors.ts';

export interface QuestionResult {
  question: number;
  correct: boolean;
  /** The right option's index, revealed only after submission. */
  answer: number;
  explanation: string;
}

export interface QuizGrade {
  correct: number;
  total: number;
  /** correct / total, 0..1 */
  score: number;
  passMark: number;
  passed: boolean;
  results: QuestionResult[];
}

export function gradeQuiz(course: Course, answers: number[]): QuizGrade {
  const total = course.quiz.length;
  if (answers.length !== total) {
    throw new ValidationError([
      { field: 'body.answers', message: `expected ${total} answers, one per question, but got ${answers.length}` },
    ]);
  }
  const invalid = answers.flatMap((answer, index) => {
    const options = course.quiz[index]?.options.length ?? 0;
    return Number.isInteger(answer) && answer >= 0 && answer < options
      ? []
      : [{ field: `body.answers.${index}`, message: `must be an option number from 0 to ${options - 1}` }];
  });
  if (invalid.length > 0) throw new ValidationError(invalid);

  const results = course.quiz.map((question, index) => ({
    question: index,
    correct: answers[index] === question.answer,
    answer: question.answer,
    explanation: question.explanation,
  }));
  const correct = results.filter((result) => result.correct).length;
  const score = correct / total;
  // Compare in whole questions so 0.8 of 5 is exactly 4, with no float surprises.
  const passed = correct >= Math.ceil(course.passMark * total - 1e-9);
  return { correct, total, score, passMark: course.passMark, passed, results };
}
