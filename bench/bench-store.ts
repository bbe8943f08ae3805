// What the store benchmarks share: DynamoDB Local as this process's child, tables on it, and the API's
// services and router over one table, built as the local stack builds them, called in this process.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { loadCommons } from '#adapters/content/load-commons.ts';
import { createServices } from '#app/services.ts';
import { parseConfig } from '#config/config.ts';
import { createApi } from '#http/api.ts';
import { compileOpenApi } from '#local/compile-openapi.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';
import { ensureTable } from '#local/create-tables.ts';
import { type DynamoDbLocal, startDynamoDbLocal } from '#local/dynamodb-local.ts';

const root = resolve(import.meta.dirname, '..');

/**
 * DynamoDB Local on a free port. startDynamoDbLocal trusts an answer only while its own child lives, so
 * another emulator on the machine is never measured by mistake.
 */
export const startBenchStore = (javaOptions: readonly string[] = []) =>
  startDynamoDbLocal({ cacheDir: resolve(root, '.cache/dynamodb-local'), javaOptions });

/** A table with Guildhall's definition on that emulator. */
export async function createBenchTable(dynamo: DynamoDbLocal, tableName: string) {
  const admin = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(admin, tableName);
  admin.destroy();
}

/**
 * The API's services and router over `tableName`, with the embedded search engine in this process unless
 * `search` is given (bench/remote-search.ts: the engine in a process of its own).
 */
export function benchApi(dynamo: DynamoDbLocal, tableName: string, search?: SearchIndex) {
  const commons = loadCommons(resolve(root, 'content'));
  const config = parseConfig({
    STAGE: 'test',
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    // Generous, so that a read that grows with the table still finishes and can be timed.
    STORE_TIMEOUT_MS: '60000',
    AUTH_ISSUER: 'https://issuer.bench',
    AUTH_AUDIENCE: 'bench',
    AUTH_JWKS: JSON.stringify({ keys: [{ kty: 'RSA', n: 'AQAB', e: 'AQAB' }] }),
    LOG_LEVEL: 'silent',
    // As the local stack does: /api/openapi.json sends the document built from the route table.
    OPENAPI_FILE: compileOpenApi(),
  });
  const services = createServices(config, search ? { commons, search } : { commons });
  return { commons, services, api: createApi(services) };
}

/** One GET through the router, as `as` when given (the identity a verified token would carry). */
export async function call(api: ReturnType<typeof createApi>, request: { path: string; as?: string | undefined }) {
  const [pathname = '', rawQuery = ''] = request.path.split('?');
  const started = performance.now();
  const response = await api.handle({
    method: 'GET',
    path: pathname,
    rawQuery,
    headers: {},
    body: undefined,
    identity: request.as ? { personId: request.as, claimedName: request.as } : null,
    requestId: randomUUID(),
  });
  return { ms: performance.now() - started, status: response.status, body: response.body };
}
