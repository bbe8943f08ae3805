// The sweep's reminder flag: each open proposal closing within a day is flagged once, a bounded number
// of pages a run, whatever other sweeps flagged meanwhile.
import { describe, expect, it } from 'vitest';
import { markClosingSoon } from '#domain/decisions/closing-soon.ts';
import type { DecisionRepository, Proposal } from '#domain/decisions/proposal.ts';
import { ConflictError } from '#domain/errors.ts';

const now = new Date('2026-03-03T10:00:00.000Z');

function decisions(proposals: Array<Partial<Proposal> & { id: string; closesAt: string }>, failing: Error[] = []) {
  const flagged = new Map<string, string>();
  const asked: Array<{ from: string; until: string; cursor?: string | undefined }> = [];
  const repository: Pick<DecisionRepository, 'closingPage' | 'markClosingSoon'> = {
    async closingPage(from, until, request) {
      asked.push({ from, until, cursor: request.cursor });
      // As the store's cursor: a position (the last closing time returned), so flags set meanwhile shift nothing.
      const within = proposals
        .filter((p) => p.closesAt > (request.cursor ?? from) && p.closesAt <= until)
        .filter((p) => !p.closingSoonAt && !flagged.has(p.id))
        .sort((a, b) => a.closesAt.localeCompare(b.closesAt));
      const items = within.slice(0, request.limit) as Proposal[];
      const last = items[items.length - 1];
      return { items, ...(within.length > request.limit && last ? { next: last.closesAt } : {}) };
    },
    async markClosingSoon(id, at) {
      const failure = failing.shift();
      if (failure) throw failure;
      if (flagged.has(id)) throw new ConflictError('flagged');
      flagged.set(id, at);
    },
  };
  return { deps: { decisions: repository as DecisionRepository, now: () => now }, flagged, asked };
}

describe('flagging proposals that close within a day', () => {
  it('flags those closing within the next day, not those later or already past, each once', async () => {
    const { deps, flagged, asked } = decisions([
      { id: 'soon', closesAt: '2026-03-03T12:00:00.000Z' },
      { id: 'edge', closesAt: '2026-03-04T10:00:00.000Z' },
      { id: 'later', closesAt: '2026-03-04T10:00:01.000Z' },
      { id: 'past', closesAt: '2026-03-03T09:00:00.000Z' },
      { id: 'told', closesAt: '2026-03-03T11:00:00.000Z', closingSoonAt: '2026-03-03T09:50:00.000Z' },
    ]);
    expect(await markClosingSoon(deps)).toEqual({ marked: 2, failed: [] });
    expect([...flagged.keys()].sort()).toEqual(['edge', 'soon']);
    expect(flagged.get('soon')).toBe(now.toISOString());
    expect(asked[0]).toMatchObject({ from: '2026-03-03T10:00:00.000Z', until: '2026-03-04T10:00:00.000Z' });
    expect(await markClosingSoon(deps)).toEqual({ marked: 0, failed: [] });
  });

  it('reads at most the pages it is allowed a run, leaving the rest to the next', async () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ id: `p${i}`, closesAt: `2026-03-03T1${i + 1}:00:00.000Z` }));
    const { deps, asked } = decisions(many);
    expect(await markClosingSoon(deps, { pageSize: 2, maxPages: 3 })).toEqual({ marked: 6, failed: [] });
    expect(asked).toHaveLength(3);
    expect((await markClosingSoon(deps, { pageSize: 2, maxPages: 3 })).marked).toBe(3);
  });

  it('names a proposal whose flag failed and flags the others; one flagged meanwhile is no failure', async () => {
    const { deps, flagged } = decisions(
      [
        { id: 'a', closesAt: '2026-03-03T11:00:00.000Z' },
        { id: 'b', closesAt: '2026-03-03T12:00:00.000Z' },
        { id: 'c', closesAt: '2026-03-03T13:00:00.000Z' },
      ],
      [new Error('the store is away'), new ConflictError('flagged by another sweep')],
    );
    expect(await markClosingSoon(deps)).toEqual({ marked: 1, failed: [{ id: 'a', error: 'the store is away' }] });
    expect([...flagged.keys()]).toEqual(['c']);
  });
});
