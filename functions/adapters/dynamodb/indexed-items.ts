// The indexer's read of the table: the current state of the items a batch of stream records names, so
// the search index converges on the table whatever order (or how often) the records arrive in.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { getItems } from './items.ts';

/** The items that exist now, keyed `pk\nsk` (`itemKey`); an item that is gone is absent. */
export function createCurrentItems(client: DynamoDBDocumentClient, tableName: string) {
  // Access pattern `indexed-items-by-key`: strongly consistent, as the stream may run ahead of a plain read.
  return (keys: ReadonlyArray<{ pk: string; sk: string }>) => getItems(client, tableName, keys, { consistent: true });
}
