// Counts what the API asks of DynamoDB while the benchmark times one call: requests sent and items the
// store read for them (a query's scanned count, a filter's dropped items included). A read that grows
// with the table shows here as a count that grows, whatever the machine's load does to the timings.
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const storeCalls = { requests: 0, items: 0 };

/** With BENCH_TRACE set: each request of the call being timed, what it asked and how long it took. */
export const storeTrace: string[] = [];
const tracing = Boolean(process.env.BENCH_TRACE);

type Output = {
  Item?: unknown;
  ScannedCount?: number;
  Count?: number;
  Responses?: Record<string, unknown[]> | unknown[];
};

const send = DynamoDBDocumentClient.prototype.send;
// biome-ignore lint/suspicious/noExplicitAny: wraps the client's overloaded send as it is, whatever its arguments.
DynamoDBDocumentClient.prototype.send = async function (this: DynamoDBDocumentClient, ...args: any[]) {
  storeCalls.requests++;
  const started = performance.now();
  const output = (await (send as (...a: unknown[]) => Promise<Output>).apply(this, args)) ?? {};
  storeCalls.items += itemsRead(output);
  if (tracing) storeTrace.push(describe(args[0], output, performance.now() - started));
  return output;
} as typeof send;

function itemsRead(output: Output): number {
  if (output.ScannedCount !== undefined) return output.ScannedCount;
  if (output.Item !== undefined) return 1;
  const responses = output.Responses;
  if (Array.isArray(responses)) return responses.length;
  if (responses) return Object.values(responses).reduce((sum, list) => sum + list.length, 0);
  return 0;
}

function describe(command: unknown, output: Output, ms: number): string {
  const input = (command as { input?: Record<string, unknown> })?.input ?? {};
  const values = JSON.stringify(input.ExpressionAttributeValues ?? input.Key ?? '');
  const asked = [input.IndexName, input.KeyConditionExpression, input.FilterExpression, values].filter(Boolean);
  return `${ms.toFixed(1).padStart(6)} ms  ${(command as object)?.constructor?.name ?? '?'} ${asked.join(' ')} → ${itemsRead(output)}`;
}
