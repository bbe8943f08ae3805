// Mass assignment, from the outside: every route that takes a body is called by the person it belongs
// to with a valid body plus a field the server owns (owner, status, counts, balance, version, keys,
// timestamps), plus generated extra keys, at the top and in every nested object. Each answer is a 400
// naming the field, and the table is byte-for-byte what it was. Then the plain valid body succeeds, so
// the refusals come from the extra field and not from a broken call.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '#http/api.ts';
import { type ApiResponse, apiOnFreshTable, body } from '../support/api-client.ts';
import { documentClient } from '../support/dynamodb.ts';
import { commons } from '../support/services.ts';
import { draftInput, reportInput, syndicateInput } from '../unit/innovations/fixtures.ts';

const serverOwned = [
  'id',
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'type',
  'owner',
  'createdBy',
  'personId',
  'syndicateId',
  'openingId',
  'status',
  'filled',
  'memberCount',
  'adminCount',
  'balance',
  'creditLimit',
  'version',
  'createdAt',
  'updatedAt',
  'datePosted',
  'credentialId',
  'quizAttempts',
  'passedAt',
  'role',
  'decidedBy',
  'settledAt',
  'inventorsTotal',
  'expiresAt',
];
// Hostile values of each kind a client might try: a string, a number, an object, and null.
const hostile = (field: string) =>
  ({ balance: 1_000_000_000, version: 0, filled: 0, status: 'settled', role: 'admin', owner: 'attacker' })[field] ??
  'attacker';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let tableName: string;
const client = documentClient();
const ids = { opening: '', draft: '', published: '', report: '', othersRecord: '' };
const course = commons.courses.get('double-entry-bookkeeping-basics');
if (!course) throw new Error('course missing');
const opening = {
  title: 'Repair bench technician',
  description: 'Diagnose and repair small appliances at the shared bench, with work shared at a weekly meeting.',
  skills: [{ skill: 'repair-systematic-fault-finding', level: 'working' }],
  positions: 2,
  hoursPerWeek: 24,
  pay: [{ amount: 2200, currency: 'EUR', per: 'hour' }],
  place: 'Valencia, ES',
  remote: false,
  employmentType: 'CONTRACTOR',
  validThrough: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
};
const syndicate = (id: string) => ({
  ...syndicateInput(id),
  rateCard: [{ service: 'Bench repair', rate: { amount: 3000, currency: 'EUR', per: 'hour' } }],
});

interface Write {
  route: string;
  path: () => string;
  body: () => unknown;
  as: string;
  /** What the plain valid body answers. */
  ok: number;
}

