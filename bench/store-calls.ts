// Counts what the API asks of DynamoDB while the benchmark times one call: requests sent and items the
// store read for them (a query's scanned count, a filter's dropped items included). A read that grows
// with the table shows here as a count that grows, whatever the machine's load does to the timings.
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const storeCalls = { requests: 0, items: 0 };

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
  const output = (await (send as (...a: unknown[]) => Promise<Output>).apply(this, args)) ?? {};
  storeCalls.items += itemsRead(output);
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
