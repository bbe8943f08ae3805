import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors.ts';
import { reservedSyndicateIds, slugSchema, type Syndicate } from '#domain/syndicates/syndicate.ts';
import { createSyndicate } from '#domain/syndicates/syndicate-use-cases.ts';
import { apiRoutes } from '#http/api.ts';

const pages = join(import.meta.dirname, '../../../site/src/pages');

/** The address segment a page file or folder gives: `feed.xml.ts` → `feed`, `[id].csv.ts` → `[id]`. */
const segmentOf = (entry: string) => entry.split('.')[0] ?? entry;
/** Astro routes neither `index` (its folder's own address) nor `_`-prefixed entries (helpers). */
const isFixed = (segment: string) => !segment.startsWith('[') && !segment.startsWith('_') && segment !== 'index';

function folders(dir: string): string[] {
  return [
    dir,
    ...readdirSync(dir)
      .map((entry) => join(dir, entry))
      .filter((path) => statSync(path).isDirectory())
      .flatMap(folders),
  ];
}

/** Fixed names beside an `[id]` (`/innovations/new/`) and right after one (`/jobs/[id]/edit/`). */
function pageNamesAroundIds(): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of folders(pages)) {
    const segments = readdirSync(dir).map(segmentOf);
    const relative = dir.slice(pages.length) || '/';
    if (segments.includes('[id]')) {
      for (const segment of segments.filter(isFixed)) found.set(segment, `${relative}/${segment} (beside [id])`);
    }
    if (dir.endsWith('/[id]')) {
      for (const segment of segments.filter(isFixed)) found.set(segment, `${relative}/${segment} (after [id])`);
    }
  }
  return found;
}

/** Fixed names after `/api/syndicates/`, where a syndicate's id goes. */
function apiNamesAfterSyndicates(): string[] {
  return apiRoutes.flatMap((route) => {
    const segment = /^\/api\/syndicates\/([^/]+)/.exec(route.path)?.[1];
    return segment && !segment.startsWith('{') ? [segment] : [];
  });
}

const fakeRepository = () => {
  const created: Syndicate[] = [];
  const deps = {
    now: () => new Date('2026-12-01T00:00:00Z'),
    syndicates: {
      create: async (syndicate: Syndicate) => {
        created.push(syndicate);
      },
    },
  };
  return { deps, created };
};
const input = {
  name: 'Riverside Builders',
  trade: 'construction' as const,
  description: 'Carpenters who share work fairly.',
  place: 'Rotterdam, NL',
  rateCard: [],
};
const founder = { personId: 'p1' };

describe('syndicate ids that are the site’s own page names', () => {
  it('reserves every fixed page name beside or after an [id] in the site’s pages', () => {
    const found = pageNamesAroundIds();
    expect(found.get('new')).toBe('/syndicates/new (beside [id])');
    const missing = [...found].filter(([name]) => !reservedSyndicateIds.has(name)).map(([, where]) => where);
    expect(missing, 'add these names to reservedSyndicateIds').toEqual([]);
  });

  it('reserves every fixed name after /api/syndicates/', () => {
    expect(apiNamesAfterSyndicates().filter((name) => !reservedSyndicateIds.has(name))).toEqual([]);
  });

  it('reserves the names the probe named: new, edit and feed', () => {
    for (const name of ['new', 'edit', 'feed']) expect(reservedSyndicateIds.has(name)).toBe(true);
  });

  it('lists only names a syndicate could otherwise take', () => {
    for (const name of reservedSyndicateIds) expect(slugSchema().safeParse(name).success, name).toBe(true);
  });

  it.each([...reservedSyndicateIds])(
    'refuses to found a syndicate called %s, naming the field, and stores nothing',
    async (id) => {
      const { deps, created } = fakeRepository();
      const refused = await createSyndicate(deps, founder, id, input).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ValidationError);
      expect((refused as ValidationError).issues).toEqual([
        { field: 'body.id', message: expect.stringContaining(id), wordsIn: expect.any(Function) },
      ]);
      expect(created).toEqual([]);
    },
  );

  it('founds a syndicate whose id only contains a reserved word', async () => {
    const { deps, created } = fakeRepository();
    await createSyndicate(deps, founder, 'new-builders', input);
    expect(created.map((syndicate) => syndicate.id)).toEqual(['new-builders']);
  });
});
