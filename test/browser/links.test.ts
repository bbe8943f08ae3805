// Every link a visitor can follow leads somewhere: from the home page, each same-site page and the
// links on it, breadth first, as a person who is not signed in would click through the built site.
import { describe, expect, inject, it } from 'vitest';

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

describe('links', () => {
  it('has no broken link anywhere a visitor can click, and no page that fails', async () => {
    const seen = new Set<string>(['/']);
    const queue = ['/'];
    const broken: string[] = [];
    const linkedFrom = new Map<string, string>();
    while (queue.length > 0 && seen.size <= limit) {
      const path = queue.shift() ?? '/';
      const response = await fetch(`${baseUrl}${path}`, { redirect: 'follow' });
      // A page for signed-in people answers a visitor 401 with a way to sign in: that is not broken.
      const asksToSignIn = response.status === 401 && (await response.clone().text()).includes('/auth/sign-in');
      if (!response.ok && !asksToSignIn) {
        broken.push(`${path} → ${response.status} (linked from ${linkedFrom.get(path) ?? 'the start'})`);
        continue;
      }
      if (!response.headers.get('content-type')?.includes('text/html')) continue;
      for (const link of linksOf(await response.text(), new URL(response.url))) {
        if (seen.has(link)) continue;
        seen.add(link);
        linkedFrom.set(link, path);
        queue.push(link);
      }
    }
    expect(broken).toEqual([]);
    // The whole site fits the budget (so nothing was left unvisited), and it is the whole site.
    expect(queue).toEqual([]);
    expect(seen.size).toBeGreaterThan(200);
  }, 240_000);
});
