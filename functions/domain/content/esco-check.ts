// The commons' link to ESCO: a skill's `esco:` must name a concept in the committed data file
// (content/esco/esco.json.gz), so a mistyped or retired URI fails `npm run content:check`.
import type { Commons } from './commons.ts';
import type { ContentIssue } from './parse-commons.ts';

/** One issue per skill whose ESCO URI is not among `known` (the data file's skill URIs). */
export function danglingEscoIssues(skills: Commons['skills'], known: ReadonlySet<string>): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const skill of skills.values()) {
    if (skill.esco && !known.has(skill.esco)) {
      issues.push({
        file: `skills/${skill.trade}.yaml`,
        field: `${skill.id}.esco`,
        message: `${skill.esco} is not an ESCO skill in content/esco/esco.json.gz; check the URI on esco.ec.europa.eu or remove it`,
      });
    }
  }
  return issues;
}
