// Store faults on write paths: throttling, timeouts and server errors injected into the DynamoDB
// client. Callers get 503 (retry later), never a half-written change; the SDK retries with capped,
// jittered backoff before giving up.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createOpeningRepository } from '#adapters/dynamodb/opening-repository.ts';
import { createSyndicateRepository } from '#adapters/dynamodb/syndicate-repository.ts';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { getItem } from '#adapters/dynamodb/items.ts';
import type { Services } from '#app/services.ts';
import { createStoreServices, type StoreServices } from '#app/store-services.ts';
import { createApi } from '#http/api.ts';
import { apiOnFreshTable, callerFor } from '../support/api-client.ts';
import { documentClient, localEndpoint } from '../support/dynamodb.ts';
import { commons } from '../support/services.ts';
import { createWriteWorld, tableSnapshot, writeRoutes } from '../support/write-world.ts';

type Fault = 'ProvisionedThroughputExceededException' | 'ThrottlingException' | 'InternalServerError' | 'TimeoutError';

/** The error the SDK raises for `fault`, as the middleware below injects it. */
function injected(fault: Fault) {
  return Object.assign(new Error(`injected ${fault}`), {
    name: fault,
    $metadata: {
      httpStatusCode: fault === 'ThrottlingException' || fault === 'ProvisionedThroughputExceededException' ? 400 : 500,
    },
    $fault: fault === 'InternalServerError' || fault === 'TimeoutError' ? 'server' : 'client',
    $retryable: { throttling: fault !== 'InternalServerError' && fault !== 'TimeoutError' },
  });
}

/** A client whose chosen operations fail with `fault` on every attempt; counts the attempts. */
function faultyClient(fault: Fault, operations: string[]) {
  const client = new DynamoDBClient({
    endpoint: localEndpoint(),
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 3,
  });
  const attempts = { count: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (operations.includes(String(context.commandName))) {
        attempts.count++;
        throw injected(fault);
      }
      return next(args);
    },
    { step: 'finalizeRequest', name: 'inject-fault', priority: 'low' },
  );
  return {
    document: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }),
    attempts,
  };
}

const syndicate = {
  id: 'faulty',
  name: 'Faulty Co-op',
  trade: 'care',
  description: 'Care workers sharing shifts.',
  place: 'Leeds, GB',
  rateCard: [],
};

describe('store faults on write paths', () => {
  it.each<[Fault]>([
    ['ProvisionedThroughputExceededException'],
    ['ThrottlingException'],
    ['InternalServerError'],
    ['TimeoutError'],
  ])('answers 503 with Retry-After on %s, after retrying, and writes nothing', async (fault) => {
    const { services, call } = await apiOnFreshTable();
    const { document, attempts } = faultyClient(fault, ['TransactWriteItemsCommand']);
    services.syndicates = createSyndicateRepository(document, services.config.TABLE_NAME);
    const response = await call('POST', '/api/syndicates', 'founder', syndicate);
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBeDefined();
    expect(attempts.count).toBe(3);
    services.syndicates = createSyndicateRepository(documentOf(), services.config.TABLE_NAME);
    expect(await services.syndicates.get('faulty')).toBeNull();
    expect(await services.syndicates.getMembership('faulty', 'founder')).toBeNull();
  });

  it('never half-fills a position when the acceptance transaction fails', async () => {
    const { services, call } = await apiOnFreshTable();
    await call('POST', '/api/syndicates', 'admin', syndicate);
    const created = await call('POST', '/api/syndicates/faulty/openings', 'admin', {
      title: 'Care worker, weekends',
      description: 'Weekend personal care visits shared across the co-op, with paid travel time.',
      skills: [{ skill: 'safe-moving-and-handling', level: 'working' }],
      positions: 1,
      hoursPerWeek: 16,
      pay: [{ amount: 1500, currency: 'GBP', per: 'hour' }],
      place: 'Leeds, GB',
      remote: false,
      employmentType: 'PART_TIME',
      validThrough: new Date(Date.now() + 86_400_000 * 20).toISOString().slice(0, 10),
    });
    const id = (created.body as { id: string }).id;
    await call('PUT', `/api/openings/${id}/status`, 'admin', { status: 'open' });
    await call('PUT', `/api/openings/${id}/applications/me`, 'ada', { note: 'Weekends suit me.' });
    await call('PUT', `/api/openings/${id}/applicants/ada/stage`, 'admin', { stage: 'offered' });
    const healthy = services.openings;
    services.openings = createOpeningRepository(
      faultyClient('ThrottlingException', ['TransactWriteItemsCommand']).document,
      services.config.TABLE_NAME,
    );
    const accept = () => call('PUT', `/api/openings/${id}/applications/me/offer`, 'ada', { answer: 'accept' });
    expect((await accept()).status).toBe(503);
    services.openings = healthy;
    expect(await services.openings.get(id)).toMatchObject({ filled: 0, status: 'open' });
    expect(await services.openings.getApplication(id, 'ada')).toMatchObject({ status: 'offered' });
    expect((await accept()).status).toBe(200);
  });
});

