// No write route accepts a field the server owns: every body schema is strict, so sending one is a
// 400 naming the field, and nothing is written.
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '#http/api.ts';

const serverOwned = [
  'id',
  'pk',
  'sk',
  'gsi1pk',
  'type',
  'owner',
  'createdBy',
  'personId',
  'syndicateId',
  'status',
  'filled',
  'memberCount',
  'adminCount',
  'balance',
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
];

const writeRoutes = apiRoutes.filter((route) => route.body);

describe('mass assignment', () => {
  it('has write routes to check', () => {
    expect(writeRoutes.length).toBeGreaterThan(10);
  });

  it.each(writeRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s refuses every server-owned field it does not take from the caller',
    (_name, route) => {
      const schema = route.body;
      if (!schema) throw new Error('no body schema');
      const documented = JSON.stringify(schema.safeParse({}).error?.issues ?? []);
      for (const field of serverOwned) {
        // A route may legitimately take some of these names as input (e.g. `status` to publish, `id` as a new
        // syndicate's address); those appear as required fields of an empty body, and are allowed.
        if (documented.includes(`"${field}"`)) continue;
        const result = schema.safeParse({ [field]: 'x', ['__proto__']: { polluted: true } });
        expect(result.success, `${field} accepted`).toBe(false);
        expect(JSON.stringify(result.error?.issues), field).toMatch(
          new RegExp(`unrecognized|"${field}"|Unrecognized`, 'i'),
        );
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});
