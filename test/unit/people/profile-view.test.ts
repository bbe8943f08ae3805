import { describe, expect, it } from 'vitest';
import { NotFoundError } from '#domain/errors.ts';
import type { Membership } from '#domain/syndicates/syndicate.ts';
import { newPerson } from '#domain/people/person.ts';
import { defaultPrivacy, type Privacy } from '#domain/people/profile.ts';
import { listCap, type ProfileViewDependencies, viewProfile } from '#domain/people/profile-view.ts';
import { pageOfList } from '#domain/paging.ts';
import { commons, memoryPeople } from '../../support/services.ts';

const membership = (personId: string, syndicateId: string, status: Membership['status'] = 'active'): Membership => ({
  syndicateId,
  personId,
  role: 'member',
  status,
  requestedAt: '2026-01-01T00:00:00.000Z',
});

/** A world of fakes that records which of the person's sections were read. */
function world(privacy: Partial<Privacy>, memberships: Membership[]) {
  const read: string[] = [];
  const deps: ProfileViewDependencies = {
    people: memoryPeople([
      newPerson({
        id: 'ada',
        name: 'Ada',
        createdAt: '2026-01-01T00:00:00.000Z',
        privacy: { ...defaultPrivacy, ...privacy },
      }),
    ]),
    syndicates: {
      pageMembershipsOf: async (personId, request) => {
        read.push('memberships');
        return pageOfList(
          memberships.filter((m) => m.personId === personId),
          request,
        );
      },
      getMany: async (ids) => new Map(ids.map((id) => [id, { name: `Syndicate ${id}` } as never])),
    },
    learning: {
      listCredentials: async () => {
        read.push('credentials');
        return [];
      },
      listEnrollments: async () => {
        read.push('courses');
        return [];
      },
    },
    innovations: {
      inventorPage: async () => {
        read.push('innovations');
        return { items: [] };
      },
      getMany: async () => new Map(),
    },
    commons,
  };
  return { deps, read };
}

describe('a profile as a viewer may see it', () => {
  it('reads no section the viewer may not see, nor memberships when they decide nothing', async () => {
    const { deps, read } = world({ credentials: 'public' }, []);
    const view = await viewProfile(deps, 'ada', null);
    expect(read).toEqual(['credentials']);
    expect(view.courses).toBeUndefined();
    expect(view.innovations).toBeUndefined();
  });

  it('counts only active memberships as shared: a pending request makes no co-member', async () => {
    const { deps } = world({}, [membership('ada', 'x'), membership('bram', 'x', 'requested'), membership('carl', 'x')]);
    expect((await viewProfile(deps, 'ada', 'bram')).relation).toBe('outsider');
    expect((await viewProfile(deps, 'ada', 'carl')).relation).toBe('co-member');
  });

  it(`caps the syndicates at ${listCap} and says there are more`, async () => {
    const many = Array.from({ length: listCap + 5 }, (_, i) => membership('ada', `s${String(i).padStart(3, '0')}`));
    const { deps } = world({ syndicates: 'public' }, many);
    const view = await viewProfile(deps, 'ada', null);
    expect(view.syndicates?.items).toHaveLength(listCap);
    expect(view.syndicates?.more).toBe(true);
  });

  it('answers 404 for someone who is not a member', async () => {
    const { deps } = world({}, []);
    await expect(viewProfile(deps, 'nobody', 'ada')).rejects.toBeInstanceOf(NotFoundError);
  });
});
