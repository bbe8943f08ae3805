// A strict RFC 4180 reader for tests: it refuses what a lenient one would guess at (a quote inside an
// unquoted field, a bare CR or LF, text after a closing quote, a last record without CRLF), so a
// writer that is only nearly right fails.
export function parseStrictCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let at = 0;
  const fail = (why: string): never => {
    throw new SyntaxError(`${why} at offset ${at} of ${JSON.stringify(text.slice(Math.max(0, at - 20), at + 20))}`);
  };
  if (!text.endsWith('\r\n')) fail('The last record does not end with CRLF');
  while (at < text.length) {
    let field = '';
    if (text[at] === '"') {
      at++;
      for (;;) {
        const quote = text.indexOf('"', at);
        if (quote < 0) fail('A quoted field is never closed');
        field += text.slice(at, quote);
        at = quote + 1;
        if (text[at] !== '"') break;
        field += '"';
        at++;
      }
    } else {
      const end = text.slice(at).search(/[,\r]/);
      field = text.slice(at, at + end);
      if (/["\n]/.test(field)) fail('An unquoted field holds a quote or a line feed');
      at += end;
    }
    record.push(field);
    if (text[at] === ',') at++;
    else if (text.startsWith('\r\n', at)) {
      records.push(record);
      record = [];
      at += 2;
    } else fail('A field is followed by something other than a comma or CRLF');
  }
  return records;
}
