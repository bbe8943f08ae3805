// `npm run content:check`: validate the commons and print what it holds.
import { join, resolve } from 'node:path';
import { readContentFiles } from '#adapters/content/load-commons.ts';
import { ContentError, parseCommons } from '#domain/content/parse-commons.ts';

const dir = join(resolve(import.meta.dirname, '../..'), 'content');
try {
  const commons = parseCommons(readContentFiles(dir));
  const lessons = [...commons.courses.values()].reduce((sum, course) => sum + course.lessons.length, 0);
  const esco = [...commons.skills.values()].filter((skill) => skill.esco).length;
  console.log(
    `content/ is valid: ${commons.trades.length} trades, ${commons.skills.size} skills (${esco} with an ESCO URI), ` +
      `${commons.courses.size} courses, ${lessons} lessons, ${commons.practices.size} practice guides`,
  );
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exit(1);
}
