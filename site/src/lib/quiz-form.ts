// The quiz form as posted: the draw it answers and one radio group per drawn question, named by the
// question's id. Anything that is not an option of its question counts as no answer, so the page asks
// for it again instead of sending the grader a value it would refuse.
import type { QuizAnswer } from '#domain/learning/grade-quiz.ts';
import type { QuizView } from '#domain/learning/quiz-use-cases.ts';

type DrawnQuestion = NonNullable<QuizView['draw']>['questions'][number];

export const answerField = (questionId: string) => `answer-${questionId}`;
export const optionId = (questionId: string, option: number) => `q-${questionId}-${option}`;

export interface PostedQuiz {
  drawId: string;
  answers: QuizAnswer[];
  /** Positions (from 0) of the drawn questions with no usable answer. */
  missing: number[];
}

export function readQuizForm(form: FormData, questions: DrawnQuestion[]): PostedQuiz {
  const drawId = form.get('drawId');
  const answers: QuizAnswer[] = [];
  const missing: number[] = [];
  questions.forEach((question, position) => {
    const raw = form.get(answerField(question.id));
    const option = typeof raw === 'string' && /^\d{1,2}$/.test(raw) ? Number(raw) : -1;
    if (option >= 0 && option < question.options.length) answers.push({ question: question.id, option });
    else missing.push(position);
  });
  return { drawId: typeof drawId === 'string' ? drawId.slice(0, 64) : '', answers, missing };
}
