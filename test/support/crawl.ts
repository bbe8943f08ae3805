// The link crawl: from the home page, each same-site page and the links on it, breadth first, as a
// person would click through the built site. The link test checks nothing is broken; the phone test
// opens every page it reached.

/** The same-site links of a page, as paths with their query. */
export function linksOf(html: string, from: URL): string[] {
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

/**
 * Visits every same-site page reachable from `/`, breadth first, up to `limit` pages; answers what
 * failed, what was seen, what was left unvisited, and the HTML pages that answered (a page asking a
 * visitor to sign in included: that is a page a person sees).
 */
export async function crawl(
  baseUrl: string,
  headers: Record<string, string>,
  skip: (path: string) => boolean = () => false,
  limit = 3000,
) {
  const seen = new Set<string>(['/']);
  const queue = ['/'];
  const broken: string[] = [];
  const pages: string[] = [];
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
    pages.push(path);
    for (const link of linksOf(await response.text(), new URL(response.url))) {
      if (seen.has(link) || skip(link)) continue;
      seen.add(link);
      linkedFrom.set(link, path);
      queue.push(link);
    }
  }
  return { broken, seen, unvisited: queue, pages };
}
