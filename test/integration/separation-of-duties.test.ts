// Nobody can mint Bound: credit is granted only by a steward's logged decision, and nobody who stands on
// both sides of a value report (inventor, and admin or reporter of the adopting syndicate) decides it
// alone. Proved from the outside, through the API router, against DynamoDB Local.
import { beforeEach, describe, expect, it } from 'vitest';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import type { Services } from '#app/services.ts';
import { adoptDirectly, createPeople } from '../support/innovation-world.ts';
import { draftInput, reportInput, syndicateInput } from '../unit/innovations/fixtures.ts';

type Call = Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let call: Call;
let services: Services;
const clock = { now: new Date('2026-11-21T12:00:00.000Z') };

beforeEach(async () => {
  clock.now = new Date('2026-11-21T12:00:00.000Z');
  const world = await apiOnFreshTable({ now: () => clock.now });
  call = world.call;
  services = world.services;
  await createPeople(world.services, ['mallory', 'ana', 'ben', 'carol', 'bram', 'member', 'steward']);
});

const ok = async (response: Promise<Awaited<ReturnType<Call>>>, status = 200) => {
  const answer = await response;
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return body(answer);
};

/** A syndicate founded by `founder`, with these other admins and members. */
async function syndicate(id: string, founder: string, admins: string[] = [], members: string[] = []) {
  await ok(call('POST', '/api/syndicates', founder, syndicateInput(id)), 201);
  for (const person of [...admins, ...members]) {
    await ok(call('POST', `/api/syndicates/${id}/join-requests`, person), 201);
    await ok(call('PUT', `/api/syndicates/${id}/members/${person}`, founder, { decision: 'approve' }));
    if (admins.includes(person))
      await ok(call('PUT', `/api/syndicates/${id}/members/${person}`, founder, { role: 'admin' }));
  }
}

const grant = (syndicateId: string, credit: number) =>
  ok(
    call('PUT', `/api/syndicates/${syndicateId}/credit-limit`, 'steward', { credit, reason: 'Agreed by the members.' }),
  );

/** A published record with these inventors, adopted by the syndicate (by `admin`, naming them as implementers). */
async function adopted(
  inventors: Array<{ personId: string; basisPoints?: number }>,
  syndicateId: string,
  admin: string,
) {
  const author = inventors[0]?.personId ?? '';
  const id = String((await ok(call('POST', '/api/innovations', author, draftInput(inventors)), 201)).record.id);
  // Every co-inventor accepts being named before the record is published.
  for (const { personId } of inventors.slice(1)) {
    await ok(call('PUT', `/api/innovations/${id}/draft/consent`, personId, { decision: 'accept' }));
  }
  await ok(call('POST', `/api/innovations/${id}/publication`, author));
  // Its syndicates have several members, who adopt by vote: made here as the vote makes it.
  await adoptDirectly(services, id, syndicateId, [{ personId: admin }]);
  return id;
}

const report = (id: string, syndicateId: string, as: string, amount: number | string = 200_000, periodTo?: string) =>
  call('POST', `/api/innovations/${id}/adoptions/${syndicateId}/reports`, as, reportInput(amount, periodTo));
const decide = (id: string, reportId: string, as: string, decision: object = { decision: 'confirm' }) =>
  call('PUT', `/api/innovations/${id}/reports/${reportId}/decision`, as, decision);
const ledger = async () => body(await call('GET', '/api/ledger', null));
const balance = async (accountId: string) =>
  (await ledger()).items.find((a: { accountId: string }) => a.accountId === accountId)?.balance ?? '0';
const logSize = async () => body(await call('GET', '/api/registry-log/head', null)).treeHead.treeSize as number;

