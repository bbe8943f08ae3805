// Pay for work through the API, on the real store: a member logs hours against a position they fill,
// another admin approves them and the syndicate pays hours × the rate card's rate (1.5× where
// unpleasant) through the ledger, once, however often or concurrently it is approved; past the
// syndicate's credit limit nothing is written and the hours wait on.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { memoDigest, parseEvent } from '#domain/innovations/log-events.ts';
import { body } from '../support/api-client.ts';
import { ledgerSums } from '../support/innovation-world.ts';
import { tableSnapshot } from '../support/write-world.ts';
import { workWorld } from '../support/work-world.ts';

let call: Awaited<ReturnType<typeof workWorld>>['call'];
let services: Services;
let openingId: string;
let day = 0;

/** Logs hours as `worker` on a day of its own (so no day passes 24 hours unless a test means it to). */
async function logHours(extra: Record<string, unknown> = {}, as = 'worker') {
  day += 1;
  const date = `2026-11-${String(day).padStart(2, '0')}`;
  const input = {
    syndicateId: 'riverside',
    for: { kind: 'position', openingId },
    date,
    hours: 3,
    skillId: 'repair-systematic-fault-finding',
    level: 'working',
    note: 'Found the fault in the dryer’s thermostat.',
    ...extra,
  };
  return call('POST', '/api/work-logs', as, input);
}
const decide = (id: string, as: string, decision: Record<string, unknown>) =>
  call('PUT', `/api/work-logs/${id}/decision`, as, decision);
const approve = (id: string, as = 'co-admin') => decide(id, as, { decision: 'approve' });

beforeAll(async () => {
  ({ call, services, openingId } = await workWorld());
});

describe('logging hours', () => {
  it('keeps a member’s hours awaiting approval on their list and on the syndicate’s', async () => {
    const logged = await logHours();
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    expect(body(logged)).toMatchObject({ status: 'awaiting', hours: 3, service: 'Fault finding', personId: 'worker' });
    const mine = body(await call('GET', '/api/me/work-logs', 'worker'));
    expect(mine.items.map((log: { id: string }) => log.id)).toContain(body(logged).id);
    const waiting = body(await call('GET', '/api/syndicates/riverside/work-logs', 'co-admin'));
    expect(waiting.items.map((log: { id: string }) => log.id)).toContain(body(logged).id);
  });

  it.each([
    [{ hours: 0 }, 'body.hours', 'Log more than zero hours.'],
    [{ hours: 1.3 }, 'body.hours', /quarter hours/],
    [{ hours: 24.25 }, 'body.hours', /at most 24/],
    [{ hours: -2 }, 'body.hours', 'Log more than zero hours.'],
    [{ level: undefined }, 'body.level', /which level/],
    [{ skillId: 'plastering' }, 'body.skillId', /no line for plastering/],
    [{ skillId: undefined, level: undefined, service: 'Bench repair' }, 'body.service', /EUR per hour/],
    [{ for: { kind: 'position', openingId: 'nope' } }, 'body.for.openingId', /no position/],
    [{ date: '2999-01-01' }, 'body.date', /future/],
  ])('refuses %j naming the field, and logs nothing', async (change, field, message) => {
    const before = body(await call('GET', '/api/me/work-logs', 'worker')).items.length;
    const refused = await logHours(change);
    // The shape of the body is a 400; what it names that cannot be (no such position or line) a 422.
    expect(refused.status).toBe(field.startsWith('body.hours') || field === 'body.level' ? 400 : 422);
    const issue = body(refused).errors.find((e: { field: string }) => e.field === field);
    expect(issue?.message, JSON.stringify(refused.body)).toMatch(message);
    expect(body(await call('GET', '/api/me/work-logs', 'worker')).items).toHaveLength(before);
  });

  it('refuses someone who is not a member of the syndicate', async () => {
    expect((await logHours({}, 'outsider')).status).toBe(403);
  });

  it('refuses a day past 24 hours, naming how many are logged, and counts rejected hours out again', async () => {
    const date = '2026-10-01';
    const first = await logHours({ date, hours: 20 });
    expect(first.status).toBe(201);
    const over = await logHours({ date, hours: 4.25 });
    expect(over.status).toBe(422);
    expect(body(over)).toMatchObject({ rule: 'hours-per-day' });
    expect(body(over).detail).toContain('You have logged 20 hours for 2026-10-01 already');
    expect((await logHours({ date, hours: 4 })).status).toBe(201);
    expect((await decide(body(first).id, 'co-admin', { decision: 'reject', reason: 'Not that day.' })).status).toBe(
      200,
    );
    expect((await logHours({ date, hours: 20 })).status).toBe(201);
  });

  it('logs once for a retried request with the same Idempotency-Key', async () => {
    const input = {
      syndicateId: 'riverside',
      for: { kind: 'position', openingId },
      date: '2026-09-01',
      hours: 1,
      service: 'Sweeping up',
      note: 'Swept.',
    };
    const key = { 'idempotency-key': 'log-once-1' };
    const [a, b] = [
      await call('POST', '/api/work-logs', 'worker', input, key),
      await call('POST', '/api/work-logs', 'worker', input, key),
    ];
    expect(body(b).id).toBe(body(a).id);
    expect(await services.workLogs.dayQuarters('worker', '2026-09-01')).toBe(4);
  });
});

