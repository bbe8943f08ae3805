// Parses and cross-checks the whole commons from its files. Every problem is collected with the file
// and field it is in, and all are reported at once, so a contributor fixes a batch in one go.
//
// Steps: 1) parse skill files (YAML), 2) course folders (index.md + lessons), 3) practice guides,
// 4) cross-check ids: duplicates, unknown skills, dangling prerequisites, lesson lists vs files;
// and each quiz pool holds at least twice the questions an attempt asks.
import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import type * as z from 'zod/mini';
import {
  type Commons,
  type Course,
  courseFrontmatterSchema,
  type Lesson,
  lessonFrontmatterSchema,
  minimumLessonWords,
  type Practice,
  type PracticalTask,
  practiceFrontmatterSchema,
  type QuizQuestion,
  type Skill,
  skillFileSchema,
  type Trade,
} from './commons.ts';
import { courseTranslations, translationOf } from './course-translations.ts';
import { renderMarkdown } from './markdown.ts';

export interface ContentFile {
  /** Path relative to the content folder, with forward slashes: `courses/x/index.md`. */
  path: string;
  text: string;
}

export interface ContentIssue {
  file: string;
  field: string;
  message: string;
}

export class ContentError extends Error {
  readonly issues: ContentIssue[];
  constructor(issues: ContentIssue[]) {
    super(
      `The commons has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n` +
        issues.map((issue) => `  content/${issue.file}: ${issue.field}: ${issue.message}`).join('\n'),
    );
    this.name = 'ContentError';
    this.issues = issues;
  }
}

export function splitFrontmatter(text: string): { data: unknown; body: string } | { error: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) return { error: 'Start the file with a YAML frontmatter block between --- lines.' };
  try {
    return { data: parseYaml(match[1] ?? ''), body: (match[2] ?? '').trim() };
  } catch (error) {
    return { error: `frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}` };
  }
}

export const countWords = (markdown: string) =>
  markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .split(/\s+/)
    .filter((word) => /[A-Za-z0-9]/.test(word)).length;

/**
 * A pool question's id: a hash of its question and options, as the learner sees them. Reordering the
 * pool keeps every id, so a draw stored with an enrollment still names the same questions; rewording a
 * question or changing its options makes a new question, so a draw made before the change is refused
 * (and drawn again) instead of grading option numbers against options the learner never saw. Fixing only
 * the answer or the explanation keeps the id: the draw is then graded with the corrected answer.
 */
export function questionId(question: Pick<QuizQuestion, 'question' | 'options'>): string {
  const text = (value: string) => value.normalize('NFC').replace(/\s+/g, ' ').trim();
  const hash = createHash('sha256');
  for (const part of [question.question, ...question.options]) hash.update(`${text(part)}\u0000`);
  return hash.digest('hex').slice(0, 12);
}

/**
 * The pool rule: an attempt draws from a pool at least twice its size, so failing and retrying meets
 * other questions, and a credential cannot be had by learning one attempt's answers by heart.
 */
export function questionPoolIssues(course: {
  questionsPerAttempt: number;
  quiz: readonly unknown[];
}): Array<Omit<ContentIssue, 'file'>> {
  const needed = 2 * course.questionsPerAttempt;
  if (course.quiz.length >= needed) return [];
  return [
    {
      field: 'quiz',
      message: `holds ${course.quiz.length} questions; an attempt asks ${course.questionsPerAttempt} (questionsPerAttempt), so the pool needs at least ${needed}: add ${needed - course.quiz.length} or ask fewer per attempt`,
    },
  ];
}

/**
 * A course's practical tasks: ids unique, each drawn from one of its lessons, and proving only skills that
 * exist and that the course teaches (an assessor is asked to hold them at the course's level, so a skill
 * the course does not teach would ask the assessor for more than the credential gives).
 */
