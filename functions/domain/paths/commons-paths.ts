// The commons' paths from its files and ESCO's data: the occupations file parsed and cross-checked,
// and the courses' prerequisites checked for cycles (no order could list a cycle's courses). What
// content:check reports and what the compiled commons carries come from this one function.
import type { ContentIssue, ParsedCommons } from '../content/parse-commons.ts';
import { prerequisiteCycleIssues } from './course-plan.ts';
import type { OccupationPath } from './occupation-path.ts';
import { parseOccupationsFile } from './occupations-file.ts';
import { buildPaths, type EscoOccupationData } from './path-catalogue.ts';

export function commonsPaths(
  occupationsText: string | undefined,
  commons: Pick<ParsedCommons, 'skills' | 'courses'>,
  esco: EscoOccupationData,
): { paths: OccupationPath[]; issues: ContentIssue[] } {
  const file = occupationsText === undefined ? { occupations: [], issues: [] } : parseOccupationsFile(occupationsText);
  const built = buildPaths(file.occupations, commons, esco);
  return {
    paths: built.paths,
    issues: [...file.issues, ...built.issues, ...prerequisiteCycleIssues(commons.courses.values())],
  };
}
