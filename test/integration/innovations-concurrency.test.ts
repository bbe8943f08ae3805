// Races against DynamoDB Local, which never raises TransactionConflict itself and serialises writes:
// what is proved here is that the conditions alone keep the log from forking and a report from
// settling twice, whatever order the writes land in.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { BusyError } from '#domain/errors.ts';
import { auditLog } from '#domain/innovations/audit-log.ts';
import { appendEvent, auditStore } from '#domain/innovations/registry-log-use-cases.ts';
import { fromBase64, toBase64 } from '#domain/registry-log/hashing.ts';
import { rootFromLeafHashes } from '#domain/registry-log/merkle-tree.ts';
import { verifyTreeHead } from '#domain/registry-log/tree-head.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { untilLanded as landed, untilAnswered } from '../support/busy.ts';
import { dayReportInput, draftInput, reportInput, syndicateInput } from '../unit/innovations/fixtures.ts';
import { allAccounts, allEntries, createPeople, ledgerSums } from '../support/innovation-world.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;

beforeEach(async () => {
  // One person making a hundred writes at once is what these tests do; the write limit has its own.
  ({ call, services } = await apiOnFreshTable({}, { WRITE_RATE_LIMIT: 100_000 }));
  await createPeople(services, ['ana', 'ben', 'admin']);
  await call('POST', '/api/syndicates', 'admin', syndicateInput('mill'));
});

async function adoptedRecord() {
  const created = body(
    await call('POST', '/api/innovations', 'ana', draftInput([{ personId: 'ana' }, { personId: 'ben' }])),
  );
  const id = String(created.record.id);
  await call('PUT', `/api/innovations/${id}/draft/consent`, 'ben', { decision: 'accept' });
  expect((await call('POST', `/api/innovations/${id}/publication`, 'ana')).status).toBe(200);
  await call('PUT', `/api/innovations/${id}/adoptions/mill`, 'admin', { implementers: [{ personId: 'admin' }] });
  return id;
}

let reported = 0;
async function confirmedReport(id: string, amount: number) {
  // Each report claims a period of its own: value is reported once per period.
  const input = dayReportInput(amount, reported++);
  const reportId = String(
    body(await call('POST', `/api/innovations/${id}/adoptions/mill/reports`, 'admin', input)).report.id,
  );
  // Confirmed without settling: the decision alone, as the store sees it.
  const report = await services.innovations.getReport(id, reportId);
  if (!report) throw new Error('no report');
  await services.innovations.decideReport(
    { ...report, status: 'confirmed', decidedBy: 'ana', decidedAt: report.reportedAt },
    report.rev,
  );
  return reportId;
}

// A crowd of writers on one head may outlast a writer's time budget: it then gets a BusyError (503,
// Retry-After) having written nothing, and asks again, as a client would. The counts below prove that
// a busy answer left nothing behind.
const untilLanded = <T>(write: () => Promise<T>) => landed(write, (error) => error instanceof BusyError);

describe('the registry log never forks', () => {
  it('gives a hundred concurrent appends the indexes 0 to 99, once each, under one consistent root', async () => {
    const appended = await Promise.all(
      Array.from({ length: 100 }, (_, n) =>
        untilLanded(() =>
          appendEvent(services, {
            kind: 'credit-limit',
            at: new Date().toISOString(),
            accountId: `person:p${n}`,
            limit: null,
            previous: null,
            by: 'test',
          }),
        ),
      ),
    );
    expect(appended.map((entry) => entry.index).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 100 }, (_, i) => i),
    );
    const entries = await services.registryLog.entries(0, 200);
    expect(entries).toHaveLength(100);
    expect(new Set(entries.map((entry) => JSON.parse(entry.data).accountId)).size).toBe(100);
    const head = await services.registryLog.head();
    if (!head) throw new Error('no head');
    const root = toBase64(rootFromLeafHashes(entries.map((entry) => fromBase64(entry.leafHash) as Uint8Array)));
    expect(head).toMatchObject({ treeSize: 100, rootHash: root });
    expect(verifyTreeHead(head, services.logSigner.publicJwk)).toBe(true);
    expect(auditLog(entries, head, services.logSigner.publicJwk)).toMatchObject({ ok: true, treeSize: 100 });
    // A hundred writers on one head retry each other many times: ~3–5 s alone, several times that when
    // the whole integration suite shares the two cores.
  }, 120_000);

  it('keeps appending in order when publications and adoptions race each other', async () => {
    const ids = await Promise.all(
      Array.from({ length: 6 }, async () =>
        String(body(await call('POST', '/api/innovations', 'ana', draftInput([{ personId: 'ana' }]))).record.id),
      ),
    );
    const published = await Promise.all(ids.map((id) => call('POST', `/api/innovations/${id}/publication`, 'ana')));
    expect(published.map((r) => r.status)).toEqual(ids.map(() => 200));
    const adopted = await Promise.all(
      ids.map((id) =>
        call('PUT', `/api/innovations/${id}/adoptions/mill`, 'admin', { implementers: [{ personId: 'admin' }] }),
      ),
    );
    expect(adopted.map((r) => r.status)).toEqual(ids.map(() => 201));
    const { result } = await auditStore(services, services.logSigner.publicJwk);
    expect(result).toMatchObject({ ok: true, treeSize: 12 });
  });
});

