// The economy's figures kept by DynamoDB Local's stream, as in AWS: payments made through the API are
// counted from their statement lines, GET /api/economy answers with what a recomputation from every
// statement finds, and the stream delivering its records again (or backwards) changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { countEconomyRecords, countStoredItems } from '#app/stream-economy.ts';
import type { StreamRecord } from '#app/stream-indexer.ts';
import { backfillEconomy } from '#adapters/dynamodb/economy-backfill.ts';
import { createLogger } from '#platform/log.ts';
import { type StreamPoller, startStreamPoller } from '#local/stream-poller.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { localEndpoint } from '../support/dynamodb.ts';
import { figuresFromStatements, shownFigures } from '../support/economy-statements.ts';
import { createPeople, readyToPay } from '../support/innovation-world.ts';
import { syndicateInput } from '../unit/innovations/fixtures.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;
let poller: StreamPoller | undefined;
const seen: StreamRecord[] = [];
const log = createLogger('silent');

const pay = async (as: string, to: string, amount: number, memo: string) => {
  const paid = await call('POST', '/api/payments', as, { to, amount, memo });
  expect(paid.status, JSON.stringify(paid.body)).toBe(201);
};
const economy = async (query = '') => body(await call('GET', `/api/economy${query}`, null));

/**
 * Waits until the stream has counted `movements` movements today and kept the 30 days' snapshot after
 * them (the snapshot follows the counts by one recomputation).
 */
async function counted(movements: number) {
  for (let i = 0; i < 200; i++) {
    if ((await economy('?days=30')).movements >= movements) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the stream did not count ${movements} movements`);
}

const recomputed = () => figuresFromStatements(services);
const shown = shownFigures;

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable({}, {}, { streams: true }));
  poller = await startStreamPoller({
    endpoint: localEndpoint(),
    region: 'eu-west-1',
    tableName: services.config.TABLE_NAME,
    handler: async (records) => {
      seen.push(...records);
      return countEconomyRecords({ ...services, log }, records);
    },
    intervalMs: 50,
    maxAttempts: 2,
  });
  await createPeople(services, ['ada', 'bram', 'carla', 'co-admin']);
  expect((await call('POST', '/api/syndicates', 'bram', syndicateInput('taller'))).status).toBe(201);
  await readyToPay(call, 'taller', 'bram');
  expect(
    (
      await call('PUT', '/api/people/ada/credit-limit', 'steward', {
        credit: 50_000,
        reason: 'Agreed at the members’ meeting.',
      })
    ).status,
  ).toBe(200);
  await pay('ada', 'syndicate:taller', 1250, 'Bike repair');
  await pay('ada', 'person:carla', 44_000, 'A season of vegetables');
  await pay('carla', 'person:bram', 700, 'Shelves');
});
afterAll(() => poller?.stop());

describe('the economy’s figures', () => {
  it('equal a recomputation from every statement once the stream has counted the payments, the sum still zero', async () => {
    await counted(3);
    const figures = await economy('?days=30');
    expect(shown(figures)).toEqual(await recomputed());
    expect(figures.sumOfBalances).toBe('0');
    expect(figures.nearLimit).toBe(1);
    expect(figures.perTrade).toEqual([{ trade: 'other', volume: figures.volume }]);
  });

  it('count nothing twice when the stream delivers every record again, and again backwards', async () => {
    await counted(3);
    const before = await economy('?days=30');
    expect(await countEconomyRecords({ ...services, log }, [...seen])).toEqual({ batchItemFailures: [] });
    expect(await countEconomyRecords({ ...services, log }, [...seen].reverse())).toEqual({ batchItemFailures: [] });
    expect(await economy('?days=30')).toEqual(before);
  });

  it('count nothing twice when the backfill walks lines the stream already counted', async () => {
    await counted(3);
    const before = await economy('?days=30');
    const report = await backfillEconomy(services.storeClient, services.config.TABLE_NAME, countStoredItems(services));
    expect(report.accounts).toBe(before.accounts);
    expect(await economy('?days=30')).toEqual(before);
    const again = await backfillEconomy(services.storeClient, services.config.TABLE_NAME, countStoredItems(services));
    expect(again).toMatchObject({ doneAlready: true, accounts: 0 });
  });

  it('answer as CSV, one figure a row, and refuse a period they cannot cover naming the field', async () => {
    const csv = await call('GET', '/api/economy?format=csv&days=7', null);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(String(csv.body)).toMatch(/^figure,key,value\r\n/);
    expect(String(csv.body)).toContain('\r\nsum-of-balances,,0.00\r\n');
    for (const days of ['0', '367', 'a-week']) {
      const refused = await call('GET', `/api/economy?days=${days}`, null);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('days');
    }
  });
});
