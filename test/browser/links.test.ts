// Every link a visitor can follow leads somewhere: from the home page, each same-site page and the
// links on it, breadth first, as a person who is not signed in would click through the built site.
import { describe, expect, inject, it } from 'vitest';
import { tokenFor } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const limit = 3000;

/** The same-site links of a page, as paths with their query. */
function linksOf(html: string, from: URL): string[] {
  const found: string[] = [];
  // Not inside scripts: their templates are not links yet.
  const markup = html.replace(/<script\b[\s\S]*?<\/script>/gi, '');
  for (const match of markup.matchAll(/<a\b[^>]*?\shref="([^"]+)"/g)) {
    const href = (match[1] ?? '').replaceAll('&amp;', '&');
    if (/^(?:mailto|tel|javascript):/i.test(href) || href.startsWith('#')) continue;
    const url = new URL(href, from);
    if (url.origin !== from.origin) continue;
    found.push(url.pathname + url.search);
  }
  return found;
}

/** Visits every same-site page reachable from `/`, breadth first; returns what failed and what was seen. */
async function crawl(headers: Record<string, string>, skip: (path: string) => boolean = () => false) {
  const seen = new Set<string>(['/']);
  const queue = ['/'];
  const broken: string[] = [];
  const linkedFrom = new Map<string, string>();
  while (queue.length > 0 && seen.size <= limit) {
    const path = queue.shift() ?? '/';
    const response = await fetch(`${baseUrl}${path}`, { headers, redirect: 'follow' });
    // A page for signed-in people answers a visitor 401 with a way to sign in: that is not broken.
    const asksToSignIn =
      !headers.cookie && response.status === 401 && (await response.clone().text()).includes('/auth/sign-in');
    if (!response.ok && !asksToSignIn) {
      broken.push(`${path} → ${response.status} (linked from ${linkedFrom.get(path) ?? 'the start'})`);
      continue;
    }
    if (!response.headers.get('content-type')?.includes('text/html')) continue;
    for (const link of linksOf(await response.text(), new URL(response.url))) {
      if (seen.has(link) || skip(link)) continue;
      seen.add(link);
      linkedFrom.set(link, path);
      queue.push(link);
    }
  }
  return { broken, seen, unvisited: queue };
}

describe('links', () => {
  it('has no broken link anywhere a visitor can click, and no page that fails', async () => {
    const { broken, seen, unvisited } = await crawl({});
    expect(broken).toEqual([]);
    // The whole site fits the budget (so nothing was left unvisited), and it is the whole site.
    expect(unvisited).toEqual([]);
    expect(seen.size).toBeGreaterThan(200);
  }, 240_000);

  it('has no broken link for a signed-in member either, admin pages included', async () => {
    // Carmen runs a syndicate, learns and invents; following links only reads, so nothing changes.
    const cookie = `guildhall_session=${encodeURIComponent(await tokenFor(baseUrl, 'demo-carmen'))}`;
    const { broken, seen, unvisited } = await crawl({ cookie }, (path) => path.startsWith('/auth/'));
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
