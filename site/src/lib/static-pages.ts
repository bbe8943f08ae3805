// Lists the site knows at build time (the commons: skills, practice guides) are prerendered a page at a
// time. A prerendered page cannot read its query string, so its pages are paths: the first at the list's
// own address, the next at `page/2/`, `page/3/`… (two segments, so they never meet a one-segment id).

export type StaticPage<T> = {
  items: T[];
  number: number;
  count: number;
};

/** `getStaticPaths` entries for a `[...page].astro` route: one per page of `size` items. */
export function staticPages<T>(items: readonly T[], size: number) {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, index) => ({
    params: { page: index === 0 ? undefined : `page/${index + 1}` },
    props: { items: items.slice(index * size, (index + 1) * size), number: index + 1, count } as StaticPage<T>,
  }));
}

/** The Previous and Next addresses of a page of a list that lives at `base` (ending in `/`). */
export function staticPageLinks(base: string, page: Pick<StaticPage<unknown>, 'number' | 'count'>) {
  const href = (number: number) => (number === 1 ? base : `${base}page/${number}/`);
  return {
    previous: page.number > 1 ? href(page.number - 1) : undefined,
    next: page.number < page.count ? href(page.number + 1) : undefined,
  };
}
