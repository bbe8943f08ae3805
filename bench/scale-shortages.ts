// The shortage index for `npm run bench:scale`, built as the recompute job builds it (buildIndex over
// every source, then the index's items), but from the items the seeders wrote instead of a Scan:
// DynamoDB Local takes more than a minute a page to scan a table of a million items in parallel
// segments, where DynamoDB would not. Sources written through the use cases (the hot person's
// credential and enrollment) are read back one by one, as the stream consumer reads them.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll } from '#adapters/dynamodb/bulk.ts';
import type { Item } from '#adapters/dynamodb/items.ts';
import { indexWrites } from '#adapters/dynamodb/shortage-repository.ts';
import { toOpeningFacts, toPersonFacts } from '#adapters/dynamodb/shortage-sources.ts';
import type { Commons } from '#domain/content/commons.ts';
import { buildIndex } from '#domain/shortages/recompute.ts';
import type { ShortageRepository } from '#domain/shortages/shortage-repository.ts';
import { type SourceRef, type SourceState, sourceKey } from '#domain/shortages/sources.ts';

export function createShortageLoader(
  client: DynamoDBDocumentClient,
  tableName: string,
  deps: { commons: Pick<Commons, 'skills' | 'courses'>; shortages: Pick<ShortageRepository, 'readSource'> },
) {
  const sources = new Map<string, SourceState>();
  /** The index items written so far, by key: what the table holds, so a second write sends only changes. */
  const stored = new Map<string, Item>();
  const keyOf = (item: Item) => `${item.pk}|${item.sk}`;

  return {
    /** Takes the sources among items a seeder wrote (openings and people). */
    add(items: Item[]) {
      for (const item of items) {
        if (item.type === 'opening') {
          const opening = toOpeningFacts(item);
          const ref = { kind: 'opening', openingId: opening.id } as const;
          sources.set(sourceKey(ref), { ref, opening });
        } else if (item.type === 'person') {
          const person = toPersonFacts(item);
          const ref = { kind: 'person', personId: person.id } as const;
          sources.set(sourceKey(ref), { ref, person, credentialedSkills: [] });
        }
      }
    },
    /** Writes the index of every source taken, `read` read back from the table first. */
    async write(read: SourceRef[]) {
      for (const ref of read) sources.set(sourceKey(ref), await deps.shortages.readSource(ref));
      const { puts, deletes } = indexWrites(buildIndex(sources.values(), deps.commons), [...stored.values()]);
      await batchWriteAll(client, tableName, [
        ...puts.map((Item) => ({ PutRequest: { Item } })),
        ...deletes.map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })),
      ]);
      for (const item of deletes) stored.delete(keyOf(item));
      for (const item of puts) stored.set(keyOf(item), item);
      return { sources: sources.size, written: puts.length + deletes.length };
    },
    /**
     * Lets go of what the loader keeps to write changes only (a state per source and every index item
     * written: ~200 MB at full size), once nothing more is written: a function in AWS holds none of it,
     * and a measuring process that did would time its own collections of it.
     */
    forget() {
      sources.clear();
      stored.clear();
    },
  };
}
