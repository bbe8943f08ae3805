// Builds the DynamoDB document client from configuration values. Called once per cold start.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * How long one store call may take, so that a store that stops answering costs a request a few seconds
 * and a 503 with Retry-After, never the functions' 10 s timeout (nor API Gateway's 29 s):
 *
 * - a whole attempt, connecting included, must end within `requestTimeout` (2 s by default, the
 *   configuration's STORE_TIMEOUT_MS: single-item calls take ~10 ms from inside the region and a
 *   100-item transaction a few hundred), and its connection must open within half of that (1 s;
 *   DynamoDB accepts in a millisecond or two);
 * - the SDK tries `storeAttempts` (2) times, waiting before the retry at most 50 ms after a timeout or
 *   a server error, and at most 1 s after throttling (its 2026 backoff: random × base × 2^retry).
 *
 * Worst case for one call: 2 attempts × 2 s + 1 s of backoff = 5 s; a frozen store (timeouts only)
 * fails in 2 × 2 s + 0.05 s ≈ 4.05 s. Either leaves half of the 10 s for the rest of the request.
 * Configuration refuses more than 4 s in AWS (2 × 4 s + 1 s = 9 s); DynamoDB Local, which queues
 * transactions behind each other, is given longer on one machine.
 */
export const storeAttempts = 2;

export interface DynamoOptions {
  region: string;
  /** Set only for DynamoDB Local; then fixed fake credentials are used too. */
  endpoint?: string | undefined;
  maxAttempts?: number;
  /** How long one attempt may take, in milliseconds: the configuration's STORE_TIMEOUT_MS. */
  timeoutMs: number;
}

export function createDocumentClient(options: DynamoOptions): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: options.region,
    maxAttempts: options.maxAttempts ?? storeAttempts,
    // The SDK builds its NodeHttpHandler from these options. Without `throwOnRequestTimeout` a request
    // past `requestTimeout` only logs a warning and goes on waiting.
    requestHandler: {
      connectionTimeout: Math.ceil(options.timeoutMs / 2),
      requestTimeout: options.timeoutMs,
      throwOnRequestTimeout: true,
    },
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
}
