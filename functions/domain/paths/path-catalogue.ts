// Every path the commons offers: its own occupations (content/occupations.yaml), then each occupation
// whose skills ESCO's playground data lists. Run when the commons is compiled and by content:check,
// never in a request: it reads the whole ESCO data file.
//
// Steps: 1) index ESCO's skills and occupations and the commons skills by their ESCO URI; 2) turn each
// commons occupation into a path, refusing unknown ids and URIs and an ESCO skill a commons skill already
// names; 3) add the playground's skills of the ESCO occupation it names; 4) one path per remaining ESCO
// occupation with skills, its id made from its label.
import type { Commons, Skill } from '../content/commons.ts';
import { escoBase } from '../content/esco-names.ts';
import type { ContentIssue } from '../content/parse-commons.ts';
import type { OccupationPath, PathSkill } from './occupation-path.ts';
import { pathSlug } from './occupation-path.ts';
import { type CommonsOccupation, occupationsFilePath } from './occupations-file.ts';

/** What the catalogue reads of the ESCO data file (esco-data.ts). */
export interface EscoOccupationData {
  skills: ReadonlyArray<readonly [string, string, ...unknown[]]>;
  occupations: ReadonlyArray<readonly [string, string, ...unknown[]]>;
  occupationSkills: Readonly<Record<string, readonly string[]>>;
}

export function buildPaths(
  occupations: readonly CommonsOccupation[],
  commons: Pick<Commons, 'skills'>,
  esco: EscoOccupationData,
): { paths: OccupationPath[]; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const report = (field: string, message: string): void => {
    issues.push({ file: occupationsFilePath, field, message });
  };
  const escoSkills = new Map(esco.skills.map(([id, label]) => [escoBase + id, label]));
  const escoOccupations = new Map(esco.occupations.map(([id, label]) => [escoBase + id, label]));
  const byEsco = new Map<string, Skill[]>();
  for (const skill of commons.skills.values())
    if (skill.esco) byEsco.set(skill.esco, [...(byEsco.get(skill.esco) ?? []), skill]);

  const escoSkill = (uri: string): PathSkill | undefined => {
    const label = escoSkills.get(uri);
    if (!label) return undefined;
    return { id: uri, label, commons: (byEsco.get(uri) ?? []).map((s) => s.id), esco: uri };
  };
  const playgroundSkills = (occupationUri: string): PathSkill[] =>
    // A skill the playground names but the extractor lacks (a handful) cannot be labelled: left out.
    (esco.occupationSkills[occupationUri.slice(escoBase.length)] ?? []).flatMap((id) => escoSkill(escoBase + id) ?? []);

  const paths: OccupationPath[] = [];
  const taken = new Set<string>();
  const mapped = new Map<string, string>();
  occupations.forEach((occupation, o) => {
    const at = `occupations.${o}`;
    if (taken.has(occupation.id)) report(`${at}.id`, `"${occupation.id}" is listed twice; keep one`);
    taken.add(occupation.id);
    if (occupation.esco) {
      if (!escoOccupations.has(occupation.esco))
        report(`${at}.esco`, `${occupation.esco} is not an ESCO occupation in content/esco/esco.json.gz`);
      const other = mapped.get(occupation.esco);
      if (other) report(`${at}.esco`, `"${other}" already names this ESCO occupation; one path per occupation`);
      mapped.set(occupation.esco, occupation.id);
    }
    const skills: PathSkill[] = [];
    for (const [i, id] of occupation.skills.entries()) {
      const skill = commons.skills.get(id);
      if (!skill) report(`${at}.skills.${i}`, `unknown skill id "${id}"`);
      else if (skills.some((s) => s.id === id)) report(`${at}.skills.${i}`, `"${id}" is listed twice`);
      else skills.push({ id, label: skill.label, commons: [id], esco: skill.esco });
    }
    for (const [i, uri] of occupation.escoSkills.entries()) {
      const field = `${at}.escoSkills.${i}`;
      const found = escoSkill(uri);
      if (!found) report(field, `${uri} is not an ESCO skill in content/esco/esco.json.gz`);
      else if (found.commons.length > 0)
        report(field, `is the ESCO match of the commons skill "${found.commons[0]}": list that under skills`);
      else if (skills.some((s) => s.id === uri)) report(field, `${uri} is listed twice`);
      else skills.push(found);
    }
    if (occupation.esco) skills.push(...uncovered(skills, playgroundSkills(occupation.esco)));
    paths.push({
      id: occupation.id,
      label: occupation.label,
      description: occupation.description,
      source: 'commons',
      trade: occupation.trade,
      esco: occupation.esco,
      skills,
    });
  });

  const fromEsco: OccupationPath[] = [];
  for (const id of Object.keys(esco.occupationSkills)) {
    const uri = escoBase + id;
    const label = escoOccupations.get(uri);
    if (!label || mapped.has(uri)) continue;
    let slug = pathSlug(label);
    // Two labels can make one slug, or meet a commons id: the concept's own id then tells them apart.
    if (taken.has(slug)) slug = `${slug}-${id.slice(id.indexOf('/') + 1, id.indexOf('/') + 9)}`;
    taken.add(slug);
    fromEsco.push({ id: slug, label, source: 'esco', esco: uri, skills: playgroundSkills(uri) });
  }
  fromEsco.sort((a, b) => a.label.localeCompare(b.label, 'en'));
  return { paths: [...paths, ...fromEsco], issues };
}

/** The ESCO skills not already on a path, by URI, in their order. */
function uncovered(skills: readonly PathSkill[], more: readonly PathSkill[]): PathSkill[] {
  const known = new Set(skills.flatMap((s) => (s.esco ? [s.esco] : [])));
  return more.filter((s) => !known.has(s.id) && known.add(s.id));
}
