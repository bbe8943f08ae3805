import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RequestShapeError } from '#domain/errors.ts';
import { decodeCursor, encodeCursor, maxCursorLength, pageOfList } from '#domain/paging.ts';

const shape = { keys: ['pk', 'sk'], fixed: { pk: 'SYND#mill' } };

describe('cursors', () => {
  it('give back the position they were made from', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), fc.integer(), (sk, n) => {
        const position = { pk: 'SYND#mill', sk, n };
        expect(decodeCursor(encodeCursor(position), { keys: ['pk', 'sk', 'n'], fixed: shape.fixed })).toEqual(position);
      }),
    );
  });

  it.each([
    ['an empty string', ''],
    ['text that is no cursor', 'hello'],
    ['a cursor of another list', encodeCursor({ pk: 'SYND#other', sk: 'x' })],
    ['a cursor with another shape', encodeCursor({ pk: 'SYND#mill', sk: 'x', gsi1pk: 'y' })],
    ['a cursor missing a key', encodeCursor({ pk: 'SYND#mill' })],
    ['a cursor with an object inside', `v1.${Buffer.from('{"pk":"SYND#mill","sk":{"S":"x"}}').toString('base64url')}`],
    ['a cursor with a value too long for a key', encodeCursor({ pk: 'SYND#mill', sk: 'x'.repeat(600) })],
    ['a cursor longer than any list gives', `v1.${'A'.repeat(maxCursorLength)}`],
    ['a cursor that is not JSON', 'v1.bm90IGpzb24'],
    ['a cursor of an array', `v1.${Buffer.from('["pk"]').toString('base64url')}`],
    ['a cursor with an empty value', encodeCursor({ pk: 'SYND#mill', sk: '' })],
    ['a cursor with a fraction', encodeCursor({ pk: 'SYND#mill', sk: 1.5 })],
  ])('refuse %s with a 400 naming query.cursor', (_what, cursor) => {
    expect(() => decodeCursor(cursor, shape)).toThrow(RequestShapeError);
    try {
      decodeCursor(cursor, shape);
    } catch (error) {
      expect((error as RequestShapeError).issues).toEqual([
        { field: 'query.cursor', message: expect.any(String), wordsIn: expect.any(Function) },
      ]);
    }
  });
});

describe('a page of a list in memory', () => {
  const list = Array.from({ length: 45 }, (_, i) => i);

  it('walks forward and back over every item once', () => {
    const seen: number[] = [];
    let page = pageOfList(list, { limit: 20 });
    expect(page.previous).toBeUndefined();
    seen.push(...page.items);
    while (page.next) {
      page = pageOfList(list, { limit: 20, cursor: page.next });
      seen.push(...page.items);
    }
    expect(seen).toEqual(list);
    expect(page.items).toEqual([40, 41, 42, 43, 44]);
    expect(pageOfList(list, { limit: 20, cursor: page.previous }).items[0]).toBe(20);
  });

  it('never gives more than its page size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 300 }), (limit, length) => {
        const items = Array.from({ length }, (_, i) => i);
        let page = pageOfList(items, { limit });
        let total = page.items.length;
        while (page.next) {
          expect(page.items.length).toBe(limit);
          page = pageOfList(items, { limit, cursor: page.next });
          total += page.items.length;
        }
        expect(total).toBe(length);
      }),
    );
  });
});
