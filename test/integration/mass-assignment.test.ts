// Mass assignment, from the outside: every route that takes a body is called by the person it belongs
// to with a valid body plus a field the server owns (owner, status, counts, balance, version, keys,
// timestamps), plus generated extra keys, at the top and in every nested object. Each answer is a 400
// naming the field, and the table is byte-for-byte what it was. Then the plain valid body succeeds, so
// the refusals come from the extra field and not from a broken call.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '#http/api.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { exampleWitnessReport } from '../support/example-logs.ts';
import { createWriteWorld, tableSnapshot, type WriteCase } from '../support/write-world.ts';

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
  'acceptedBy',
  'invited',
  'rev',
  'available',
  'authorId',
  'applicantId',
  'messageId',
  'at',
  'stagedBy',
  // ESCO's label beside a skill is read from ESCO, never taken from a body (content/skill-ref.ts).
  'label',
  // When a person last stopped showing their profile to the fediverse (their actor's Tombstone).
  'fediverseLeftAt',
];
// A plausible hostile value for a field (a huge balance, a privileged role or status); any other gets a string.
const hostile = (field: string) =>
  ({ balance: 1_000_000_000, version: 0, filled: 0, status: 'settled', role: 'admin', owner: 'attacker' })[field] ??
  'attacker';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let tableName: string;
let writes: WriteCase[] = [];

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
  const api = await apiOnFreshTable({}, { WRITE_RATE_LIMIT: 10_000, FEDERATION_ALLOW_LOOPBACK: true });
  call = api.call;
  tableName = api.services.config.TABLE_NAME;
  const world = await createWriteWorld(call, api.services);
  // A witness's cosignature of this log's head as the world left it (a past head stays this log's).
  const { treeHead } = body(await call('GET', '/api/registry-log/head', null));
  const cosignature = exampleWitnessReport(
    {
      kind: 'cosignature',
      origin: new URL(api.services.config.PUBLIC_URL).host,
      head: { treeSize: treeHead.treeSize, rootHash: treeHead.rootHash },
      time: 1_790_000_000,
    },
    'witness.example',
  );
  writes = [
    ...world,
    {
      route: 'POST /api/registry-log/cosignatures',
      method: 'POST',
      path: () => '/api/registry-log/cosignatures',
      body: () => cosignature,
      // Anyone may send one (another instance signs it, not a person): a signed-in caller changes nothing.
      as: 'learner',
      ok: 200,
    },
    // The public routes with a body (they change nothing).
    {
      route: 'POST /api/skills/suggest-from-text',
      method: 'POST',
      path: () => '/api/skills/suggest-from-text',
      body: () => ({ description: 'Hang plasterboard on stud walls.', skills: ['plasterboard-jointing'] }),
      as: 'learner',
      ok: 200,
    },
    {
      route: 'POST /api/credentials/verify',
      method: 'POST',
      path: () => '/api/credentials/verify',
      body: () => ({ credential: 'not.a.credential' }),
      as: 'learner',
      ok: 200,
    },
  ];
}, 60_000);

describe('mass assignment', () => {
  it('has a case for every route that takes a body', () => {
    const withBody = apiRoutes.filter((route) => route.input?.().body).map((route) => `${route.method} ${route.path}`);
    // At least once each: a route that takes several kinds of body (POST /api/proposals) has a case for each.
    expect([...new Set(writes.filter((write) => write.body).map((write) => write.route))].sort()).toEqual(
      withBody.sort(),
    );
  });

  // In the world's order: each case ends with the valid call the next one builds on (routes without
  // a body only make that call).
  it('refuses a server-owned or unknown field anywhere in any body with a 400 naming it, and changes nothing', async () => {
    for (const write of writes) {
      if (write.body) await attack(write, write.body());
      const answer = await call(write.method, write.path(), write.as, write.body?.());
      expect(answer.status, `${write.route} when valid: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(write.ok);
    }
    // Some fifty routes, each sent every server-owned field and a hundred-odd hostile bodies, with the
    // table read after each: about 30 s on an idle machine, past 90 s on a loaded one. Not a timing test:
    // the time is the work, so the bound only stops a hang.
  }, 300_000);
});

async function attack(write: WriteCase, valid: unknown) {
  const method = write.method;
  const before = await tableSnapshot(tableName);
  const tried: string[] = [];
  const refuse = async (sent: unknown, field: string) => {
    const answer = await call(method, write.path(), write.as, sent);
    tried.push(field);
    expect(answer.status, `${write.route} ${field}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(400);
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
      fc.string({ minLength: 1, maxLength: 40 }).filter((key) => !/^(?:__proto__|constructor|prototype)$/.test(key)),
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
  expect(await tableSnapshot(tableName), `${write.route}: the table changed`).toBe(before);
  expect(({} as Record<string, unknown>).admin, 'prototype polluted').toBeUndefined();
}
