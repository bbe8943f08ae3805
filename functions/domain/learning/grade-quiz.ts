// Grades one attempt on the server, against the questions drawn for it and nothing else. A fail says
// which questions were wrong, never which option was right nor why: otherwise a failed attempt would
// hand out the answers to copy into the next one. Answers and explanations come with a pass only.
import type { QuizQuestion } from '../content/commons.ts';
import { type FieldIssue, ValidationError } from '../errors.ts';
import { quizWords } from '../i18n/learning/quiz-refusals.ts';

/** The learner's answer to one drawn question: the number of the option chosen, from 0. */
export interface QuizAnswer {
  question: string;
  option: number;
}

export interface QuestionResult {
  question: string;
  correct: boolean;
}

/** A result after a pass: the right option and why. */
export interface RevealedResult extends QuestionResult {
  answer: number;
  explanation: string;
}

interface GradeFigures {
  correct: number;
  total: number;
  /** correct / total, 0..1 */
  score: number;
  passMark: number;
  /** Right answers needed to pass. */
  needed: number;
}

export type QuizGrade =
  | (GradeFigures & { passed: true; results: RevealedResult[] })
  | (GradeFigures & { passed: false; results: QuestionResult[] });

/** Whole questions, with no float surprises: 0.56 of 25 needs 14, though 0.56 × 25 is 14.000000000000002. */
export function rightAnswersNeeded(passMark: number, total: number): number {
  return Math.ceil(passMark * total - 1e-9);
}

/** Every drawn question answered once, with an option it has; each problem named by its field. */
function answerIssues(questions: QuizQuestion[], answers: QuizAnswer[]): FieldIssue[] {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const firstAnswer = new Map<string, number>();
  const issues: FieldIssue[] = [];
  answers.forEach((answer, index) => {
    const question = byId.get(answer.question);
    const earlier = firstAnswer.get(answer.question);
    if (!question) {
      issues.push({ field: `body.answers.${index}.question`, ...quizWords({ key: 'not-drawn', values: {} }) });
    } else if (earlier !== undefined) {
      issues.push({
        field: `body.answers.${index}.question`,
        ...quizWords({ key: 'answered-twice', values: { earlier } }),
      });
    } else {
      firstAnswer.set(answer.question, index);
      const options = question.options.length;
      if (!(Number.isInteger(answer.option) && answer.option >= 0 && answer.option < options)) {
        issues.push({
          field: `body.answers.${index}.option`,
          ...quizWords({ key: 'option-range', values: { options } }),
        });
      }
    }
  });
  const unanswered = questions.flatMap((question, position) => (firstAnswer.has(question.id) ? [] : [position + 1]));
  if (unanswered.length > 0) {
    issues.push({
      field: 'body.answers',
      ...quizWords({ key: 'unanswered', values: { questions: unanswered, total: questions.length } }),
    });
  }
  return issues;
}

export function gradeQuiz(questions: QuizQuestion[], passMark: number, answers: QuizAnswer[]): QuizGrade {
  const issues = answerIssues(questions, answers);
  if (issues.length > 0) throw new ValidationError(issues);

  const chosen = new Map(answers.map((answer) => [answer.question, answer.option]));
  const marked = questions.map((question) => ({ question, correct: chosen.get(question.id) === question.answer }));
  const total = questions.length;
  const correct = marked.filter((mark) => mark.correct).length;
  const needed = rightAnswersNeeded(passMark, total);
  const figures = { correct, total, score: correct / total, passMark, needed };
  if (correct >= needed) {
    const results = marked.map(({ question, correct: right }) => ({
      question: question.id,
      correct: right,
      answer: question.answer,
      explanation: question.explanation,
    }));
    return { ...figures, passed: true, results };
  }
  return {
    ...figures,
    passed: false,
    results: marked.map(({ question, correct: right }) => ({ question: question.id, correct: right })),
  };
}