export function practicalTaskIssues(
  course: { skills: ReadonlyArray<{ skill: string }>; lessons: readonly string[]; practical: readonly PracticalTask[] },
  skillExists: (skillId: string) => boolean,
): Array<Omit<ContentIssue, 'file'>> {
  const issues: Array<Omit<ContentIssue, 'file'>> = [];
  const taught = new Set(course.skills.map((s) => s.skill));
  const lessons = new Set(course.lessons);
  const seen = new Set<string>();
  course.practical.forEach((task, index) => {
    const at = `practical.${index}`;
    if (seen.has(task.id)) issues.push({ field: `${at}.id`, message: `duplicate practical task id "${task.id}"` });
    seen.add(task.id);
    if (!lessons.has(task.lesson))
      issues.push({ field: `${at}.lesson`, message: `"${task.lesson}" is not one of this course's lessons` });
    task.skills.forEach((skillId, skillIndex) => {
      const field = `${at}.skills.${skillIndex}`;
      if (!skillExists(skillId)) issues.push({ field, message: `unknown skill id "${skillId}"` });
      else if (!taught.has(skillId))
        issues.push({
          field,
          message: `"${skillId}" is not a skill this course teaches: list it under skills, or prove another`,
        });
    });
  });
  return issues;
}

/** The commons as its own files give it; the paths need ESCO's data too (paths/commons-paths.ts). */
export type ParsedCommons = Omit<Commons, 'paths'>;

