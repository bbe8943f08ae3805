// The catalog's query: words and filters through the search port, like everything else; the level,
// which search documents do not carry, is applied to what search returns. While search is unavailable
// the catalog still answers from the commons itself, with every filter but the words.
import { SearchUnavailableError } from '../errors.ts';
import type { SearchIndex } from '../search/search-port.ts';
import type { Commons, Course } from './commons.ts';
import { type CatalogFilter, filterCourses } from './course-view.ts';

export interface FoundCourses {
  courses: Course[];
  /** True when search was unavailable and the words were not used. */
  searchDown: boolean;
}

export async function findCourses(
  deps: { search: SearchIndex; commons: Commons },
  filter: CatalogFilter & { text: string },
): Promise<FoundCourses> {
  const { trade, skill, level, maxHours, text } = filter;
  try {
    const found = await deps.search.search({
      text,
      filters: {
        type: ['course'],
        ...(trade ? { trade: [trade] } : {}),
        ...(skill ? { skills: [skill] } : {}),
        ...(maxHours ? { hours: { max: maxHours } } : {}),
      },
      ...(text ? {} : { sort: { field: 'title' as const, direction: 'asc' as const } }),
      facets: [],
      pageSize: 100,
    });
    const courses = found.hits.flatMap((hit) => {
      const course = deps.commons.courses.get(hit.document.id.replace(/^course:/, ''));
      return course && (!level || course.level === level) ? [course] : [];
    });
    return { courses, searchDown: false };
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    return { courses: filterCourses(deps.commons, { trade, skill, level, maxHours }), searchDown: true };
  }
}
