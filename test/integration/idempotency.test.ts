// A retried create never creates twice: every write takes an Idempotency-Key and answers a retry with
// its first answer for 24 hours; a value report for a period reported before is refused even without a
// key. Proved through the API router against DynamoDB Local.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { documentClient } from '../support/dynamodb.ts';
import { createPeople } from '../support/innovation-world.ts';
import { draftInput, reportInput, syndicateInput } from '../unit/innovations/fixtures.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;
const clock = { now: new Date('2026-11-21T12:00:00.000Z') };

beforeEach(async () => {
  clock.now = new Date('2026-11-21T12:00:00.000Z');
  ({ call, services } = await apiOnFreshTable({ now: () => clock.now }));
  await createPeople(services, ['ana', 'bram']);
});

const key = (value: string) => ({ 'idempotency-key': value });
async function inventorRecords(personId: string) {
  return body(await call('GET', '/api/me/innovations', personId)).items as Array<{ id: string }>;
}

describe('an Idempotency-Key', () => {
  it('answers a retried create with the first answer and creates one thing', async () => {
    const first = await call('POST', '/api/innovations', 'ana', draftInput([{ personId: 'ana' }]), key('draft-1'));
    const again = await call('POST', '/api/innovations', 'ana', draftInput([{ personId: 'ana' }]), key('draft-1'));
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(body(again)).toEqual(body(first));
    expect(await inventorRecords('ana')).toHaveLength(1);
  });

  it('answers the same for concurrent retries, creating one thing', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        call('POST', '/api/syndicates', 'bram', syndicateInput('mill'), key('found-the-mill')),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(5);
  });

  it('refuses a key sent again with a different request, and changes nothing', async () => {
    await call('POST', '/api/innovations', 'ana', draftInput([{ personId: 'ana' }]), key('k'));
    const other = await call(
      'POST',
      '/api/innovations',
      'ana',
      { ...draftInput([{ personId: 'ana' }]), title: 'Another record altogether' },
      key('k'),
    );
    expect(other.status).toBe(422);
    expect(body(other)).toMatchObject({ rule: 'idempotency-key-reused' });
    expect(await inventorRecords('ana')).toHaveLength(1);
  });

  it('keeps keys apart between people and between kinds of write', async () => {
    await call('POST', '/api/innovations', 'ana', draftInput([{ personId: 'ana' }]), key('same'));
    await call('POST', '/api/innovations', 'bram', draftInput([{ personId: 'bram' }]), key('same'));
    expect(await inventorRecords('ana')).toHaveLength(1);
    expect(await inventorRecords('bram')).toHaveLength(1);
    expect((await call('POST', '/api/syndicates', 'ana', syndicateInput('ana-coop'), key('same'))).status).toBe(201);
  });

  it('lets a refused request be sent again with its key once it is fixed', async () => {
    const refused = await call('POST', '/api/innovations', 'ana', draftInput([{ personId: 'nobody' }]), key('fix'));
    expect(refused.status).toBe(422);
    const fixed = await call('POST', '/api/innovations', 'ana', draftInput([{ personId: 'ana' }]), key('fix'));
    expect(fixed.status).toBe(201);
  });

  it('forgets a key after 24 hours', async () => {
    await call('POST', '/api/innovations', 'ana', draftInput([{ personId: 'ana' }]), key('day'));
    clock.now = new Date(clock.now.getTime() + 24 * 3_600_000 + 1000);
    const later = await call('POST', '/api/innovations', 'ana', draftInput([{ personId: 'ana' }]), key('day'));
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    // The same derived id: the first record is in the way, so nothing is created twice even then.
    expect(later.status).toBe(409);
    expect(await inventorRecords('ana')).toHaveLength(1);
  });

  it('refuses a malformed key with 400 naming the header', async () => {
    const bad = await call('POST', '/api/innovations', 'ana', draftInput([{ personId: 'ana' }]), key('has space'));
    expect(bad.status).toBe(400);
    expect(body(bad).errors).toEqual([{ field: 'header.Idempotency-Key', message: expect.any(String) }]);
  });

  it('keeps its record for 24 hours, for DynamoDB to remove after (TTL)', async () => {
    await call('POST', '/api/innovations', 'ana', draftInput([{ personId: 'ana' }]), key('ttl'));
    const client = documentClient();
    const items = await client.send(
      new QueryCommand({
        TableName: services.config.TABLE_NAME,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'IDEMPOTENCY#ana' },
      }),
    );
    client.destroy();
    expect(items.Items?.map((item) => item.expiresAt)).toEqual([Math.floor(clock.now.getTime() / 1000) + 86_400]);
  });
});

describe('a value report retried without a key', () => {
  it('is refused for the period it already reported', async () => {
    expect((await call('POST', '/api/syndicates', 'bram', syndicateInput('mill'))).status).toBe(201);
    const id = body(await call('POST', '/api/innovations', 'ana', draftInput([{ personId: 'ana' }]))).record.id;
    await call('POST', `/api/innovations/${id}/publication`, 'ana');
    await call('PUT', `/api/innovations/${id}/adoptions/mill`, 'bram', { implementers: [{ personId: 'bram' }] });
    const path = `/api/innovations/${id}/adoptions/mill/reports`;
    expect((await call('POST', path, 'bram', reportInput(1000))).status).toBe(201);
    const retried = await call('POST', path, 'bram', reportInput(1000));
    expect(retried.status).toBe(422);
    expect(body(await call('GET', `/api/innovations/${id}`, null)).reports.items).toHaveLength(1);
  });
});
