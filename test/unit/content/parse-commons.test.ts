import { describe, expect, it } from 'vitest';
import {
  type ContentFile,
  ContentError,
  parseCommons,
  questionId,
  questionPoolIssues,
} from '#domain/content/parse-commons.ts';
import { courseLanguages, indexSourceVersion, lessonSourceVersion } from '#domain/content/course-translations.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

const skills = `trade: repair
label: Repair
description: Fixing things so they stay in use.
skills:
  - id: soldering
    label: Soldering
    description: Joins wires and components with solder, cleanly and safely.
    related: [fault-finding]
    esco: http://data.europa.eu/esco/skill/26ed52cf-30ca-451e-9699-a6c04a30649f
    escoReview: Read beside ESCO "solder electronics" (label and description), the same work.
  - id: fault-finding
    label: Fault finding
    description: Finds faults by method rather than guesswork, one test at a time.
    escoReview: No ESCO skill matches; "troubleshoot" was read beside it and is broader.
`;

const quiz = Array.from(
  { length: 10 },
  (_, i) => `  - question: Question number ${i}?
    options: [A, B, C]
    answer: ${i % 3}
    explanation: Because it is so.`,
).join('\n');

const course = (overrides = '') => `---
title: Soldering basics
summary: Learn to solder small joints well.
trade: repair
level: foundation
skills:
  - { skill: soldering, level: working }
prerequisites: [fault-finding]
hours: 4
lessons: [01-the-iron]
authors: [Guildhall commons]
license: CC-BY-SA-4.0
passMark: 0.8
questionsPerAttempt: 5
quiz:
${quiz}
${overrides}---
Intro.
`;

const lesson = (n = 320) => `---\ntitle: The iron\nminutes: 30\n---\n${words(n)}\n`;

function files(overrides: Partial<Record<string, string>> = {}): ContentFile[] {
  const base: Record<string, string | undefined> = {
    'skills/repair.yaml': skills,
    'courses/soldering-basics/index.md': course(),
    'courses/soldering-basics/01-the-iron.md': lesson(),
    'practices/clean-tips.md': `---\ntitle: Keeping tips clean\nsummary: Tin the tip and wipe it often.\ntrade: repair\nskills: [soldering]\nauthors: [Guildhall commons]\nlicense: CC-BY-SA-4.0\n---\nBody.\n`,
    ...overrides,
  };
  return Object.entries(base).flatMap(([path, text]) => (text === undefined ? [] : [{ path, text }]));
}

function issuesOf(input: ContentFile[]) {
  try {
    parseCommons(input);
  } catch (error) {
    if (error instanceof ContentError) return error.issues;
    throw error;
  }
  return [];
}

