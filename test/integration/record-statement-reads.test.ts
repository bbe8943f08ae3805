// A record's statement reads its settlements, not its log: however many value reports wait beside them,
// a page costs the record and one page of settlements (issue 14, "growth must not cost"). A record
// settled before settlements were listed apart still shows every settlement, found through its log,
// until the backfill lists them.
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createInnovationRepository } from '#adapters/dynamodb/innovation-repository.ts';
import { innovationLookup, settlementsListedMarkKeys, valueReportLookup } from '#adapters/dynamodb/keys.ts';
import { backfillSettlementList } from '#adapters/dynamodb/settlement-list-backfill.ts';
import type { Services } from '#app/services.ts';
import { recordStatement } from '#domain/innovations/ledger-use-cases.ts';
import { documentClient } from '../support/dynamodb.ts';
import { adoptDirectly, body, type Call, innovationSteps, innovationWorld } from '../support/innovation-world.ts';
import { dayReportInput } from '../unit/innovations/fixtures.ts';

let call: Call;
let services: Services;
const clock = { now: new Date('2026-11-21T12:00:00.000Z') };
const { published } = innovationSteps(() => call);

beforeEach(async () => {
  clock.now = new Date('2026-11-21T12:00:00.000Z');
  ({ call, services } = await innovationWorld(clock));
});

/** The record's repository on a client that counts what it asks of the store. */
function countingInnovations() {
  const client = documentClient();
  const reads = { requests: 0, items: 0 };
  client.middlewareStack.add(
    (next) => async (args) => {
      reads.requests++;
      const result = await next(args);
      const output = result.output as { Item?: unknown; ScannedCount?: number };
      reads.items += output.ScannedCount ?? (output.Item ? 1 : 0);
      return result;
    },
    { step: 'initialize', name: 'count-reads' },
  );
  return { innovations: createInnovationRepository(client, services.config.TABLE_NAME), reads };
}

/** Stores a record as one settled before settlements were listed: no report on gsi2, no listed value. */
async function asSettledBeforeTheList(id: string, settled: readonly string[]) {
  const client = documentClient();
  const table = services.config.TABLE_NAME;
  for (const reportId of settled) {
    await client.send(
      new UpdateCommand({
        TableName: table,
        Key: valueReportLookup(id, reportId),
        UpdateExpression: 'REMOVE gsi2pk, gsi2sk',
      }),
    );
  }
  await client.send(
    new UpdateCommand({ TableName: table, Key: innovationLookup(id), UpdateExpression: 'REMOVE valueListed' }),
  );
}

/** A published record adopted by the mill, with `settled` reports settled and then `pending` left pending. */
async function recordWithReports(settled: number, pending: number) {
  const id = await published();
  await adoptDirectly(services, id, 'mill', [{ personId: 'admin' }, { personId: 'member' }]);
  const reportIds: string[] = [];
  for (let n = 0; n < settled + pending; n++) {
    const reported = await call(
      'POST',
      `/api/innovations/${id}/adoptions/mill/reports`,
      'admin',
      dayReportInput(100 + n, n),
    );
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
    const reportId = String(body(reported).report.id);
    reportIds.push(reportId);
    if (n < settled) {
      // Ana holds 70% of the shares: her confirmation settles the report.
      const decided = await call('PUT', `/api/innovations/${id}/reports/${reportId}/decision`, 'ana', {
        decision: 'confirm',
      });
      expect(body(decided).report.status).toBe('settled');
    }
    clock.now = new Date(clock.now.getTime() + 60_000);
  }
  return { id, reportIds };
}

describe('a record’s statement', () => {
  it('reads the record and one page of its settlements, however many value reports its log holds', async () => {
    const { id, reportIds } = await recordWithReports(3, 25);
    const { innovations, reads } = countingInnovations();
    const page = await recordStatement({ ...services, innovations }, id, { limit: 2 });
    expect(page.items.map((item) => item.reportId)).toEqual([reportIds[2], reportIds[1]]);
    expect(page.next).toBeDefined();
    // The record (one GetItem) and one query of the settlements: a page and the item after it at most.
    expect(reads.requests).toBe(2);
    expect(reads.items).toBeLessThanOrEqual(1 + 3);
    const rest = await recordStatement(services, id, { limit: 2, cursor: page.next });
    expect(rest.items.map((item) => item.reportId)).toEqual([reportIds[0]]);
    expect(rest.next).toBeUndefined();
  });

  it('still shows every settlement of a record settled before settlements were listed apart', async () => {
    const { id, reportIds } = await recordWithReports(2, 3);
    await asSettledBeforeTheList(id, reportIds.slice(0, 2));
    const statement = body(await call('GET', `/api/innovations/${id}/statement`, null));
    expect(statement.items.map((item: { reportId: string }) => item.reportId)).toEqual([reportIds[1], reportIds[0]]);
    expect(statement).toMatchObject({ valueSettled: '201' });
    expect(statement.record).not.toHaveProperty('valueListed');
  });

  it('lists the settlements of such a record once the backfill has run, counting each value once', async () => {
    const { id, reportIds } = await recordWithReports(2, 3);
    await asSettledBeforeTheList(id, reportIds.slice(0, 2));
    const first = await backfillSettlementList(documentClient(), services.config.TABLE_NAME);
    expect(first).toMatchObject({ listed: 2, done: false });
    // Stopped before its mark and run again: nothing is listed or counted twice.
    await documentClient().send(
      new DeleteCommand({ TableName: services.config.TABLE_NAME, Key: settlementsListedMarkKeys }),
    );
    expect(await backfillSettlementList(documentClient(), services.config.TABLE_NAME)).toMatchObject({ listed: 0 });
    expect(await backfillSettlementList(documentClient(), services.config.TABLE_NAME)).toMatchObject({ done: true });
    const record = await services.innovations.get(id);
    expect(record?.valueListed).toBe(record?.valueSettled);
    const { innovations, reads } = countingInnovations();
    const page = await recordStatement({ ...services, innovations }, id, { limit: 5 });
    expect(page.items.map((item) => item.reportId)).toEqual([reportIds[1], reportIds[0]]);
    expect(reads.requests).toBe(2);
  });
});