describe('a member’s data', () => {
  it('holds their logs and their logged days, in their export like everything else kept about them', async () => {
    const log = body(await logHours({ hours: 1.75 }));
    const items: Array<Record<string, unknown>> = [];
    let cursor: string | undefined;
    do {
      const query = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = body(await call('GET', `/api/me/export?pageSize=100${query}`, 'worker'));
      items.push(...page.items);
      cursor = page.next;
    } while (cursor);
    expect(items.find((item) => item.type === 'work-log' && item.id === log.id)).toMatchObject({ hours: 1.75 });
    expect(items.find((item) => item.type === 'work-day' && item.quarters === 7)).toBeDefined();
  });
});

describe('approving hours', () => {
  it('pays hours × rate from the syndicate to the member, both statements naming the work, in the log', async () => {
    const log = body(await logHours({ hours: 2.5 }));
    const approved = await approve(log.id);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const { workLog, payment } = body(approved);
    expect(workLog).toMatchObject({ status: 'approved', hourlyRate: '2000', amount: '5000', decidedBy: 'co-admin' });
    expect(payment).toMatchObject({
      id: `work-${log.id}`,
      from: 'syndicate:riverside',
      to: 'person:worker',
      amount: '5000',
      workLogId: log.id,
    });
    const memo = `Work: 2.5 h of Fault finding on ${log.date}`;
    const mine = body(await call('GET', '/api/me/statement', 'worker'));
    expect(mine.items.find((row: { paymentId?: string }) => row.paymentId === payment.id)).toMatchObject({
      kind: 'payment-received',
      counterparty: 'syndicate:riverside',
      amount: '5000',
      memo,
      workLogId: log.id,
    });
    const theirs = body(await call('GET', '/api/syndicates/riverside/statement', null));
    expect(theirs.items.find((row: { paymentId?: string }) => row.paymentId === payment.id)).toMatchObject({
      kind: 'payment-sent',
      amount: '-5000',
      workLogId: log.id,
    });
    const entry = await services.registryLog.entry(payment.logIndex);
    expect(parseEvent(entry?.data ?? '')).toEqual({
      kind: 'payment',
      at: payment.at,
      paymentId: payment.id,
      from: 'syndicate:riverside',
      to: 'person:worker',
      amount: '5000',
      by: 'co-admin',
      requestId: null,
      workLogId: log.id,
      memoDigest: memoDigest(payment.id, memo),
    });
    const waiting = body(await call('GET', '/api/syndicates/riverside/work-logs', 'co-admin'));
    expect(waiting.items.map((l: { id: string }) => l.id)).not.toContain(log.id);
    expect(await ledgerSums(services)).toEqual({ balances: 0n, kept: 0n });
  });

  it('pays unpleasant work at 1.5× its rate, half a minor unit rounding up', async () => {
    const log = body(await logHours({ level: 'foundation', hours: 0.25 }));
    const { workLog, payment } = body(await approve(log.id));
    // 1.5 × 2001 = 3001.5 → 3002 an hour; a quarter of it 750.5 → 751.
    expect(workLog).toMatchObject({ hourlyRate: '3002', unpleasant: true, amount: '751' });
    expect(payment.amount).toBe('751');
  });

  it('refuses the member approving their own hours, and anyone who is not an admin', async () => {
    await call('PUT', '/api/syndicates/riverside/members/worker', 'admin', { role: 'admin' });
    const log = body(await logHours());
    const own = await approve(log.id, 'worker');
    expect(own.status).toBe(422);
    expect(body(own)).toMatchObject({ rule: 'conflict-of-interest' });
    await call('PUT', '/api/syndicates/riverside/members/worker', 'admin', { role: 'member' });
    expect((await approve(log.id, 'worker')).status).toBe(403);
    expect((await approve(log.id, 'outsider')).status).toBe(404);
    expect(body(await call('GET', `/api/work-logs/${log.id}`, 'worker')).status).toBe('awaiting');
  });

  it('pays once when the approval is retried, and refuses rejecting what was approved', async () => {
    const log = body(await logHours());
    const [first, again] = [await approve(log.id), await approve(log.id, 'admin')];
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(body(again)).toMatchObject({ paidNow: false, payment: { id: `work-${log.id}` } });
    expect((await decide(log.id, 'admin', { decision: 'reject', reason: 'Too late.' })).status).toBe(409);
    const rows = body(await call('GET', '/api/me/statement?pageSize=100', 'worker')).items;
    expect(rows.filter((row: { workLogId?: string }) => row.workLogId === log.id)).toHaveLength(1);
  });

  it('pays once when 50 approvals race', async () => {
    const log = body(await logHours());
    const before = (await services.ledger.totals()).payments;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => approve(log.id, i % 2 ? 'admin' : 'co-admin')),
    );
    const statuses = answers.map((a) => a.status);
    expect(
      statuses.every((s) => s === 200 || s === 503),
      JSON.stringify(statuses),
    ).toBe(true);
    expect(answers.filter((a) => body(a).paidNow === true)).toHaveLength(1);
    expect((await services.ledger.totals()).payments).toBe(before + 1);
    expect(await ledgerSums(services)).toEqual({ balances: 0n, kept: 0n });
  });

  it('refuses with 422 past the syndicate’s credit limit, writes nothing, and can approve it later', async () => {
    const log = body(await logHours({ hours: 24, skillId: undefined, level: undefined, service: 'Sweeping up' }));
    // The syndicate spends all but 1.00 Bound of its credit, so 24 hours at 10.00 do not fit.
    const balance = BigInt(body(await call('GET', '/api/syndicates/riverside/statement', null)).account.balance);
    const spend = (100_000n + balance - 100n).toString();
    const memo = 'Timber for the cellar job';
    const spent = await call('POST', '/api/payments', 'admin', {
      from: 'syndicate:riverside',
      to: 'person:outsider',
      amount: spend,
      memo,
    });
    expect(spent.status, JSON.stringify(spent.body)).toBe(201);
    const snapshot = await tableSnapshot(services.config.TABLE_NAME);
    const refused = await approve(log.id);
    expect(refused.status).toBe(422);
    expect(body(refused)).toMatchObject({ rule: 'credit-limit' });
    expect(await tableSnapshot(services.config.TABLE_NAME)).toEqual(snapshot);
    expect(body(await call('GET', `/api/work-logs/${log.id}`, 'worker')).status).toBe('awaiting');
    const back = await call('POST', '/api/payments', 'outsider', {
      to: 'syndicate:riverside',
      amount: spend,
      memo: 'Returned',
    });
    expect(back.status).toBe(201);
    expect(body(await approve(log.id)).workLog).toMatchObject({ status: 'approved', amount: '24000' });
  });

  it('rejects with a reason the member reads, and refuses a rejection without one', async () => {
    const log = body(await logHours());
    expect((await decide(log.id, 'co-admin', { decision: 'reject' })).status).toBe(400);
    const rejected = await decide(log.id, 'co-admin', { decision: 'reject', reason: 'This was the planning meeting.' });
    expect(body(rejected).workLog).toMatchObject({ status: 'rejected', reason: 'This was the planning meeting.' });
    expect((await approve(log.id)).status).toBe(409);
  });
});
