// The committed ESCO data file (content/esco/esco.json.gz): its shape, and the one writer and reader.
// Concepts are tuples to keep the file small; `id` is the URI after `http://data.europa.eu/esco/`.
import * as z from 'zod/mini';
import { lazySchema } from '../zod.ts';
import { escoBase } from './esco-names.ts';

export { escoAttribution, escoBase } from './esco-names.ts';

// Built on first use, like every schema (#domain/zod.ts): the reindex function imports this module and
// must build no schema until it parses the file.
/** [id, label, alternative labels (null when the source does not separate them), searchable text] */
const conceptSchema = /* @__PURE__ */ lazySchema(() =>
  z.tuple([
    z.string().check(z.regex(/^(skill|occupation)\/[0-9a-f-]{36}$|^isco\/C\d{1,4}$/)),
    z.string().check(z.minLength(1)),
    z.nullable(z.array(z.string())),
    z.string().check(z.minLength(1)),
  ]),
);

export const escoDataSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    format: z.literal('guildhall-esco/1'),
    escoVersion: z.string(),
    imported: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
    sources: z.array(z.strictObject({ package: z.string(), version: z.string(), files: z.array(z.string()) })),
    licence: z.literal('CC BY 4.0'),
    attribution: z.string(),
    skills: z.array(conceptSchema()),
    occupations: z.array(conceptSchema()),
    /** Occupation id → the ids of its skills, where the playground knows them. */
    occupationSkills: z.record(z.string(), z.array(z.string())),
  }),
);

export type EscoData = z.infer<ReturnType<typeof escoDataSchema>>;
export type EscoConcept = EscoData['skills'][number];

export class EscoDataError extends Error {
  override name = 'EscoDataError';
}

/** Reads the data file's JSON text; a file of the wrong shape is refused with the field named. */
export function parseEscoData(json: string): EscoData {
  const result = escoDataSchema().safeParse(JSON.parse(json));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new EscoDataError(
      `The ESCO data file is not valid at ${issue?.path.join('.') || '(top)'}: ${issue?.message}`,
    );
  }
  return result.data;
}

/** One concept per line, so a re-import's diff shows which concepts changed. */
export function writeEscoData(data: EscoData): string {
  const { skills, occupations, occupationSkills, ...header } = data;
  const rows = (list: readonly EscoConcept[]) => list.map((concept) => JSON.stringify(concept)).join(',\n');
  return (
    `{${Object.entries(header)
      .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`)
      .join(',\n')},\n` +
    `"skills":[\n${rows(skills)}\n],\n"occupations":[\n${rows(occupations)}\n],\n` +
    `"occupationSkills":${JSON.stringify(occupationSkills)}}\n`
  );
}

/** The set of full skill URIs in the data, for checking that a commons skill names a real one. */
export const escoSkillUris = (data: EscoData): Set<string> => new Set(data.skills.map(([id]) => escoBase + id));
