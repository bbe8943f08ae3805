// The one CSV writer of the project, for every export (statements, the ledger, shortages, and any to
// come). RFC 4180: a field is quoted when it holds a comma, a quote, CR or LF, a quote is doubled, and
// every record ends with CRLF. Cells are typed, because only the type can tell an amount from text that
// looks like one: numbers and amounts are written bare; text that a spreadsheet would run as a formula
// is written as text.
import { type Decimal, decimalText } from './decimal.ts';

/** Text, a number, an exact decimal amount, or an empty cell. */
export type CsvCell = string | number | bigint | Decimal | null | undefined;

/**
 * Excel, LibreOffice and Google Sheets read a cell that starts with = + - @ (or a tab or CR before one)
 * as a formula, and accept the full-width forms as well; `=HYPERLINK(…)` or `-1+cmd|…` in a title
 * would run on the reader's machine. Whatever follows, such text gets a leading apostrophe, which
 * spreadsheets show as text. A negative amount is not text: it is written bare.
 */
const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

function textField(text: string): string {
  const safe = formulaStart.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One cell as it appears between the commas. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return textField(cell);
  if (typeof cell === 'bigint') return cell.toString();
  if (typeof cell === 'number') {
    // NaN or Infinity would reach a spreadsheet as text that looks like a number; it is a bug upstream.
    if (!Number.isFinite(cell)) throw new RangeError(`A CSV number must be finite, not ${cell}.`);
    return String(cell);
  }
  return decimalText(cell);
}

/** A whole CSV document: the header, then one record per row, each the header's width. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) {
    // RFC 4180 wants the same number of fields on every line; a ragged row is a bug in the export.
    if (row.length !== header.length) {
      throw new RangeError(`A CSV row has ${row.length} cells for ${header.length} columns.`);
    }
    lines.push(row.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
