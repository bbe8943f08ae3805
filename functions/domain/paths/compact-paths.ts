// The paths as the compiled commons stores them: each skill by id alone (a commons id, or an ESCO id
// after http://data.europa.eu/esco/), with one table of ESCO labels; everything else is the commons'
// own skills again. About a third of the size of the paths written out whole (README, "Paths").
import type { Commons } from '../content/commons.ts';
import { escoBase } from '../content/esco-names.ts';
import type { OccupationPath, PathSkill } from './occupation-path.ts';

export interface CompactPaths {
  /** ESCO skill id (after the base) → its label. */
  escoLabels: Record<string, string>;
  paths: Array<Omit<OccupationPath, 'skills'> & { skills: string[] }>;
}

export function compactPaths(paths: readonly OccupationPath[]): CompactPaths {
  const escoLabels: Record<string, string> = {};
  return {
    paths: paths.map((path) => ({
      ...path,
      skills: path.skills.map((skill) => {
        if (!skill.id.startsWith(escoBase)) return skill.id;
        const id = skill.id.slice(escoBase.length);
        escoLabels[id] = skill.label;
        return id;
      }),
    })),
    escoLabels,
  };
}

/** The paths again, each skill rebuilt from the commons' skills and the label table. */
export function expandPaths(compact: CompactPaths, skills: Commons['skills']): Map<string, OccupationPath> {
  const byEsco = new Map<string, string[]>();
  for (const skill of skills.values())
    if (skill.esco) byEsco.set(skill.esco, [...(byEsco.get(skill.esco) ?? []), skill.id]);
  const skillOf = (id: string): PathSkill => {
    const commons = skills.get(id);
    if (commons) return { id, label: commons.label, commons: [id], esco: commons.esco };
    const uri = escoBase + id;
    return { id: uri, label: compact.escoLabels[id] ?? id, commons: byEsco.get(uri) ?? [], esco: uri };
  };
  return new Map(compact.paths.map((path) => [path.id, { ...path, skills: path.skills.map(skillOf) }]));
}