describe('parsing the commons', () => {
  it('reads skills, courses with ordered lessons, and practice guides', () => {
    const commons = parseCommons(files());
    expect(commons.skills.get('soldering')?.trade).toBe('repair');
    expect(commons.courses.get('soldering-basics')?.lessons.map((l) => l.id)).toEqual(['01-the-iron']);
    expect(commons.practices.get('clean-tips')?.skills).toEqual(['soldering']);
  });

  it.each([
    [
      'an unknown skill id in a course',
      { 'courses/soldering-basics/index.md': course().replace('skill: soldering', 'skill: welding') },
      { file: 'courses/soldering-basics/index.md', field: 'skills.0.skill', message: 'unknown skill id "welding"' },
    ],
    [
      'a dangling prerequisite',
      { 'courses/soldering-basics/index.md': course().replace('[fault-finding]', '[brazing]') },
      { file: 'courses/soldering-basics/index.md', field: 'prerequisites.0', message: 'unknown skill id "brazing"' },
    ],
    [
      'a duplicate skill id',
      { 'skills/other.yaml': skills.replace('trade: repair', 'trade: construction') },
      {
        file: 'skills/other.yaml',
        field: 'skills.0.id',
        message: expect.stringContaining('duplicate skill id "soldering"'),
      },
    ],
    [
      'a lesson that is too short',
      { 'courses/soldering-basics/01-the-iron.md': lesson(120) },
      {
        file: 'courses/soldering-basics/01-the-iron.md',
        field: '(body)',
        message: expect.stringContaining('120 words'),
      },
    ],
    [
      'a listed lesson with no file',
      { 'courses/soldering-basics/01-the-iron.md': undefined },
      {
        file: 'courses/soldering-basics/index.md',
        field: 'lessons.0',
        message: expect.stringContaining('no lesson file'),
      },
    ],
    [
      'a lesson file the course does not list',
      { 'courses/soldering-basics/02-extra.md': lesson() },
      { file: 'courses/soldering-basics/02-extra.md', field: '(file)', message: expect.stringContaining('not listed') },
    ],
    [
      'a quiz answer outside the options',
      { 'courses/soldering-basics/index.md': course().replace('answer: 0', 'answer: 7') },
      {
        file: 'courses/soldering-basics/index.md',
        field: 'quiz.0.answer',
        message: 'answer must index one of the options',
      },
    ],
    [
      'a field of the wrong type',
      { 'courses/soldering-basics/index.md': course().replace('hours: 4', 'hours: lots') },
      { file: 'courses/soldering-basics/index.md', field: 'hours', message: expect.any(String) },
    ],
    [
      'an unknown frontmatter field',
      { 'courses/soldering-basics/index.md': course('colour: blue\n') },
      { file: 'courses/soldering-basics/index.md', field: '(root)', message: expect.stringContaining('colour') },
    ],
    [
      'a practice guide naming an unknown skill',
      { 'practices/clean-tips.md': files()[3]?.text.replace('[soldering]', '[knitting]') },
      { file: 'practices/clean-tips.md', field: 'skills.0', message: 'unknown skill id "knitting"' },
    ],
    [
      'broken YAML',
      { 'skills/repair.yaml': 'trade: [unclosed' },
      { file: 'skills/repair.yaml', field: '(file)', message: expect.stringContaining('not valid YAML') },
    ],
  ])('fails on %s, naming the file and field', (_name, overrides, expected) => {
    expect(issuesOf(files(overrides))).toContainEqual(expected);
  });

  describe('safety-critical courses', () => {
    const critical = (lessonFront: string) =>
      files({
        'courses/soldering-basics/index.md': course('safetyCritical: true\n'),
        'courses/soldering-basics/01-the-iron.md': `---\ntitle: The iron\nminutes: 30\n${lessonFront}---\n${words(320)}\n`,
      });
    const missingReviewer = {
      file: 'courses/soldering-basics/01-the-iron.md',
      field: 'reviewers',
      message: expect.stringContaining('not one of the lesson'),
    };

    it('fails on a lesson that names no reviewer', () => {
      expect(issuesOf(critical(''))).toContainEqual(missingReviewer);
    });

    it('fails on a lesson reviewed only by its own author, whether the lesson or the course names the author', () => {
      expect(issuesOf(critical('reviewers: [Guildhall commons]\n'))).toContainEqual(missingReviewer);
      expect(issuesOf(critical('authors: [Ana Ruiz]\nreviewers: [Ana Ruiz]\n'))).toContainEqual(missingReviewer);
    });

    it('accepts a lesson that names a reviewer other than its author', () => {
      expect(issuesOf(critical('reviewers: [Guildhall commons, Ana Ruiz]\n'))).toEqual([]);
    });

    it('asks nothing of a course that is not safety-critical', () => {
      expect(issuesOf(files())).toEqual([]);
    });
  });

  describe('quiz questions', () => {
    const pool = () => parseCommons(files()).courses.get('soldering-basics')?.quiz ?? [];

    it('gives each pool question an id that survives reordering the pool', () => {
      const ids = pool().map((question) => question.id);
      expect(new Set(ids).size).toBe(10);
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{12}$/);
      const entry = (i: number) =>
        `  - question: Question number ${i}?\n    options: [A, B, C]\n    answer: ${i % 3}\n    explanation: Because it is so.`;
      const reordered = course().replace(quiz, [9, 8, 7, 6, 5, 4, 3, 2, 1, 0].map(entry).join('\n'));
      const moved = parseCommons(files({ 'courses/soldering-basics/index.md': reordered })).courses.get(
        'soldering-basics',
      );
      expect(moved?.quiz.map((question) => question.id).sort()).toEqual([...ids].sort());
      expect(moved?.quiz[0]?.id).toBe(ids[9]);
    });

    it('keeps the id when only the spacing changes or the answer is corrected, and changes it with the wording or the options', () => {
      const base = { question: 'Which iron tip suits fine work?', options: ['Chisel', 'Conical'] };
      expect(questionId({ ...base, question: '  Which iron  tip suits\nfine work? ' })).toBe(questionId(base));
      expect(questionId({ ...base, question: 'Which tip suits fine work?' })).not.toBe(questionId(base));
      expect(questionId({ ...base, options: ['Conical', 'Chisel'] })).not.toBe(questionId(base));
      expect(questionId({ ...base, options: ['Chisel', 'Conical', 'Bevel'] })).not.toBe(questionId(base));
      // The separator keeps text from moving between the question and an option unnoticed.
      expect(questionId({ question: 'A B', options: ['C'] })).not.toBe(questionId({ question: 'A', options: ['B C'] }));
    });

    it('fails on a question asked twice in one pool, naming the second', () => {
      const sameOptions = course().replace('Question number 3?', 'Question number 1?');
      expect(issuesOf(files({ 'courses/soldering-basics/index.md': sameOptions }))).toContainEqual({
        file: 'courses/soldering-basics/index.md',
        field: 'quiz.3.question',
        message: 'asks the same question with the same options as quiz.1',
      });
    });
  });

  describe('the question pool rule', () => {
    const poolOf = (size: number) => Array.from({ length: size }, (_, i) => i);

    it('accepts a pool of at least twice the questions an attempt asks', () => {
      expect(questionPoolIssues({ questionsPerAttempt: 6, quiz: poolOf(12) })).toEqual([]);
      expect(questionPoolIssues({ questionsPerAttempt: 6, quiz: poolOf(20) })).toEqual([]);
    });

    it('fails on a course whose pool is smaller than twice an attempt, naming the file and field', () => {
      const small = course().replace('questionsPerAttempt: 5', 'questionsPerAttempt: 6');
      expect(issuesOf(files({ 'courses/soldering-basics/index.md': small }))).toEqual([
        {
          file: 'courses/soldering-basics/index.md',
          field: 'quiz',
          message:
            'holds 10 questions; an attempt asks 6 (questionsPerAttempt), so the pool needs at least 12: add 2 or ask fewer per attempt',
        },
      ]);
    });

    it('fails on a course that does not say how many questions an attempt asks', () => {
      const unsaid = course().replace('questionsPerAttempt: 5\n', '');
      expect(issuesOf(files({ 'courses/soldering-basics/index.md': unsaid }))).toContainEqual({
        file: 'courses/soldering-basics/index.md',
        field: 'questionsPerAttempt',
        message: expect.any(String),
      });
    });

    it('refuses a smaller pool, saying how many questions to add', () => {
      expect(questionPoolIssues({ questionsPerAttempt: 6, quiz: poolOf(11) })).toEqual([
        {
          field: 'quiz',
          message:
            'holds 11 questions; an attempt asks 6 (questionsPerAttempt), so the pool needs at least 12: add 1 or ask fewer per attempt',
        },
      ]);
      expect(questionPoolIssues({ questionsPerAttempt: 6, quiz: poolOf(6) })[0]?.message).toContain('add 6');
    });
  });

  describe('the ESCO review note', () => {
    it('keeps the review note and the ESCO URI of a skill', () => {
      const soldering = parseCommons(files()).skills.get('soldering');
      expect(soldering?.esco).toBe('http://data.europa.eu/esco/skill/26ed52cf-30ca-451e-9699-a6c04a30649f');
      expect(soldering?.escoReview).toMatch(/solder electronics/);
    });

    it('fails on a skill without its ESCO review note, naming the file and the skill', () => {
      const unreviewed = files({
        'skills/repair.yaml': skills.replace(/\n {4}escoReview: No ESCO skill matches[^\n]*/, ''),
      });
      expect(issuesOf(unreviewed)).toEqual([
        {
          file: 'skills/repair.yaml',
          field: 'skills.1.escoReview',
          message: expect.stringMatching(/^skill "fault-finding" has no ESCO review/),
        },
      ]);
      expect(() => parseCommons(unreviewed)).toThrow(/content\/skills\/repair\.yaml: skills\.1\.escoReview/);
    });

    it('fails on a note that would show a reader two apostrophes in a row', () => {
      const doubled = files({
        'skills/repair.yaml': skills.replace(
          'escoReview: No ESCO skill matches; "troubleshoot" was read beside it and is broader.',
          `escoReview: 'No ESCO skill matches: "identify customer''''s needs" is a sales task.'`,
        ),
      });
      expect(issuesOf(doubled)).toEqual([
        {
          file: 'skills/repair.yaml',
          field: 'skills.1.escoReview',
          message: expect.stringMatching(/two apostrophes in a row/),
        },
      ]);
    });
  });

  describe('practical tasks', () => {
    const task = (fields: {
      id?: string;
      lesson?: string;
      skills?: string;
    }) => `  - id: ${fields.id ?? 'solder-a-joint'}
    title: Solder a joint on a board
    lesson: ${fields.lesson ?? '01-the-iron'}
    show: A through-hole joint soldered in front of the assessor, shiny and concave, with no bridge to its neighbour.
    skills: [${fields.skills ?? 'soldering'}]
`;
    const withTasks = (...tasks: string[]) =>
      files({ 'courses/soldering-basics/index.md': course(`practical:\n${tasks.join('')}`) });
    const at = (field: string, message: string) => ({
      file: 'courses/soldering-basics/index.md',
      field,
      message: expect.stringContaining(message),
    });

    it('reads a course’s practical tasks, and a course without any has none', () => {
      expect(parseCommons(withTasks(task({}))).courses.get('soldering-basics')?.practical).toEqual([
        expect.objectContaining({ id: 'solder-a-joint', lesson: '01-the-iron', skills: ['soldering'] }),
      ]);
      expect(parseCommons(files()).courses.get('soldering-basics')?.practical).toEqual([]);
    });

    it.each([
      [
        'two tasks with one id',
        [task({}), task({})],
        at('practical.1.id', 'duplicate practical task id "solder-a-joint"'),
      ],
      [
        'a skill that does not exist',
        [task({ skills: 'brazing' })],
        at('practical.0.skills.0', 'unknown skill id "brazing"'),
      ],
      [
        'a skill the course does not teach',
        [task({ skills: 'fault-finding' })],
        at('practical.0.skills.0', '"fault-finding" is not a skill this course teaches'),
      ],
      [
        'a lesson the course does not have',
        [task({ lesson: '02-the-board' })],
        at('practical.0.lesson', '"02-the-board"'),
      ],
    ])('fails on %s, naming the field', (_, tasks, issue) => {
      expect(issuesOf(withTasks(...tasks))).toEqual([issue]);
    });
  });

  it('reports every problem at once, each with content/ and its field in the message', () => {
    const broken = files({
      'courses/soldering-basics/index.md': course()
        .replace('[fault-finding]', '[brazing]')
        .replace('skill: soldering', 'skill: x'),
    });
    expect(() => parseCommons(broken)).toThrow(/content\/courses\/soldering-basics\/index\.md: prerequisites\.0/);
    expect(issuesOf(broken)).toHaveLength(2);
  });
});

