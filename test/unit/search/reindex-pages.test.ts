// The reindex after a deploy reads the table a page a run, queues the next page with its cursor, and
// resumes from the failed page after a failure. Fakes: a table as an array, a queue as an array.
import { describe, expect, it } from 'vitest';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import { type ReindexDependencies, type ReindexStep, reindexStepSchema, runReindexStep } from '#app/reindex-pages.ts';
import { contentDocuments } from '#domain/search/documents.ts';
import { commons } from '../../support/services.ts';

const opening = (id: string, status = 'open') => ({
  type: 'opening',
  id,
  syndicateId: 's1',
  title: `Solar installer ${id}`,
  description: 'Mount panels on roofs.',
  skills: [{ skill: 'pv-module-mounting', level: 'working' }],
  pay: [{ amount: 2650, currency: 'GBP', per: 'hour' }],
  positions: 1,
  hoursPerWeek: 30,
  place: 'Bristol, GB',
  remote: false,
  status,
  validThrough: '2999-12-01',
  updatedAt: '2026-11-20T00:00:00.000Z',
});
const syndicate = {
  type: 'syndicate',
  id: 's1',
  name: 'Severn Sun',
  trade: 'renewable-energy',
  description: 'Solar.',
  place: 'Bristol, GB',
  memberCount: 4,
  rateCard: [],
};
const person = { type: 'person', id: 'p1', name: 'Private Person', email: 'p@example.org' };

const esco = {
  imported: '2026-12-06',
  skills: Array.from({ length: 5 }, (_, i): [string, string, null, string] => [
    `skill/00000000-0000-4000-8000-00000000000${i}`,
    `plaster walls ${i}`,
    null,
    `plaster walls ${i} apply plaster`,
  ]),
};

/** A table of items, scanned in two segments (even and odd positions), `limit` items a page. */
function world(items: Array<Record<string, unknown>>) {
  const search = createEmbeddedSearchEngine();
  const queue: ReindexStep[] = [];
  const scans: Array<{ segment: number; cursor?: string | undefined; limit: number }> = [];
  let syndicateReads = 0;
  const deps: ReindexDependencies = {
    indexVersion: 'v2',
    async scanPage({ segment, segments, cursor, limit }) {
      scans.push({ segment, cursor, limit });
      const mine = items.filter((_, i) => i % segments === segment);
      const from = cursor ? Number(cursor) : 0;
      const next = from + limit;
      return { items: mine.slice(from, next), cursor: next < mine.length ? String(next) : undefined };
    },
    search,
    lookups: {
      syndicate: async () => {
        syndicateReads++;
        return { name: 'Severn Sun', trade: 'renewable-energy' };
      },
      now: () => new Date('2026-11-21'),
    },
    commons,
    esco: () => esco,
    send: async (steps) => {
      queue.push(...steps.map((step) => reindexStepSchema().parse(JSON.parse(JSON.stringify(step)))));
    },
    log: { info: () => {}, warn: () => {} },
  };
  /** Runs queued steps until the queue is empty, as the queue's consumer does. */
  const drain = async (pageSize: number) => {
    let runs = 0;
    for (let step = queue.shift(); step; step = queue.shift()) {
      await runReindexStep(deps, step, pageSize);
      runs++;
    }
    return runs;
  };
  return { deps, search, queue, scans, drain, syndicateReads: () => syndicateReads };
}

const ids = async (search: ReturnType<typeof createEmbeddedSearchEngine>) =>
  (await search.listIds()).map((entry) => entry.id).sort();

