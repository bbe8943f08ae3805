import { describe, expect, it } from 'vitest';
import type { Course } from '#domain/content/commons.ts';
import { drawnQuestions, drawQuestionIds, newDraw, questionsPerAttempt } from '#domain/learning/quiz-draw.ts';
import { minutesUntil, quizWait, tryAgainSentence } from '#domain/learning/quiz-wait.ts';

const pool = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];
/** A random source that answers from a fixed list, and records what it was asked. */
const sequence = (values: number[]) => {
  const asked: number[] = [];
  const next = (maxExclusive: number) => {
    asked.push(maxExclusive);
    return values[asked.length - 1] ?? 0;
  };
  return Object.assign(next, { asked });
};

describe('drawing an attempt’s questions', () => {
  it('draws the asked number of distinct questions from the pool', () => {
    const drawn = drawQuestionIds(pool, 6, sequence([5, 0, 9, 3, 7, 1]));
    expect(drawn).toHaveLength(6);
    expect(new Set(drawn).size).toBe(6);
    for (const id of drawn) expect(pool).toContain(id);
  });

  it('is a partial Fisher–Yates shuffle: each pick is one of the questions not yet drawn', () => {
    const random = sequence([11, 0, 0]);
    expect(drawQuestionIds(pool, 3, random)).toEqual(['l', 'b', 'c']);
    expect(random.asked).toEqual([12, 11, 10]);
    expect(drawQuestionIds(pool, 3, sequence([0, 10, 9]))).toEqual(['a', 'l', 'b']);
  });

  it('draws differently with different randomness, and the same with the same', () => {
    const one = drawQuestionIds(pool, 6, sequence([0, 0, 0, 0, 0, 0]));
    const other = drawQuestionIds(pool, 6, sequence([11, 10, 9, 8, 7, 6]));
    expect(one).not.toEqual(other);
    expect(drawQuestionIds(pool, 6, sequence([11, 10, 9, 8, 7, 6]))).toEqual(other);
  });

  it('reaches every question of the pool, with a fair source, in a few hundred draws', () => {
    let state = 7;
    const lcg = (maxExclusive: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state % maxExclusive;
    };
    const seen = new Set<string>();
    for (let draw = 0; draw < 300; draw++) for (const id of drawQuestionIds(pool, 6, lcg)) seen.add(id);
    expect([...seen].sort()).toEqual(pool);
  });

  it('does not change the pool it draws from', () => {
    const copy = [...pool];
    drawQuestionIds(copy, 6, sequence([3, 3, 3, 3, 3, 3]));
    expect(copy).toEqual(pool);
  });

  it('draws the whole pool, shuffled, when an attempt asks every question', () => {
    expect(drawQuestionIds(pool, 12, sequence([11])).sort()).toEqual(pool);
  });

  it('draws nothing when asked for no questions', () => {
    expect(drawQuestionIds(pool, 0, sequence([]))).toEqual([]);
  });

  it.each([
    ['more than the pool holds', 13],
    ['a negative count', -1],
    ['a fractional count', 2.5],
  ])('refuses to draw %s, saying how many it was asked for', (_name, count) => {
    expect(() => drawQuestionIds(pool, count, sequence([]))).toThrow(
      new RangeError(`cannot draw ${count} questions from a pool of 12`),
    );
  });

  it.each([
    [12, 'the size of the rest'],
    [-1, 'below zero'],
    [0.5, 'not whole'],
  ])('refuses a random source that answers %s (%s), saying what it gave', (value) => {
    expect(() => drawQuestionIds(pool, 1, () => value)).toThrow(
      new RangeError(`the random source gave ${value}, outside 0..11`),
    );
  });

  it('asks what the course says an attempt asks, and never more than its pool holds', () => {
    const quiz = pool.map((id) => ({ id }));
    expect(questionsPerAttempt({ quiz, questionsPerAttempt: 6 } as never)).toBe(6);
    expect(questionsPerAttempt({ quiz: quiz.slice(0, 5), questionsPerAttempt: 6 } as never)).toBe(5);
    expect(questionsPerAttempt({ quiz: quiz.slice(0, 5) } as never)).toBe(5);
  });
});

