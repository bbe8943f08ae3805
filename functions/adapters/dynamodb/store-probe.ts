import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { getItem } from './items.ts';
import { healthProbeKeys } from './keys.ts';

/**
 * Whether the table answers reads; throws the store's error when it does not. A read by key costs the
 * same at any table size, where DescribeTable does not on DynamoDB Local (it counts every item: 2 s at a
 * million, the health check's whole budget).
 */
export async function probeStore(client: DynamoDBDocumentClient, tableName: string): Promise<void> {
  // Access pattern `store-probe`: one GetItem of a key nothing is stored under.
  await getItem(client, tableName, healthProbeKeys);
}
