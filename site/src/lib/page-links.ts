// Lists on the site's pages are read a page at a time, as the API's are: the page's URL carries the
// cursor (`?cursor=`, or one name per list where a page shows several), and Next and Previous are plain
// links, so paging works without JavaScript and with the keyboard.
import { RequestShapeError } from '#domain/errors.ts';
import { defaultPageSize, maxCursorLength } from '#domain/paging.ts';

/** Items a site page shows at a time. */
export const sitePageSize = defaultPageSize;

/** The cursor the URL carries under `name`, if it could be one; the list's read checks the rest. */
export function cursorParam(url: URL, name = 'cursor'): string | undefined {
  const value = url.searchParams.get(name);
  return value && value.length <= maxCursorLength ? value : undefined;
}

/**
 * Reads a page; a cursor the list refuses (forged, stale, or another list's) shows the first page
 * instead, as a filter a page cannot read is dropped rather than failing the page.
 */
export async function readPage<T>(read: (cursor: string | undefined) => Promise<T>, cursor: string | undefined) {
  try {
    return await read(cursor);
  } catch (error) {
    if (!cursor || !(error instanceof RequestShapeError)) throw error;
    return read(undefined);
  }
}

/** This page's path and query with one cursor replaced (or removed), every other parameter kept. */
export function pageHref(url: URL, cursor: string | undefined, name = 'cursor', hash = ''): string {
  const query = new URLSearchParams(url.searchParams);
  if (cursor) query.set(name, cursor);
  else query.delete(name);
  const text = query.toString();
  return `${url.pathname}${text ? `?${text}` : ''}${hash}`;
}