// In an order where each valid call leaves the world ready for the next.
const writes: Write[] = [
  {
    route: 'POST /api/syndicates',
    path: () => '/api/syndicates',
    body: () => syndicate('new-syn'),
    as: 'owner',
    ok: 201,
  },
  {
    route: 'PUT /api/syndicates/{syndicateId}',
    path: () => '/api/syndicates/own-syn',
    body: () => (({ id: _id, ...rest }) => rest)(syndicate('own-syn')),
    as: 'owner',
    ok: 200,
  },
  {
    route: 'PUT /api/syndicates/{syndicateId}/members/{personId}',
    path: () => '/api/syndicates/own-syn/members/pending',
    body: () => ({ decision: 'approve' }),
    as: 'owner',
    ok: 200,
  },
  {
    route: 'POST /api/syndicates/{syndicateId}/openings',
    path: () => '/api/syndicates/own-syn/openings',
    body: () => opening,
    as: 'owner',
    ok: 201,
  },
  {
    route: 'PUT /api/openings/{openingId}',
    path: () => `/api/openings/${ids.opening}`,
    body: () => opening,
    as: 'owner',
    ok: 200,
  },
  {
    route: 'PUT /api/openings/{openingId}/applications/me',
    path: () => `/api/openings/${ids.opening}/applications/me`,
    body: () => ({ note: 'I can start Monday.' }),
    as: 'applicant',
    ok: 200,
  },
  {
    route: 'PUT /api/openings/{openingId}/applicants/{personId}',
    path: () => `/api/openings/${ids.opening}/applicants/applicant`,
    body: () => ({ decision: 'accept' }),
    as: 'owner',
    ok: 200,
  },
  {
    route: 'PUT /api/openings/{openingId}/status',
    path: () => `/api/openings/${ids.opening}/status`,
    body: () => ({ status: 'closed' }),
    as: 'owner',
    ok: 200,
  },
  {
    route: 'POST /api/innovations',
    path: () => '/api/innovations',
    body: () => draftInput([{ personId: 'owner' }]),
    as: 'owner',
    ok: 201,
  },
  {
    route: 'PUT /api/innovations/{innovationId}/draft',
    path: () => `/api/innovations/${ids.draft}/draft`,
    body: () => draftInput([{ personId: 'owner', basisPoints: 10_000 }]),
    as: 'owner',
    ok: 200,
  },
  {
    route: 'PUT /api/innovations/{innovationId}/adoptions/{syndicateId}',
    path: () => `/api/innovations/${ids.othersRecord}/adoptions/own-syn`,
    body: () => ({ implementers: [{ personId: 'owner' }] }),
    as: 'owner',
    ok: 201,
  },
  {
    route: 'POST /api/innovations/{innovationId}/adoptions/{syndicateId}/reports',
    path: () => `/api/innovations/${ids.published}/adoptions/own-syn/reports`,
    body: () => ({ ...reportInput(500, '2026-09-30'), periodFrom: '2026-09-01' }),
    as: 'owner',
    ok: 201,
  },
  {
    route: 'PUT /api/innovations/{innovationId}/reports/{reportId}/decision',
    path: () => `/api/innovations/${ids.published}/reports/${ids.report}/decision`,
    body: () => ({ decision: 'confirm' }),
    as: 'owner',
    ok: 200,
  },
  {
    route: 'POST /api/me/enrollments',
    path: () => '/api/me/enrollments',
    body: () => ({ courseId: course.id }),
    as: 'learner',
    ok: 201,
  },
  {
    route: 'POST /api/me/enrollments/{courseId}/quiz-attempts',
    path: () => `/api/me/enrollments/${course.id}/quiz-attempts`,
    body: () => ({ answers: course.quiz.map((question) => question.answer) }),
    as: 'learner',
    ok: 200,
  },
  {
    route: 'POST /api/credentials/verify',
    path: () => '/api/credentials/verify',
    body: () => ({ credential: 'not.a.credential' }),
    as: 'learner',
    ok: 200,
  },
];

