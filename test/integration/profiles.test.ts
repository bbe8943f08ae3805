// Profiles people edit, through the API's router on DynamoDB Local: a change keeps what it does not
// name, two tabs cannot overwrite each other, bad input names its field and writes nothing, each
// section shows only to whom its owner chose, and a declared skill counts where supply is counted.
import { beforeAll, describe, expect, it } from 'vitest';
import { refreshSource } from '#domain/shortages/refresh-source.ts';
import { type ApiResponse, apiOnFreshTable, body } from '../support/api-client.ts';
import { syndicateInput } from '../unit/innovations/fixtures.ts';
import { escoMatched, escoOnly, escoSearch, escoUnknown } from '../support/esco-skills.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Awaited<ReturnType<typeof apiOnFreshTable>>['services'];

const fields = (response: ApiResponse) =>
  ((body(response).errors ?? []) as Array<{ field: string }>).map((issue) => issue.field);

async function expectStatus(response: Promise<ApiResponse>, status: number, what: string) {
  const answer = await response;
  expect(answer.status, `${what}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(status);
  return answer;
}

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable({ search: await escoSearch() }));
  for (const person of ['ada', 'bram', 'carl', 'tabs', 'bad', 'skills']) await call('GET', '/api/me', person);
  // Ada and Bram share a syndicate; Carl belongs to another.
  await expectStatus(call('POST', '/api/syndicates', 'ada', syndicateInput('ada-syn')), 201, 'found ada-syn');
  await expectStatus(call('POST', '/api/syndicates', 'carl', syndicateInput('carl-syn')), 201, 'found carl-syn');
  await call('POST', '/api/syndicates/ada-syn/join-requests', 'bram');
  await expectStatus(
    call('PUT', '/api/syndicates/ada-syn/members/bram', 'ada', { decision: 'approve' }),
    200,
    'approve bram',
  );
}, 60_000);

describe('editing your own profile', () => {
  it('changes the fields sent, keeps the rest, and answers the new version', async () => {
    const first = await expectStatus(
      call('PATCH', '/api/me', 'ada', {
        version: 0,
        place: 'Leeds',
        bio: 'Installer in **training**.',
        availability: { status: 'available-from', from: '2027-02-01' },
        hoursPerWeek: 30,
        languages: ['en', 'fr'],
        links: { portfolio: 'https://ada.example/work' },
      }),
      200,
      'first change',
    );
    expect(body(first)).toMatchObject({ version: 1, place: 'Leeds', hoursPerWeek: 30, available: true });
    await expectStatus(call('PATCH', '/api/me', 'ada', { version: 1, bio: 'Solar installer.' }), 200, 'second');
    expect(body(await call('GET', '/api/me', 'ada'))).toMatchObject({
      version: 2,
      place: 'Leeds',
      bio: 'Solar installer.',
      languages: ['en', 'fr'],
      links: { portfolio: 'https://ada.example/work' },
      availability: { status: 'available-from', from: '2027-02-01' },
    });
  });

  it('keeps the language for emails a person chooses, which no later change of other fields undoes', async () => {
    await call('GET', '/api/me', 'lang');
    expect(body(await call('GET', '/api/me', 'lang')).language).toBeUndefined();
    await expectStatus(call('PATCH', '/api/me', 'lang', { version: 0, language: 'es' }), 200, 'choose Spanish');
    await expectStatus(call('PATCH', '/api/me', 'lang', { version: 1, place: 'Bilbao' }), 200, 'move');
    expect(body(await call('GET', '/api/me', 'lang'))).toMatchObject({ language: 'es', place: 'Bilbao' });
  });

  it('refuses a change from a tab that read an older version (409, a plain sentence), and keeps the other', async () => {
    await expectStatus(call('PATCH', '/api/me', 'tabs', { version: 0, place: 'Tab one' }), 200, 'tab one');
    const stale = await expectStatus(
      call('PATCH', '/api/me', 'tabs', { version: 0, place: 'Tab two' }),
      409,
      'tab two',
    );
    expect(body(stale).detail).toMatch(/changed elsewhere.*reload/i);
    expect(body(await call('GET', '/api/me', 'tabs')).place).toBe('Tab one');
  });

  it('lets exactly one of two simultaneous changes from the same version win', async () => {
    const before = body(await call('GET', '/api/me', 'tabs')).version as number;
    const answers = await Promise.all(
      ['North', 'South', 'East', 'West'].map((place) => call('PATCH', '/api/me', 'tabs', { version: before, place })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409]);
    const winner = answers.find((a) => a.status === 200);
    expect(body(await call('GET', '/api/me', 'tabs'))).toMatchObject({
      version: before + 1,
      place: body(winner as ApiResponse).place,
    });
  });

  it.each([
    ['a server-owned field', { version: 0, available: false }, 400, ['body.available']],
    ['a script link', { version: 0, links: { code: 'javascript:alert(1)' } }, 400, ['body.links.code']],
    [
      'a skill the commons lacks',
      { version: 0, declaredSkills: [{ skill: 'telepathy', level: 'working' }] },
      422,
      ['body.declaredSkills.0.skill'],
    ],
    ['no version', { place: 'Hull' }, 400, ['body.version']],
    ['a language for emails Guildhall does not write in', { version: 0, language: 'fr' }, 400, ['body.language']],
  ])('refuses %s as problem+json naming the field, and writes nothing', async (_what, patch, status, named) => {
    const answer = await expectStatus(call('PATCH', '/api/me', 'bad', patch), status, 'refused');
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(fields(answer)).toEqual(named);
    expect(body(await call('GET', '/api/me', 'bad')).version).toBe(0);
  });
});

describe('declaring skills', () => {
  it('declares a skill with a level and evidence, changes it in place, and removes it', async () => {
    await expectStatus(
      call('PUT', '/api/me/skills/solar-site-survey', 'skills', { level: 'foundation', note: 'Two roofs.' }),
      200,
      'declare',
    );
    const changed = await expectStatus(
      call('PUT', '/api/me/skills/solar-site-survey', 'skills', { level: 'working', link: 'https://a.example/pv' }),
      200,
      'change',
    );
    expect(body(changed).declaredSkills).toEqual([
      { skill: 'solar-site-survey', level: 'working', link: 'https://a.example/pv' },
    ]);
    await expectStatus(call('DELETE', '/api/me/skills/solar-site-survey', 'skills'), 200, 'remove');
    await expectStatus(call('DELETE', '/api/me/skills/solar-site-survey', 'skills'), 404, 'remove again');
  });

  it('finds skills to declare through the API by words, best match first, a page at a time', async () => {
    const first = body(await expectStatus(call('GET', '/api/skills?q=solar%20site&pageSize=1', null), 200, 'search'));
    expect(first.items.map((skill: { id: string }) => skill.id)).toEqual(['solar-site-survey']);
    const all = body(await call('GET', '/api/skills?q=multimeter&trade=repair', null));
    expect(all.items[0].id).toBe('repair-multimeter-testing');
    expect(body(await call('GET', '/api/skills?q=zzzzqx', null)).items).toEqual([]);
  });

  it('refuses a skill that is not in the commons, naming the path', async () => {
    const answer = await expectStatus(
      call('PUT', '/api/me/skills/telepathy', 'skills', { level: 'working' }),
      422,
      'x',
    );
    expect(fields(answer)).toEqual(['path.skillId']);
  });

  it('declares an ESCO skill the commons lacks by its URI in the address, shows it with ESCO’s label, and removes it', async () => {
    const path = `/api/me/skills/${encodeURIComponent(escoOnly.uri)}`;
    const declared = await expectStatus(call('PUT', path, 'skills', { level: 'working' }), 200, 'declare ESCO');
    expect(body(declared).declaredSkills).toEqual([{ skill: escoOnly.uri, label: escoOnly.label, level: 'working' }]);
    const seen = body(await call('GET', '/api/people/skills', 'skills'));
    expect(seen.skills.items).toEqual([{ skill: escoOnly.uri, label: escoOnly.label, level: 'working' }]);
    await expectStatus(call('DELETE', path, 'skills'), 200, 'remove ESCO');
  });

  it('declares a commons skill sent as its ESCO URI under its commons id', async () => {
    const path = `/api/me/skills/${encodeURIComponent(escoMatched.uri)}`;
    const declared = await expectStatus(call('PUT', path, 'skills', { level: 'working' }), 200, 'declare');
    expect(body(declared).declaredSkills).toEqual([{ skill: escoMatched.commonsId, level: 'working' }]);
    await expectStatus(call('DELETE', `/api/me/skills/${escoMatched.commonsId}`, 'skills'), 200, 'remove');
  });

  it('refuses an ESCO URI that names no skill, and a label sent with a declaration, naming the field', async () => {
    const unknown = await expectStatus(
      call('PUT', `/api/me/skills/${encodeURIComponent(escoUnknown)}`, 'skills', { level: 'working' }),
      422,
      'unknown URI',
    );
    expect(fields(unknown)).toEqual(['path.skillId']);
    expect(body(unknown).errors[0].message).toMatch(/is not a skill in ESCO/);
    const labelled = await expectStatus(
      call('PUT', `/api/me/skills/${encodeURIComponent(escoOnly.uri)}`, 'skills', { level: 'working', label: 'Mine' }),
      400,
      'label sent',
    );
    expect(fields(labelled)).toEqual(['body.label']);
  });
});

describe('a profile as others see it', () => {
  beforeAll(async () => {
    const version = body(await call('GET', '/api/me', 'ada')).version as number;
    await expectStatus(
      call('PATCH', '/api/me', 'ada', {
        version,
        privacy: { skills: 'public', about: 'members', courses: 'private' },
        declaredSkills: [{ skill: 'solar-site-survey', level: 'working' }],
      }),
      200,
      'privacy',
    );
  });

  it('shows an outsider the public sections only, and names the hidden ones', async () => {
    const view = body(await expectStatus(call('GET', '/api/people/ada', 'carl'), 200, 'outsider'));
    expect(view).toMatchObject({
      id: 'ada',
      relation: 'outsider',
      skills: { items: [{ skill: 'solar-site-survey' }] },
    });
    expect(view.about).toBeUndefined();
    expect(view.syndicates).toBeUndefined();
    expect(view.privacy).toBeUndefined();
    expect(view.hidden).toEqual(['about', 'credentials', 'courses', 'syndicates', 'innovations']);
  });

  it('shows a co-member the members’ sections too, but not what is only hers', async () => {
    const view = body(await expectStatus(call('GET', '/api/people/ada', 'bram'), 200, 'co-member'));
    expect(view.relation).toBe('co-member');
    expect(view.about).toMatchObject({ place: 'Leeds' });
    expect(view.syndicates.items).toEqual([{ id: 'ada-syn', name: 'Syndicate ada-syn', role: 'admin' }]);
    expect(view.courses).toBeUndefined();
    expect(view.hidden).toEqual(['courses']);
  });

  it('shows the person all of it, with her settings', async () => {
    const view = body(await expectStatus(call('GET', '/api/people/ada', 'ada'), 200, 'self'));
    expect(view).toMatchObject({
      relation: 'self',
      hidden: [],
      courses: { items: [] },
      privacy: { courses: 'private' },
    });
  });

  it('answers 404 for someone who is not a member, and 401 without a token', async () => {
    await expectStatus(call('GET', '/api/people/nobody-here', 'carl'), 404, 'unknown');
    await expectStatus(call('GET', '/api/people/ada', null), 401, 'anonymous');
  });
});

describe('declared skills where supply is counted', () => {
  it('counts a declared skill in an applicant’s match, marked as declared rather than credentialed', async () => {
    const opening = body(
      await expectStatus(
        call('POST', '/api/syndicates/carl-syn/openings', 'carl', {
          title: 'Solar installer',
          description: 'Design and fit small solar arrays on the roofs of a housing co-operative, with a team.',
          skills: [
            { skill: 'solar-site-survey', level: 'working' },
            { skill: 'repair-systematic-fault-finding', level: 'working' },
          ],
          positions: 1,
          hoursPerWeek: 30,
          pay: [{ amount: 2500, currency: 'EUR', per: 'hour' }],
          place: 'Leeds, GB',
          remote: false,
          employmentType: 'CONTRACTOR',
          validThrough: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
        }),
        201,
        'opening',
      ),
    ).id as string;
    await expectStatus(call('PUT', `/api/openings/${opening}/status`, 'carl', { status: 'open' }), 200, 'publish');
    await expectStatus(call('PUT', `/api/openings/${opening}/applications/me`, 'ada', { note: 'Hello' }), 200, 'apply');
    const ranked = body(await expectStatus(call('GET', `/api/openings/${opening}/applicants`, 'carl'), 200, 'rank'));
    expect(ranked.items[0]).toMatchObject({
      person: { id: 'ada' },
      holds: 1,
      matches: [
        { skill: 'solar-site-survey', held: 'declared' },
        { skill: 'repair-systematic-fault-finding', held: 'missing' },
      ],
    });
  });

  it('counts an available person’s declared skill as declared supply in the shortage index', async () => {
    await refreshSource(services, { kind: 'person', personId: 'ada' });
    const stored = await services.shortages.getContribution('person#ada');
    expect(stored?.tallies).toEqual({ 'solar-site-survey': { declared: 1 } });
  });
});