describe('a course’s translations in sibling files', () => {
  const index = (language: string) =>
    `---\ntitle: ${language === 'es' ? 'Soldadura básica' : 'Solderen voor beginners'}\nsummary: ${language === 'es' ? 'Aprende a soldar bien juntas pequeñas.' : 'Leer kleine verbindingen goed solderen.'}\ntranslators: [Ana]\ntranslatedFrom: ${indexSourceVersion({ title: 'Soldering basics', summary: 'Learn to solder small joints well.', introduction: 'Intro.' })}\n---\n${language === 'es' ? 'Introducción.' : 'Inleiding.'}\n`;

  it('reads a translated index and lesson, and lists the course in a language only when every lesson is translated', () => {
    const commons = parseCommons(
      files({
        'courses/soldering-basics/index.es.md': index('es'),
        'courses/soldering-basics/01-the-iron.es.md': `---\ntitle: El soldador\ntranslatedFrom: ${lessonSourceVersion({ title: 'The iron', markdown: words(320) })}\n---\n${words(40)}\n`,
        'courses/soldering-basics/index.nl.md': index('nl'),
      }),
    );
    const soldering = commons.courses.get('soldering-basics');
    expect(soldering?.translations?.es?.title).toBe('Soldadura básica');
    expect(soldering?.translations?.es?.introduction.trim()).toBe('Introducción.');
    expect(soldering?.translations?.es?.lessons['01-the-iron']?.title).toBe('El soldador');
    expect(soldering?.translations?.es?.lessons['01-the-iron']?.html).toContain('<p>word0');
    // Dutch has its index but not the lesson: readable in part, not listed as a language of the course.
    expect(soldering && courseLanguages(soldering)).toEqual(['en', 'es']);
  });

  it('names a translation of no lesson, one without its index, and a translated title left out', () => {
    expect(
      issuesOf(
        files({
          'courses/soldering-basics/02-missing.es.md': `---\ntitle: Nada\n---\nTexto.\n`,
          'courses/soldering-basics/01-the-iron.nl.md': `---\ntitle: De bout\n---\nTekst.\n`,
          'courses/soldering-basics/index.es.md': `---\nsummary: Aprende a soldar bien juntas pequeñas.\n---\nIntro.\n`,
        }),
      )
        .map((issue) => `${issue.file} ${issue.field}`)
        .sort(),
    ).toEqual([
      'courses/soldering-basics/01-the-iron.nl.md (file)',
      'courses/soldering-basics/02-missing.es.md (file)',
      'courses/soldering-basics/index.es.md title',
    ]);
  });
});
