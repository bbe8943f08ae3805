// The one declaration of Guildhall's single DynamoDB table: its key attributes and indexes.
// The CDK app (`infra/stateful-stack.ts`) and the local bootstrap (`functions/local/create-tables.ts`)
// both build the table from this module, so the code and the cloud can never disagree on a key name.

export interface KeySchema {
  partitionKey: string;
  sortKey: string;
}

export interface IndexDefinition extends KeySchema {
  indexName: string;
}

export const table = {
  /** Key attributes of the base table; every item has both. */
  keys: { partitionKey: 'pk', sortKey: 'sk' },
  /** Global secondary indexes, all projecting every attribute (the items are small). */
  indexes: [
    // Lists by owner or parent: a person's enrollments, a syndicate's openings, a board by status.
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    // Second view of the same items: by skill, by status and date.
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
  /** Streams carry both images so the indexer can tell an insert from an update from a delete. */
  streamView: 'NEW_AND_OLD_IMAGES',
  /** Epoch seconds after which DynamoDB deletes an item (rate-limit windows). */
  timeToLiveAttribute: 'expiresAt',
} as const satisfies {
  keys: KeySchema;
  indexes: readonly IndexDefinition[];
  streamView: 'NEW_AND_OLD_IMAGES';
  timeToLiveAttribute: string;
};

export type IndexName = (typeof table.indexes)[number]['indexName'];

/** Every key attribute name, base table and indexes: all are strings. */
export function keyAttributeNames(): string[] {
  return [
    table.keys.partitionKey,
    table.keys.sortKey,
    ...table.indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
}
