import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { table } from '#adapters/dynamodb/table.ts';
import { createPeopleRepository } from '#adapters/dynamodb/people-repository.ts';
import { newPerson } from '#domain/people/person.ts';
import { ensureTable } from '#local/create-tables.ts';
import { adminClient, documentClient, freshTable, uniqueId } from '../support/dynamodb.ts';

describe('the table in DynamoDB Local', () => {
  it('is created from the shared definition, with both indexes and a stream of both images', async () => {
    const { tableName } = await freshTable({ streams: true });
    const admin = adminClient();
    const { Table } = await admin.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.KeySchema?.map((key) => key.AttributeName)).toEqual([table.keys.partitionKey, table.keys.sortKey]);
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(['gsi1', 'gsi2']);
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(await ensureTable(admin, tableName)).toBe(false);
    admin.destroy();
  });
});

describe('the people repository', () => {
  const person = (id: string) =>
    newPerson({
      id,
      name: 'Ada',
      place: 'Leeds',
      declaredSkills: [{ skill: 'timber-framing', level: 'working' }],
      createdAt: '2026-11-21T10:00:00.000Z',
    });

  it('creates a person once; a second create returns the stored one unchanged', async () => {
    const { tableName } = await freshTable();
    const people = createPeopleRepository(documentClient(), tableName);
    const id = uniqueId('person');
    await people.createIfAbsent(person(id));
    const again = await people.createIfAbsent({ ...person(id), name: 'Someone else' });
    expect(again.name).toBe('Ada');
    expect(await people.get(id)).toEqual(person(id));
  });

  it('returns null for a person who does not exist', async () => {
    const { tableName } = await freshTable();
    expect(await createPeopleRepository(documentClient(), tableName).get('nobody')).toBeNull();
  });

  it('keeps one record when the same person is created concurrently', async () => {
    const { tableName } = await freshTable();
    const people = createPeopleRepository(documentClient(), tableName);
    const id = uniqueId('person');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => people.createIfAbsent({ ...person(id), name: `N${i}` })),
    );
    const stored = await people.get(id);
    expect(results.every((result) => result.name === stored?.name)).toBe(true);
  });
});
