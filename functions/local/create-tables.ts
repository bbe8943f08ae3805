// Creates Guildhall's table in DynamoDB Local from the same definition the CDK app deploys.
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  ResourceInUseException,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { keyAttributeNames, table } from '#adapters/dynamodb/table.ts';

export function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributeNames().map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: table.keys.partitionKey, KeyType: 'HASH' },
      { AttributeName: table.keys.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: table.indexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: table.streamView },
  };
}

/**
 * Creates the table unless it exists; returns whether it was created. `streams: false` leaves the stream
 * off, for a test's table that nothing reads the stream of: DynamoDB Local keeps every stream's records for
 * its whole life, deleted tables' too, and each write grows slower with them (1 ms a write on a fresh
 * emulator, 28 ms after 200 tables of 200 writes each; flat without streams), which slowed the
 * integration suite's last files tenfold.
 */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  { streams = true }: { streams?: boolean } = {},
): Promise<boolean> {
  const { StreamSpecification, ...withoutStream } = createTableInput(tableName);
  try {
    await client.send(new CreateTableCommand(streams ? { ...withoutStream, StreamSpecification } : withoutStream));
  } catch (error) {
    if (error instanceof ResourceInUseException) return false;
    throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
  return true;
}
