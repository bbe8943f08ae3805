// The economy rows' load (bench/economy-bench.ts `interleaved`), in a thread of its own: the route's
// HTTP client and the raw read's DynamoDB client both run here, off the event loop the local stack
// serves from, as a browser and API Gateway are off a Lambda's in AWS. Each call is timed on its own
// with `performance.now()` (sub-millisecond); asked for one phase at a time by the main thread.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { Agent, get } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { economySnapshotKeys } from '#adapters/dynamodb/keys.ts';

/**
 * A raw GetItem of a standard period's snapshot, or a GET of `path` (at `url`, when given, instead of
 * the stack's: the raw GetItem served by a bare server, bench/raw-over-http.ts).
 */
export type LoadSpec = { label: string } & (
  | { kind: 'get'; days: number }
  | { kind: 'http'; path: string; url?: string }
);
export interface WorkerSetup {
  url: string;
  endpoint: string;
  tableName: string;
  concurrency: number;
  specs: LoadSpec[];
}
export interface PhaseResult {
  latencies: Float64Array;
  errors: number;
}

const setup = workerData as WorkerSetup;
const client = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    endpoint: setup.endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
  }),
);
// Kept-alive connections, as many as the concurrency; the body read whole; anything but 200 an error.
const agent = new Agent({ keepAlive: true, maxSockets: setup.concurrency });
const httpGet = (target: string) =>
  new Promise<void>((resolve, reject) => {
    get(target, { agent }, (response) => {
      response.on('data', () => {});
      response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`${response.statusCode}`))));
      response.on('error', reject);
    }).on('error', reject);
  });
const calls = setup.specs.map((spec) =>
  spec.kind === 'http'
    ? () => httpGet(`${spec.url ?? setup.url}${spec.path}`)
    : async () => {
        await client.send(new GetCommand({ TableName: setup.tableName, Key: economySnapshotKeys(spec.days) }));
      },
);

/** `concurrency` workers calling in a loop for `ms` milliseconds; each call's time in ms. */
async function phase(call: () => Promise<void>, ms: number): Promise<PhaseResult> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + ms;
  await Promise.all(
    Array.from({ length: setup.concurrency }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        const ok = await call().then(
          () => true,
          () => false,
        );
        if (ok) latencies.push(performance.now() - started);
        else errors++;
      }
    }),
  );
  return { latencies: Float64Array.from(latencies), errors };
}

parentPort?.on('message', async ({ index, ms }: { index: number; ms: number }) => {
  const call = calls[index];
  if (!call) throw new Error(`no load ${index}`);
  const result = await phase(call, ms);
  parentPort?.postMessage(result, [result.latencies.buffer as ArrayBuffer]);
});
