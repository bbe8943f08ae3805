import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createStoreServices } from '#app/store-services.ts';
import { parseConfig } from '#config/config.ts';

const config = parseConfig({
  STAGE: 'test',
  TABLE_NAME: 'guildhall',
  AUTH_ISSUER: 'https://issuer.test',
  AUTH_AUDIENCE: 'test',
  AUTH_JWKS: JSON.stringify({ keys: [{ kty: 'RSA', n: 'AQAB', e: 'AQAB' }] }),
});

describe('the health check of the store', () => {
  // DynamoDB Local answers DescribeTable by counting every item: at a million items that took 2 s, the
  // health check's whole budget, so a large local table made /api/health report the store down.
  it('reads one item by its key, so it costs the same however much the table holds', async () => {
    const sent: unknown[] = [];
    const client = {
      send: async (command: unknown) => {
        sent.push(command);
        return {};
      },
    } as unknown as DynamoDBDocumentClient;
    const { storeProbe } = createStoreServices(config, {}, client);

    await expect(storeProbe.probe()).resolves.toMatchObject({ table: 'guildhall' });

    expect(sent).toHaveLength(1);
    expect(sent[0]).toBeInstanceOf(GetCommand);
  });
});
