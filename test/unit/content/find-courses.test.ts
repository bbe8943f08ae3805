import { describe, expect, it } from 'vitest';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import { filterCourses } from '#domain/content/course-view.ts';
import { findCourses } from '#domain/content/find-courses.ts';
import { SearchUnavailableError } from '#domain/errors.ts';
import { contentDocuments } from '#domain/search/documents.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';
import { commons } from '../../support/services.ts';

const down = (error: Error) => ({ search: async () => Promise.reject(error) }) as unknown as SearchIndex;

describe('the catalog query', () => {
  it('finds courses by words through search, and applies the level search does not know', async () => {
    const search = createEmbeddedSearchEngine();
    await search.upsert(contentDocuments(commons, '2026-11-21T00:00:00.000Z'));
    const found = await findCourses({ search, commons }, { text: 'partition walls', level: undefined }, { limit: 20 });
    expect(found.searchDown).toBe(false);
    expect(found.items.map((course) => course.id)).toContain('timber-stud-partition-walls');
  });

  it('answers from the commons with every filter but the words while search is unavailable', async () => {
    const search = down(new SearchUnavailableError('Meilisearch could not be reached to search.'));
    const found = await findCourses(
      { search, commons },
      { text: 'partition walls', trade: 'construction' },
      { limit: 20 },
    );
    expect(found.searchDown).toBe(true);
    expect(found.items).toEqual(filterCourses(commons, { trade: 'construction' }));
    expect(found.items.length).toBeGreaterThan(1);
  });

  it('does not hide other failures behind the fallback', async () => {
    await expect(
      findCourses({ search: down(new Error('a bug')), commons }, { text: '' }, { limit: 20 }),
    ).rejects.toThrow('a bug');
  });

  it('walks the whole catalog a page at a time, each course once, by search or from the commons alike', async () => {
    const search = createEmbeddedSearchEngine();
    await search.upsert(contentDocuments(commons, '2026-11-21T00:00:00.000Z'));
    for (const deps of [
      { search, commons },
      { search: down(new SearchUnavailableError('down')), commons },
    ]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await findCourses(deps, { text: '' }, { limit: 2, cursor });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((course) => course.id));
        cursor = page.next;
      } while (cursor);
      expect(seen.sort()).toEqual([...commons.courses.keys()].sort());
    }
  });
});
