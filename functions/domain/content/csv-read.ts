// The one CSV reader of the project, the counterpart of domain/csv.ts's writer: RFC 4180 records,
// where a quoted field may hold commas, doubled quotes and line breaks (the ESCO extractor's
// occupation descriptions run over several lines). Pure, so the importer's shape checks are unit-tested.

/** A CSV document that cannot be read as records, with the 1-based line where reading stopped. */
export class CsvShapeError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'CsvShapeError';
    this.line = line;
  }
}

/** Every record of a CSV document, the header included, as arrays of fields with their first line. */
export function readCsv(text: string): Array<{ line: number; fields: string[] }> {
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    // A blank line (one empty field) is no record: a trailing newline must not become a row.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
      i++;
      continue;
    }
    if (char === '"') {
      if (field !== '') throw new CsvShapeError('a quote in the middle of an unquoted field', line);
      quoted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += char;
    i++;
  }
  if (quoted) throw new CsvShapeError('a quoted field is never closed', start);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
