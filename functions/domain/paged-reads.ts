// Reading a paged list beyond one page, in the two ways that stay honest about cost: a job that
// rebuilds from the table (reindex, the expiry sweep) walks every page, a page at a time, and never
// runs in a request; a request that needs a sample (recommendations) takes at most a stated number of
// items from the start. And the sieve a paged read applies for a filter the store cannot express.
import { maxPageSize, type Page, type PageRequest } from './paging.ts';

/**
 * Keeps the items a filter accepts, in their order. A paged read applies it to each batch it reads
 * and reads on past what it drops, a bounded number of times, so a page may come back short (with
 * `next`) but never reads an unbounded stretch of the list.
 */
export type Sieve<T> = (batch: T[]) => T[] | Promise<T[]>;

export type PagedRead<T> = (request: PageRequest) => Promise<Page<T>>;

/** Every page of a list, in order: for jobs only, never a request path (it reads the whole list). */
export async function* everyPage<T>(read: PagedRead<T>, limit = maxPageSize): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  do {
    const page = await read({ limit, cursor });
    yield page.items;
    cursor = page.next;
  } while (cursor);
}

/** Every item of a list: for jobs only (see everyPage). */
export async function everyItem<T>(read: PagedRead<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const page of everyPage(read)) items.push(...page);
  return items;
}

/**
 * At most `max` items from the start of a list, and whether it holds more: a request's bounded sample.
 * It stops after `max / maxPageSize + 2` pages whatever it found, so a sieve that drops nearly
 * everything cannot make it read on.
 */
export async function firstItems<T>(read: PagedRead<T>, max: number): Promise<{ items: T[]; more: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < Math.ceil(max / maxPageSize) + 2 && items.length < max; pages++) {
    const page = await read({ limit: Math.min(maxPageSize, max - items.length), cursor });
    items.push(...page.items);
    cursor = page.next;
    if (!cursor) return { items, more: false };
  }
  return { items, more: true };
}
