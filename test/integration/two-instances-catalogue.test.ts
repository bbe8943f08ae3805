// Two Guildhall instances side by side (issue 20): B's steward follows A's commons (its Service actor,
// acct:_instance@<A's host>); A accepts and backfills B with its whole catalogue and its latest shortage
// snapshot, each a Create B re-fetches from A and keeps; then A restarts on the same data with one
// course changed (a deploy), announces the change, and B keeps the new version. Each instance runs in its
// own process with its own DynamoDB Local; A's data is kept on disk so its restart finds its followers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeCommonsFile } from '#adapters/content/commons-file.ts';
import { loadCommons } from '#adapters/content/load-commons.ts';
import { type Instance, startInstance, stopInstance } from '../support/two-instances/start.ts';
import { apiAs } from '../support/sign-in.ts';
import { defined } from '../support/defined.ts';

const root = resolve(import.meta.dirname, '../..');
const steward = 'demo-grace';

const work = mkdtempSync(join(tmpdir(), 'guildhall-catalogue-'));
const aData = { INSTANCE_DATA_DIR: join(work, 'a-dynamodb') };
const commons = loadCommons(join(root, 'content'));
const catalogueSize = commons.courses.size + commons.practices.size;
let a: Instance;
let b: Instance;

beforeAll(async () => {
  a = await startInstance({ env: aData });
  b = await startInstance();
}, 240_000);

afterAll(async () => {
  await Promise.all([stopInstance(a), stopInstance(b)]);
  rmSync(work, { recursive: true, force: true });
});

interface RemoteCourse {
  id: string;
  origin: string;
  title: string;
  url: string;
  languages: string[];
  skills: Array<{ id: string; esco?: string }>;
}

async function remoteCoursesOnB(): Promise<RemoteCourse[]> {
  const all: RemoteCourse[] = [];
  let cursor: string | undefined;
  do {
    const query = `pageSize=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = (await (await fetch(`${b.url}/api/federation/remote-courses?${query}`)).json()) as {
      items: RemoteCourse[];
      next?: string;
    };
    all.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return all;
}

describe('a commons followed by another', () => {
  it('sends B its catalogue and latest snapshot, then a course it changed and one it retired at a restart', async () => {
    const follow = await apiAs(b.url, steward, 'POST', '/api/federation/follows', {
      actor: `acct:_instance@${a.host}`,
    });
    expect(follow).toMatchObject({ host: a.host, kind: 'commons' });

    // Polled, never slept: A's Accept, its backfill jobs, B's inbox and B's re-fetch of each Document.
    await vi.waitFor(
      async () => {
        const courses = await remoteCoursesOnB();
        expect(courses).toHaveLength(catalogueSize);
      },
      { timeout: 30_000, interval: 200 },
    );
    const courses = await remoteCoursesOnB();
    const first = defined([...commons.courses.values()][0], 'such entry in the commons');
    const kept = courses.find((c) => c.id === `${a.url}/api/federation/courses/${first.id}`);
    expect(kept).toMatchObject({ origin: a.host, title: first.title, url: `${a.url}/learn/${first.id}/` });
    expect(kept?.languages[0]).toBe('en');
    const mapped = first.skills.find((s) => commons.skills.get(s.skill)?.esco);
    if (mapped) {
      expect(kept?.skills).toContainEqual(
        expect.objectContaining({ id: mapped.skill, esco: commons.skills.get(mapped.skill)?.esco }),
      );
    }
    const guide = defined([...commons.practices.values()][0], 'such entry in the commons');
    expect(courses.find((c) => c.id.endsWith(`/courses/${guide.id}`))).toMatchObject({
      url: `${a.url}/learn/practices/${guide.id}/`,
    });

    const latest = (await (await fetch(`${a.url}/api/federation/shortages/latest`)).json()) as { id: string };
    await vi.waitFor(
      async () => {
        const snapshots = (await (await fetch(`${b.url}/api/federation/remote-shortages`)).json()) as {
          items: Array<{ id: string; origin: string }>;
        };
        expect(snapshots.items).toEqual([expect.objectContaining({ id: latest.id, origin: a.host })]);
      },
      { timeout: 30_000, interval: 200 },
    );

    // A deploy that changes one course and retires another: A restarts on its data with the changed
    // commons and announces both (an Update, a Delete).
    const changedTitle = `${first.title} (second edition)`;
    const retired = defined([...commons.courses.values()].at(-1), 'such entry in the commons');
    const changed = join(work, 'commons.json');
    writeCommonsFile(
      {
        ...commons,
        courses: new Map(
          [...commons.courses]
            .filter(([id]) => id !== retired.id)
            .map(([id, c]) => [id, id === first.id ? { ...c, title: changedTitle } : c]),
        ),
      },
      changed,
    );
    await stopInstance(a);
    a = await startInstance({ port: a.port, env: { ...aData, INSTANCE_COMMONS_FILE: changed } });
    await vi.waitFor(
      async () => {
        const now = await remoteCoursesOnB();
        expect(now.find((c) => c.id === `${a.url}/api/federation/courses/${first.id}`)?.title).toBe(changedTitle);
        expect(now.map((c) => c.id)).not.toContain(`${a.url}/api/federation/courses/${retired.id}`);
        expect(now).toHaveLength(catalogueSize - 1);
      },
      { timeout: 30_000, interval: 200 },
    );
    // The retired course's id now answers that it is gone.
    expect((await fetch(`${a.url}/api/federation/courses/${retired.id}`)).status).toBe(410);
  }, 300_000);
});
