// The DynamoDB adapter of the shortage port keeps its promises against DynamoDB Local: conditional
// revisions, races that count once, a recompute that repairs drift, snapshots by day.
import { everyItem } from '#domain/paged-reads.ts';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { shortageHolderKeys, shortageKeys } from '#adapters/dynamodb/keys.ts';
import { ConflictError } from '#domain/errors.ts';
import type { Opening } from '#domain/openings/opening.ts';
import { foldDemand, foldDemandIndex } from '#domain/shortages/fold.ts';
import { recomputeIndex } from '#domain/shortages/recompute.ts';
import { currentShortages } from '#domain/shortages/shortage-use-cases.ts';
import { refreshSource } from '#domain/shortages/refresh-source.ts';
import { apiOnFreshTable } from '../support/api-client.ts';
import { documentClient, uniqueId } from '../support/dynamodb.ts';

const opening = (id: string): Opening => ({
  id,
  syndicateId: 'maas',
  title: 'Dry-liner wanted',
  description: 'Board and skim a retrofit with a team that shares the work fairly.',
  skills: [
    { skill: 'plasterboard-hanging', level: 'working' },
    { skill: 'stud-wall-framing', level: 'working' },
  ],
  positions: 2,
  hoursPerWeek: 20,
  pay: [{ amount: 4000, currency: 'EUR', per: 'hour' }],
  place: 'Rotterdam, NL',
  remote: false,
  applicantCountries: [],
  employmentType: 'CONTRACTOR',
  validThrough: '2099-01-01',
  status: 'open',
  filled: 0,
  version: 1,
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
  createdBy: 'admin',
  datePosted: '2026-11-20T09:00:00.000Z',
});

