// A statement's CSV on the site is the API's: one page of at most `csvLines` lines (100 settlements for
// a record's), read by the same use case from the cursor in the URL, with the next page's address in a
// `Link` header. A request never reads a whole statement, however long.
import { RequestShapeError } from '#domain/errors.ts';
import { csvHeaders } from '#http/routes/queries.ts';
import { cursorParam } from './page-links.ts';

/** A page of CSV from `read(cursor)`; a cursor the list refuses is a 400 saying to start again. */
export async function csvPage(
  url: URL,
  read: (cursor: string | undefined) => Promise<{ text: string; next?: string | undefined }>,
  name: string,
  privacy: 'public' | 'private',
): Promise<Response> {
  try {
    const { text, next } = await read(cursorParam(url));
    return new Response(text, { headers: csvHeaders(name, privacy, next) });
  } catch (error) {
    if (!(error instanceof RequestShapeError)) throw error;
    return new Response(`${error.issues.map((issue) => `${issue.field}: ${issue.message}`).join('\n')}\n`, {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
}

/**
 * Where a download of the CSV from this page's first line on starts: the page's own cursor when it reads
 * on (a `Previous` link's reads back, and the first page needs none).
 */
export function csvFrom(url: URL, path: string): string {
  const cursor = cursorParam(url);
  return cursor?.startsWith('v1.') ? `${path}?cursor=${encodeURIComponent(cursor)}` : path;
}
