// Every whole number a route reads from its path or query, found from the route table itself (through
// the OpenAPI document generated from it), so a route added tomorrow is tried here too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiRoutes, createApi } from '#http/api.ts';
import { buildOpenApi } from '#http/openapi.ts';
import { parseWholeNumber, wholeNumber } from '#http/routes/params.ts';
import { fakeServices } from '../support/services.ts';

interface NumericParameter {
  route: string;
  method: string;
  path: string;
  where: 'path' | 'query';
  name: string;
  min: number;
  max: number;
  /** The route's required query words (a search's `q`), each given a plain word so the number is what is tried. */
  words: string[];
}

interface DocumentedParameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: { type?: string; minimum?: number; maximum?: number };
}

const document = buildOpenApi(apiRoutes, { title: 'Guildhall API', version: 'test' });
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    method: method.toUpperCase(),
    path,
    parameters: (operation as { parameters: DocumentedParameter[] }).parameters,
  })),
);
const numeric: NumericParameter[] = operations.flatMap(({ method, path, parameters }) =>
  parameters
    .filter((p) => p.schema.type === 'integer' || p.schema.type === 'number')
    .map((p) => ({
      route: `${method} ${path}`,
      method,
      path,
      where: p.in,
      name: p.name,
      min: p.schema.minimum ?? Number.NaN,
      max: p.schema.maximum ?? Number.NaN,
      words: parameters
        .filter((q) => q.in === 'query' && q.required && q.schema.type !== 'integer' && q.schema.type !== 'number')
        .map((q) => q.name),
    })),
);

// An unreachable store: a request that got past validation by mistake fails fast, and never leaves
// this machine.
const router = createApi(fakeServices({}, { DYNAMODB_ENDPOINT: 'http://127.0.0.1:1' }));

/** Calls the route with `value` for the parameter, and valid values for the other numeric ones. */
function callWith(parameter: NumericParameter, value: string) {
  const siblings = numeric.filter((p) => p.route === parameter.route && p.name !== parameter.name);
  const valueFor = (p: { name: string }) =>
    p.name === parameter.name ? value : String(siblings.find((s) => s.name === p.name)?.min ?? 'x');
  const path = parameter.path.replace(/\{(\w+)\}/g, (_all, name: string) => encodeURIComponent(valueFor({ name })));
  const query = new URLSearchParams([
    ...[parameter, ...siblings].filter((p) => p.where === 'query').map((p): [string, string] => [p.name, valueFor(p)]),
    ...parameter.words.map((name): [string, string] => [name, 'plaster']),
  ]).toString();
  return router.handle({
    method: parameter.method,
    path,
    rawQuery: query,
    headers: {},
    body: undefined,
    identity: { personId: 'demo-ada', claimedName: 'Ada' },
    requestId: 'numeric-params',
  });
}

/** Routes with a rule between their numbers, and the rule: each number alone still reads as itself. */
const betweenParameters: Record<string, string> = {
  'GET /api/registry-log/entries': 'end is no smaller than start and at most 1,000 past it',
};
const readAsNumber = (field: string) => (error: { field: string; message: string }) =>
  error.field === field && error.message.includes('whole number');

const bad = ['', ' ', '0x10', '1e3', '+1', '-0', '1.0', '٣', '99999999999999999999', ' 1', '1 ', '01', '1,000', '½'];

describe('whole numbers in paths and queries', () => {
  it('finds the numeric parameters of the route table, the registry log’s and paging among them', () => {
    const found = numeric.map((p) => `${p.route} ${p.where}.${p.name}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'GET /api/registry-log/entries query.start',
        'GET /api/registry-log/proofs/consistency query.second',
        'GET /api/innovations/{innovationId}/versions/{version} path.version',
        'GET /api/courses query.maxHours',
        'GET /api/search query.pageSize',
        'GET /api/shortages/trend query.days',
      ]),
    );
    expect(numeric.filter((p) => !Number.isSafeInteger(p.min) || !Number.isSafeInteger(p.max))).toEqual([]);
  });

  describe.each(numeric.map((p) => [`${p.route} ${p.where}.${p.name}`, p] as const))('%s', (_title, parameter) => {
    const field = `${parameter.where}.${parameter.name}`;

    it.each(bad.filter((value) => !(value === '' && parameter.where === 'path')))(
      'answers 400 naming the parameter, with what to write instead, to %j',
      async (value) => {
        const response = await callWith(parameter, value);
        expect(response.status, response.body).toBe(400);
        const issue = (JSON.parse(response.body) as { errors: Array<{ field: string; message: string }> }).errors.find(
          (e) => e.field === field,
        );
        expect(issue?.message).toContain(`whole number from ${parameter.min} to ${parameter.max} in plain digits`);
      },
    );

    it('answers 400 to a number just outside its range', async () => {
      for (const value of [parameter.min - 1, parameter.max + 1]) {
        const response = await callWith(parameter, String(value));
        expect(response.status, `${value}: ${response.body}`).toBe(400);
      }
    });

    it('takes every whole number its documented range allows, as it reads in decimal', async () => {
      const bounds = { min: parameter.min, max: parameter.max };
      const schema = wholeNumber(bounds);
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.integer(bounds), fc.constantFrom(parameter.min, parameter.max)), async (n) => {
          expect(schema.parse(String(n))).toBe(n);
          const response = await callWith(parameter, String(n));
          const errors =
            response.status === 400
              ? (JSON.parse(response.body) as { errors: Array<{ field: string; message: string }> }).errors
              : [];
          // A rule between parameters may refuse the pair; this number must still read as itself.
          const refused = parameter.route in betweenParameters ? errors.filter(readAsNumber(field)) : errors;
          expect(refused, String(n)).toEqual([]);
        }),
        { numRuns: 20 },
      );
    });
  });
});

describe('parseWholeNumber', () => {
  it.each<[string, number, number, number | undefined]>([
    ['0', 0, 10, 0],
    ['10', 0, 10, 10],
    ['11', 0, 10, undefined],
    ['9007199254740991', 0, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    ['9007199254740992', 0, Number.MAX_SAFE_INTEGER, undefined],
    ['-3', -5, 5, -3],
    ['-0', -5, 5, undefined],
    ['-6', -5, 5, undefined],
    ['+3', -5, 5, undefined],
    ['-03', -5, 5, undefined],
    ['٣', 0, 10, undefined],
    ['３', 0, 10, undefined],
  ])('reads %j, between %s and %s, as %s', (text, min, max, expected) => {
    expect(parseWholeNumber(text, { min, max })).toBe(expected);
  });

  it('answers at once for a very long input, without reading it', () => {
    expect(parseWholeNumber('1'.repeat(1_000_000), { min: 0, max: 100 })).toBeUndefined();
  });

  it('refuses to build a range that is not one of safe whole numbers', () => {
    expect(() => wholeNumber({ min: 1, max: 0 })).toThrow(RangeError);
    expect(() => wholeNumber({ min: 0, max: 2 ** 60 })).toThrow(RangeError);
    expect(() => wholeNumber({ min: 0.5, max: 2 })).toThrow(RangeError);
  });
});