describe('the DynamoDB shortage repository', () => {
  it('applies a change only over the revision it was computed from', async () => {
    const { services } = await apiOnFreshTable();
    const change = {
      key: 'opening#x',
      expectedRev: null,
      next: { key: 'opening#x', rev: 1, tallies: { 'door-hanging': { openings: 1 } } },
      deltas: { 'door-hanging': { openings: 1 } },
      holders: [],
    };
    await services.shortages.applyChange(change);
    await expect(services.shortages.applyChange(change)).rejects.toBeInstanceOf(ConflictError);
    expect(await services.shortages.listAggregates()).toEqual([{ skill: 'door-hanging', tally: { openings: 1 } }]);
    expect(await services.shortages.getContribution('opening#x')).toEqual(change.next);
  });

  it('counts a source once when many refreshes of it race', async () => {
    const { services } = await apiOnFreshTable();
    const id = uniqueId('o');
    await services.openings.create(opening(id));
    await Promise.all(Array.from({ length: 6 }, () => refreshSource(services, { kind: 'opening', openingId: id })));
    const aggregates = new Map((await services.shortages.listAggregates()).map((a) => [a.skill, a.tally]));
    expect(aggregates.get('plasterboard-hanging')).toEqual({ openings: 1, positions: 2, 'demand:2026-11-20': 40 });
    expect((await services.shortages.getContribution(`opening#${id}`))?.rev).toBeGreaterThanOrEqual(1);
  });

  it('lets the recompute repair a drifted aggregate and remove a holder nobody is', async () => {
    const { services } = await apiOnFreshTable();
    const id = uniqueId('o');
    await services.openings.create(opening(id));
    await refreshSource(services, { kind: 'opening', openingId: id });
    const client = documentClient();
    const table = services.config.TABLE_NAME;
    await client.send(
      new PutCommand({
        TableName: table,
        Item: { ...shortageKeys('stud-wall-framing'), type: 'shortage', skill: 'stud-wall-framing', openings: 7 },
      }),
    );
    await client.send(
      new PutCommand({
        TableName: table,
        Item: {
          ...shortageHolderKeys('door-hanging', 'ghost'),
          type: 'shortage-holder',
          personId: 'ghost',
          how: 'declared',
        },
      }),
    );
    const report = await recomputeIndex(services);
    expect(report.differed).toEqual(['stud-wall-framing']);
    expect(await everyItem((request) => services.shortages.pageHolders('door-hanging', request))).toEqual([]);
    const aggregates = new Map((await services.shortages.listAggregates()).map((a) => [a.skill, a.tally]));
    expect(aggregates.get('stud-wall-framing')).toEqual({ openings: 1, positions: 2, 'demand:2026-11-20': 40 });
    // Run again: nothing left to repair or write.
    expect(await recomputeIndex(services)).toMatchObject({ differed: [], written: 0, deleted: 0 });
    client.destroy();
  });

  it('folds a skill’s demand days into one faded sum that ranks as before, and refuses a fold over a changed aggregate', async () => {
    const { services } = await apiOnFreshTable();
    const ids = [uniqueId('o'), uniqueId('o')];
    await services.openings.create(opening(ids[0] ?? ''));
    await services.openings.create({ ...opening(ids[1] ?? ''), datePosted: '2026-10-01T09:00:00.000Z' });
    for (const openingId of ids) await refreshSource(services, { kind: 'opening', openingId });
    const deps = { ...services, now: () => new Date('2026-12-06T04:00:00Z') };
    const before = await currentShortages(deps);
    const stale = await services.shortages.listAggregates();
    expect(await foldDemandIndex(deps)).toEqual({ folded: 2, skipped: [] });
    const folded = new Map((await services.shortages.listAggregates()).map((a) => [a.skill, a.tally]));
    expect(Object.keys(folded.get('stud-wall-framing') ?? {}).sort()).toEqual([
      'faded:2026-12-06',
      'foldedHours',
      'openings',
      'positions',
    ]);
    expect(await currentShortages(deps)).toEqual(before);
    // A fold computed from what the aggregate held before is refused, and changes nothing.
    const old = stale.find((a) => a.skill === 'stud-wall-framing');
    const fold = old && foldDemand(old.skill, old.tally, '2026-12-06');
    if (!fold) throw new Error('expected a fold of the stale aggregate');
    await expect(services.shortages.foldAggregate(fold)).rejects.toBeInstanceOf(ConflictError);
    expect(await currentShortages(deps)).toEqual(before);
    // The recompute sees no drift in a folded index.
    expect((await recomputeIndex(services)).differed).toEqual([]);
  });

  it('keeps the folded sum of demand posted years ago, however small it has faded', async () => {
    const { services } = await apiOnFreshTable();
    const id = uniqueId('o');
    const old = { ...opening(id), skills: [{ skill: 'door-hanging', level: 'working' as const }] };
    await services.openings.create({ ...old, datePosted: '2021-01-01T09:00:00.000Z' });
    await refreshSource(services, { kind: 'opening', openingId: id });
    const deps = { ...services, now: () => new Date('2026-12-06T04:00:00Z') };
    const before = (await currentShortages(deps)).skills.find((s) => s.skill === 'door-hanging');
    expect(await foldDemandIndex(deps)).toEqual({ folded: 1, skipped: [] });
    // The skill's aggregate; the whole board's (open positions) sits beside it.
    const aggregate = (await services.shortages.listAggregates()).find((a) => a.skill === 'door-hanging');
    // 40 hours halved every 30 days for 2,165 days: about 8 × 10⁻²¹ hours, stored and read back as it is.
    expect(aggregate?.tally['faded:2026-12-06']).toBeCloseTo(40 * 2 ** (-2165 / 30), 30);
    expect((await currentShortages(deps)).skills.find((s) => s.skill === 'door-hanging')).toEqual(before);
  });

  it('marks an opening expired only at the version and date it was listed with, and takes it off the board by skill', async () => {
    const { services } = await apiOnFreshTable();
    const id = uniqueId('o');
    const listed = { ...opening(id), validThrough: '2026-01-01' };
    await services.openings.create(listed);
    const asking = async () =>
      (await services.openings.pageOpenAsking('stud-wall-framing', { limit: 10 })).items.map((o) => o.id);
    expect(await asking()).toEqual([id]);
    const stale = { id, version: 0, validThrough: '2026-01-01', skills: listed.skills };
    await expect(services.shortages.markExpired(stale, '2026-01-02T00:00:00Z')).rejects.toBeInstanceOf(ConflictError);
    expect(await asking()).toEqual([id]);
    await services.shortages.markExpired({ ...stale, version: 1 }, '2026-01-02T00:00:00Z');
    expect(await services.openings.get(id)).toMatchObject({ expiredOn: '2026-01-01', version: 2, status: 'open' });
    expect(await asking()).toEqual([]);
  });

  it('keeps one snapshot per day and lists them oldest first', async () => {
    const { services } = await apiOnFreshTable();
    const snapshot = (day: string, score: number) => ({
      day,
      skills: { 'door-hanging': { score, demand: score, supply: 0 } },
      trades: {},
    });
    await services.shortages.putSnapshot(snapshot('2026-11-21', 2));
    await services.shortages.putSnapshot(snapshot('2026-11-19', 1));
    await services.shortages.putSnapshot(snapshot('2026-11-21', 3));
    expect(
      (await services.shortages.listSnapshots('2026-11-20')).map((s) => [s.day, s.skills['door-hanging']?.score]),
    ).toEqual([['2026-11-21', 3]]);
    expect((await services.shortages.listSnapshots('2026-01-01')).map((s) => s.day)).toEqual([
      '2026-11-19',
      '2026-11-21',
    ]);
  });
});
