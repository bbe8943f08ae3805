// Wants are demand (issue 16): the hours members want count in the shortage index beside open
// positions, through the same stream consumer, from the want's (or undelivered order's) current state.
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import type { StreamRecord } from '#app/stream-indexer.ts';
import { applyShortageRecords } from '#app/stream-shortages.ts';
import { memoryShortageRepository, memorySourceTable } from '#domain/shortages/memory-repository.ts';
import { buildIndex, compareAggregates } from '#domain/shortages/recompute.ts';
import { rankShortages } from '#domain/shortages/score.ts';
import { contributionOf, type DemandFacts, type SourceRef, sourceOf } from '#domain/shortages/sources.ts';
import { createLogger } from '#platform/log.ts';
import { commons } from '../../support/services.ts';

const log = createLogger('silent');
type DemandRef = Extract<SourceRef, { kind: 'demand' }>;
const wantRef = (id: string): DemandRef => ({
  kind: 'demand',
  itemType: 'want',
  id,
  item: { pk: `WANT#${id}`, sk: 'WANT' },
});
const orderRef = (id: string): DemandRef => ({
  kind: 'demand',
  itemType: 'order',
  id,
  item: { pk: `ORDER#${id}`, sk: 'ORDER' },
});

/** A want item as the offers-and-wants work stores it (the contract's shape), and its stream record. */
const wantItem = (id: string, facts: DemandFacts) => ({ pk: `WANT#${id}`, sk: 'WANT', type: 'want', id, ...facts });
const record = (sequence: string, item: Record<string, unknown>): StreamRecord => ({
  eventName: 'MODIFY',
  dynamodb: { SequenceNumber: sequence, NewImage: marshall(item) },
});

function setUp() {
  const table = memorySourceTable();
  const repo = memoryShortageRepository(table);
  /** Writes the want to the "table" and returns the record the stream would carry for that write. */
  const write = (sequence: string, id: string, facts: DemandFacts) => {
    table.demands.set(`want#${id}`, { ref: wantRef(id), demand: facts });
    return record(sequence, wantItem(id, facts));
  };
  const apply = (records: StreamRecord[]) => applyShortageRecords({ shortages: repo, commons, log }, records);
  const aggregates = () => Object.fromEntries(repo.aggregateMap());
  return { table, repo, write, apply, aggregates };
}

describe('what a want or an order adds to the shortage index', () => {
  const open: DemandFacts = { status: 'open', skillIds: ['door-hanging', 'stud-wall-framing'], demandHours: 6 };

  it('counts an open want and its hours, in minutes, for each skill it names', () => {
    expect(contributionOf({ ref: wantRef('w1'), demand: open }, commons)).toEqual({
      'door-hanging': { wants: 1, wantedMinutes: 360 },
      'stud-wall-framing': { wants: 1, wantedMinutes: 360 },
    });
  });

  it.each(['withdrawn', 'expired', 'fulfilled'])('counts nothing for a want that is %s', (status) => {
    expect(contributionOf({ ref: wantRef('w1'), demand: { ...open, status } }, commons)).toEqual({});
  });

  it('counts an order until it is delivered, by the same rule keyed on its type', () => {
    const order = (status: string) => contributionOf({ ref: orderRef('o1'), demand: { ...open, status } }, commons);
    expect(order('accepted')['door-hanging']).toEqual({ wants: 1, wantedMinutes: 360 });
    expect(order('ordered')['door-hanging']).toEqual({ wants: 1, wantedMinutes: 360 });
    expect(order('delivered')).toEqual({});
    expect(order('open')).toEqual({});
  });

  it('keeps fractions of an hour as whole minutes, ignores skills the commons lacks, and counts a skill named twice once', () => {
    const facts = { status: 'open', skillIds: ['door-hanging', 'door-hanging', 'no-such-skill'], demandHours: 1.25 };
    expect(contributionOf({ ref: wantRef('w1'), demand: facts }, commons)).toEqual({
      'door-hanging': { wants: 1, wantedMinutes: 75 },
    });
  });

  it('counts no hours for hours that are not a number of hours at least zero', () => {
    for (const demandHours of [-3, Number.NaN, Number.POSITIVE_INFINITY, 0]) {
      const facts = { status: 'open', skillIds: ['door-hanging'], demandHours };
      expect(contributionOf({ ref: wantRef('w1'), demand: facts }, commons)).toEqual({ 'door-hanging': { wants: 1 } });
    }
  });

  it('names the want or order a stream record is about from its type, by its id or else its key, and refuses one without a key', () => {
    expect(sourceOf(wantItem('w7', open))).toEqual(wantRef('w7'));
    expect(sourceOf({ pk: 'ORDER#o2', sk: 'ORDER', type: 'order', id: 'o2' })).toEqual(orderRef('o2'));
    expect(sourceOf({ type: 'want', pk: 'WANT#w8', sk: 'WANT' })).toEqual({
      kind: 'demand',
      itemType: 'want',
      id: 'WANT#w8',
      item: { pk: 'WANT#w8', sk: 'WANT' },
    });
    expect(() => sourceOf({ type: 'want', id: 'w9' })).toThrow(/want item without its ids/);
  });
});