describe('settlements are idempotent under concurrency', () => {
  beforeEach(async () => {
    // Credit is agreed, not assumed: the mill may go down to -100,000 because a steward granted it.
    const granted = await call('PUT', '/api/syndicates/mill/credit-limit', 'steward', {
      credit: 100_000,
      reason: 'The members agreed a starting credit.',
    });
    expect(granted.status).toBe(200);
  });

  it('settles one report once when a dozen requests settle it at the same time', async () => {
    const id = await adoptedRecord();
    const reportId = await confirmedReport(id, 1000);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call('POST', `/api/innovations/${id}/reports/${reportId}/settlement`, i % 2 ? 'ana' : 'admin'),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    expect(results.filter((r) => body(r).settledNow)).toHaveLength(1);
    const accounts = await services.ledger.getAccounts(['syndicate:mill', 'person:ana', 'person:ben']);
    expect([...accounts.values()].map((a) => [a.accountId, a.balance])).toEqual(
      expect.arrayContaining([
        ['syndicate:mill', -500n],
        ['person:ana', 250n],
        ['person:ben', 250n],
      ]),
    );
    expect(await allEntries(services, 'syndicate:mill')).toHaveLength(2);
    const settlements = (await services.registryLog.entries(0, 100)).filter((e) => e.kind === 'settlement');
    expect(settlements).toHaveLength(1);
  });

  it('settles once when both inventors confirm at the same moment', async () => {
    const id = await adoptedRecord();
    const reported = body(
      await call('POST', `/api/innovations/${id}/adoptions/mill/reports`, 'admin', reportInput(800)),
    );
    const path = `/api/innovations/${id}/reports/${reported.report.id}/decision`;
    const [ana, ben] = await Promise.all([
      call('PUT', path, 'ana', { decision: 'confirm' }),
      call('PUT', path, 'ben', { decision: 'confirm' }),
    ]);
    expect([ana.status, ben.status]).toEqual([200, 200]);
    // Each holds half: the one who lands second passes half of the shares and settles it, once.
    expect([body(ana).report.status, body(ben).report.status].sort()).toEqual(['pending', 'settled']);
    const settled = await services.innovations.getReport(id, reported.report.id);
    expect(settled?.confirmations.map((c) => c.personId).sort()).toEqual(['ana', 'ben']);
    expect((await services.registryLog.entries(0, 100)).filter((e) => e.kind === 'settlement')).toHaveLength(1);
    const accounts = await services.ledger.getAccounts(['syndicate:mill']);
    expect(accounts.get('syndicate:mill')?.balance).toBe(-400n);
  });

  it('never lets concurrent settlements of different reports take a syndicate past its limit', async () => {
    const id = await adoptedRecord();
    // The granted limit is 100,000: each report moves 30,000 out, so only three of five fit.
    const reports = [];
    for (let n = 0; n < 5; n++) reports.push(await confirmedReport(id, 60_000));
    const results = await Promise.all(
      reports.map((reportId) => call('POST', `/api/innovations/${id}/reports/${reportId}/settlement`, 'admin')),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.filter((r) => r.status === 422).every((r) => body(r).rule === 'credit-limit')).toBe(true);
    const accounts = await allAccounts(services);
    expect(await ledgerSums(services)).toEqual({ balances: 0n, kept: 0n });
    expect(accounts.find((a) => a.accountId === 'syndicate:mill')?.balance).toBe(-90_000n);
    const stillConfirmed = await Promise.all(reports.map((r) => services.innovations.getReport(id, r)));
    expect(stillConfirmed.filter((r) => r?.status === 'confirmed')).toHaveLength(2);
  });

  it('lets exactly the settlements that fit through when a hundred race on an account near its limit', async () => {
    const id = await adoptedRecord();
    // One settled report of 190,000 moves 95,000 out: the syndicate stands 5,000 above its -100,000
    // floor. A hundred reports of 200 then race, each moving 100 out: exactly fifty fit.
    const first = await confirmedReport(id, 190_000);
    expect((await call('POST', `/api/innovations/${id}/reports/${first}/settlement`, 'admin')).status).toBe(200);
    const reports: string[] = [];
    for (let n = 0; n < 100; n++) reports.push(await confirmedReport(id, 200));
    const results = await Promise.all(
      reports.map((reportId) =>
        // Settling again answers with the settled report (it never pays twice), so any 503 may be asked again.
        untilAnswered(() => call('POST', `/api/innovations/${id}/reports/${reportId}/settlement`, 'admin'), {
          repeatable: true,
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
    expect(statuses.filter((s) => s === 422)).toHaveLength(50);
    expect(results.filter((r) => r.status === 422).every((r) => body(r).rule === 'credit-limit')).toBe(true);
    const accounts = await allAccounts(services);
    expect(await ledgerSums(services)).toEqual({ balances: 0n, kept: 0n });
    expect((await services.ledger.totals()).settlements).toBe(51);
    expect(accounts.find((a) => a.accountId === 'syndicate:mill')?.balance).toBe(-100_000n);
    expect(accounts.find((a) => a.accountId === 'person:ana')?.balance).toBe(50_000n);
    // Each settled report is settled once, in the ledger and on the log; the refused stay confirmed.
    const after = await Promise.all(reports.map((r) => services.innovations.getReport(id, r)));
    expect(after.filter((r) => r?.status === 'settled')).toHaveLength(50);
    expect(after.filter((r) => r?.status === 'confirmed')).toHaveLength(50);
    expect(await allEntries(services, 'syndicate:mill')).toHaveLength(2 * 51);
    const logged = (await services.registryLog.entries(0, 1000)).filter((e) => e.kind === 'settlement');
    expect(new Set(logged.map((e) => JSON.parse(e.data).reportId)).size).toBe(51);
    expect(logged).toHaveLength(51);
  }, 300_000);
});
