// What the commands run by hand against the table share: where the table is (DYNAMODB_ENDPOINT for
// DynamoDB Local, or AWS_REGION with the usual credentials; TABLE_NAME, `guildhall` by default), a
// client with no function's deadline, and an exit code of 2 with the error's message when it fails.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';

export async function runStoreCommand(
  work: (client: DynamoDBDocumentClient, tableName: string) => Promise<void>,
): Promise<void> {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint && !process.env.AWS_REGION) {
    console.error('Set DYNAMODB_ENDPOINT (the DynamoDB Local endpoint `npm start` prints), or AWS_REGION.');
    process.exitCode = 2;
    return;
  }
  // A command run by hand, under no function's deadline: a slow store is waited for, not refused.
  const client = createDocumentClient({ region: process.env.AWS_REGION ?? 'eu-west-1', endpoint, timeoutMs: 30_000 });
  try {
    await work(client, process.env.TABLE_NAME ?? 'guildhall');
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  } finally {
    client.destroy();
  }
}
