// content/occupations.yaml: the occupations of the commons' own trades, each mapped by a person to the
// commons' skills and the ESCO skills it needs. Parsed here, cross-checked in path-catalogue.ts.
import { parse as parseYaml } from 'yaml';
import * as z from 'zod/mini';
import { commonsIdSchema, tradeIds } from '../content/commons.ts';
import type { ContentIssue } from '../content/parse-commons.ts';
import { lazySchema } from '../zod.ts';

export const occupationsFilePath = 'occupations.yaml';

const escoUri = (kind: 'skill' | 'occupation') =>
  z
    .string()
    .check(
      z.regex(
        new RegExp(`^http://data\\.europa\\.eu/esco/${kind}/[0-9a-f-]{36}$`),
        `Use an ESCO ${kind} URI, such as http://data.europa.eu/esco/${kind}/ followed by its id.`,
      ),
    );

export const commonsOccupationSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    id: commonsIdSchema(),
    label: z.string().check(z.minLength(2), z.maxLength(80)),
    description: z.string().check(z.minLength(20), z.maxLength(600)),
    trade: z.enum(tradeIds),
    esco: z.optional(escoUri('occupation')),
    /** Commons skills the occupation needs, in the order a learner would meet them. */
    skills: z.array(commonsIdSchema()).check(z.minLength(1)),
    /** ESCO skills it needs that no commons skill names (a commons skill's own `esco:` is refused here). */
    escoSkills: z._default(z.array(escoUri('skill')), []),
    /** Who mapped it and what they read it beside. */
    review: z.string().check(z.minLength(20), z.maxLength(600)),
  }),
);
export type CommonsOccupation = z.infer<ReturnType<typeof commonsOccupationSchema>>;

const fileSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ occupations: z.array(commonsOccupationSchema()) }),
);

/** The file's occupations, or the issues that stop it being read (each naming the field). */
export function parseOccupationsFile(text: string): { occupations: CommonsOccupation[]; issues: ContentIssue[] } {
  const issue = (field: string, message: string) => ({ file: occupationsFilePath, field, message });
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    return { occupations: [], issues: [issue('(file)', `not valid YAML: ${(error as Error).message.split('\n')[0]}`)] };
  }
  const result = fileSchema().safeParse(data);
  if (result.success) return { occupations: result.data.occupations, issues: [] };
  return {
    occupations: [],
    issues: result.error.issues.map((i) => issue(i.path.join('.') || '(root)', i.message)),
  };
}
