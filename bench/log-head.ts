// `npm run bench:log-head`: the registry log's head is a deliberate serialisation point (every logged
// write is one transaction conditional on the head's size), so its throughput is a limit of the whole
// commons. This measures it on DynamoDB Local: appends a second, each append's time (its retries
// included) and the writes that gave up (503), with 1, 10 and 50 writers racing for the head, each
// appending as the use cases do (read the head, sign, conditional transaction, retry on a lost race).
//
//   BENCH_APPENDS=300 npm run bench:log-head    appends per round (default 200)
import { generateKeyPairSync } from 'node:crypto';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { createRegistryLogRepository } from '#adapters/dynamodb/registry-log-repository.ts';
import { BusyError } from '#domain/errors.ts';
import { appendFor } from '#domain/innovations/dependencies.ts';
import { logSignerFromJwk } from '#domain/innovations/log-head.ts';
import { retryOnConflict } from '#domain/retry.ts';
import { createBenchTable, startBenchStore } from './bench-store.ts';
import { percentile } from './percentile.ts';

const appends = Number(process.env.BENCH_APPENDS ?? 200);
const dynamo = await startBenchStore();
const client = createDocumentClient({ region: 'eu-west-1', endpoint: dynamo.endpoint, timeoutMs: 30_000 });
const logSigner = logSignerFromJwk(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }));

async function round(tableName: string, writers: number) {
  await createBenchTable(dynamo, tableName);
  const registryLog = createRegistryLogRepository(client, tableName);
  const deps = { registryLog, logSigner, now: () => new Date() };
  const times: number[] = [];
  let gaveUp = 0;
  let tries = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < appends) {
        const n = next++;
        const at = performance.now();
        try {
          await retryOnConflict(async () => {
            tries++;
            const append = await appendFor(deps, {
              kind: 'credit-limit',
              at: new Date().toISOString(),
              accountId: `person:p${n}`,
              limit: '-100',
              previous: null,
              by: 'bench',
              reason: 'agreed',
            });
            await registryLog.append(append);
          });
          times.push(performance.now() - at);
        } catch (error) {
          if (!(error instanceof BusyError)) throw error;
          gaveUp++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const landed = (await registryLog.head())?.treeSize ?? 0;
  return {
    writers,
    landed,
    perSecond: landed / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    tries,
    gaveUp,
  };
}

try {
  console.log(`| writers | appended | appends / s | p50 | p95 | tries per append | gave up (503) |`);
  console.log('|---|---|---|---|---|---|---|');
  for (const writers of [1, 10, 50]) {
    const r = await round(`bench-log-head-${writers}`, writers);
    console.log(
      `| ${r.writers} | ${r.landed} | ${r.perSecond.toFixed(1)} | ${r.p50.toFixed(0)} ms | ${r.p95.toFixed(0)} ms | ${(r.tries / Math.max(1, r.landed)).toFixed(1)} | ${r.gaveUp} |`,
    );
  }
} finally {
  client.destroy();
  await dynamo.stop();
}