async function expectStatus(response: Promise<ApiResponse>, status: number, what: string) {
  const answer = await response;
  expect(answer.status, `${what}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(status);
  return answer;
}

/** Everything in the table except the write-limit counters (which count refused writes too, by design). */
async function snapshot() {
  const items: unknown[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []).filter((item) => !String(item.pk).startsWith('RATE#')));
    start = page.LastEvaluatedKey;
  } while (start);
  return JSON.stringify(items.map((item) => JSON.stringify(item)).sort());
}

/** Every path to a plain object in a value, the value itself first: where an extra key can be slipped in. */
function objectPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((element, index) => objectPaths(element, [...path, index]));
  if (value === null || typeof value !== 'object') return [];
  return [path, ...Object.entries(value).flatMap(([key, child]) => objectPaths(child, [...path, key]))];
}

/** A deep copy of `value` with `extra` merged into the object at `path`, as the JSON a client would send. */
function withExtra(value: unknown, path: Array<string | number>, extra: string): unknown {
  const copy = JSON.parse(JSON.stringify(value));
  let target = copy;
  for (const step of path) target = target[step];
  // Defined, not assigned, so even `__proto__` becomes a plain key of the JSON sent (as JSON.parse makes it).
  for (const [key, child] of Object.entries(JSON.parse(extra))) {
    Object.defineProperty(target, key, { value: child, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

beforeAll(async () => {
  // Hundreds of refused writes a minute by one person: this suite is not about the write limit.
  const api = await apiOnFreshTable({}, { WRITE_RATE_LIMIT: 10_000 });
  call = api.call;
  tableName = api.services.config.TABLE_NAME;
  // A person exists once they have signed in (named inventors and implementers must exist).
  for (const person of ['owner', 'pending', 'applicant', 'inventor', 'learner']) await call('GET', '/api/me', person);
  await expectStatus(call('POST', '/api/syndicates', 'owner', syndicate('own-syn')), 201, 'found own-syn');
  await expectStatus(call('POST', '/api/syndicates/own-syn/join-requests', 'pending'), 201, 'join');
  ids.opening = body(
    await expectStatus(call('POST', '/api/syndicates/own-syn/openings', 'owner', opening), 201, 'open'),
  ).id;
  await expectStatus(call('PUT', `/api/openings/${ids.opening}/status`, 'owner', { status: 'open' }), 200, 'publish');
  ids.draft = body(await call('POST', '/api/innovations', 'owner', draftInput([{ personId: 'owner' }]))).record.id;
  ids.published = body(await call('POST', '/api/innovations', 'owner', draftInput([{ personId: 'owner' }]))).record.id;
  await expectStatus(call('POST', `/api/innovations/${ids.published}/publication`, 'owner'), 200, 'publish record');
  ids.othersRecord = body(
    await call('POST', '/api/innovations', 'inventor', draftInput([{ personId: 'inventor' }])),
  ).record.id;
  await expectStatus(call('POST', `/api/innovations/${ids.othersRecord}/publication`, 'inventor'), 200, 'publish');
  await expectStatus(
    call('PUT', `/api/innovations/${ids.published}/adoptions/own-syn`, 'owner', {
      implementers: [{ personId: 'owner' }],
    }),
    201,
    'adopt',
  );
  ids.report = body(
    await expectStatus(
      call('POST', `/api/innovations/${ids.published}/adoptions/own-syn/reports`, 'owner', reportInput(1000)),
      201,
      'report',
    ),
  ).report.id;
}, 60_000);

describe('mass assignment', () => {
  it('has a case for every route that takes a body', () => {
    const withBody = apiRoutes.filter((route) => route.body).map((route) => `${route.method} ${route.path}`);
    expect(writes.map((write) => write.route).sort()).toEqual(withBody.sort());
  });

  it.each(writes.map((write) => [write.route, write] as const))(
    '%s: a server-owned or unknown field anywhere in the body is a 400 naming it, and nothing changes',
    async (_route, write) => {
      const method = write.route.split(' ')[0] ?? 'POST';
      const valid = write.body();
      const before = await snapshot();
      const tried: string[] = [];
      const refuse = async (sent: unknown, field: string) => {
        const answer = await call(method, write.path(), write.as, sent);
        tried.push(field);
        expect(answer.status, `${field}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(400);
        expect(body(answer).errors.map((issue: { field: string }) => issue.field)).toContain(field);
      };

      const topLevel = new Set(Object.keys(valid as object));
      for (const field of serverOwned.filter((name) => !topLevel.has(name))) {
        await refuse({ ...(valid as object), [field]: hostile(field) }, `body.${field}`);
      }
      for (const path of objectPaths(valid).slice(1)) {
        await refuse(withExtra(valid, path, '{"balance": 1000000000}'), ['body', ...path, 'balance'].join('.'));
      }
      await refuse(withExtra(valid, [], '{"__proto__": {"admin": true}}'), 'body.__proto__');
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...objectPaths(valid)),
          fc
            .string({ minLength: 1, maxLength: 40 })
            .filter((key) => !/^(?:__proto__|constructor|prototype)$/.test(key)),
          fc.jsonValue(),
          async (path, key, value) => {
            const target = path.reduce<Record<string, unknown>>((node, step) => node[step] as never, valid as never);
            fc.pre(!(key in target));
            await refuse(withExtra(valid, path, JSON.stringify({ [key]: value })), ['body', ...path, key].join('.'));
          },
        ),
        { numRuns: 25 },
      );
      expect(tried.length).toBeGreaterThan(25);
      expect(await snapshot(), 'the table changed').toBe(before);
      expect(({} as Record<string, unknown>).admin, 'prototype polluted').toBeUndefined();

      await expectStatus(call(method, write.path(), write.as, valid), write.ok, `${write.route} with the valid body`);
    },
  );
});
