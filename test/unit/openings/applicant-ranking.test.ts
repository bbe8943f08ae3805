// The ranked applicant list reads a page, not the opening: applications are kept in the order of their
// stored match (keys.ts), and a page scores again only the people it shows. Fakes passed in; no store.
import { describe, expect, it } from 'vitest';
import { applicantRankKeys } from '#adapters/dynamodb/keys.ts';
import { ConflictError, StoreUnavailableError } from '#domain/errors.ts';
import {
  type ApplicantMatch,
  rescoreApplicants,
  type ScoredApplication,
  sameMatch,
} from '#domain/openings/applicant-match.ts';
import { isOpenApplication } from '#domain/openings/applicant-view.ts';
import type { Opening } from '#domain/openings/opening.ts';
import { type OpeningDependencies, rankedApplicants } from '#domain/openings/opening-use-cases.ts';
import { pageOfList } from '#domain/paging.ts';
import { newPerson } from '#domain/people/person.ts';
import { memoryPeople } from '../../support/services.ts';

const match = (score: number, holds: number, held: 'declared' | 'missing' = 'declared'): ApplicantMatch => ({
  score,
  holds,
  missing: [],
  matches: [{ skill: 'solar-site-survey', level: 'working', held }],
  scoredAt: '2026-11-01T00:00:00.000Z',
});

describe('the order applications are kept in', () => {
  it('puts the higher score first, then more skills held, then whoever applied first', () => {
    const entries = [
      ['late-best', match(6, 2), '2026-11-03'],
      ['early-best', match(6, 2), '2026-11-01'],
      ['more-held', match(4, 3), '2026-11-01'],
      ['fewer-held', match(4, 2), '2026-11-01'],
      ['none', match(0, 0), '2026-10-01'],
      ['top', match(36, 12), '2026-11-09'],
    ] as const;
    const sorted = entries
      .map(([person, m, at]) => ({ person, key: applicantRankKeys('o1', m, at, person).gsi2sk }))
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .map((entry) => entry.person);
    expect(sorted).toEqual(['top', 'early-best', 'late-best', 'more-held', 'fewer-held', 'none']);
  });

  it('keeps each opening’s ranking in its own partition', () => {
    expect(applicantRankKeys('o1', match(1, 1), 'x', 'p').gsi2pk).not.toBe(
      applicantRankKeys('o2', match(1, 1), 'x', 'p').gsi2pk,
    );
  });
});

describe('whether a match changed', () => {
  it.each([
    ['the same match computed later', match(1, 1), true],
    ['another score', match(2, 1), false],
    ['the same score from another skill held', match(1, 1, 'missing'), false],
    ['no match stored', undefined, false],
  ] as const)('%s: same is %s', (_what, stored, same) => {
    expect(sameMatch(stored, { ...match(1, 1), scoredAt: '2026-12-01T00:00:00.000Z' })).toBe(same);
  });
});

describe('an open application', () => {
  it.each([
    ['submitted', true],
    ['shortlisted', true],
    ['withdrawn', false],
    ['declined', false],
    ['accepted', false],
  ] as const)('%s is open: %s', (status, open) => {
    expect(isOpenApplication({ status: status as ScoredApplication['status'] })).toBe(open);
  });
});

const opening = {
  id: 'o1',
  syndicateId: 's1',
  skills: [{ skill: 'solar-site-survey', level: 'working' }],
} as Opening;

