// The board filtered by a skill, read through the skill index (opening-skill-index.ts says how it is
// kept): a page of index items under the skill, then their openings by key in one batch, so a page
// reads about as many items as it shows, whatever the table holds.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Opening } from '#domain/openings/opening.ts';
import type { Sieve } from '#domain/paged-reads.ts';
import type { Page, PageRequest } from '#domain/paging.ts';
import { fromItem, getItems, itemKey, type KeepItems, pageOf, queryPage } from './items.ts';
import { openingLookup, openOpeningsAsking } from './keys.ts';

// Access pattern `open-openings-asking-skill`: the open openings asking one skill, newest posted first, a page at a
// time (gsi1), each read by key (`openings-by-ids`).
export async function pageOpenAsking(
  client: DynamoDBDocumentClient,
  tableName: string,
  skill: string,
  request: PageRequest,
  sieve: Sieve<Opening> | undefined,
): Promise<Page<Opening>> {
  const { gsi1pk } = openOpeningsAsking(skill);
  const openings = new Map<string, Opening>();
  const lookup = (entry: Record<string, unknown>) => openingLookup(String(entry.openingId));
  // Each batch of index items read: their openings, then the view's sieve over them (an opening whose date
  // passed since the sweep is still indexed; the board's sieve drops it).
  const keep: KeepItems = async (entries) => {
    const items = await getItems(client, tableName, entries.map(lookup));
    const read = entries.flatMap((entry) => {
      const item = items.get(itemKey(lookup(entry)));
      return item ? [{ entry, opening: fromItem<Opening>(item) }] : [];
    });
    const kept = new Set(sieve ? await sieve(read.map((r) => r.opening)) : read.map((r) => r.opening));
    return read.flatMap(({ entry, opening }) => {
      if (!kept.has(opening)) return [];
      openings.set(opening.id, opening);
      return [entry];
    });
  };
  const page = await queryPage(
    client,
    {
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': gsi1pk },
      ScanIndexForward: false,
    },
    request,
    { name: 'gsi1pk', value: gsi1pk },
    { keep, keepsMost: true },
  );
  return pageOf(page, (entry) => {
    const opening = openings.get(String(entry.openingId));
    if (!opening) throw new Error(`opening ${String(entry.openingId)} was kept without being read`);
    return opening;
  });
}
