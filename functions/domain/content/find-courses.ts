// The catalog's query: words and filters through the search port, like everything else, a page at a
// time; the level, which search documents do not carry, is applied to what search returns (so a page
// can come back short). While search is unavailable the catalog still answers from the commons itself,
// with every filter but the words. Both page by offset, so a cursor from one reads in the other.
import { SearchUnavailableError } from '../errors.ts';
import { type Page, type PageRequest, pageOfList } from '../paging.ts';
import { searchPage } from '../search/search-page.ts';
import type { SearchIndex } from '../search/search-port.ts';
import type { Commons, Course } from './commons.ts';
import { type CatalogFilter, filterCourses } from './course-view.ts';

export interface FoundCourses extends Page<Course> {
  /** How many courses match, where that is known without reading them all (not with a level through search). */
  total?: number | undefined;
  /** True when search was unavailable and the words were not used. */
  searchDown: boolean;
}

export async function findCourses(
  deps: { search: SearchIndex; commons: Commons },
  filter: CatalogFilter & { text: string },
  request: PageRequest,
): Promise<FoundCourses> {
  const { trade, skill, level, maxHours, text } = filter;
  try {
    const found = await searchPage(
      deps.search,
      {
        text,
        filters: {
          type: ['course'],
          ...(trade ? { trade: [trade] } : {}),
          ...(skill ? { skills: [skill] } : {}),
          ...(maxHours ? { hours: { max: maxHours } } : {}),
        },
        ...(text ? {} : { sort: { field: 'title' as const, direction: 'asc' as const } }),
        facets: [],
      },
      request,
    );
    const items = found.items.flatMap((hit) => {
      const course = deps.commons.courses.get(hit.document.id.replace(/^course:/, ''));
      return course && (!level || course.level === level) ? [course] : [];
    });
    const { next, previous } = found;
    return { items, next, previous, total: level ? undefined : found.total, searchDown: false };
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    const courses = filterCourses(deps.commons, { trade, skill, level, maxHours });
    return { ...pageOfList(courses, request), total: courses.length, searchDown: true };
  }
}
