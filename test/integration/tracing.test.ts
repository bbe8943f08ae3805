// Tracing with the real Powertools Tracer and X-Ray SDK, loaded lazily as a function loads it: a
// DynamoDB call (to DynamoDB Local) and a Meilisearch request (to the imitation) inside an invocation
// become subsegments of its `## name` subsegment, and the segment reaches the X-Ray daemon, played here
// by a UDP socket.
import { createSocket } from 'node:dgram';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import xray from 'aws-xray-sdk-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpTransport } from '#adapters/search/meilisearch/http-transport.ts';
import { createLogger } from '#platform/log.ts';
import { createTracing } from '#platform/tracing.ts';
import { documentClient, freshTable } from '../support/dynamodb.ts';
import { type FakeMeilisearch, startFakeMeilisearch } from '../support/fake-meilisearch.ts';

interface Traced {
  name: string;
  namespace?: string;
  aws?: { operation?: string; table_name?: string };
  http?: { request?: { url?: string }; response?: { status?: number } };
  subsegments?: Traced[];
}

const daemon = createSocket('udp4');
const received: Traced[] = [];
let meilisearch: FakeMeilisearch;

beforeAll(async () => {
  await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
  daemon.on('message', (message) => {
    // A datagram is a header line, then the segment's JSON.
    const [, body] = message.toString('utf8').split('\n');
    if (body) received.push(JSON.parse(body) as Traced);
  });
  xray.setDaemonAddress(`127.0.0.1:${daemon.address().port}`);
  // What Lambda sets, and Powertools checks before it traces anything.
  process.env.AWS_EXECUTION_ENV = 'AWS_Lambda_nodejs24.x';
  meilisearch = await startFakeMeilisearch();
});

afterAll(async () => {
  delete process.env.AWS_EXECUTION_ENV;
  daemon.close();
  await meilisearch.close();
});

function flatten(segment: Traced): Traced[] {
  return [segment, ...(segment.subsegments ?? []).flatMap(flatten)];
}

describe('tracing with the X-Ray SDK', () => {
  it('sends an invocation’s DynamoDB call and Meilisearch request as subsegments of its own', async () => {
    const { tableName } = await freshTable();
    const client = documentClient();
    const tracing = createTracing({ enabled: true, service: 'guildhall', log: createLogger('silent') });
    // Registered before the first invocation, as the services register their client at cold start.
    tracing.captureAwsClient(client);
    const transport = createHttpTransport();

    // Lambda makes the invocation's segment; here the test does, in the SDK's async context.
    const root = new xray.Segment('guildhall-api');
    await xray.getNamespace().runPromise(async () => {
      xray.setSegment(root);
      await tracing.invocation('guildhall-api', async () => {
        await client.send(new GetCommand({ TableName: tableName, Key: { pk: 'PERSON#x', sk: 'PROFILE' } }));
        await transport.request(`${meilisearch.url}/health`, { method: 'GET' });
      });
    });
    root.close();
    transport.close();

    await expect.poll(() => received.length, { timeout: 5_000 }).toBeGreaterThan(0);
    const segments = received.flatMap(flatten);
    const handler = segments.find((segment) => segment.name === '## guildhall-api');
    expect(handler).toBeDefined();
    const inside = flatten(handler as Traced);
    expect(inside.find((segment) => segment.name === 'DynamoDB')).toMatchObject({
      namespace: 'aws',
      aws: { operation: 'GetItem', table_name: tableName },
    });
    // DynamoDB's own HTTP request is not traced twice: only the search request is a remote call.
    expect(inside.filter((segment) => segment.namespace === 'remote')).toMatchObject([
      { name: '127.0.0.1', http: { request: { url: 'http://127.0.0.1/health' }, response: { status: 200 } } },
    ]);
  });
});