describe('the reindex after a deploy', () => {
  it('indexes every searchable item of the table, reading one page per run and never a private item', async () => {
    const items = [syndicate, person, ...Array.from({ length: 9 }, (_, i) => opening(`o${i}`)), opening('d1', 'draft')];
    const { deps, search, queue, scans, drain } = world(items);
    await runReindexStep(deps, { kind: 'start', version: 'v2', segments: 2 });
    expect(queue.map((step) => step.kind === 'table' && step.segment)).toEqual([0, 1]);
    const runs = await drain(2);
    // 12 items in two segments of 6, 2 a page: 3 pages each, one scan per run.
    expect(runs).toBe(6);
    expect(scans).toHaveLength(6);
    expect(scans.every((scan) => scan.limit === 2)).toBe(true);
    expect(await ids(search)).toEqual([...Array.from({ length: 9 }, (_, i) => `opening:o${i}`), 'syndicate:s1'].sort());
  });

  it('resumes from the page that failed, without skipping it or starting over', async () => {
    const items = Array.from({ length: 6 }, (_, i) => opening(`o${i}`));
    const { deps, search, queue, scans } = world(items);
    const upsert = search.upsert.bind(search);
    let failNext = false;
    deps.search = {
      ...search,
      upsert: async (documents) => {
        if (failNext) {
          failNext = false;
          throw new Error('search unavailable');
        }
        return upsert(documents);
      },
      delete: (documentIds) => search.delete(documentIds),
      search: (query) => search.search(query),
    };
    await runReindexStep(deps, { kind: 'start', version: 'v2', segments: 1 });
    await runReindexStep(deps, queue.shift() as ReindexStep, 2);
    const failing = queue.shift() as ReindexStep;
    failNext = true;
    await expect(runReindexStep(deps, failing, 2)).rejects.toThrow('search unavailable');
    // Nothing was queued past the failed page: the queue retries the very same step.
    expect(queue).toEqual([]);
    await runReindexStep(deps, failing, 2);
    for (let step = queue.shift(); step; step = queue.shift()) await runReindexStep(deps, step, 2);
    expect(scans.map((scan) => scan.cursor)).toEqual([undefined, '2', '2', '4']);
    expect(await ids(search)).toEqual(items.map((item) => `opening:${item.id}`).sort());
  });

  it('removes a document whose item is no longer searchable, as the stream would have', async () => {
    const { deps, search, drain } = world([opening('o1', 'draft')]);
    await runReindexStep(deps, { kind: 'start', version: 'v2', segments: 1 });
    await search.upsert([
      { id: 'opening:o1', type: 'opening', title: 'old', summary: '', body: '', url: '/', skills: [], updatedAt: 'x' },
    ]);
    await drain(10);
    expect(await ids(search)).toEqual([]);
  });

  it('reads each syndicate once per page however many of its openings the page holds', async () => {
    const { deps, drain, syndicateReads } = world(Array.from({ length: 5 }, (_, i) => opening(`o${i}`)));
    await runReindexStep(deps, { kind: 'start', version: 'v2', segments: 1 });
    await drain(5);
    expect(syndicateReads()).toBe(1);
  });

  it('drops the steps of a reindex started for an older index version, so a newer deploy’s reindex runs alone', async () => {
    const { deps, queue, scans } = world([opening('o1')]);
    const report = await runReindexStep(deps, { kind: 'table', version: 'v1', segment: 0, segments: 1, page: 3 });
    expect(report.skipped).toBe('superseded');
    expect(await runReindexStep(deps, { kind: 'start', version: 'v1', segments: 4 })).toMatchObject({
      skipped: 'superseded',
    });
    expect(queue).toEqual([]);
    expect(scans).toEqual([]);
  });

  it('indexes the commons shipped with the deploy and removes content the commons no longer has', async () => {
    const { deps, search } = world([]);
    const gone = { ...contentDocuments(commons, 'x')[0], id: 'course:a-course-since-removed' } as Parameters<
      typeof search.upsert
    >[0][number];
    await search.upsert([gone]);
    const report = await runReindexStep(deps, { kind: 'commons', version: 'c1' });
    expect(report.upserted).toBe(contentDocuments(commons, 'x').length);
    expect(report.deleted).toBe(1);
    expect(await ids(search)).toEqual(
      contentDocuments(commons, 'x')
        .map((d) => d.id)
        .sort(),
    );
  });

  it('refuses a queued step that is not one it knows, so a malformed message lands in the dead-letter queue', () => {
    expect(() => reindexStepSchema().parse({ kind: 'table', version: 'v2', segment: 0, segments: 1 })).toThrow();
    expect(() => reindexStepSchema().parse({ kind: 'everything' })).toThrow();
  });

  it('indexes the commons and then ESCO skills a slice a step, each slice queueing the next', async () => {
    const { deps, search, queue } = world([]);
    const report = await runReindexStep(deps, { kind: 'commons', version: 'bundle-1' });
    expect(report.next).toBe(1);
    expect(queue).toEqual([{ kind: 'esco', version: 'bundle-1', offset: 0 }]);
    const slices: number[] = [];
    for (let step = queue.shift(); step; step = queue.shift()) {
      slices.push((await runReindexStep(deps, step, 200, 2)).upserted);
    }
    expect(slices).toEqual([2, 2, 1]);
    const skills = (await ids(search)).filter((id) => id.startsWith('skill:'));
    expect(skills).toEqual(esco.skills.map(([id]) => `skill:esco/${id.slice('skill/'.length)}`));
    expect((await ids(search)).filter((id) => id.startsWith('course:'))).toHaveLength(commons.courses.size);
  });

  it('announces the catalogue with the commons step, once a deploy shipped it, and fails the step when the announce fails', async () => {
    const { deps, queue } = world([]);
    let announced = 0;
    const withAnnounce = {
      ...deps,
      announce: async () => {
        announced += 1;
        return { Create: 0, Update: 1, Delete: 0 };
      },
    };
    await runReindexStep(withAnnounce, { kind: 'commons', version: 'bundle-1' });
    expect(announced).toBe(1);
    queue.length = 0;
    const failing = {
      ...deps,
      announce: async () => {
        throw new Error('the outbox queue did not answer');
      },
    };
    await expect(runReindexStep(failing, { kind: 'commons', version: 'bundle-2' })).rejects.toThrow(/outbox/);
    // Nothing after it was queued: SQS tries the whole step again.
    expect(queue).toEqual([]);
  });
});
