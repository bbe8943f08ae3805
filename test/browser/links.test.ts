// Every link a visitor can follow leads somewhere: from the home page, each same-site page and the
// links on it, breadth first, as a person who is not signed in would click through the built site.
import { describe, expect, inject, it } from 'vitest';
import { crawl } from '../support/crawl.ts';
import { tokenFor } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');

describe('links', () => {
  it('has no broken link anywhere a visitor can click, and no page that fails', async () => {
    const { broken, seen, unvisited } = await crawl(baseUrl, {});
    expect(broken).toEqual([]);
    // The whole site fits the budget (so nothing was left unvisited), and it is the whole site.
    expect(unvisited).toEqual([]);
    expect(seen.size).toBeGreaterThan(200);
  }, 240_000);

  it('has no broken link for a signed-in member either, admin pages included', async () => {
    // Carmen runs a syndicate, learns and invents; following links only reads, so nothing changes.
    const cookie = `guildhall_session=${encodeURIComponent(await tokenFor(baseUrl, 'demo-carmen'))}`;
    const { broken, seen, unvisited } = await crawl(baseUrl, { cookie }, (path) => path.startsWith('/auth/'));
    expect(broken).toEqual([]);
    expect(unvisited).toEqual([]);
    // Her own pages and her syndicates' admin pages were among those followed.
    for (const kind of [/^\/me\//, /^\/jobs\/[^/]+\/applicants\/$/, /^\/jobs\/[^/]+\/edit\/$/]) {
      expect(
        [...seen].some((path) => kind.test(path)),
        String(kind),
      ).toBe(true);
    }
  }, 240_000);
});
