// A statement's CSV answers the same headers from the API and from the site: a named download, the
// right caching for whose it is, and the next page's address only when there is one.
import { describe, expect, it } from 'vitest';
import { csvHeaders } from '#http/routes/queries.ts';

describe('a statement CSV page’s headers', () => {
  it('names the next page, relative to the request, with the query the API needs', () => {
    expect(csvHeaders('bound-mill', 'public', 'v1.abc+/=', 'format=csv&')).toEqual({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="bound-mill.csv"',
      'cache-control': 'public, max-age=60',
      link: '<?format=csv&cursor=v1.abc%2B%2F%3D>; rel="next"',
    });
  });

  it('links nothing on the last page, and keeps a person’s statement out of shared caches', () => {
    const headers = csvHeaders('bound-ana', 'private', undefined);
    expect(headers).not.toHaveProperty('link');
    expect(headers['cache-control']).toBe('private, no-store');
  });
});
