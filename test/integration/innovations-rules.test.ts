// The innovation rules, proved from the outside: through the API router, against DynamoDB Local.
import { beforeEach, describe, expect, it } from 'vitest';
import { reindex } from '#app/search-sync.ts';
import type { Services } from '#app/services.ts';
import { SearchUnavailableError } from '#domain/errors.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';
import { createApi } from '#http/api.ts';
import { callerFor } from '../support/api-client.ts';
import { adoptDirectly, body, type Call, innovationSteps, innovationWorld } from '../support/innovation-world.ts';
import { draftInput, reportInput, syndicateInput } from '../unit/innovations/fixtures.ts';

let call: Call;
let services: Services;
const clock = { now: new Date('2026-11-21T12:00:00.000Z') };
const { draft, accepted, published, adoptedAndReported } = innovationSteps(() => call);

beforeEach(async () => {
  clock.now = new Date('2026-11-21T12:00:00.000Z');
  ({ call, services } = await innovationWorld(clock));
});

describe('drafts are private and only their inventors edit them', () => {
  it('hides a draft from everyone but its inventors', async () => {
    const id = await draft();
    expect((await call('GET', `/api/innovations/${id}`, null)).status).toBe(404);
    expect((await call('GET', `/api/innovations/${id}/draft`, 'ben')).status).toBe(200);
    expect((await call('GET', `/api/innovations/${id}/draft`, 'stranger')).status).toBe(404);
    expect(body(await call('GET', '/api/innovations', null)).items).toEqual([]);
  });

  it('answers a stranger’s edit or publish like a missing draft, and lets a co-inventor edit once they accept', async () => {
    const id = await draft();
    const edit = { ...draftInput([{ personId: 'ben' }, { personId: 'ana' }]), title: 'A three-minute triage card' };
    expect((await call('PUT', `/api/innovations/${id}/draft`, 'stranger', edit)).status).toBe(404);
    expect((await call('POST', `/api/innovations/${id}/publication`, 'stranger')).status).toBe(404);
    expect((await call('PUT', `/api/innovations/${id}/draft`, 'ben', edit)).status).toBe(403);
    await accepted(id);
    const saved = await call('PUT', `/api/innovations/${id}/draft`, 'ben', edit);
    expect(body(saved).version.inventors).toEqual([
      { personId: 'ben', basisPoints: 5000 },
      { personId: 'ana', basisPoints: 5000 },
    ]);
  });

  it('refuses a draft without its author among the inventors, or naming someone unknown', async () => {
    const withoutMe = await call('POST', '/api/innovations', 'ana', draftInput([{ personId: 'ben' }]));
    expect(withoutMe.status).toBe(422);
    const unknown = await call(
      'POST',
      '/api/innovations',
      'ana',
      draftInput([{ personId: 'ana' }, { personId: 'nobody' }]),
    );
    expect(JSON.stringify(unknown.body)).toContain('body.inventors.1.personId');
  });

  it('refuses, with 422, a draft that names neither a practice guide nor a skill, or a skill twice', async () => {
    const neither = await call('POST', '/api/innovations', 'ana', {
      ...draftInput([{ personId: 'ana' }]),
      practice: undefined,
      skills: [],
    });
    expect(neither.status).toBe(422);
    expect(JSON.stringify(neither.body)).toContain('practice guide or at least one skill');
    const twice = await call('POST', '/api/innovations', 'ana', {
      ...draftInput([{ personId: 'ana' }]),
      skills: ['repair-job-records', 'repair-job-records'],
    });
    expect(twice.status).toBe(422);
    expect(JSON.stringify(twice.body)).toContain('lists a skill twice');
  });

  it('refuses shares that do not sum to a whole, or are given for only some inventors', async () => {
    const short = draftInput([
      { personId: 'ana', basisPoints: 6000 },
      { personId: 'ben', basisPoints: 3000 },
    ]);
    expect((await call('POST', '/api/innovations', 'ana', short)).status).toBe(422);
    const partial = draftInput([{ personId: 'ana', basisPoints: 6000 }, { personId: 'ben' }]);
    expect((await call('POST', '/api/innovations', 'ana', partial)).status).toBe(422);
  });

  it('answers a malformed draft with 400, and one that breaks a rule with 422', async () => {
    const owned = await call('POST', '/api/innovations', 'ana', {
      ...draftInput([{ personId: 'ana' }]),
      status: 'published',
    });
    expect(owned.status).toBe(400);
    const stranger = await call('POST', '/api/innovations', 'ana', draftInput([{ personId: 'ben' }]));
    expect(stranger.status).toBe(422);
    expect(body(await call('GET', '/api/me/innovations', 'ana')).items).toEqual([]);
  });

  it('refuses a practice guide or skill the commons does not have', async () => {
    const response = await call('POST', '/api/innovations', 'ana', {
      ...draftInput([{ personId: 'ana' }]),
      practice: 'no-such-guide',
    });
    expect(JSON.stringify(response.body)).toContain('unknown practice guide');
  });
});

