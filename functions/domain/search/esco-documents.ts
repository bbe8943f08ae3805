// ESCO's skills as search documents, so the skills picker and search reach the whole taxonomy (13,939
// skills) through the search port, not only the commons' own. Built from the committed data file
// (content/esco/esco.json.gz), which no API function carries: the reindex function and the local start
// read it and index these.
import type { EscoConcept, EscoData } from '../content/esco-data.ts';
import { escoBase } from '../content/esco-names.ts';
import type { SearchDocument } from './search-port.ts';

/** What indexing ESCO needs from the data file: its skills and the date they were imported. */
export type EscoSkillSet = Pick<EscoData, 'skills' | 'imported'>;

/** The summary lists alternative labels up to this length: enough to recognise a skill in a list. */
const summaryLimit = 200;

/** `skill:esco/<uuid>`: stable across imports, so a re-import replaces each skill in place. */
export const escoSkillDocumentId = (escoId: string) => `skill:esco/${escoId.replace(/^skill\//, '')}`;

/** The ESCO URI of a skill document, or undefined for any other document. */
export function escoUriOf(document: Pick<SearchDocument, 'type' | 'url'>): string | undefined {
  return document.type === 'skill' && document.url.startsWith(`${escoBase}skill/`) ? document.url : undefined;
}

export function escoSkillDocument([id, label, alternatives, text]: EscoConcept, updatedAt: string): SearchDocument {
  const summary = (alternatives ?? []).filter((alternative) => alternative !== label).join('; ');
  return {
    id: escoSkillDocumentId(id),
    type: 'skill',
    title: label,
    summary: summary.length > summaryLimit ? `${summary.slice(0, summaryLimit - 1)}…` : summary,
    // Every label and the description's first words (the import keeps them), searched last.
    body: text,
    // The concept's URI is its page on the ESCO portal.
    url: escoBase + id,
    skills: [],
    updatedAt,
  };
}

/** Every skill of the set; `updatedAt` is the import date, so a re-import shows as stale in reconcile. */
export function escoSkillDocuments(esco: EscoSkillSet): SearchDocument[] {
  const updatedAt = `${esco.imported}T00:00:00.000Z`;
  return esco.skills.map((concept) => escoSkillDocument(concept, updatedAt));
}
