// The economy's raw read served over HTTP, for the economy rows' second baseline (bench/api.ts): a bare
// `node:http` server, on the event loop it is started from (the local stack's, in bench:api), answering
// `GET /?days=N` with a raw GetItem of that standard period's snapshot, the item as JSON. No gateway,
// router, validation, telemetry or headers of ours: what any API's answer of that one read costs over
// the same loopback hop, so the route's ratio against it is what our code adds.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { economySnapshotKeys } from '#adapters/dynamodb/keys.ts';

export interface RawServer {
  url: string;
  close(): Promise<void>;
}

export async function startRawServer(client: DynamoDBDocumentClient, tableName: string): Promise<RawServer> {
  const server = createServer((request, response) => {
    const days = Number(new URL(request.url ?? '/', 'http://raw').searchParams.get('days') ?? 30);
    client.send(new GetCommand({ TableName: tableName, Key: economySnapshotKeys(days) })).then(
      ({ Item }) => {
        response.writeHead(Item ? 200 : 404, { 'content-type': 'application/json' });
        response.end(JSON.stringify(Item ?? null));
      },
      (error: Error) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(error.message);
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
