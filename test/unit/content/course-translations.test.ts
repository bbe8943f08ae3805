import { describe, expect, it } from 'vitest';
import type { Course } from '#domain/content/commons.ts';
import {
  courseLanguages,
  indexSourceVersion,
  lessonLanguages,
  lessonSourceVersion,
  questionIn,
  translationFor,
} from '#domain/content/course-translations.ts';
import { type ContentFile, ContentError, parseCommons, questionId } from '#domain/content/parse-commons.ts';
import { staleTranslations } from '#domain/content/translation-checks.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

const skills = `trade: repair
label: Repair
description: Fixing things so they stay in use.
skills:
  - id: soldering
    label: Soldering
    description: Joins wires and components with solder, cleanly and safely.
    escoReview: No ESCO skill was compared in this fixture; the note only satisfies the rule.
`;

const questions = Array.from({ length: 10 }, (_, i) => ({
  question: `Question number ${i}?`,
  options: ['A', 'B', 'C'],
  answer: i % 3,
  explanation: 'Because it is so.',
}));
const firstId = questionId(questions[0] as { question: string; options: string[] });

const index = (extra = '') => `---
title: Soldering basics
summary: Learn to solder small joints well.
trade: repair
level: foundation
skills:
  - { skill: soldering, level: working }
hours: 1
lessons: [01-the-iron, 02-the-joint]
authors: [Ada]
license: CC-BY-SA-4.0
passMark: 0.8
questionsPerAttempt: 5
${extra}quiz:
${questions.map((q) => `  - question: ${q.question}\n    options: [A, B, C]\n    answer: ${q.answer}\n    explanation: ${q.explanation}`).join('\n')}
---
Intro.
`;
const lessonText = (title: string, reviewers = '') =>
  `---\ntitle: ${title}\nminutes: 30\n${reviewers}---\n${words(320)}\n`;

// The versions the sources above have, as content:quiz-ids prints them for a translator.
const indexVersion = indexSourceVersion({
  title: 'Soldering basics',
  summary: 'Learn to solder small joints well.',
  introduction: 'Intro.',
});
const ironVersion = lessonSourceVersion({ title: 'The iron', markdown: words(320) });
const jointVersion = lessonSourceVersion({ title: 'The joint', markdown: words(320) });

const indexEs = (extra = `translatedFrom: ${indexVersion}\n`) =>
  `---\ntitle: Soldadura básica\nsummary: Aprende a soldar bien juntas pequeñas.\ntranslators: [Lucía]\n${extra}---\nIntroducción.\n`;
const lessonEs = (title: string, version: string, extra = '') =>
  `---\ntitle: ${title}\ntranslatedFrom: ${version}\n${extra}---\nTexto traducido de la lección.\n`;

function files(overrides: Partial<Record<string, string>> = {}): ContentFile[] {
  const base: Record<string, string | undefined> = {
    'skills/repair.yaml': skills,
    'courses/soldering-basics/index.md': index(),
    'courses/soldering-basics/01-the-iron.md': lessonText('The iron'),
    'courses/soldering-basics/02-the-joint.md': lessonText('The joint'),
    'courses/soldering-basics/index.es.md': indexEs(),
    'courses/soldering-basics/01-the-iron.es.md': lessonEs('El soldador', ironVersion),
    'courses/soldering-basics/02-the-joint.es.md': lessonEs('La unión', jointVersion),
    ...overrides,
  };
  return Object.entries(base).flatMap(([path, text]) => (text === undefined ? [] : [{ path, text }]));
}

function issuesOf(input: ContentFile[]) {
  try {
    parseCommons(input);
  } catch (error) {
    if (error instanceof ContentError)
      return error.issues.map(({ file, field, message }) => `${file} ${field}: ${message}`);
    throw error;
  }
  return [];
}

const course = (input = files()) => parseCommons(input).courses.get('soldering-basics') as Course;

