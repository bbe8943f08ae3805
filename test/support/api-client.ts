// Calls the real API router (real use cases, real DynamoDB Local table) as a given person, the way
// the Lambda is called once API Gateway has verified the token.
import { randomUUID } from 'node:crypto';
import { createServices, type Services } from '#app/services.ts';
import type { Config } from '#config/config.ts';
import { createApi } from '#http/api.ts';
import { commons, testConfig } from './services.ts';
import { freshTable, localEndpoint, localStoreTimeoutMs } from './dynamodb.ts';
import { exampleRemoteLogs } from './example-logs.ts';

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

// biome-ignore lint/suspicious/noExplicitAny: responses are read deep and checked by value; typing each one adds nothing.
export const body = (response: ApiResponse) => response.body as Record<string, any>;

export async function apiOnFreshTable(
  overrides: Partial<Services> = {},
  config: Partial<Config> = {},
  table: { streams?: boolean } = {},
) {
  const { tableName } = await freshTable(table);
  const merged = { ...testConfig, ...config };
  const services = createServices(
    {
      ...testConfig,
      STORE_TIMEOUT_MS: localStoreTimeoutMs,
      ...config,
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: localEndpoint(),
    },
    { commons, remoteLogs: exampleRemoteLogs(merged), ...overrides },
  );
  return { services, call: callerFor(createApi(services)) };
}

/** Calls a router as a given person, as the Lambda is called once API Gateway has verified the token. */
export function callerFor(router: ReturnType<typeof createApi>) {
  return async (
    method: string,
    path: string,
    as: string | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> => {
    const [pathname = '', rawQuery = ''] = path.split('?');
    const response = await router.handle({
      method,
      path: pathname,
      rawQuery,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      identity: as ? { personId: as, claimedName: as } : null,
      requestId: randomUUID(),
    });
    const text = response.body;
    return {
      status: response.status,
      headers: response.headers,
      body: text && response.headers['content-type']?.includes('json') ? JSON.parse(text) : text,
    };
  };
}
