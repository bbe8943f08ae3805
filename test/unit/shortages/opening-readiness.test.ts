// The readiness an admin sees is kept a few minutes: within them a call answers from the kept counts and
// reads none of the holders, learners or aggregates, however many the index holds. Fakes in memory.
import { describe, expect, it } from 'vitest';
import type { Opening } from '#domain/openings/opening.ts';
import { memoryShortageRepository, memorySourceTable } from '#domain/shortages/memory-repository.ts';
import {
  isFreshReadiness,
  type OpeningReadiness,
  openingReadiness,
  readinessMaxAgeMs,
} from '#domain/shortages/opening-readiness.ts';
import type { Membership } from '#domain/syndicates/syndicate.ts';
import { commons } from '../../support/services.ts';

const framing = 'stud-wall-framing';
const boarding = 'plasterboard-hanging';
const admin = { personId: 'ada', email: 'ada@example.org', name: 'Ada' };

function world(skills = [framing, boarding]) {
  const shortages = memoryShortageRepository(memorySourceTable());
  const reads: string[] = [];
  const counted = <K extends keyof typeof shortages>(name: K) =>
    ((...args: unknown[]) => {
      reads.push(name);
      return (shortages[name] as (...a: unknown[]) => unknown)(...args);
    }) as (typeof shortages)[K];
  let opening = {
    id: 'o1',
    syndicateId: 's1',
    skills: skills.map((skill) => ({ skill, level: 'working' })),
  } as Opening;
  let clock = Date.parse('2026-12-01T09:00:00.000Z');
  const membership: Membership = {
    syndicateId: 's1',
    personId: 'ada',
    role: 'admin',
    status: 'active',
    requestedAt: '',
  };
  const deps = {
    commons,
    shortages: {
      listAggregates: counted('listAggregates'),
      pageHolders: counted('pageHolders'),
      holdersAmong: counted('holdersAmong'),
      pageLearners: counted('pageLearners'),
      getReadiness: counted('getReadiness'),
      putReadiness: counted('putReadiness'),
    },
    openings: { get: async (id: string) => (id === opening.id ? opening : null) },
    syndicates: {
      getMembership: async (_s: string, personId: string) => (personId === 'ada' ? membership : null),
      getMemberships: async () => new Map<string, Membership>(),
    },
    now: () => new Date(clock),
  };
  return {
    deps,
    reads,
    shortages,
    later: (ms: number) => {
      clock += ms;
    },
    ask: (skillsNow: string[]) => {
      opening = { ...opening, skills: skillsNow.map((skill) => ({ skill, level: 'working' as const })) };
    },
  };
}

describe('an opening’s readiness, kept', () => {
  it('answers a second call within the max age from the kept counts, reading nothing of the index', async () => {
    const { deps, reads, later } = world();
    const first = await openingReadiness(deps, admin, 'o1');
    expect(reads).toContain('listAggregates');
    expect(reads).toContain('putReadiness');
    reads.length = 0;
    later(readinessMaxAgeMs - 1);
    expect(await openingReadiness(deps, admin, 'o1')).toEqual(first);
    expect(reads).toEqual(['getReadiness']);
  });

  it('counts again, and keeps the new counts, once the kept ones reach the max age', async () => {
    const { deps, reads, later } = world();
    const first = await openingReadiness(deps, admin, 'o1');
    later(readinessMaxAgeMs);
    reads.length = 0;
    const second = await openingReadiness(deps, admin, 'o1');
    expect(reads).toContain('listAggregates');
    expect(second.computedAt).toBe(new Date(Date.parse(first.computedAt) + readinessMaxAgeMs).toISOString());
    expect(await deps.shortages.getReadiness('o1')).toEqual(second);
  });

  it('counts again at once when the opening asks for other skills than those counted', async () => {
    const { deps, ask } = world();
    await openingReadiness(deps, admin, 'o1');
    ask([boarding]);
    expect((await openingReadiness(deps, admin, 'o1')).skills.map((s) => s.skill)).toEqual([boarding]);
  });

  it('tells someone who is not an admin that the opening does not exist, even with counts kept', async () => {
    const { deps } = world();
    await openingReadiness(deps, admin, 'o1');
    await expect(openingReadiness(deps, { ...admin, personId: 'bob' }, 'o1')).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });
});

describe('isFreshReadiness', () => {
  const kept = (computedAt: string, skills: string[]) =>
    ({ computedAt, skills: skills.map((skill) => ({ skill })) }) as OpeningReadiness;
  const at = '2026-12-01T09:00:00.000Z';
  const now = (ms: number) => new Date(Date.parse(at) + ms);
  it.each([
    {
      title: 'counted just now for the same skills',
      snapshot: kept(at, [framing]),
      asked: [framing],
      clock: now(0),
      fresh: true,
    },
    {
      title: 'one millisecond short of the max age',
      snapshot: kept(at, [framing]),
      asked: [framing],
      clock: now(readinessMaxAgeMs - 1),
      fresh: true,
    },
    {
      title: 'at the max age',
      snapshot: kept(at, [framing]),
      asked: [framing],
      clock: now(readinessMaxAgeMs),
      fresh: false,
    },
    {
      title: 'stamped ahead of this clock',
      snapshot: kept(at, [framing]),
      asked: [framing],
      clock: now(-1),
      fresh: false,
    },
    {
      title: 'made before a skill was added',
      snapshot: kept(at, [framing]),
      asked: [framing, boarding],
      clock: now(0),
      fresh: false,
    },
    {
      title: 'made before a skill was replaced',
      snapshot: kept(at, [framing]),
      asked: [boarding],
      clock: now(0),
      fresh: false,
    },
    {
      title: 'made for the skills in another order',
      snapshot: kept(at, [framing, boarding]),
      asked: [boarding, framing],
      clock: now(0),
      fresh: false,
    },
  ])('counts $title answer again: $fresh', ({ snapshot, asked, clock, fresh }) => {
    expect(isFreshReadiness(snapshot, asked, clock)).toBe(fresh);
  });
});
