// The documents as results show them, by slot, plus the columns filters, facets and sorting read.
// The body is indexed but not kept: results never show it, and it is most of a document's size. A slot
// is never reused: replacing a document tombstones its slot and takes a new one (the index cannot forget
// a body it no longer has), and `compact` drops the tombstones once they are worth the rewrite.
import type { FacetName, SearchDocument } from '#domain/search/search-port.ts';
import { clearBit, setBit, widen, wordsFor } from './bitsets.ts';
import { KeywordColumn, NumberColumn } from './columns.ts';
import { normalize } from './text.ts';

/** A document without its body. */
export type StoredDocument = Omit<SearchDocument, 'body'>;

export class DocumentStore {
  #documents: (StoredDocument | undefined)[] = [];
  readonly #slots = new Map<string, number>();
  /** Normalized titles, for sorting by title without normalizing on every comparison. */
  #titleKeys: string[] = [];
  /** The live slots as bits (bitsets.ts). */
  #alive = new Uint32Array(32);
  readonly keywords: Record<FacetName, KeywordColumn> = {
    type: new KeywordColumn(),
    skills: new KeywordColumn(),
    trade: new KeywordColumn(),
    practice: new KeywordColumn(),
    kind: new KeywordColumn(),
    course: new KeywordColumn(),
    place: new KeywordColumn(),
    remote: new KeywordColumn(),
    status: new KeywordColumn(),
    payUnit: new KeywordColumn(),
  };
  readonly numbers = {
    pay: new NumberColumn(),
    hours: new NumberColumn(),
    updatedAt: new NumberColumn(),
    posted: new NumberColumn(),
    closes: new NumberColumn(),
  };

  /** Stores a document in a new slot, tombstoning the slot of any earlier version. */
  add(document: SearchDocument): number {
    this.remove(document.id);
    const slot = this.#documents.length;
    const stored = withoutBody(document);
    this.#documents.push(stored);
    this.#alive = widen(this.#alive, wordsFor(slot + 1));
    setBit(this.#alive, slot);
    this.#titleKeys.push(normalize(stored.title));
    this.#slots.set(stored.id, slot);
    const { keywords, numbers } = this;
    keywords.type.set(slot, [stored.type]);
    keywords.skills.set(slot, stored.skills);
    keywords.trade.set(slot, optional(stored.trade));
    keywords.practice.set(slot, optional(stored.practice));
    keywords.kind.set(slot, optional(stored.kind));
    keywords.course.set(slot, optional(stored.course));
    keywords.place.set(slot, optional(stored.place));
    // Booleans facet as "true"/"false", as in Meilisearch.
    keywords.remote.set(slot, stored.remote === undefined ? [] : [String(stored.remote)]);
    keywords.status.set(slot, optional(stored.status));
    keywords.payUnit.set(slot, optional(stored.payUnit));
    numbers.pay.set(slot, stored.pay);
    numbers.hours.set(slot, stored.hours);
    numbers.updatedAt.set(slot, Date.parse(stored.updatedAt));
    // Dates sort as instants here and as ISO strings in Meilisearch: the same order for one format.
    numbers.posted.set(slot, stored.posted === undefined ? undefined : Date.parse(stored.posted));
    numbers.closes.set(slot, stored.closes === undefined ? undefined : Date.parse(stored.closes));
    return slot;
  }

  /** Tombstones a document's slot; false when the id is unknown. */
  remove(id: string): boolean {
    const slot = this.#slots.get(id);
    if (slot === undefined) return false;
    this.#slots.delete(id);
    this.#documents[slot] = undefined;
    clearBit(this.#alive, slot);
    this.#titleKeys[slot] = '';
    return true;
  }

  /** The live document with this id, if any. */
  byId(id: string): StoredDocument | undefined {
    const slot = this.#slots.get(id);
    return slot === undefined ? undefined : this.#documents[slot];
  }

  /** The slot of the live document with this id, if any. */
  slotOf(id: string): number | undefined {
    return this.#slots.get(id);
  }

  document(slot: number): StoredDocument | undefined {
    return this.#documents[slot];
  }

  /** The live slots as bits, at least `wordsFor(slotCount)` words long. */
  get aliveBits(): Uint32Array {
    return this.#alive;
  }

  alive(slot: number): boolean {
    return this.#documents[slot] !== undefined;
  }

  titleKey(slot: number): string {
    return this.#titleKeys[slot] ?? '';
  }

  /** Slots in use, tombstones included: the bound of every slot-indexed array. */
  get slotCount(): number {
    return this.#documents.length;
  }

  get size(): number {
    return this.#slots.size;
  }

  get tombstones(): number {
    return this.#documents.length - this.#slots.size;
  }

  ids(): Array<{ id: string; updatedAt: string }> {
    return [...this.#slots.values()].map((slot) => {
      const { id, updatedAt } = this.#documents[slot] as StoredDocument;
      return { id, updatedAt };
    });
  }

  /** Drops tombstones; returns the renumbering (`remap[old]` is the new slot or -1) for the index. */
  compact(): Int32Array {
    const remap = new Int32Array(this.#documents.length).fill(-1);
    const documents: StoredDocument[] = [];
    const titleKeys: string[] = [];
    this.#documents.forEach((document, old) => {
      if (document === undefined) return;
      remap[old] = documents.length;
      this.#slots.set(document.id, documents.length);
      documents.push(document);
      titleKeys.push(this.#titleKeys[old] as string);
    });
    this.#documents = documents;
    this.#alive = new Uint32Array(wordsFor(documents.length) + 32);
    for (let slot = 0; slot < documents.length; slot++) setBit(this.#alive, slot);
    this.#titleKeys = titleKeys;
    for (const column of Object.values(this.keywords)) column.compact(remap, documents.length);
    for (const column of Object.values(this.numbers)) column.compact(remap, documents.length);
    return remap;
  }
}

function optional(value: string | undefined): string[] {
  return value === undefined || value === '' ? [] : [value];
}

/** Copies only the fields a result shows, so the caller's object (and its body) can be collected. */
function withoutBody(document: SearchDocument): StoredDocument {
  const { id, type, title, summary, url, skills, trade, practice, place, remote, status, pay, payUnit, hours } =
    document;
  const { posted, closes, kind, course, origin } = document;
  const stored: StoredDocument = { id, type, title, summary, url, skills: [...skills], updatedAt: document.updatedAt };
  if (trade !== undefined) stored.trade = trade;
  if (practice !== undefined) stored.practice = practice;
  if (kind !== undefined) stored.kind = kind;
  if (course !== undefined) stored.course = course;
  if (place !== undefined) stored.place = place;
  if (remote !== undefined) stored.remote = remote;
  if (status !== undefined) stored.status = status;
  if (pay !== undefined) stored.pay = pay;
  if (payUnit !== undefined) stored.payUnit = payUnit;
  if (hours !== undefined) stored.hours = hours;
  if (posted !== undefined) stored.posted = posted;
  if (closes !== undefined) stored.closes = closes;
  if (origin !== undefined) stored.origin = origin;
  return stored;
}
