// `npm run -s content:quiz-ids -- <course-id>`: each question of a course's quiz with its id and the
// version of each of its texts, for a translator writing `index.es.md` (content/README.md, "Translations").
import { join, resolve } from 'node:path';
import { loadCommons } from '#adapters/content/load-commons.ts';
import { indexSourceVersion, lessonSourceVersion } from '#domain/content/course-translations.ts';

const courseId = process.argv[2] ?? '';
const course = loadCommons(join(resolve(import.meta.dirname, '../..'), 'content')).courses.get(courseId);
if (!course) {
  console.error(`No course "${courseId}": name a folder of content/courses/.`);
  process.exit(1);
}
console.log(`index.md: version ${indexSourceVersion(course)}`);
for (const lesson of course.lessons) console.log(`${lesson.id}.md: version ${lessonSourceVersion(lesson)}`);
console.log('quiz:');
for (const question of course.quiz) console.log(`  ${question.id}: ${JSON.stringify(question.question)}`);
