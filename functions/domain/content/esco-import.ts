// Builds the ESCO data from the two PyPI packages' files. Steps: 1) read each extractor CSV, refusing
// one of the wrong shape (header, a row without a URI); 2) learn the split's lexicon from every text and
// the playground's exact labels; 3) per concept, take the playground's labels where its preferred label
// opens the extractor's text (the same ESCO version), else split the text; 4) attach the playground's
// occupations' skills.
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

export interface EscoSources {
  skills: ExtractorRow[];
  occupations: ExtractorRow[];
  playgroundSkills: PlaygroundConcept[];
  playgroundOccupations: PlaygroundConcept[];
  header: Omit<EscoData, 'skills' | 'occupations' | 'occupationSkills'>;
}

export function buildEscoData(sources: EscoSources): EscoData {
  const exact = new Map<string, PlaygroundConcept>();
  for (const concept of [...sources.playgroundSkills, ...sources.playgroundOccupations]) {
    exact.set(concept.uri.slice(escoBase.length), concept);
  }
  const lexicon = learnLexicon(
    [...sources.skills, ...sources.occupations].filter((row) => !row.id.startsWith('isco/')).map((row) => row.text),
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
    const known = exact.get(id);
    if (known && text.toLowerCase().startsWith(`${known.label.toLowerCase()} `)) {
      const alternatives = [...new Set(known.altLabel)].filter((label) => label !== known.label);
      return [id, known.label, alternatives, searchable.trim()];
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