describe('one person cannot create Bound', () => {
  it('refuses the report of an inventor who is the adopting syndicate’s only admin, even with credit granted', async () => {
    await syndicate('mint-1', 'mallory');
    await grant('mint-1', 1_000_000);
    const id = await adopted([{ personId: 'mallory' }], 'mint-1', 'mallory');
    const before = await logSize();
    const refused = await report(id, 'mint-1', 'mallory');
    expect(refused.status).toBe(422);
    expect(body(refused)).toMatchObject({ rule: 'conflict-of-interest' });
    expect(body(refused).detail).toContain('another admin of Syndicate mint-1 who is not one of its inventors');
    expect(await logSize()).toBe(before);
    expect(await balance('person:mallory')).toBe('0');
    expect((await ledger()).sum).toBe('0');
  });

  it('gives a new syndicate no credit: its first royalty waits for a steward’s grant', async () => {
    await syndicate('fresh', 'bram');
    const id = await adopted([{ personId: 'ana' }], 'fresh', 'bram');
    const reportId = (await ok(report(id, 'fresh', 'bram', 1000), 201)).report.id;
    const decided = await ok(decide(id, reportId, 'ana'));
    expect(decided.report.status).toBe('confirmed');
    expect(decided.settlementRefused).toMatch(/below its credit limit of 0/);
    expect((await ledger()).items).toEqual([]);

    await grant('fresh', 1000);
    const settled = await ok(call('POST', `/api/innovations/${id}/reports/${reportId}/settlement`, 'ana'));
    expect(settled.report.status).toBe('settled');
    expect(await balance('syndicate:fresh')).toBe('-500');
    expect(await balance('person:ana')).toBe('500');
  });

  it('does not let an inventor who administers the syndicate confirm his own report alone; another admin may', async () => {
    await syndicate('mill', 'mallory', ['bram']);
    await grant('mill', 1_000_000);
    const id = await adopted([{ personId: 'mallory' }], 'mill', 'mallory');
    const reportId = (await ok(report(id, 'mill', 'mallory'), 201)).report.id;

    const alone = await ok(decide(id, reportId, 'mallory'));
    expect(alone.report).toMatchObject({ status: 'pending', conflicted: ['mallory'] });
    expect(alone.awaiting.join(' ')).toContain('does not stand on both sides');
    expect(await balance('person:mallory')).toBe('0');
    const settle = await call('POST', `/api/innovations/${id}/reports/${reportId}/settlement`, 'mallory');
    expect(settle.status).toBe(422);
    expect(body(settle)).toMatchObject({ rule: 'report-not-confirmed' });

    const endorsed = await ok(decide(id, reportId, 'bram'));
    expect(endorsed.report).toMatchObject({ status: 'settled', endorsement: { personId: 'bram' } });
    expect(await balance('person:mallory')).toBe('100000');
  });

  it('lets an unconflicted co-inventor’s confirmation decide a conflicted inventor’s report', async () => {
    await syndicate('mill', 'ana', [], ['carol']);
    await grant('mill', 100_000);
    const id = await adopted(
      [
        { personId: 'ana', basisPoints: 6000 },
        { personId: 'carol', basisPoints: 4000 },
      ],
      'mill',
      'ana',
    );
    const reportId = (await ok(report(id, 'mill', 'ana', 1000), 201)).report.id;
    expect((await ok(decide(id, reportId, 'ana'))).report.status).toBe('pending');
    expect((await ok(decide(id, reportId, 'carol'))).report.status).toBe('settled');
  });

  it('counts an inventor made an admin after the report as standing on both sides when she decides', async () => {
    await syndicate('mill', 'ana', [], ['carol']);
    await grant('mill', 100_000);
    const id = await adopted(
      [
        { personId: 'ana', basisPoints: 5000 },
        { personId: 'carol', basisPoints: 5000 },
      ],
      'mill',
      'ana',
    );
    const reportId = (await ok(report(id, 'mill', 'ana', 1000), 201)).report.id;
    await ok(call('PUT', '/api/syndicates/mill/members/carol', 'ana', { role: 'admin' }));
    await ok(decide(id, reportId, 'ana'));
    const both = await ok(decide(id, reportId, 'carol'));
    expect(both.report).toMatchObject({ status: 'pending', conflicted: ['ana', 'carol'] });
    expect(await balance('person:carol')).toBe('0');
  });
});