describe('a course translated in sibling files', () => {
  it('reads the translated index and lessons, with who translated them and from which version', () => {
    const spanish = course().translations?.es;
    expect(spanish?.title).toBe('Soldadura básica');
    expect(spanish?.introduction).toBe('Introducción.');
    expect(spanish?.lessons['01-the-iron']?.html).toContain('Texto traducido');
    // A lesson names no translator of its own: the index's are its translators.
    expect(spanish?.lessons['02-the-joint']?.translators).toEqual(['Lucía']);
    expect(spanish?.lessons['01-the-iron']?.stale).toBe(false);
    expect(courseLanguages(course())).toEqual(['en', 'es']);
  });

  it('lists a language only when every lesson of the course is translated', () => {
    const partial = course(files({ 'courses/soldering-basics/02-the-joint.es.md': undefined }));
    expect(partial.translations?.es?.lessons['01-the-iron']?.title).toBe('El soldador');
    expect(courseLanguages(partial)).toEqual(['en']);
  });

  it.each([
    [
      'a lesson translation whose source lesson does not exist',
      { 'courses/soldering-basics/03-the-tip.es.md': lessonEs('La punta', ironVersion) },
      'courses/soldering-basics/03-the-tip.es.md (file): translates no lesson of the course: there is no 03-the-tip.md',
    ],
    [
      'a lesson translated into a language with no translated index',
      { 'courses/soldering-basics/01-the-iron.nl.md': lessonEs('De bout', ironVersion) },
      'courses/soldering-basics/01-the-iron.nl.md (file): the course has no valid index.nl.md',
    ],
    [
      'a translation into a language the site does not speak',
      { 'courses/soldering-basics/01-the-iron.fr.md': lessonEs('Le fer', ironVersion) },
      'courses/soldering-basics/01-the-iron.fr.md (file): is named as a translation into "fr"',
    ],
    [
      'a translation that names no translator',
      {
        'courses/soldering-basics/index.es.md': indexEs(`translatedFrom: ${indexVersion}\n`).replace(
          'translators: [Lucía]\n',
          '',
        ),
      },
      'courses/soldering-basics/index.es.md translators: name who translated it',
    ],
    [
      'a translation that does not say which version it translated',
      { 'courses/soldering-basics/01-the-iron.es.md': '---\ntitle: El soldador\n---\nTexto.\n' },
      `courses/soldering-basics/01-the-iron.es.md translatedFrom: name the version of the source you translated: its text now is version ${ironVersion}`,
    ],
    [
      'a translation that tries to set a right answer',
      {
        'courses/soldering-basics/index.es.md': indexEs(
          `translatedFrom: ${indexVersion}\nquiz:\n  ${firstId}: { question: ¿Pregunta cero?, options: [A, B, C], answer: 2, explanation: Porque sí. }\n`,
        ),
      },
      `courses/soldering-basics/index.es.md quiz.${firstId}.answer: a translation cannot set the right answer`,
    ],
    [
      'a quiz translation with fewer options than the source',
      {
        'courses/soldering-basics/index.es.md': indexEs(
          `translatedFrom: ${indexVersion}\nquiz:\n  ${firstId}: { question: ¿Pregunta cero?, options: [A, B], explanation: Porque sí. }\n`,
        ),
      },
      `courses/soldering-basics/index.es.md quiz.${firstId}.options: has 2 options; the source has 3`,
    ],
    [
      'a quiz translation of a question the source no longer asks',
      {
        'courses/soldering-basics/index.es.md': indexEs(
          `translatedFrom: ${indexVersion}\nquiz:\n  0123456789ab: { question: ¿Pregunta vieja?, options: [A, B, C], explanation: Porque sí. }\n`,
        ),
      },
      'courses/soldering-basics/index.es.md quiz.0123456789ab: translates no question of the course',
    ],
  ])('refuses %s, naming the file and the field', (_case, overrides, expected) => {
    expect(issuesOf(files(overrides)).join('\n')).toContain(expected);
  });

  it('accepts the same fixtures with nothing broken', () => {
    expect(issuesOf(files())).toEqual([]);
  });

  it('offers a lesson in each language it is translated into, and a reader the translation of their language only', () => {
    const partial = course(files({ 'courses/soldering-basics/02-the-joint.es.md': undefined }));
    expect(lessonLanguages(partial, '01-the-iron')).toEqual(['en', 'es']);
    expect(lessonLanguages(partial, '02-the-joint')).toEqual(['en']);
    expect(translationFor(partial, 'es')?.translation.title).toBe('Soldadura básica');
    // English, a language the course is not translated into, and whatever else a page might hold.
    for (const locale of ['en', 'nl', undefined, 'es-ES', {}]) expect(translationFor(partial, locale)).toBeUndefined();
  });

  it('asks a translated quiz question in the translation, with the source id and right answer', () => {
    const translated = course(
      files({
        'courses/soldering-basics/index.es.md': indexEs(
          `translatedFrom: ${indexVersion}\nquiz:\n  ${firstId}: { question: ¿Pregunta número cero?, options: [Uno, Dos, Tres], explanation: Porque así es. }\n`,
        ),
      }),
    );
    const [first, second] = translated.quiz;
    if (!first || !second) throw new Error('the fixture has a quiz');
    const shown = questionIn(first, translated.translations?.es);
    expect(shown).toMatchObject({
      id: first.id,
      answer: first.answer,
      question: '¿Pregunta número cero?',
      options: ['Uno', 'Dos', 'Tres'],
      explanation: 'Porque así es.',
    });
    // A question the translation leaves out is asked as the source asks it.
    expect(questionIn(second, translated.translations?.es)).toEqual(second);
  });

  describe('in a safety-critical course', () => {
    const critical = (translationReviewers: string) =>
      files({
        'courses/soldering-basics/index.md': index('safetyCritical: true\n'),
        'courses/soldering-basics/01-the-iron.md': lessonText('The iron', 'reviewers: [Bea]\n'),
        'courses/soldering-basics/02-the-joint.md': lessonText('The joint', 'reviewers: [Bea]\n'),
        'courses/soldering-basics/index.es.md': indexEs(`translatedFrom: ${indexVersion}\n${translationReviewers}`),
        'courses/soldering-basics/01-the-iron.es.md': lessonEs('El soldador', ironVersion, translationReviewers),
        'courses/soldering-basics/02-the-joint.es.md': lessonEs('La unión', jointVersion, translationReviewers),
      });

    it('refuses a translation that no one but its translator has read', () => {
      const issues = issuesOf(critical('reviewers: [Lucía]\n'));
      expect(issues.filter((issue) => issue.includes('reviewers: the course is safety-critical'))).toHaveLength(3);
    });

    it('accepts it once a reviewer who did not translate it is named', () => {
      expect(issuesOf(critical('reviewers: [Marta]\n'))).toEqual([]);
    });

    it('fails the check on a translation made from an earlier version of its lesson', () => {
      const reworded = critical('reviewers: [Marta]\n').map((file) =>
        file.path.endsWith('01-the-iron.md')
          ? { ...file, text: file.text.replace('word0', 'Unplug the iron first.') }
          : file,
      );
      const stale = staleTranslations(parseCommons(reworded).courses.values());
      expect(stale.warnings).toEqual([]);
      expect(stale.errors).toEqual([
        {
          file: 'courses/soldering-basics/01-the-iron.es.md',
          field: 'translatedFrom',
          message: expect.stringContaining(
            `set translatedFrom: ${lessonSourceVersion({ title: 'The iron', markdown: words(320).replace('word0', 'Unplug the iron first.') })}`,
          ),
        },
      ]);
    });
  });

  it('reports, without failing, a translation older than its source in an ordinary course', () => {
    const edited = files({ 'courses/soldering-basics/index.md': index().replace('Intro.', 'A new introduction.') });
    const stale = staleTranslations(parseCommons(edited).courses.values());
    expect(stale.errors).toEqual([]);
    expect(stale.warnings.map((issue) => issue.file)).toEqual(['courses/soldering-basics/index.es.md']);
    // Reworded minutes are not words a reader sees: the translation stays current.
    const retimed = files({
      'courses/soldering-basics/02-the-joint.md': lessonText('The joint').replace('minutes: 30', 'minutes: 40'),
    });
    expect(staleTranslations(parseCommons(retimed).courses.values()).warnings).toEqual([]);
  });
});