function documentOf() {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: localEndpoint(),
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
}

const faults: Fault[] = [
  'ThrottlingException',
  'TimeoutError',
  'ProvisionedThroughputExceededException',
  'InternalServerError',
];
const writeCommands = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
  'BatchWriteItemCommand',
]);

/**
 * Repositories on a client whose `failAt`-th write (counted since the last `arm`) fails with a fault;
 * reads pass. One attempt per call: the SDK's own retries are proved above.
 */
function nthWriteFails(config: Services['config']) {
  const armed = { failAt: 0, writes: 0, fault: faults[0] as Fault };
  const document = createDocumentClient({
    region: config.AWS_REGION,
    endpoint: localEndpoint(),
    maxAttempts: 1,
    timeoutMs: config.STORE_TIMEOUT_MS,
  });
  document.middlewareStack.add(
    (next, context) => async (args) => {
      if (writeCommands.has(String(context.commandName)) && ++armed.writes === armed.failAt) {
        throw injected(armed.fault);
      }
      return next(args);
    },
    { step: 'finalizeRequest', name: 'nth-write-fails', priority: 'low' },
  );
  const store = createStoreServices(config, { commons }, document);
  // Every repository on the faulty client, and the client too: the email repositories are built from it
  // (app/email-services.ts).
  const names = [
    'people',
    'personData',
    'learning',
    'assessments',
    'syndicates',
    'openings',
    'savedSearches',
    'threads',
    'applicationNotes',
    'shortages',
    'innovations',
    'ledger',
    'payments',
    'market',
    'workLogs',
    'decisions',
    'orders',
    'offers',
    'registryLog',
    'storeClient',
    'notifications',
    'instanceBlocks',
    'witnessedLogs',
    'witnessReports',
  ] as const;
  return {
    repositories: Object.fromEntries(names.map((name) => [name, store[name]])) as Pick<
      StoreServices,
      (typeof names)[number]
    >,
    arm(failAt: number, fault: Fault) {
      Object.assign(armed, { failAt, writes: 0, fault });
    },
  };
}

describe('store faults on every write path', () => {
  it('answers a fault at any write of any write route with 503 and Retry-After, and never leaves part of the change', async () => {
    const { services, call } = await apiOnFreshTable({}, { WRITE_RATE_LIMIT: 10_000, FEDERATION_ALLOW_LOOPBACK: true });
    const cases = await createWriteWorld(call, services);
    // Every write route at least once (a route taking several kinds of body has a case for each).
    expect([...new Set(cases.map((write) => write.route))].sort()).toEqual(writeRoutes().sort());
    const faulty = nthWriteFails(services.config);
    // The write limit keeps its healthy client: what is attacked is the route's own writes.
    const faultyCall = callerFor(createApi({ ...services, ...faulty.repositories }));
    const reader = documentClient();
    let turn = 0;
    for (const write of cases) {
      const table = services.config.TABLE_NAME;
      const before = await tableSnapshot(table);
      const beforeBesidesFirst = write.firstChange ? await tableSnapshot(table, write.firstChange.key()) : before;
      let failed = 0;
      // Fail the first write, then the second (the first landing), and so on, until the call has made
      // all its writes and succeeds: each failure must leave the table exactly as it was.
      for (let failAt = 1; ; failAt++) {
        const fault = faults[turn++ % faults.length] as Fault;
        faulty.arm(failAt, fault);
        const answer = await faultyCall(write.method, write.path(), write.as, write.body?.());
        const what = `${write.route}, ${fault} on write ${failAt}`;
        if (answer.status !== 503) {
          expect(answer.status, `${what}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(write.ok);
          if (write.firstChange) {
            expect(await getItem(reader, table, write.firstChange.key())).toMatchObject(write.firstChange.done);
          }
          break;
        }
        failed++;
        expect(answer.headers['retry-after'], what).toBeDefined();
        const kept = write.firstChange && failAt > 1 ? write.firstChange : undefined;
        expect(failAt, `${write.route} keeps failing`).toBeLessThan(8);
        // A resumable call's changes stay: the next turn sends the same request again, which must finish it.
        if (write.resumable) continue;
        if (kept) {
          // The first whole change stayed, in its state; nothing of the second did.
          const key = kept.key();
          expect(await tableSnapshot(table, key), `${what}: part of a change stayed`).toBe(beforeBesidesFirst);
          expect(await getItem(reader, table, key), what).toMatchObject(kept.state);
        } else {
          expect(await tableSnapshot(table), `${what}: part of the change stayed`).toBe(before);
        }
      }
      expect(failed, `${write.route} made no write for a fault to hit`).toBeGreaterThan(0);
    }
    reader.destroy();
  }, 120_000);
});
