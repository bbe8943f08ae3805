// Every list is read a page at a time, by an opaque cursor: a request never reads an unbounded set.
// A page says where the next one starts (`next`) and, where the list can be walked back, where the
// previous one does (`previous`); nothing counts the whole list. A cursor is the position of the last
// item read (for DynamoDB, the key it stopped at), written as `v1.<base64url JSON>` (`v1r.` for a
// cursor that reads back from its position, which a `previous` link carries). Because it comes
// back from a client, it is checked before use: only the key attributes its list expects, short
// strings or whole numbers, the list's own partition — a forged cursor is a 400 naming `query.cursor`,
// never a store error and never a look into another list.
import { RequestShapeError } from './errors.ts';
import { edgeWords } from './i18n/edge-refusals.ts';

export interface Page<T> {
  items: T[];
  /** Where the next page starts; absent on the last page. */
  next?: string | undefined;
  /** Where the page before this one starts, for lists that can be walked back; absent on the first. */
  previous?: string | undefined;
}

export const defaultPageSize = 20;
export const maxPageSize = 100;

export interface PageRequest {
  /** How many items at most: 1 to maxPageSize. */
  limit: number;
  cursor?: string | undefined;
}

export type Position = Record<string, string | number>;

const prefix = 'v1.';
/** A cursor that reads back: the page that ends just before its position (a `previous` link). */
const backPrefix = 'v1r.';
/** Long enough for any key a Guildhall list stops at, short enough never to reach a store's limits. */
export const maxCursorLength = 1024;
const maxValueLength = 512;

/** Which way a cursor reads from its position: on past it (`next`) or back before it (`previous`). */
export type CursorDirection = 'after' | 'before';

export function encodeCursor(position: Position, direction: CursorDirection = 'after'): string {
  return (
    (direction === 'after' ? prefix : backPrefix) + Buffer.from(JSON.stringify(position), 'utf8').toString('base64url')
  );
}

export interface CursorShape {
  /** Exactly the attributes a position of this list has. */
  keys: readonly string[];
  /** Attributes whose value is fixed for this list (its partition): a cursor from another list is refused. */
  fixed?: Readonly<Record<string, string | number>>;
}

const invalid = (why: 'another list' | 'not a cursor' | 'damaged') =>
  new RequestShapeError([{ field: 'query.cursor', ...edgeWords({ key: 'cursor', values: { why } }) }]);

/**
 * The position a cursor stands for, checked against the list's shape; RequestShapeError if it is not one.
 * Only a cursor that reads on: a list that reads back too uses `readCursor`.
 */
export function decodeCursor(cursor: string, shape: CursorShape): Position {
  if (cursor.startsWith(backPrefix)) throw invalid('another list');
  return readCursor(cursor, shape).position;
}

/** A cursor's position and which way it reads, checked against the list's shape (see decodeCursor). */
export function readCursor(cursor: string, shape: CursorShape): { position: Position; direction: CursorDirection } {
  const direction: CursorDirection = cursor.startsWith(backPrefix) ? 'before' : 'after';
  const start = direction === 'after' ? prefix : backPrefix;
  if (cursor.length > maxCursorLength || !cursor.startsWith(start)) throw invalid('not a cursor');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor.slice(start.length), 'base64url').toString('utf8'));
  } catch {
    throw invalid('not a cursor');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid('not a cursor');
  const entries = Object.entries(value);
  const keys = entries.map(([key]) => key).sort();
  if (keys.join('\n') !== [...shape.keys].sort().join('\n')) throw invalid('another list');
  for (const [key, item] of entries) {
    const ok =
      (typeof item === 'string' && item.length > 0 && item.length <= maxValueLength) ||
      (typeof item === 'number' && Number.isSafeInteger(item));
    if (!ok) throw invalid('damaged');
    if (shape.fixed && key in shape.fixed && shape.fixed[key] !== item) throw invalid('another list');
  }
  return { position: value as Position, direction };
}

/** A page of a list held in memory (the commons, a search engine's hits): the cursor is the offset. */
export function pageOfList<T>(items: readonly T[], request: PageRequest): Page<T> {
  const start = request.cursor ? Number(decodeCursor(request.cursor, { keys: ['offset'] }).offset) : 0;
  if (!Number.isSafeInteger(start) || start < 0) throw invalid('damaged');
  const end = start + request.limit;
  return {
    items: items.slice(start, end),
    ...(end < items.length ? { next: encodeCursor({ offset: end }) } : {}),
    ...(start > 0 ? { previous: encodeCursor({ offset: Math.max(0, start - request.limit) }) } : {}),
  };
}
