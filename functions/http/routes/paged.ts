// What every list route answers, as the OpenAPI document describes it: a page of items and the cursors
// around it (domain/paging.ts). A client follows `next` until it is absent; nothing counts the list.
import * as z from 'zod/mini';
import { maxPageSize } from '#domain/paging.ts';
import type { Page } from '#domain/paging.ts';

/**
 * The answer of a list route: at most `pageSize` items, `next` while there are more and `previous` when
 * the list can be walked back; `extra` for what a list carries beside its items (a statement's account,
 * the ledger's totals). Documentation only: called from a response's schema factory, never at run time.
 */
export function pageSchema<T extends z.ZodMiniType>(item: T, extra: Record<string, z.ZodMiniType> = {}) {
  return z.object({
    ...extra,
    items: z.array(item).check(z.maxLength(maxPageSize), z.describe('At most `pageSize` items.')),
    next: z.optional(z.string()).check(z.describe('Give it as `cursor` for the next page; absent on the last page.')),
    previous: z
      .optional(z.string())
      .check(z.describe('Give it as `cursor` for the page before; absent on the first page.')),
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
