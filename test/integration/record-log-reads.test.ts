// What a page of a record's registry log costs, through the API: the record (a draft or none is a 404),
// the log's head and the page are read at once, then the nodes the page's proofs need in one batch:
// three round trips, whatever the log's size (issue 14, "growth must not cost").
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createInnovationRepository } from '#adapters/dynamodb/innovation-repository.ts';
import { createRegistryLogRepository } from '#adapters/dynamodb/registry-log-repository.ts';
import type { Services } from '#app/services.ts';
import { documentClient } from '../support/dynamodb.ts';
import { adoptDirectly, body, type Call, innovationSteps, innovationWorld } from '../support/innovation-world.ts';

let call: Call;
let services: Services;
const clock = { now: new Date('2026-11-21T12:00:00.000Z') };
const { draft, published } = innovationSteps(() => call);

beforeEach(async () => {
  ({ call, services } = await innovationWorld(clock));
});

/** A client that counts its requests and how many were in flight at once. */
function counting(inner: DynamoDBDocumentClient) {
  const reads = { requests: 0, inFlight: 0, mostInFlight: 0 };
  const wrapped = {
    async send(command: unknown) {
      reads.requests++;
      reads.inFlight++;
      reads.mostInFlight = Math.max(reads.mostInFlight, reads.inFlight);
      try {
        return await inner.send(command as never);
      } finally {
        reads.inFlight--;
      }
    },
  };
  return { reads, client: wrapped as unknown as DynamoDBDocumentClient };
}

/** The API's repositories for records and the log, on a counting client, from now on. */
function countReads() {
  const { reads, client } = counting(documentClient());
  Object.assign(services, {
    innovations: createInnovationRepository(client, services.config.TABLE_NAME),
    registryLog: createRegistryLogRepository(client, services.config.TABLE_NAME),
  });
  return reads;
}

describe('a record’s registry log, through the API', () => {
  it('reads the record, the head and the page at once, then the proofs’ nodes in one batch', async () => {
    const id = await published();
    await adoptDirectly(services, id, 'mill', [{ personId: 'admin' }]);
    const reads = countReads();
    const answer = await call('GET', `/api/innovations/${id}/log`, null);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const items = body(answer).items as Array<{ included: boolean }>;
    expect(items.length).toBe(2);
    expect(items.every((item) => item.included)).toBe(true);
    expect(reads.requests).toBe(4);
    expect(reads.mostInFlight).toBe(3);
  });

  it('answers a draft’s log, and a record nobody wrote, as missing', async () => {
    const id = await draft();
    expect((await call('GET', `/api/innovations/${id}/log`, null)).status).toBe(404);
    expect((await call('GET', '/api/innovations/no-such-record/log', null)).status).toBe(404);
  });
});