describe('wants through the shortage stream consumer', () => {
  it('follows a want opened, edited and withdrawn, and leaves no demand behind', async () => {
    const { write, apply, aggregates } = setUp();
    await apply([write('1', 'w1', { status: 'open', skillIds: ['door-hanging'], demandHours: 6 })]);
    expect(aggregates()).toEqual({ 'door-hanging': { wants: 1, wantedMinutes: 360 } });

    await apply([
      write('2', 'w1', { status: 'open', skillIds: ['door-hanging', 'stud-wall-framing'], demandHours: 9 }),
    ]);
    expect(aggregates()).toEqual({
      'door-hanging': { wants: 1, wantedMinutes: 540 },
      'stud-wall-framing': { wants: 1, wantedMinutes: 540 },
    });

    await apply([
      write('3', 'w1', { status: 'withdrawn', skillIds: ['door-hanging', 'stud-wall-framing'], demandHours: 9 }),
    ]);
    expect(aggregates()).toEqual({});
  });

  it('counts a want once when its record is delivered twice, and the ranking shows its hours on their own line', async () => {
    const { write, apply, repo } = setUp();
    const opened = write('1', 'w1', { status: 'open', skillIds: ['door-hanging'], demandHours: 20 });
    await apply([opened]);
    await apply([opened]);
    const ranking = rankShortages(await repo.listAggregates(), commons, '2026-12-06');
    const skill = ranking.skills.find((s) => s.skill === 'door-hanging');
    expect(skill?.inputs).toMatchObject({ wants: 1, wantedHours: 20, openings: 0, positions: 0 });
    // 20 hours wanted = half a full-time position, and nobody holds the skill.
    expect(skill?.demand).toBe(0.5);
    expect(skill?.score).toBe(0.5);
  });

  it('ends where the want is, whatever order its records arrive in', async () => {
    const { write, apply, aggregates, repo, table } = setUp();
    const opened = write('1', 'w1', { status: 'open', skillIds: ['door-hanging'], demandHours: 4 });
    const fulfilled = write('2', 'w1', { status: 'fulfilled', skillIds: ['door-hanging'], demandHours: 4 });
    await apply([fulfilled]);
    await apply([opened]);
    expect(aggregates()).toEqual({});
    // A want deleted outright leaves too (the record carries the old image only).
    const other = write('3', 'w2', { status: 'open', skillIds: ['door-hanging'], demandHours: 4 });
    await apply([other]);
    table.demands.delete('want#w2');
    await apply([{ eventName: 'REMOVE', dynamodb: { SequenceNumber: '4', OldImage: other.dynamodb?.NewImage } }]);
    expect(aggregates()).toEqual({});
    // The incremental index equals a recompute from the items.
    const expected = buildIndex(await repo.readAllSources(), commons).aggregates;
    expect(compareAggregates(await repo.listAggregates(), expected)).toEqual([]);
  });
});
