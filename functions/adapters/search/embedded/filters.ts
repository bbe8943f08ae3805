// SearchQuery.filters as one test per slot. Each filter narrows; a list is "any of these" (an empty list
// does not narrow); ranges are inclusive and a document without the number never passes them.
import type { FacetName, SearchQuery } from '#domain/search/search-port.ts';
import type { KeywordColumn } from './columns.ts';
import type { DocumentStore } from './document-store.ts';

export type SlotTest = (slot: number) => boolean;

export interface CompiledFilters {
  /** Whether a slot holds a live document that passes every filter. */
  test: SlotTest;
  /**
   * The slots of the narrowest list filter (ascending; tombstones included, so still test each), or
   * undefined when no list filter narrows: a search without words reads these instead of every slot.
   * Read on demand: a search with words walks its words' postings instead.
   */
  slots(): Uint32Array | undefined;
  /** How many slots `slots()` would read (tombstones included); infinite when no list filter narrows. */
  narrowestSize: number;
  /** Each list filter's column and flagged values: a search without words ANDs them as bits. */
  lists: Array<{ column: KeywordColumn; flags: Uint8Array }>;
  /** Whether a range filter narrows too (ranges are tested slot by slot, not kept as bits). */
  ranged: boolean;
}

/** The test for live documents passing every filter; null when no document can pass. */
export function compileFilters(store: DocumentStore, filters: SearchQuery['filters']): CompiledFilters | null {
  const tests: SlotTest[] = [];
  const listed: CompiledFilters['lists'] = [];
  let ranged = false;
  let narrowest: { column: (typeof store.keywords)[keyof typeof store.keywords]; flags: Uint8Array } | undefined;
  let narrowestSize = Number.POSITIVE_INFINITY;
  const { keywords, numbers } = store;
  for (const [name, values] of listFilters(filters)) {
    const column = keywords[name];
    const flags = column.flags(values);
    if (flags === null) return null;
    tests.push((slot) => column.hasAny(slot, flags));
    listed.push({ column, flags });
    const size = column.slotCountOf(flags);
    if (size < narrowestSize) {
      narrowest = { column, flags };
      narrowestSize = size;
    }
  }
  for (const name of ['pay', 'hours'] as const) {
    const range = filters?.[name];
    if (range === undefined) continue;
    const min = range.min ?? Number.NEGATIVE_INFINITY;
    const max = range.max ?? Number.POSITIVE_INFINITY;
    if (min > max) return null;
    const column = numbers[name];
    tests.push((slot) => column.within(slot, min, max));
    ranged = true;
  }
  return {
    test: combine(store, tests),
    slots: () => narrowest?.column.slotsOf(narrowest.flags),
    narrowestSize,
    lists: listed,
    ranged,
  };
}

/** The list filters that narrow (a value or more), by keyword column. */
function listFilters(filters: SearchQuery['filters']): Array<[FacetName, string[]]> {
  const lists: Array<[FacetName, string[] | undefined]> = [
    ['type', filters?.type],
    ['skills', filters?.skills],
    ['trade', filters?.trade],
    ['practice', filters?.practice],
    ['kind', filters?.kind],
    ['course', filters?.course],
    ['place', filters?.place],
    ['status', filters?.status],
    ['payUnit', filters?.payUnit],
    ['remote', filters?.remote === undefined ? undefined : [String(filters.remote)]],
  ];
  return lists.filter((list): list is [FacetName, string[]] => list[1] !== undefined && list[1].length > 0);
}

/**
 * How many values the columns the list filters read have seen: compiled filters flag the values known
 * then, so they are compiled again once this grows (a value named in a filter may have arrived).
 */
export function filterValueCount(store: DocumentStore, filters: SearchQuery['filters']): number {
  let count = 0;
  for (const [name] of listFilters(filters)) count += store.keywords[name].valueCount;
  return count;
}

function combine(store: DocumentStore, tests: SlotTest[]): SlotTest {
  // Unrolled for the common shapes: this runs once per candidate document.
  const [first, second, third] = tests;
  if (first === undefined) return (slot) => store.alive(slot);
  if (second === undefined) return (slot) => store.alive(slot) && first(slot);
  if (tests.length === 2) return (slot) => store.alive(slot) && first(slot) && second(slot);
  if (third !== undefined && tests.length === 3) {
    return (slot) => store.alive(slot) && first(slot) && second(slot) && third(slot);
  }
  return (slot) => {
    if (!store.alive(slot)) return false;
    for (const test of tests) if (!test(slot)) return false;
    return true;
  };
}
