import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import type { StreamRecord } from '#app/stream-indexer.ts';
import { applyShortageRecords, earliestFailure } from '#app/stream-shortages.ts';
import { ConflictError } from '#domain/errors.ts';
import type { Opening } from '#domain/openings/opening.ts';
import { expireOpenings } from '#domain/shortages/expire-openings.ts';
import { memoryShortageRepository, memorySourceTable } from '#domain/shortages/memory-repository.ts';
import type { PageRequest } from '#domain/paging.ts';
import { pagedFrom } from '../../support/memory-pages.ts';
import { createLogger } from '#platform/log.ts';
import { commons } from '../../support/services.ts';

const now = () => new Date('2026-11-21T00:15:00Z');
const base = {
  syndicateId: 's1',
  status: 'open',
  positions: 2,
  filled: 0,
  hoursPerWeek: 40,
  skills: [{ skill: 'door-hanging' }],
  createdAt: '2026-10-01T09:00:00.000Z',
  datePosted: '2026-10-01T09:00:00.000Z',
  version: 2,
};

function setUp() {
  const table = memorySourceTable();
  table.openings.set('past', { ...base, id: 'past', validThrough: '2026-11-20' });
  table.openings.set('today', { ...base, id: 'today', validThrough: '2026-11-21' });
  table.openings.set('marked', { ...base, id: 'marked', validThrough: '2026-11-19', expiredOn: '2026-11-19' });
  const repo = memoryShortageRepository(table);
  const openings = {
    pageByStatus: (_status: string, request: PageRequest) =>
      pagedFrom(() => [...table.openings.values()] as unknown as Opening[])(request),
  };
  return { table, repo, openings };
}

describe('the expiry sweep', () => {
  it('marks only the open openings whose date has passed, with a new version, once', async () => {
    const { table, repo, openings } = setUp();
    expect(await expireOpenings({ openings, shortages: repo, now })).toEqual({
      checked: 3,
      expired: ['past'],
      skipped: [],
    });
    expect(table.openings.get('past')).toMatchObject({ expiredOn: '2026-11-20', version: 3 });
    expect(table.openings.get('today')?.expiredOn).toBeUndefined();
    expect((await expireOpenings({ openings, shortages: repo, now })).expired).toEqual([]);
  });

  it('skips an opening edited between the listing and the mark; the next sweep looks again', async () => {
    const { repo, openings } = setUp();
    const shortages = {
      markExpired: async () => {
        throw new ConflictError('changed');
      },
    };
    expect(await expireOpenings({ openings, shortages, now })).toMatchObject({ expired: [], skipped: ['past'] });
    expect((await expireOpenings({ openings, shortages: repo, now })).expired).toEqual(['past']);
  });
});

const log = createLogger('silent');
const record = (sequence: string, item: Record<string, unknown>): StreamRecord => ({
  eventName: 'MODIFY',
  dynamodb: { SequenceNumber: sequence, NewImage: marshall(item) },
});

describe('the shortage stream consumer', () => {
  it('refreshes a source named twice in a batch once, and ignores items that feed no source', async () => {
    const { repo } = setUp();
    const records = [
      record('1', { type: 'opening', id: 'today' }),
      record('2', { type: 'syndicate', id: 's1' }),
      record('3', { type: 'shortage', skill: 'door-hanging' }),
      record('4', { type: 'opening', id: 'today' }),
    ];
    expect(await applyShortageRecords({ shortages: repo, commons, log }, records)).toEqual({ batchItemFailures: [] });
    // The opening's one skill, and the whole board's count of open positions.
    expect(repo.touched).toEqual([2]);
    expect(repo.aggregateMap().get('door-hanging')).toEqual({ openings: 1, positions: 2, 'demand:2026-10-01': 80 });
  });

  it('reports the first record it could not apply and stops there, so the retry keeps the order', async () => {
    const { repo } = setUp();
    const records = [
      record('1', { type: 'opening', id: 'today' }),
      record('2', { type: 'opening' }),
      record('3', { type: 'opening', id: 'past' }),
    ];
    expect(await applyShortageRecords({ shortages: repo, commons, log }, records)).toEqual({
      batchItemFailures: [{ itemIdentifier: '2' }],
    });
    expect(repo.touched).toEqual([2]);
  });

  it('reports to the poller the earliest failure of either consumer', () => {
    const records = ['1', '2', '3'].map((n) => record(n, { type: 'opening', id: n }));
    const failed = (id: string) => ({ batchItemFailures: [{ itemIdentifier: id }] });
    expect(earliestFailure(records, failed('3'), failed('2'))).toEqual(failed('2'));
    expect(earliestFailure(records, { batchItemFailures: [] }, failed('3'))).toEqual(failed('3'));
    expect(earliestFailure(records, { batchItemFailures: [] }, { batchItemFailures: [] })).toEqual({
      batchItemFailures: [],
    });
  });
});
