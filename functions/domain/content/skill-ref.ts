// A reference to a skill, as a profile declares it and an opening asks for it: a commons skill's id, or
// any ESCO skill's URI. One canonical form is stored, so that matching, ranking and the shortage index
// compare plain strings:
// - a commons skill is stored by its commons id, even when sent as its ESCO URI: every record before
//   this change holds commons ids (no migration), and courses, credentials, trades and the shortage
//   ranking all key by it; the URI is always one lookup away in the skill's file;
// - an ESCO skill the commons does not have is stored by its URI, with ESCO's label beside it for display.
// The two forms cannot clash: commons ids have no colon or slash, and every URI has both.
// The URI is checked through the search port (its ESCO skill documents), never the data file, which
// would not fit an API function's bundle.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { escoSkillDocumentId, escoUriOf } from '../search/esco-documents.ts';
import { maxGetIds, type SearchDocument, type SearchIndex } from '../search/search-port.ts';
import { type FieldIssue, ValidationError } from '../errors.ts';
import { skillWords } from '../i18n/account/skill-refusals.ts';
import type { Commons } from './commons.ts';
import { escoBase, isEscoSkillUri } from './esco-names.ts';

export { isEscoSkillUri };

/** One pattern for both forms, so the OpenAPI document states it and a client (or a fuzzer) can make one. */
const skillRefShape =
  /^(?:[a-z0-9]+(?:-[a-z0-9]+)*|http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export const skillRefMessage =
  'Pick a skill from the list: a commons skill id such as timber-framing, or an ESCO skill’s address such as http://data.europa.eu/esco/skill/ followed by its id.';

/** A skill as sent: a commons id or an ESCO skill URI, by shape; whether it exists is checked after. */
export const skillRefSchema = /* @__PURE__ */ lazySchema(() =>
  z.string().check(z.maxLength(80, skillRefMessage), z.regex(skillRefShape, skillRefMessage)),
);

/** A skill as stored: its canonical reference, and ESCO's label when it is not a commons skill. */
export interface SkillRef {
  skill: string;
  label?: string | undefined;
}

/** ESCO labels by URI, for the URIs among `uris` that are ESCO skills (throws SearchUnavailableError). */
export type EscoLabels = (uris: string[]) => Promise<Map<string, string>>;

/** ESCO's labels read from its skill documents in the search index. */
export function escoLabelsFrom(search: Pick<SearchIndex, 'get'>): EscoLabels {
  return async (uris) => {
    const wanted = [...new Set(uris.filter(isEscoSkillUri))];
    if (wanted.length === 0) return new Map();
    const ids = wanted.map((uri) => escoSkillDocumentId(uri.slice(escoBase.length)));
    const reads: Promise<SearchDocument[]>[] = [];
    for (let start = 0; start < ids.length; start += maxGetIds)
      reads.push(search.get(ids.slice(start, start + maxGetIds)));
    const labels = new Map<string, string>();
    for (const document of (await Promise.all(reads)).flat()) {
      const uri = escoUriOf(document);
      if (uri) labels.set(uri, document.title);
    }
    return labels;
  };
}

type SkillCatalog = Pick<Commons, 'skills'>;

/** The commons skill an ESCO URI stands for, by the URI each skill's file records. */
function commonsByEsco(commons: SkillCatalog): Map<string, string> {
  const byEsco = new Map<string, string>();
  for (const skill of commons.skills.values()) if (skill.esco) byEsco.set(skill.esco, skill.id);
  return byEsco;
}

/**
 * The canonical form of a reference, without asking ESCO: a commons id stays, a URI a commons skill
 * records becomes that skill's id, any other URI stays. What a removal or a match needs.
 */
export function canonicalSkill(commons: SkillCatalog, ref: string): string {
  return isEscoSkillUri(ref) ? (commonsByEsco(commons).get(ref) ?? ref) : ref;
}

/** A reference that named no skill, by the field it came from. */
export interface UnknownSkill {
  index: number;
  ref: string;
}

/**
 * Each reference in its canonical form, with ESCO's label for an ESCO-only skill; the ones that name no
 * skill (an id the commons lacks, a URI ESCO lacks) are listed by position. ESCO is asked only when a
 * reference is a URI the commons does not record.
 */
export async function resolveSkillRefs(
  deps: { commons: SkillCatalog; escoLabels: EscoLabels },
  refs: readonly string[],
): Promise<{ resolved: SkillRef[]; unknown: UnknownSkill[] }> {
  const byEsco = commonsByEsco(deps.commons);
  const canonical = refs.map((ref) => (isEscoSkillUri(ref) ? (byEsco.get(ref) ?? ref) : ref));
  const labels = await deps.escoLabels(canonical.filter(isEscoSkillUri));
  const resolved: SkillRef[] = [];
  const unknown: UnknownSkill[] = [];
  canonical.forEach((skill, index) => {
    if (deps.commons.skills.has(skill)) resolved.push({ skill });
    else if (labels.has(skill)) resolved.push({ skill, label: labels.get(skill) });
    else unknown.push({ index, ref: refs[index] ?? skill });
  });
  return { resolved, unknown };
}

/**
 * Each reference resolved (resolveSkillRefs), or a ValidationError naming, by `fieldOf(position)`, each
 * one that names no skill, then each that repeats a skill listed before it (a commons id and its URI).
 */
export async function requireSkillRefs(
  deps: { commons: SkillCatalog; escoLabels: EscoLabels },
  refs: readonly string[],
  fieldOf: (index: number) => string,
): Promise<SkillRef[]> {
  const { resolved, unknown } = await resolveSkillRefs(deps, refs);
  const issues: FieldIssue[] = unknown.map(({ index, ref }) => ({
    field: fieldOf(index),
    ...skillWords({ key: 'unknown-skill', values: { ref, where: isEscoSkillUri(ref) ? 'esco' : 'commons' } }),
  }));
  if (issues.length > 0) throw new ValidationError(issues);
  const seen = new Set<string>();
  resolved.forEach(({ skill }, index) => {
    if (seen.has(skill)) issues.push({ field: fieldOf(index), ...skillWords({ key: 'skill-twice', values: {} }) });
    seen.add(skill);
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return resolved;
}

/** A stored skill's name for display: the commons' label, else the label stored beside it, else the reference. */
export const skillLabelOf = (commons: SkillCatalog, ref: SkillRef) =>
  commons.skills.get(ref.skill)?.label ?? ref.label ?? ref.skill;

/** Where a stored skill's page is: the commons' own page, or ESCO's for an ESCO-only skill. */
export const skillPageOf = (ref: string) => (isEscoSkillUri(ref) ? ref : `/learn/skills/${ref}/`);
