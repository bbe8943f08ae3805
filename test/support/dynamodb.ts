// Helpers for integration tests: a fresh table per test file, so tests never clean up after
// each other and never share state by accident.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { isLocalEndpoint } from '#local/dynamodb-local.ts';
import { ensureTable } from '#local/create-tables.ts';

export function localEndpoint(): string {
  const endpoint = inject('dynamoEndpoint');
  if (!isLocalEndpoint(endpoint)) throw new Error(`refusing non-local endpoint ${endpoint}`);
  return endpoint;
}

export function adminClient(): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: localEndpoint(),
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/**
 * A new, empty table with Guildhall's definition and a unique name. Its stream is on only when the test
 * reads it (`streams: true`): see ensureTable for why a stream nobody reads costs the whole suite.
 */
export async function freshTable({ streams = false }: { streams?: boolean } = {}): Promise<{
  tableName: string;
  endpoint: string;
}> {
  const tableName = `test-${randomUUID()}`;
  const admin = adminClient();
  await ensureTable(admin, tableName, { streams });
  admin.destroy();
  return { tableName, endpoint: localEndpoint() };
}

/**
 * How long a call to DynamoDB Local may take in these tests. DynamoDB Local queues transactions behind
 * each other: with a hundred writers racing on one item (the concurrency suite) on a busy machine, one
 * call waits far longer than DynamoDB's would, so the production default (2 s) would turn waiting into
 * 503s. The production value is tested against a frozen store in store-timeouts.test.ts.
 */
export const localStoreTimeoutMs = 30_000;

export function documentClient() {
  return createDocumentClient({ region: 'eu-west-1', endpoint: localEndpoint(), timeoutMs: localStoreTimeoutMs });
}

export const uniqueId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
