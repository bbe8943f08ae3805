// GET /api/economy's JSON: amounts as strings of digits, exact past 2^53, and always the figures of the
// snapshot read, though a stored snapshot's answer is made once: a new snapshot is answered at once.
import { describe, expect, it } from 'vitest';
import { snapshotPut, toSnapshot } from '#adapters/dynamodb/economy-snapshot-items.ts';
import type { EconomyRepository } from '#domain/ledger/economy-use-cases.ts';
import type { EconomySnapshot } from '#domain/ledger/economy-snapshot.ts';
import { createApi } from '#http/api.ts';
import { fakeServices } from '../support/services.ts';

const now = new Date('2026-11-21T12:00:00.000Z');
const figures = (volume: bigint) => ({
  period: { from: '2026-10-23', to: '2026-11-21', days: 30 },
  accounts: 2,
  activeTraders: 2,
  movements: 1,
  volume,
  realValue: volume,
  velocity: 0.5,
  positiveBalances: volume * 2n,
  perMonth: [{ month: '2026-11', from: '2026-11-01', to: '2026-11-21', movements: 1, volume, realValue: volume }],
  perTrade: [{ trade: 'care', volume }],
  histogram: [{ from: 1n, to: 1000n, label: 'over 0 to 10', accounts: 1 }],
  nearLimit: 0,
  sumOfBalances: 0n,
});
/** A snapshot as a reader gets it from the table: stored as text, read back through the parse cache. */
const stored = (volume: bigint): EconomySnapshot => {
  const snapshot = toSnapshot(snapshotPut('t', { days: 30, day: '2026-11-21', rev: 1, figures: figures(volume) }).Item);
  if (!snapshot) throw new Error('the snapshot does not parse');
  return snapshot;
};

function apiReading(next: () => EconomySnapshot) {
  const economy = { snapshot: async () => next() } as unknown as EconomyRepository;
  const router = createApi(fakeServices({ economy, now: () => now }));
  return async () => {
    const response = await router.handle({
      method: 'GET',
      path: '/api/economy',
      rawQuery: '',
      headers: {},
      body: undefined,
      identity: null,
      requestId: 'economy-answer',
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    return JSON.parse(response.body);
  };
}

describe('GET /api/economy', () => {
  it('answers amounts as strings of digits, exact past 2^53', async () => {
    const huge = 2n ** 63n + 7n;
    const answer = await apiReading(() => stored(huge))();
    expect(answer).toEqual({
      ...figures(0n),
      volume: huge.toString(),
      realValue: huge.toString(),
      positiveBalances: (huge * 2n).toString(),
      perMonth: [
        {
          month: '2026-11',
          from: '2026-11-01',
          to: '2026-11-21',
          movements: 1,
          volume: huge.toString(),
          realValue: huge.toString(),
        },
      ],
      perTrade: [{ trade: 'care', volume: huge.toString() }],
      histogram: [{ from: '1', to: '1000', label: 'over 0 to 10', accounts: 1 }],
      sumOfBalances: '0',
    });
  });

  it('answers a new snapshot the moment it is read, and the same one again unchanged', async () => {
    let volume = 10n;
    const read = apiReading(() => stored(volume));
    expect((await read()).volume).toBe('10');
    expect((await read()).volume).toBe('10');
    volume = 11n;
    expect((await read()).volume).toBe('11');
    volume = 10n;
    expect((await read()).volume).toBe('10');
  });

  it('answers figures that are not a stored snapshot’s as they are when read', async () => {
    const changing: EconomySnapshot = { days: 30, day: '2026-11-21', rev: 1, figures: figures(5n) };
    const read = apiReading(() => changing);
    expect((await read()).volume).toBe('5');
    changing.figures.volume = 6n;
    expect((await read()).volume).toBe('6');
  });
});