describe('publishing and corrections', () => {
  it('publishes a record as public and immutable, and logs it', async () => {
    const id = await published();
    expect(body(await call('GET', `/api/innovations/${id}`, null)).record).toMatchObject({
      status: 'published',
      currentVersion: 1,
    });
    expect((await call('PUT', `/api/innovations/${id}/draft`, 'ana', draftInput([{ personId: 'ana' }]))).status).toBe(
      404,
    );
    expect((await call('POST', `/api/innovations/${id}/publication`, 'ana')).status).toBe(422);
    // Entry 0 is the steward's credit grant to the mill; the publication is entry 1.
    expect(body(await call('GET', '/api/registry-log/head', null)).treeHead.treeSize).toBe(2);
  });

  it('makes a correction a new version that names the one it replaces, leaving the first as it was', async () => {
    const id = await published();
    expect((await call('POST', `/api/innovations/${id}/corrections`, 'stranger')).status).toBe(404);
    const correction = body(await call('POST', `/api/innovations/${id}/corrections`, 'ben'));
    expect(correction.version).toMatchObject({ version: 2, replaces: 1, status: 'draft' });
    const edit = {
      ...draftInput([
        { personId: 'ana', basisPoints: 7000 },
        { personId: 'ben', basisPoints: 3000 },
      ]),
      title: 'The triage card, corrected',
    };
    expect((await call('PUT', `/api/innovations/${id}/draft`, 'ben', edit)).status).toBe(200);
    expect(body(await call('GET', `/api/innovations/${id}`, null)).record.title).toBe('A two-minute fault triage card');
    expect((await call('POST', `/api/innovations/${id}/publication`, 'ben')).status).toBe(200);
    const view = body(await call('GET', `/api/innovations/${id}`, null));
    expect(view.record).toMatchObject({ currentVersion: 2, title: 'The triage card, corrected' });
    expect(view.published.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(body(await call('GET', `/api/innovations/${id}/versions/1`, null)).title).toBe(
      'A two-minute fault triage card',
    );
  });

  it('filters the registry by trade, skill, practice, words and adoption, through search and, while search is down, without the words', async () => {
    const id = await published();
    const down: SearchIndex = {
      ...services.search,
      search: async () => {
        throw new SearchUnavailableError('The search engine is down.');
      },
    };
    const withoutSearch = callerFor(createApi(Object.assign(Object.create(services) as Services, { search: down })));
    const found = async (query: string) => {
      await reindex(services);
      const [searched, fallback] = await Promise.all([
        call('GET', `/api/innovations?${query}`, null),
        withoutSearch('GET', `/api/innovations?${query}`, null),
      ]);
      expect(body(searched).searchDown).toBe(false);
      expect(body(fallback).searchDown).toBe(true);
      return [body(searched).items.length, body(fallback).items.length];
    };
    expect(await found('trade=repair')).toEqual([1, 1]);
    expect(await found('trade=care')).toEqual([0, 0]);
    expect(await found('skill=repair-systematic-fault-finding')).toEqual([1, 1]);
    expect(await found('skill=hoist-and-sling-use')).toEqual([0, 0]);
    expect(await found('practice=recording-a-repair-from-intake-to-return')).toEqual([1, 1]);
    expect(await found('practice=care-shift-handover')).toEqual([0, 0]);
    // Words only search can match: without it they are left out, and the page says so.
    expect(await found('q=triage+card')).toEqual([1, 1]);
    expect(await found('q=plasterboard')).toEqual([0, 1]);
    expect(await found('adopted=yes')).toEqual([0, 0]);
    await adoptDirectly(services, id, 'mill', [{ personId: 'admin' }]);
    expect(await found('adopted=yes')).toEqual([1, 1]);
    expect(await found('adopted=no')).toEqual([0, 0]);
  });
});

describe('adoption and value reports', () => {
  it('lets only the admin of a syndicate of one adopt, naming active members as implementers, once', async () => {
    const id = await published();
    expect((await call('POST', '/api/syndicates', 'ben', syndicateInput('bench'))).status).toBe(201);
    const implementers = [{ personId: 'ben' }];
    expect((await call('PUT', `/api/innovations/${id}/adoptions/bench`, 'member', { implementers })).status).toBe(404);
    const outsider = await call('PUT', `/api/innovations/${id}/adoptions/bench`, 'ben', {
      implementers: [{ personId: 'stranger' }],
    });
    expect([outsider.status, body(outsider).errors?.[0]?.field]).toEqual([422, 'body.implementers.0.personId']);
    expect((await call('PUT', `/api/innovations/${id}/adoptions/bench`, 'ben', { implementers })).status).toBe(201);
    const again = await call('PUT', `/api/innovations/${id}/adoptions/bench`, 'ben', {
      implementers: [{ personId: 'ben', basisPoints: 10000 }],
    });
    expect(again.status).toBe(200);
    expect(body(again).adoption.implementers).toEqual([{ personId: 'ben', basisPoints: 10000 }]);
    expect(body(await call('GET', `/api/innovations/${id}`, null)).record.adopterCount).toBe(1);
  });

  it('lets only the adopting syndicate’s admins report value, never for a future period', async () => {
    const id = await published();
    await adoptDirectly(services, id, 'mill', [{ personId: 'admin' }]);
    expect(
      (await call('POST', `/api/innovations/${id}/adoptions/mill/reports`, 'member', reportInput(500))).status,
    ).toBe(404);
    expect((await call('POST', `/api/innovations/${id}/adoptions/mill/reports`, 'ana', reportInput(500))).status).toBe(
      404,
    );
    const future = await call(
      'POST',
      `/api/innovations/${id}/adoptions/mill/reports`,
      'admin',
      reportInput(500, '2027-01-31'),
    );
    expect(future.status).toBe(422);
    const backwards = await call('POST', `/api/innovations/${id}/adoptions/mill/reports`, 'admin', {
      ...reportInput(500),
      periodFrom: '2026-11-01',
      periodTo: '2026-10-01',
    });
    expect(backwards.status).toBe(422);
    expect(JSON.stringify(backwards.body)).toContain('body.periodTo');
    const tooMuch = await call(
      'POST',
      `/api/innovations/${id}/adoptions/mill/reports`,
      'admin',
      reportInput('100000000000001'),
    );
    expect(tooMuch.status).toBe(422);
    expect(JSON.stringify(tooMuch.body)).toContain('body.amount');
  });

  it('lets only the record’s inventors, or an admin who is neither inventor nor reporter, decide', async () => {
    const { id, reportId } = await adoptedAndReported();
    const path = `/api/innovations/${id}/reports/${reportId}/decision`;
    for (const person of ['member', 'stranger']) {
      expect((await call('PUT', path, person, { decision: 'confirm' })).status, person).toBe(404);
    }
    const own = await call('PUT', path, 'admin', { decision: 'confirm' });
    expect(own.status, 'the reporter').toBe(403);
    expect(body(own).detail).toContain('You made this report');
    const disputed = await call('PUT', path, 'ben', {
      decision: 'dispute',
      reason: 'The hours saved were counted twice.',
    });
    expect(body(disputed).report).toMatchObject({ status: 'disputed', decidedBy: 'ben' });
    expect((await call('PUT', path, 'ana', { decision: 'confirm' })).status).toBe(422);
    expect((await call('POST', `/api/innovations/${id}/reports/${reportId}/settlement`, 'admin')).status).toBe(422);
  });
});