describe('inventors holding more than half of the shares confirm', () => {
  beforeEach(async () => {
    await syndicate('mill', 'bram');
    await grant('mill', 100_000);
  });

  it('keeps a report pending until the confirmations pass half of the shares', async () => {
    const id = await adopted(
      [
        { personId: 'ana', basisPoints: 3000 },
        { personId: 'ben', basisPoints: 7000 },
      ],
      'mill',
      'bram',
    );
    const reportId = (await ok(report(id, 'mill', 'bram', 1000), 201)).report.id;
    const first = await ok(decide(id, reportId, 'ana'));
    expect(first.report.status).toBe('pending');
    expect(first.awaiting).toEqual(['confirmation by inventors holding more than half of the shares (30% so far)']);
    expect((await ok(decide(id, reportId, 'ana'))).report.confirmations).toHaveLength(1);
    expect((await ok(decide(id, reportId, 'ben'))).report.status).toBe('settled');
  });

  it('does not confirm on exactly half', async () => {
    const id = await adopted([{ personId: 'ana' }, { personId: 'ben' }], 'mill', 'bram');
    const reportId = (await ok(report(id, 'mill', 'bram', 1000), 201)).report.id;
    expect((await ok(decide(id, reportId, 'ana'))).report.status).toBe('pending');
    expect((await ok(decide(id, reportId, 'ben'))).report.status).toBe('settled');
  });

  it('lets any inventor dispute, even one with the smallest share, and then no one confirms it', async () => {
    const id = await adopted(
      [
        { personId: 'ana', basisPoints: 1000 },
        { personId: 'ben', basisPoints: 9000 },
      ],
      'mill',
      'bram',
    );
    const reportId = (await ok(report(id, 'mill', 'bram', 1000), 201)).report.id;
    const disputed = await ok(
      decide(id, reportId, 'ana', { decision: 'dispute', reason: 'Too low for the hours saved.' }),
    );
    expect(disputed.report.status).toBe('disputed');
    expect((await decide(id, reportId, 'ben')).status).toBe(422);
    expect(await balance('syndicate:mill')).toBe('0');
  });

  it('counts inventors confirming at the same moment, and settles once when they pass half', async () => {
    const id = await adopted([{ personId: 'ana' }, { personId: 'ben' }, { personId: 'carol' }], 'mill', 'bram');
    const reportId = (await ok(report(id, 'mill', 'bram', 999), 201)).report.id;
    const answers = await Promise.all(['ana', 'ben', 'carol'].map((person) => decide(id, reportId, person)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const stored = body(await call('GET', `/api/innovations/${id}`, null)).reports.items[0];
    expect(stored.status).toBe('settled');
    // Two of the three (two thirds) confirm it; a third confirmation after that changes nothing.
    expect(stored.confirmations.length).toBeGreaterThanOrEqual(2);
    expect(await balance('syndicate:mill')).toBe('-499');
    const entries = body(await call('GET', `/api/innovations/${id}/log`, null)).items;
    expect(entries.filter((e: { entry: { kind: string } }) => e.entry.kind === 'settlement')).toHaveLength(1);
  });
});

describe('a report nobody disputed in time', () => {
  it('settles as confirmed when someone on one side only could have decided it', async () => {
    await syndicate('mill', 'ana', ['bram']);
    await grant('mill', 100_000);
    const id = await adopted([{ personId: 'ana' }], 'mill', 'ana');
    const reportId = (await ok(report(id, 'mill', 'ana', 1000), 201)).report.id;
    clock.now = new Date(clock.now.getTime() + 14 * 86_400_000);
    const settled = await ok(call('POST', `/api/innovations/${id}/reports/${reportId}/settlement`, 'ana'));
    expect(settled.report.status).toBe('settled');
  });

  it('never lapses into confirmed once its only possible deciders stand on both sides', async () => {
    await syndicate('mill', 'ana', ['bram']);
    await grant('mill', 100_000);
    const id = await adopted([{ personId: 'ana' }], 'mill', 'ana');
    const reportId = (await ok(report(id, 'mill', 'ana', 1000), 201)).report.id;
    await call('DELETE', '/api/syndicates/mill/membership', 'bram');
    clock.now = new Date(clock.now.getTime() + 30 * 86_400_000);
    const refused = await call('POST', `/api/innovations/${id}/reports/${reportId}/settlement`, 'ana');
    expect(refused.status).toBe(422);
    expect(body(refused)).toMatchObject({ rule: 'conflict-of-interest' });
    expect(await balance('person:ana')).toBe('0');
  });
});

describe('value is reported once per period', () => {
  beforeEach(async () => {
    await syndicate('mill', 'bram');
  });

  it('refuses a report whose period overlaps one reported before, naming the field', async () => {
    const id = await adopted([{ personId: 'ana' }], 'mill', 'bram');
    await ok(report(id, 'mill', 'bram', 1000, '2026-10-31'), 201);
    const again = await report(id, 'mill', 'bram', 1000, '2026-10-15');
    expect(again.status).toBe(422);
    expect(body(again).errors).toEqual([
      { field: 'body.periodFrom', message: expect.stringContaining('overlaps the period 2026-10-01 to 2026-10-31') },
    ]);
    await ok(
      call('POST', `/api/innovations/${id}/adoptions/mill/reports`, 'bram', {
        ...reportInput(1000, '2026-11-15'),
        periodFrom: '2026-11-01',
      }),
      201,
    );
  });

  it('lets exactly one of ten racing reports of the same period land', async () => {
    const id = await adopted([{ personId: 'ana' }], 'mill', 'bram');
    const answers = await Promise.all(Array.from({ length: 10 }, () => report(id, 'mill', 'bram', 1000)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 201).every((a) => a.status === 422 || a.status === 503)).toBe(true);
    expect(body(await call('GET', `/api/innovations/${id}`, null)).reports.items).toHaveLength(1);
  });
});

describe('credit is granted by a steward’s logged decision', () => {
  beforeEach(async () => {
    await syndicate('mill', 'bram');
    await syndicate('stewards-own', 'steward');
  });

  it('logs the grant with who made it and why, and shows the limit on the ledger', async () => {
    const before = await logSize();
    const change = await ok(
      call('PUT', '/api/syndicates/mill/credit-limit', 'steward', {
        credit: '250000',
        reason: 'Agreed at the members’ meeting of 3 December.',
      }),
    );
    expect(change).toMatchObject({ accountId: 'syndicate:mill', limit: '-250000', previous: null, by: 'steward' });
    const [entry] = body(await call('GET', `/api/registry-log/entries?start=${before}`, null)).items;
    expect(JSON.parse(entry.data)).toMatchObject({
      kind: 'credit-limit',
      accountId: 'syndicate:mill',
      limit: '-250000',
      by: 'steward',
      reason: 'Agreed at the members’ meeting of 3 December.',
    });
    const account = (await ledger()).items.find((a: { accountId: string }) => a.accountId === 'syndicate:mill');
    expect(account).toMatchObject({ limit: '-250000', balance: '0' });
    expect((await ledger()).stewards).toEqual(['steward']);

    await ok(call('PUT', '/api/syndicates/mill/credit-limit', 'steward', { credit: 0, reason: 'Taken back by vote.' }));
    expect((await ledger()).items.find((a: { accountId: string }) => a.accountId === 'syndicate:mill').limit).toBe('0');
  });

  it('refuses a grant by anyone else, to the steward herself or her own syndicate, or to no one', async () => {
    const reason = 'Because the members agreed.';
    const mill = await call('PUT', '/api/syndicates/mill/credit-limit', 'bram', { credit: 1000, reason });
    expect(mill.status).toBe(403);
    const herself = await call('PUT', '/api/people/steward/credit-limit', 'steward', { credit: 1000, reason });
    expect(body(herself)).toMatchObject({ status: 422, rule: 'conflict-of-interest' });
    const own = await call('PUT', '/api/syndicates/stewards-own/credit-limit', 'steward', { credit: 1000, reason });
    expect(body(own)).toMatchObject({ status: 422, rule: 'conflict-of-interest' });
    const nobody = await call('PUT', '/api/syndicates/no-such/credit-limit', 'steward', { credit: 1000, reason });
    expect(nobody.status).toBe(404);
    const negative = await call('PUT', '/api/syndicates/mill/credit-limit', 'steward', { credit: -5, reason });
    expect(negative.status).toBe(400);
    expect((await ledger()).items).toEqual([]);
  });
});
