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
 * What a link shows again under another address: a list's later page (its `cursor`) and the sign-in
 * page with another address to return to. The search page pages through every document, all of
 * ESCO's 13,939 skills included (1,400 pages of ten), and every page links to sign in with its own
 * return address: the crawl opens a few of each, not thousands of the same page. Every page is also
 * in Spanish and Dutch (`/es/…`, `/nl/…`) and its language switcher links each (`?lang=`): the same
 * templates, so a few pages of each language stand for all of them.
 */
function sameAs(link: string): string {
  const url = new URL(link, 'http://crawl.invalid');
  const language = /^\/(es|nl)(?:\/|$)/.exec(url.pathname)?.[1] ?? url.searchParams.get('lang');
  if (language) return `language:${language}`;
  url.searchParams.delete('cursor');
  if (url.pathname.startsWith('/auth/')) url.searchParams.delete('returnTo');
  return `${url.pathname}?${url.searchParams}`;
}
const repeats = 3;

/**
 * Visits every same-site page reachable from `/`, breadth first, up to `limit` pages (each list's
 * later pages and each sign-in return address at most `repeats` times: sameAs); answers what failed,
 * what was seen, what was left unvisited, and the HTML pages that answered (a page asking a visitor to
 * sign in included: that is a page a person sees).
 *
 * The next few pages in the queue are fetched while one is read (`ahead` at once: the stack waits on its
 * store far more than it computes), but each is read strictly in the queue's order, so the crawl sees the
 * same pages in the same order, and finds the same links, as one fetch at a time would.
 */
export async function crawl(
  baseUrl: string,
  headers: Record<string, string>,
  skip: (path: string) => boolean = () => false,
  limit = 3000,
  ahead = 4,
) {
  const seen = new Set<string>(['/']);
  const queue = ['/'];
  const broken: string[] = [];
  const pages: string[] = [];
  const linkedFrom = new Map<string, string>();
  const shown = new Map<string, number>();
  const fetching = new Map<string, Promise<{ response: Response; body: string }>>();
  const fetchPage = async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`, { headers, redirect: 'follow' });
    return { response, body: await response.text() };
  };
  try {
    while (queue.length > 0 && seen.size <= limit) {
      for (const next of queue.slice(0, ahead)) {
        if (fetching.has(next)) continue;
        const fetched = fetchPage(next);
        // Awaited below in its turn; until then a failure must not count as unhandled.
        fetched.catch(() => undefined);
        fetching.set(next, fetched);
      }
      const path = queue.shift() ?? '/';
      const { response, body } = await (fetching.get(path) ?? fetchPage(path));
      fetching.delete(path);
      // A page for signed-in people answers a visitor 401 with a way to sign in: that is not broken.
      const asksToSignIn = !headers.cookie && response.status === 401 && body.includes('/auth/sign-in');
      if (!response.ok && !asksToSignIn) {
        broken.push(`${path} → ${response.status} (linked from ${linkedFrom.get(path) ?? 'the start'})`);
        continue;
      }
      if (!response.headers.get('content-type')?.includes('text/html')) continue;
      pages.push(path);
      for (const link of linksOf(body, new URL(response.url))) {
        if (seen.has(link) || skip(link)) continue;
        const again = sameAs(link);
        const times = shown.get(again) ?? 0;
        if (times >= repeats) continue;
        shown.set(again, times + 1);
        seen.add(link);
        linkedFrom.set(link, path);
        queue.push(link);
      }
    }
  } finally {
    // Stopped at the limit (or by a failure): the pages fetched ahead finish before the crawl answers.
    await Promise.allSettled(fetching.values());
  }
  return { broken, seen, unvisited: queue, pages };
}

/**
 * A few pages of each kind, where a kind is the path with the segment that names one of many things (a
 * skill, an opening, a course: a segment whose parent has more than five) as a wildcard, and the query's
 * names without their values: the 185 skill pages and the board filtered by each skill are one template
 * each, and sweeping every one of them took the browser project past eight minutes. `PHONE_SWEEP=all`
 * sweeps every page the crawl reached.
 */
export function pagesOfEachKind(paths: string[], each = 3): string[] {
  if (process.env.PHONE_SWEEP === 'all') return paths;
  const split = (path: string) => {
    const url = new URL(path, 'http://phone.invalid');
    return { segments: url.pathname.split('/').filter(Boolean), names: [...new Set(url.searchParams.keys())].sort() };
  };
  const children = new Map<string, Set<string>>();
  for (const path of paths) {
    const { segments } = split(path);
    segments.forEach((segment, i) => {
      const parent = segments.slice(0, i).join('/');
      children.set(parent, (children.get(parent) ?? new Set()).add(segment));
    });
  }
  const taken = new Map<string, number>();
  return paths.filter((path) => {
    const { segments, names } = split(path);
    const kind = `${segments
      .map((segment, i) => ((children.get(segments.slice(0, i).join('/'))?.size ?? 0) > 5 ? '*' : segment))
      .join('/')}?${names.join('&')}`;
    const times = taken.get(kind) ?? 0;
    taken.set(kind, times + 1);
    return times < each;
  });
}
