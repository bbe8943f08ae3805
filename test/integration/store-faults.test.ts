// Store faults on write paths: throttling, timeouts and server errors injected into the DynamoDB
// client. Callers get 503 (retry later), never a half-written change; the SDK retries with capped,
// jittered backoff before giving up.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createOpeningRepository } from '#adapters/dynamodb/opening-repository.ts';
import { createSyndicateRepository } from '#adapters/dynamodb/syndicate-repository.ts';
import { apiOnFreshTable } from '../support/api-client.ts';
import { localEndpoint } from '../support/dynamodb.ts';

type Fault = 'ProvisionedThroughputExceededException' | 'ThrottlingException' | 'InternalServerError' | 'TimeoutError';

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
        const error = Object.assign(new Error(`injected ${fault}`), {
          name: fault,
          $metadata: {
            httpStatusCode:
              fault === 'ThrottlingException' || fault === 'ProvisionedThroughputExceededException' ? 400 : 500,
          },
          $fault: fault === 'InternalServerError' || fault === 'TimeoutError' ? 'server' : 'client',
          $retryable: { throttling: fault !== 'InternalServerError' && fault !== 'TimeoutError' },
        });
        throw error;
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
    const healthy = services.openings;
    services.openings = createOpeningRepository(
      faultyClient('ThrottlingException', ['TransactWriteItemsCommand']).document,
      services.config.TABLE_NAME,
    );
    expect((await call('PUT', `/api/openings/${id}/applicants/ada`, 'admin', { decision: 'accept' })).status).toBe(503);
    services.openings = healthy;
    expect(await services.openings.get(id)).toMatchObject({ filled: 0, status: 'open' });
    expect(await services.openings.getApplication(id, 'ada')).toMatchObject({ status: 'submitted' });
    expect((await call('PUT', `/api/openings/${id}/applicants/ada`, 'admin', { decision: 'accept' })).status).toBe(200);
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
