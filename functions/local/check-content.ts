// `npm run content:check`: validate the commons, every skill's ESCO URI against the committed ESCO
// data file and every course's stated hours against its lessons' minutes, and print what it holds;
// then each course translation against the version of its source (translation-checks.ts).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readContentFiles } from '#adapters/content/load-commons.ts';
import { staleTranslations } from '#domain/content/translation-checks.ts';
import { courseHoursIssues } from '#domain/content/course-hours-check.ts';
import { danglingEscoIssues } from '#domain/content/esco-check.ts';
import { EscoDataError, escoSkillUris, parseEscoData } from '#domain/content/esco-data.ts';
import { ContentError, parseCommons } from '#domain/content/parse-commons.ts';
import { commonsPaths } from '#domain/paths/commons-paths.ts';
import { occupationsFilePath } from '#domain/paths/occupations-file.ts';

const dir = join(resolve(import.meta.dirname, '../..'), 'content');
try {
  const files = readContentFiles(dir);
  const commons = parseCommons(files);
  const escoData = parseEscoData(gunzipSync(readFileSync(join(dir, 'esco/esco.json.gz'))).toString('utf8'));
  const occupations = files.find((file) => file.path === occupationsFilePath)?.text;
  const paths = commonsPaths(occupations, commons, escoData);
  const issues = [
    ...danglingEscoIssues(commons.skills, escoSkillUris(escoData)),
    ...courseHoursIssues(commons.courses.values()),
    ...paths.issues,
  ];
  if (issues.length > 0) throw new ContentError(issues);
  // A translation behind its source fails only in a safety-critical course; elsewhere it is listed.
  const stale = staleTranslations(commons.courses.values());
  if (stale.errors.length > 0) throw new ContentError(stale.errors);
  const lessons = [...commons.courses.values()].reduce((sum, course) => sum + course.lessons.length, 0);
  const esco = [...commons.skills.values()].filter((skill) => skill.esco).length;
  console.log(
    `content/ is valid: ${commons.trades.length} trades, ${commons.skills.size} skills (${esco} with an ESCO URI, ` +
      `all in ESCO ${escoData.escoVersion}), ${commons.courses.size} courses, ${lessons} lessons, ` +
      `${commons.practices.size} practice guides, ${paths.paths.length} paths ` +
      `(${paths.paths.filter((path) => path.source === 'commons').length} mapped by the commons)`,
  );
  const translations = [...commons.courses.values()].flatMap((course) => Object.keys(course.translations ?? {}));
  console.log(
    `${translations.length} course translations, ${stale.warnings.length} translated files behind their source`,
  );
  for (const warning of stale.warnings) console.warn(`content/${warning.file}: ${warning.field}: ${warning.message}`);
} catch (error) {
  if (!(error instanceof ContentError || error instanceof EscoDataError)) throw error;
  console.error(error.message);
  process.exit(1);
}