/** 150 applications, stored with matches from before anyone declared a skill; one person declared since. */
function world(saveMatch: (application: ScoredApplication, m: ApplicantMatch) => Promise<void>) {
  const applications: ScoredApplication[] = Array.from({ length: 150 }, (_, i) => ({
    openingId: 'o1',
    syndicateId: 's1',
    personId: `p${String(i).padStart(3, '0')}`,
    note: '',
    status: 'submitted',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    match: { ...match(0, 0, 'missing') },
  }));
  const asked: string[][] = [];
  const people = memoryPeople([
    newPerson({
      id: 'p001',
      name: 'Ada',
      createdAt: '2026-01-01T00:00:00.000Z',
      declaredSkills: [{ skill: 'solar-site-survey', level: 'working' }],
    }),
  ]);
  const deps = {
    openings: {
      get: async () => opening,
      pageRankedApplications: async (_id: string, request: { limit: number; cursor?: string }) =>
        pageOfList(applications, request),
      listApplications: async () => {
        throw new Error('the ranking read every application');
      },
      saveMatch,
    },
    syndicates: { getMembership: async () => ({ status: 'active', role: 'admin' }) },
    people: {
      getMany: async (ids: readonly string[]) => {
        asked.push([...ids]);
        return people.getMany(ids);
      },
    },
    learning: { findCredentialedSkills: async () => [] },
    now: () => new Date('2026-12-01T00:00:00.000Z'),
  } as unknown as OpeningDependencies;
  return { deps, asked };
}

describe('a page of ranked applicants', () => {
  it('reads the people of its page alone, however many applied', async () => {
    const { deps, asked } = world(async () => {});
    const { ranked } = await rankedApplicants(deps, { personId: 'admin', claimedName: 'A' }, 'o1', { limit: 20 });
    expect(ranked.items).toHaveLength(20);
    expect(asked).toEqual([ranked.items.map((item) => item.person.id)]);
    expect(ranked.next).toBeDefined();
  });

  it('shows a changed match at once, says it is reordered, and writes it back', async () => {
    const saved: string[] = [];
    const { deps } = world(async (application) => {
      saved.push(application.personId);
    });
    const { ranked } = await rankedApplicants(deps, { personId: 'admin', claimedName: 'A' }, 'o1', { limit: 5 });
    const ada = ranked.items.find((item) => item.person.id === 'p001');
    expect(ada).toMatchObject({ person: { name: 'Ada' }, score: 1, holds: 1, reordered: true });
    expect(ranked.items.filter((item) => item.reordered)).toHaveLength(1);
    expect(saved).toEqual(['p001']);
    expect(ada?.scoredAt).toBe('2026-12-01T00:00:00.000Z');
  });

  it.each([
    ['a decision made meanwhile', new ConflictError('changed')],
    ['a store refusing writes', new StoreUnavailableError('throttled')],
  ])('still answers when %s stops the write-back', async (_what, error) => {
    const { deps } = world(async () => {
      throw error;
    });
    const { ranked } = await rankedApplicants(deps, { personId: 'admin', claimedName: 'A' }, 'o1', { limit: 5 });
    expect(ranked.items.find((item) => item.person.id === 'p001')).toMatchObject({ score: 1, reordered: true });
  });
});

describe('rescoring every application (a job)', () => {
  it('writes only the matches that changed, of standing applications, and counts what it read', async () => {
    const stored = (personId: string, status: ScoredApplication['status'], m?: ApplicantMatch): ScoredApplication => ({
      openingId: 'o1',
      syndicateId: 's1',
      personId,
      note: '',
      status,
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
      match: m,
    });
    const written: string[] = [];
    const done = await rescoreApplicants({
      openings: {
        pageByStatus: async (status, request) => pageOfList(status === 'open' ? [opening] : [], request),
        listApplications: async () => [
          stored('p001', 'submitted'),
          stored('p002', 'submitted', match(0, 0, 'missing')),
          stored('p003', 'withdrawn'),
        ],
        saveMatch: async (application) => {
          written.push(application.personId);
        },
      },
      people: memoryPeople([
        newPerson({
          id: 'p001',
          name: 'Ada',
          createdAt: '2026-01-01T00:00:00.000Z',
          declaredSkills: [{ skill: 'solar-site-survey', level: 'working' }],
        }),
      ]),
      learning: { findCredentialedSkills: async () => [] },
      now: () => new Date('2026-12-01T00:00:00.000Z'),
    });
    expect(written).toEqual(['p001']);
    expect(done).toEqual({ openings: 1, applications: 2, written: 1 });
  });
});