export function parseCommons(files: ContentFile[]): ParsedCommons {
  const issues: ContentIssue[] = [];
  const report = (file: string, field: string, message: string) => issues.push({ file, field, message });
  const check = <T>(schema: z.ZodMiniType<T>, data: unknown, file: string): T | undefined => {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) report(file, issue.path.join('.') || '(root)', issue.message);
    return undefined;
  };

  const byPath = new Map(files.map((file) => [file.path, file]));
  const trades: Trade[] = [];
  const skills = new Map<string, Skill>();
  const skillFiles = new Map<string, string>();

  for (const file of files.filter((f) => /^skills\/[^/]+\.ya?ml$/.test(f.path))) {
    let data: unknown;
    try {
      data = parseYaml(file.text);
    } catch (error) {
      report(file.path, '(file)', `not valid YAML: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    const parsed = check(skillFileSchema(), data, file.path);
    if (!parsed) continue;
    trades.push({ id: parsed.trade, label: parsed.label, description: parsed.description });
    parsed.skills.forEach((skill, index) => {
      const earlier = skillFiles.get(skill.id);
      if (earlier)
        report(file.path, `skills.${index}.id`, `duplicate skill id "${skill.id}" (also in content/${earlier})`);
      // Every skill carries the note of a person who read it beside ESCO (issue 18), so a URI is never
      // claimed from a label alone and a skill without a match says why; the schema keeps it optional
      // only so that this message can name the skill.
      if (!skill.escoReview)
        report(
          file.path,
          `skills.${index}.escoReview`,
          `skill "${skill.id}" has no ESCO review: read it beside its ESCO match, or the closest candidates, and say what you compared and found`,
        );
      // In single-quoted YAML '' is one apostrophe, so '''' shows a reader two ("customer''s").
      for (const field of ['label', 'description', 'escoReview'] as const)
        if (skill[field]?.includes("''"))
          report(
            file.path,
            `skills.${index}.${field}`,
            `skill "${skill.id}" shows two apostrophes in a row: inside single quotes write '' for one apostrophe`,
          );
      skills.set(skill.id, { ...skill, trade: parsed.trade });
      skillFiles.set(skill.id, file.path);
    });
  }
  for (const [skillId, skill] of skills) {
    skill.related.forEach((related, index) => {
      if (!skills.has(related)) {
        report(
          skillFiles.get(skillId) ?? 'skills',
          `skills[${skillId}].related.${index}`,
          `unknown skill id "${related}"`,
        );
      }
    });
  }

  const requireSkill = (file: string, field: string, skillId: string) => {
    if (!skills.has(skillId)) report(file, field, `unknown skill id "${skillId}"`);
  };

  const courses = new Map<string, Course>();
  for (const file of files.filter((f) => /^courses\/[^/]+\/index\.md$/.test(f.path))) {
    const courseId = file.path.split('/')[1] ?? '';
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(courseId)) report(file.path, '(folder)', 'course folder must be kebab-case');
    const split = splitFrontmatter(file.text);
    if ('error' in split) {
      report(file.path, '(frontmatter)', split.error);
      continue;
    }
    const front = check(courseFrontmatterSchema(), split.data, file.path);
    if (!front) continue;
    for (const [index, taught] of front.skills.entries())
      requireSkill(file.path, `skills.${index}.skill`, taught.skill);
    for (const [index, skillId] of front.prerequisites.entries())
      requireSkill(file.path, `prerequisites.${index}`, skillId);
    for (const issue of questionPoolIssues(front)) report(file.path, issue.field, issue.message);
    const quiz = front.quiz.map((question) => ({ id: questionId(question), ...question }));
    quiz.forEach((question, index) => {
      const first = quiz.findIndex((other) => other.id === question.id);
      if (first !== index) {
        report(file.path, `quiz.${index}.question`, `asks the same question with the same options as quiz.${first}`);
      }
    });

    for (const issue of practicalTaskIssues(front, (skillId) => skills.has(skillId)))
      report(file.path, issue.field, issue.message);

    const lessons: Lesson[] = [];
    front.lessons.forEach((lessonId, index) => {
      const lessonPath = `courses/${courseId}/${lessonId}.md`;
      const lessonFile = byPath.get(lessonPath);
      if (!lessonFile) {
        report(file.path, `lessons.${index}`, `no lesson file content/${lessonPath}`);
        return;
      }
      const lessonSplit = splitFrontmatter(lessonFile.text);
      if ('error' in lessonSplit) {
        report(lessonPath, '(frontmatter)', lessonSplit.error);
        return;
      }
      const lessonFront = check(lessonFrontmatterSchema(), lessonSplit.data, lessonPath);
      if (!lessonFront) return;
      // A safety-critical lesson is read by someone who did not write it before anyone follows it.
      const authors = lessonFront.authors ?? front.authors;
      if (front.safetyCritical && !lessonFront.reviewers.some((reviewer) => !authors.includes(reviewer))) {
        report(
          lessonPath,
          'reviewers',
          "the course is safety-critical: name a reviewer who is not one of the lesson's authors",
        );
      }
      const words = countWords(lessonSplit.body);
      if (words < minimumLessonWords) {
        report(lessonPath, '(body)', `has ${words} words; a lesson needs at least ${minimumLessonWords}`);
      }
      lessons.push({
        id: lessonId,
        courseId,
        position: index + 1,
        ...lessonFront,
        markdown: lessonSplit.body,
        html: renderMarkdown(lessonSplit.body, { topLevel: 2 }),
        words,
      });
    });
    for (const other of files.filter(
      (f) => f.path.startsWith(`courses/${courseId}/`) && !f.path.endsWith('/index.md') && !translationOf(f.path),
    )) {
      const lessonId = other.path.split('/')[2]?.replace(/\.md$/, '') ?? '';
      if (!front.lessons.includes(lessonId))
        report(other.path, '(file)', `not listed in the lessons of content/${file.path}`);
    }
    const readTranslation = <T>(path: string, schema: z.ZodMiniType<T>) => {
      const parts = splitFrontmatter(byPath.get(path)?.text ?? '');
      if ('error' in parts) return void report(path, '(frontmatter)', parts.error);
      const data = check(schema, parts.data, path);
      return data === undefined ? undefined : { data, body: parts.body };
    };
    const translations = courseTranslations(
      { ...front, quiz, id: courseId, introduction: split.body, lessons },
      files.map((f) => f.path),
      readTranslation,
      report,
      countWords,
    );
    courses.set(courseId, { ...front, quiz, id: courseId, introduction: split.body, lessons, translations });
  }

  const practices = new Map<string, Practice>();
  for (const file of files.filter((f) => /^practices\/[^/]+\.md$/.test(f.path))) {
    const practiceId = file.path.slice('practices/'.length, -'.md'.length);
    const split = splitFrontmatter(file.text);
    if ('error' in split) {
      report(file.path, '(frontmatter)', split.error);
      continue;
    }
    const front = check(practiceFrontmatterSchema(), split.data, file.path);
    if (!front) continue;
    for (const [index, skillId] of front.skills.entries()) requireSkill(file.path, `skills.${index}`, skillId);
    practices.set(practiceId, {
      ...front,
      id: practiceId,
      markdown: split.body,
      html: renderMarkdown(split.body, { topLevel: 2 }),
    });
  }

  if (issues.length > 0) throw new ContentError(issues);
  trades.sort((a, b) => a.label.localeCompare(b.label));
  return { trades, skills, courses, practices };
}