describe('grading against the draw', () => {
  /** A course whose pool holds `ids`, asking `perAttempt` of them. */
  const course = (ids: string[], perAttempt: number) =>
    ({ quiz: ids.map((id) => ({ id, question: `${id}?` })), questionsPerAttempt: perAttempt }) as unknown as Course;

  it('names a new draw, asks as many questions as an attempt asks, and records when it was drawn', () => {
    const drawn = newDraw(
      course(['a', 'b', 'c', 'd'], 3),
      'draw-1',
      new Date('2026-11-21T12:00:00Z'),
      sequence([3, 0, 0]),
    );
    expect(drawn).toEqual({ id: 'draw-1', questions: ['d', 'b', 'c'], drawnAt: '2026-11-21T12:00:00.000Z' });
  });

  it('gives the drawn questions as the course holds them, in the order they were asked', () => {
    const questions = drawnQuestions(course(['a', 'b', 'c', 'd'], 3), { questions: ['c', 'a', 'd'] });
    expect(questions?.map((question) => question.id)).toEqual(['c', 'a', 'd']);
  });

  it('refuses a draw naming a question the course no longer has, even if the course now asks fewer', () => {
    expect(drawnQuestions(course(['a', 'b', 'c', 'd'], 3), { questions: ['c', 'x', 'd'] })).toBeNull();
    expect(drawnQuestions(course(['a', 'b', 'c', 'd'], 2), { questions: ['c', 'x', 'd'] })).toBeNull();
  });

  it('refuses a draw made before the course changed how many questions an attempt asks', () => {
    expect(drawnQuestions(course(['a', 'b', 'c', 'd'], 4), { questions: ['c', 'a', 'd'] })).toBeNull();
  });
});

describe('the wait after failed attempts', () => {
  const failedAt = '2026-11-21T12:00:00.000Z';
  const at = (minutes: number) => new Date(Date.parse(failedAt) + minutes * 60_000);

  it('lets a learner try again at once after one fail', () => {
    expect(quizWait({ failedInRow: 1, lastFailedAt: failedAt }, at(0), 10)).toEqual({ failedInRow: 1 });
  });

  it('makes a learner wait after two fails in a row, until the wait ends', () => {
    expect(quizWait({ failedInRow: 2, lastFailedAt: failedAt }, at(9.99), 10)).toEqual({
      failedInRow: 2,
      retryAt: at(10),
    });
  });

  it('starts the count again once the wait has ended', () => {
    expect(quizWait({ failedInRow: 2, lastFailedAt: failedAt }, at(10), 10)).toEqual({ failedInRow: 0 });
    expect(quizWait({ failedInRow: 3, lastFailedAt: failedAt }, at(11), 10)).toEqual({ failedInRow: 0 });
  });

  it('counts an enrollment from before the rule as no fails', () => {
    expect(quizWait({}, at(0), 10)).toEqual({ failedInRow: 0 });
  });

  it.each([
    [10, 'You can try again in 10 minutes.'],
    [3.01, 'You can try again in 4 minutes.'],
    [1, 'You can try again in 1 minute.'],
    [0.1, 'You can try again in 1 minute.'],
  ])('says, %f minutes before the end, when to try again, rounding up', (minutesLeft, sentence) => {
    expect(tryAgainSentence(at(10), at(10 - minutesLeft))).toBe(sentence);
  });

  it('gives a page the whole minutes left to word in its own language, never fewer than one', () => {
    expect(minutesUntil(at(10), at(6.99))).toBe(4);
    expect(minutesUntil(at(10), at(9))).toBe(1);
    expect(minutesUntil(at(10), at(10))).toBe(1);
  });
});
