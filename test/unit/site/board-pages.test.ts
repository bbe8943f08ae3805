import { describe, expect, it } from 'vitest';
import { decodeCursor } from '#domain/paging.ts';
import { maxSearchOffset } from '#domain/search/search-page.ts';
import { translator } from '#domain/i18n/catalogue.ts';
import { boardPageNumber, boardSort, pageCursor, pageNumbers, searchName } from '../../../site/src/lib/board.ts';

describe('the job board’s page numbers', () => {
  it.each([
    [1, 1, [1]],
    [1, 4, [1, 2, 3, 4]],
    [1, 20, [1, 2, 3, 'gap', 20]],
    [6, 20, [1, 'gap', 4, 5, 6, 7, 8, 'gap', 20]],
    [4, 20, [1, 2, 3, 4, 5, 6, 'gap', 20]],
    [20, 20, [1, 'gap', 18, 19, 20]],
  ])('on page %i of %i links %j', (current, count, expected) => {
    expect(pageNumbers(current, count)).toEqual(expected);
  });

  it('reads a page number as the offset cursor the API gives out for the same page', () => {
    expect(pageCursor(1, 20)).toBeUndefined();
    expect(decodeCursor(pageCursor(3, 20) as string, { keys: ['offset'] })).toEqual({ offset: 40 });
  });

  it.each([
    ['', 1],
    ['page=3', 3],
    ['page=0', 1],
    ['page=-2', 1],
    ['page=2.5', 1],
    ['page=1e3', 1],
    [`page=${maxSearchOffset}`, 1],
    [`page=${maxSearchOffset / 20}`, maxSearchOffset / 20],
  ])('takes ?%s as page %i', (query, page) => {
    expect(boardPageNumber(new URLSearchParams(query), 20)).toBe(page);
  });

  it('takes only the orders it offers', () => {
    expect(['sort=closing', 'sort=match', 'sort=pay', ''].map((q) => boardSort(new URLSearchParams(q)))).toEqual([
      'closing',
      'match',
      undefined,
      undefined,
    ]);
  });
});

describe('a saved search’s suggested name', () => {
  const labels = { skill: (id: string) => `skill ${id}`, trade: (id: string) => `trade ${id}` };

  it('names the filters in English as before', () => {
    expect(searchName({ text: 'pump', place: 'Leeds', remote: false }, labels, translator('en'))).toBe(
      'pump · in Leeds · on site',
    );
    expect(searchName({}, labels, translator('en'))).toBe('All openings');
  });

  it('names the filters in the reader’s language', () => {
    expect(searchName({ place: 'Valencia', remote: true }, labels, translator('es'))).toBe('en Valencia · en remoto');
    expect(searchName({ remote: false }, labels, translator('nl'))).toBe('op locatie');
    expect(searchName({}, labels, translator('nl'))).toBe('Alle vacatures');
    expect(searchName({ kind: 'training' }, labels, translator('nl'))).toBe('Alleen leerplekken');
    expect(searchName({ text: 'yeso', kind: 'training' }, labels, translator('es'))).toBe(
      'yeso · Solo plazas de formación',
    );
  });
});
