// What every list route answers, as the OpenAPI document describes it: a page of items and the cursors
// around it (domain/paging.ts). A client follows `next` until it is absent; nothing counts the list.
import * as z from 'zod';
import { maxPageSize } from '#domain/paging.ts';
import type { Page } from '#domain/paging.ts';

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item).max(maxPageSize).describe('At most `pageSize` items.'),
    next: z.string().optional().describe('Give it as `cursor` for the next page; absent on the last page.'),
    previous: z.string().optional().describe('Give it as `cursor` for the page before; absent on the first page.'),
  });
}

/** A page as the API answers it: the items mapped, the cursors kept, nothing else. */
export function pageBody<T, U>(page: Page<T>, map: (item: T) => U): Page<U> {
  return {
    items: page.items.map(map),
    ...(page.next ? { next: page.next } : {}),
    ...(page.previous ? { previous: page.previous } : {}),
  };
}
