// Orders candidates and keeps one page's worth. A page needs only the best page × pageSize candidates,
// so a bounded heap selects them (n log k) instead of sorting every hit of a common word.
//
// With a sort field the order is: words matched, then the field, then relevance. That is Meilisearch with
// the ranking rules `words, sort, typo, proximity, attribute, exactness`; its default puts `sort` after
// `attribute`, where a sort would barely change a text search. Documents without the field come last in
// either direction, as in Meilisearch. Ties fall back to insertion order.
import type { SearchQuery } from '#domain/search/search-port.ts';
import type { DocumentStore } from './document-store.ts';
import { type Candidates, wordsWeight } from './match.ts';

/** Negative when candidate `a` ranks before candidate `b` (indexes into the candidates). */
type Compare = (a: number, b: number) => number;

let sortValues = new Float64Array(0);

export function comparator(store: DocumentStore, { slots, keys }: Candidates, sort: SearchQuery['sort']): Compare {
  const relevance: Compare = (a, b) =>
    (keys[b] as number) - (keys[a] as number) || (slots[a] as number) - (slots[b] as number);
  if (sort === undefined) return relevance;
  const sign = sort.direction === 'asc' ? 1 : -1;
  const words = (i: number) => Math.floor((keys[i] as number) / wordsWeight);
  if (sort.field === 'title') {
    const titles: string[] = new Array(slots.length);
    for (let i = 0; i < slots.length; i++) titles[i] = store.titleKey(slots[i] as number);
    return (a, b) => {
      const ta = titles[a] as string;
      const tb = titles[b] as string;
      return words(b) - words(a) || (ta === tb ? 0 : ta < tb ? -sign : sign) || relevance(a, b);
    };
  }
  const column = store.numbers[sort.field];
  // Kept from one search to the next (its comparator is used up before the next search begins).
  if (sortValues.length < slots.length) sortValues = new Float64Array(slots.length + (slots.length >> 1));
  const values = sortValues;
  for (let i = 0; i < slots.length; i++) values[i] = column.get(slots[i] as number);
  return (a, b) =>
    words(b) - words(a) || compareNumbers(values[a] as number, values[b] as number, sign) || relevance(a, b);
}

function compareNumbers(a: number, b: number, sign: number): number {
  const missingA = Number.isNaN(a);
  const missingB = Number.isNaN(b);
  if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1;
  return (a - b) * sign;
}

/** Indexes of the best `limit` of `size` candidates, best first. */
export function best(size: number, limit: number, compare: Compare): number[] {
  if (limit <= 0 || size === 0) return [];
  if (size <= limit) return Array.from({ length: size }, (_, i) => i).sort(compare);
  // A heap with the worst kept candidate on top: a newcomer only enters by beating it.
  const heap: number[] = [];
  const worse = (a: number, b: number) => compare(a, b) > 0;
  for (let i = 0; i < size; i++) {
    if (heap.length < limit) {
      heap.push(i);
      siftUp(heap, heap.length - 1, worse);
    } else if (worse(heap[0] as number, i)) {
      heap[0] = i;
      siftDown(heap, 0, worse);
    }
  }
  return heap.sort(compare);
}

function siftUp(heap: number[], at: number, worse: (a: number, b: number) => boolean): void {
  let child = at;
  while (child > 0) {
    const parent = (child - 1) >> 1;
    if (!worse(heap[child] as number, heap[parent] as number)) return;
    swap(heap, child, parent);
    child = parent;
  }
}

function siftDown(heap: number[], at: number, worse: (a: number, b: number) => boolean): void {
  let parent = at;
  for (;;) {
    const left = parent * 2 + 1;
    const right = left + 1;
    let worst = parent;
    if (left < heap.length && worse(heap[left] as number, heap[worst] as number)) worst = left;
    if (right < heap.length && worse(heap[right] as number, heap[worst] as number)) worst = right;
    if (worst === parent) return;
    swap(heap, parent, worst);
    parent = worst;
  }
}

function swap(heap: number[], i: number, j: number): void {
  const held = heap[i] as number;
  heap[i] = heap[j] as number;
  heap[j] = held;
}
