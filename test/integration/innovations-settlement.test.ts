// Settlement on the Bound ledger, proved from the outside: through the API router, against DynamoDB Local.
import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '#domain/errors.ts';
import { lapseCutoff } from '#domain/innovations/adoption.ts';
import { setCreditLimit } from '#domain/innovations/ledger-use-cases.ts';
import type { Services } from '#app/services.ts';
import { body, type Call, innovationSteps, innovationWorld } from '../support/innovation-world.ts';

let call: Call;
let services: Services;
const clock = { now: new Date('2026-11-21T12:00:00.000Z') };
const { adoptedAndReported } = innovationSteps(() => call);

beforeEach(async () => {
  clock.now = new Date('2026-11-21T12:00:00.000Z');
  ({ call, services } = await innovationWorld(clock));
});

const balances = async () =>
  Object.fromEntries(
    (
      body(await call('GET', '/api/ledger?pageSize=100', null)).items as Array<{ accountId: string; balance: string }>
    ).map((a) => [a.accountId, a.balance]),
  );

describe('settlement on the Bound ledger', () => {
  it('moves half the value to the inventors by share; the implementers keep the rest', async () => {
    const { id, reportId } = await adoptedAndReported(1001);
    const decided = body(
      await call('PUT', `/api/innovations/${id}/reports/${reportId}/decision`, 'ana', { decision: 'confirm' }),
    );
    expect(decided.report.status).toBe('settled');
    expect(decided.report.settlement).toMatchObject({
      value: '1001',
      inventorsTotal: '500',
      implementersTotal: '501',
      inventorParts: [
        { personId: 'ana', amount: '350' },
        { personId: 'ben', amount: '150' },
      ],
      implementerParts: [
        { personId: 'admin', amount: '251' },
        { personId: 'member', amount: '250' },
      ],
    });
    expect(await balances()).toEqual({ 'person:ana': '350', 'person:ben': '150', 'syndicate:mill': '-500' });
    expect(body(await call('GET', '/api/ledger', null)).sum).toBe('0');
    expect(body(await call('GET', `/api/innovations/${id}`, null)).record).toMatchObject({
      valueSettled: '1001',
      royaltiesPaid: '500',
    });
  });

  it('counts a report nobody disputed within the window as confirmed, and closes the window', async () => {
    const { id, reportId } = await adoptedAndReported(200);
    expect((await call('POST', `/api/innovations/${id}/reports/${reportId}/settlement`, 'admin')).status).toBe(422);
    clock.now = new Date(clock.now.getTime() + 14 * 86_400_000);
    const late = await call('PUT', `/api/innovations/${id}/reports/${reportId}/decision`, 'ben', {
      decision: 'dispute',
      reason: 'Too late to say so now.',
    });
    expect(late.status).toBe(422);
    const settled = await call('POST', `/api/innovations/${id}/reports/${reportId}/settlement`, 'admin');
    expect(body(settled)).toMatchObject({ settledNow: true, report: { status: 'settled' } });
  });

  it('refuses in the store a dispute that lands after the window closed, even if read before', async () => {
    const { id, reportId } = await adoptedAndReported(200);
    const report = await services.innovations.getReport(id, reportId);
    if (!report) throw new Error('no report');
    const closedAt = new Date(new Date(report.reportedAt).getTime() + 14 * 86_400_000);
    const cutoff = lapseCutoff(closedAt, 14);
    const disputed = { ...report, status: 'disputed' as const, disputeReason: 'Read in time, written too late.' };
    await expect(services.innovations.decideReport(disputed, report.rev, cutoff)).rejects.toBeInstanceOf(ConflictError);
    expect((await services.innovations.getReport(id, reportId))?.status).toBe('pending');
  });

  it('refuses a transfer past the credit limit, changing nothing, and settles once the limit allows', async () => {
    const { id, reportId } = await adoptedAndReported(300_000);
    const decided = body(
      await call('PUT', `/api/innovations/${id}/reports/${reportId}/decision`, 'ana', { decision: 'confirm' }),
    );
    expect(decided.settlementRefused).toMatch(/credit limit/);
    const refused = await call('POST', `/api/innovations/${id}/reports/${reportId}/settlement`, 'ana');
    expect(refused.status).toBe(422);
    expect(body(refused)).toMatchObject({ rule: 'credit-limit' });
    expect(body(refused).detail).toContain('syndicate:mill');
    const view = body(await call('GET', `/api/innovations/${id}`, null));
    expect(view.reports.items[0]).toMatchObject({ status: 'confirmed', effectiveStatus: 'confirmed' });
    expect(await balances()).toEqual({ 'syndicate:mill': '0' });

    await setCreditLimit(
      services,
      'steward',
      'syndicate:mill',
      -200_000n,
      'Trusted with more for the retrofit season.',
    );
    const settled = await call('POST', `/api/innovations/${id}/reports/${reportId}/settlement`, 'ana');
    expect(body(settled).report.status).toBe('settled');
    expect(await balances()).toMatchObject({ 'syndicate:mill': '-150000' });
    const changes = await services.ledger.listLimitChanges('syndicate:mill');
    expect(changes).toMatchObject([
      { limit: -100_000n, previous: null, by: 'steward' },
      { limit: -200_000n, previous: -100_000n, by: 'steward' },
    ]);
  });

  it('settles a report once, however often it is asked', async () => {
    const { id, reportId } = await adoptedAndReported(1000);
    await call('PUT', `/api/innovations/${id}/reports/${reportId}/decision`, 'ana', { decision: 'confirm' });
    for (const person of ['ana', 'admin', 'ben']) {
      const again = await call('POST', `/api/innovations/${id}/reports/${reportId}/settlement`, person);
      expect(body(again).settledNow, person).toBe(false);
    }
    expect(await balances()).toEqual({ 'person:ana': '350', 'person:ben': '150', 'syndicate:mill': '-500' });
  });

  it('gives statements per person, syndicate and record, as JSON and CSV', async () => {
    const { id, reportId } = await adoptedAndReported(1000);
    await call('PUT', `/api/innovations/${id}/reports/${reportId}/decision`, 'ana', { decision: 'confirm' });
    const mine = body(await call('GET', '/api/me/statement', 'ana'));
    expect(mine.account.balance).toBe('350');
    const memberCsv = String((await call('GET', '/api/me/statement?format=csv', 'member')).body);
    expect(memberCsv).toContain('implementer-share');
    expect(memberCsv.split('\r\n')[0]).toBe(
      'date,kind,record,title,report,syndicate,counterparty,amount_minor,amount_bound,balance_minor,payment,memo,order',
    );
    const mill = await call('GET', '/api/syndicates/mill/statement?format=csv', null);
    expect(mill.headers['content-type']).toContain('text/csv');
    expect(String(mill.body)).toContain(',royalty-paid,');
    expect(String(mill.body)).toContain(',-350,-3.50,');
    const record = String((await call('GET', `/api/innovations/${id}/statement?format=csv`, null)).body);
    expect(record.trim().split('\r\n')).toHaveLength(5);
    expect((await call('GET', '/api/me/statement', null)).status).toBe(401);
  });
});
