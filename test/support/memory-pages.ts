// Paged reads over a list in memory, for the fakes unit tests pass in: the same promises as the
// DynamoDB adapters (a page at most `limit` long, a sieve applied, `next` only while there is more),
// with an offset for the cursor.
import type { Sieve } from '#domain/paged-reads.ts';
import { type Page, type PageRequest, pageOfList } from '#domain/paging.ts';

export function pagedFrom<T>(items: () => T[]) {
  return async (request: PageRequest, sieve?: Sieve<T>): Promise<Page<T>> =>
    pageOfList(sieve ? await sieve(items()) : items(), request);
}

/** A map of what exists among `ids`, as the adapters' batched reads answer. */
export function manyFrom<T>(find: (id: string) => T | undefined | null) {
  return async (ids: readonly string[]): Promise<Map<string, T>> =>
    new Map(
      ids.flatMap((id) => {
        const found = find(id);
        return found ? [[id, found] as const] : [];
      }),
    );
}
