// The board's filters, read from a page's query string the same way the API reads them.
import { boardQuerySchema } from '#http/routes/queries.ts';

export function boardFilter(params: URLSearchParams) {
  const raw: Record<string, string> = {};
  for (const key of ['skill', 'trade', 'place', 'remote', 'payUnit']) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  const parsed = boardQuerySchema().safeParse(raw);
  // A filter that does not parse is dropped rather than failing the page: the form shows what applies.
  const filter = parsed.success ? parsed.data : boardQuerySchema().parse({});
  const syndicate = params.get('syndicate');
  return { ...filter, syndicateId: syndicate && /^[a-z0-9-]{1,100}$/.test(syndicate) ? syndicate : undefined };
}

export function boardQueryString(filter: Record<string, unknown>, overrides: Record<string, unknown> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...overrides })) {
    // The cursor and page size belong to the page a link leads to (page-links.ts), not to the filter.
    if (value === undefined || value === '' || key === 'pageSize' || key === 'cursor') continue;
    params.set(key === 'syndicateId' ? 'syndicate' : key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
