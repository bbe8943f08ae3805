// A syndicate's openings as ActivityPub: which activity each change of an opening calls for, the Note
// every follower's server reads (a post for Mastodon, the JobPosting for Guildhall peers), the fan-out
// to followers a page at a time, and the stream consumer that queues it all off the request path.
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { federationIds } from '#adapters/activitypub/paths.ts';
import { publishOpeningRecords } from '#app/stream-federation.ts';
import type { StreamRecord } from '#app/stream-indexer.ts';
import type { DeliveryJob } from '#domain/federation/delivery.ts';
import {
  openingActivity,
  openingActivityId,
  openingActivityType,
  openingNote,
  skillIri,
  type StoredOpening,
} from '#domain/federation/opening-activity.ts';
import { skillIdOf } from '#domain/federation/remote-opening.ts';
import { type OutboxDeps, type OutboxJob, runOutboxJob } from '#domain/federation/outbox.ts';
import type { Syndicate } from '#domain/syndicates/syndicate.ts';
import { createLogger } from '#platform/log.ts';
import { memoryFollowers } from '../../support/federation-world.ts';
import { openOpening } from '../../support/open-opening.ts';

const origin = 'https://guildhall.test';
const ids = federationIds(origin);
const open = (overrides: Partial<StoredOpening> = {}): StoredOpening => openOpening('op-1', overrides);
const draft = open({ status: 'draft', version: 1 });
const published = open({ version: 2, datePosted: '2026-11-02T00:00:00.000Z' });
const syndicate = { id: 's1', name: 'Leeds <Heat> & Co', description: 'Heat pumps.' } as Syndicate;

describe('which activity an opening change calls for', () => {
  it('publishes an opening when it opens, and never a draft', () => {
    expect(openingActivityType(draft, published)).toBe('Create');
    expect(openingActivityType(undefined, draft)).toBeNull();
    expect(openingActivityType(draft, { ...draft, title: 'A better title', version: 2 })).toBeNull();
    expect(openingActivityType(draft, undefined)).toBeNull();
  });

  it('updates an open opening when something a follower sees changes, and only then', () => {
    const later = { ...published, version: 3, updatedAt: '2026-11-03T00:00:00.000Z' };
    expect(openingActivityType(published, { ...later, title: 'Heat pump fitter, nights' })).toBe('Update');
    expect(openingActivityType(published, { ...later, filled: 1, positions: 2 })).toBe('Update');
    expect(openingActivityType(published, { ...later, pay: [{ amount: 3500, currency: 'GBP', per: 'hour' }] })).toBe(
      'Update',
    );
    expect(openingActivityType(published, later)).toBeNull();
  });

  it('deletes it when it closes, fills, expires or is deleted', () => {
    expect(openingActivityType(published, { ...published, status: 'closed', version: 3 })).toBe('Delete');
    expect(openingActivityType(published, { ...published, status: 'filled', version: 3 })).toBe('Delete');
    expect(openingActivityType(published, { ...published, expiredOn: '2026-12-31', version: 3 })).toBe('Delete');
    expect(openingActivityType(published, undefined)).toBe('Delete');
    // Once gone, its later edits are nobody's business.
    const closed = { ...published, status: 'closed' as const, version: 3 };
    expect(openingActivityType(closed, { ...closed, title: 'Renamed', version: 4 })).toBeNull();
  });
});

describe('the opening as a Note', () => {
  const note = openingNote({ ...published, title: 'Fitter <script>alert(1)</script>' }, syndicate, {
    ids,
    descriptionHtml: '<p>Shared work.</p>',
    skillLabel: (id) => (id === 'heat-pump-installation' ? 'Heat pump installation' : undefined),
  });

  it('is a public post from the Group to its followers, at an id that dereferences, linking the job page', () => {
    expect(note).toMatchObject({
      id: `${origin}/api/federation/openings/op-1`,
      type: 'Note',
      attributedTo: `${origin}/api/federation/actors/s1`,
      to: ['https://www.w3.org/ns/activitystreams#Public'],
      cc: [`${origin}/api/federation/actors/s1/followers`],
      url: `${origin}/jobs/op-1/`,
      published: '2026-11-02T00:00:00.000Z',
      updated: published.updatedAt,
      tag: [{ type: 'Hashtag', name: '#heat-pump-installation', href: `${origin}/jobs/?skill=heat-pump-installation` }],
    });
    expect(note['@context']).toEqual([
      'https://www.w3.org/ns/activitystreams',
      { schema: 'https://schema.org/', jobPosting: 'schema:mainEntity' },
    ]);
  });

  it('escapes everything a person typed in its HTML', () => {
    expect(note.content).not.toContain('<script>');
    expect(note.content).toContain('Fitter &lt;script&gt;');
    expect(note.content).toContain('Leeds &lt;Heat&gt; &amp; Co');
    expect(note.content).toContain(`href="${origin}/jobs/op-1/"`);
    expect(note.content).toContain('Heat pump installation (working)');
  });

  it('carries the schema.org JobPosting with the skills asked and the kind', () => {
    expect(note.jobPosting).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Fitter <script>alert(1)</script>',
      description: '<p>Shared work.</p>',
      url: `${origin}/jobs/op-1/`,
      // A commons skill as an IRI (in JSON-LD `id` is `@id`: a bare id made bovine refuse the Create).
      skills: [
        { id: `${origin}/jobs/?skill=heat-pump-installation`, label: 'Heat pump installation', level: 'working' },
      ],
      'guildhall:kind': 'job',
    });
  });

  it('names a skill so that a receiver reads back the commons id or the ESCO URI, and nothing from another host', () => {
    const esco = 'http://data.europa.eu/esco/skill/d809a1d2-b80e-43e4-8984-de7517fb68f1';
    const host = new URL(origin).host;
    expect(skillIdOf(skillIri(origin, 'heat-pump-installation'), host)).toBe('heat-pump-installation');
    expect(skillIdOf(esco, host)).toBe(esco);
    // What older peers sent, bare.
    expect(skillIdOf('heat-pump-installation', host)).toBe('heat-pump-installation');
    expect(skillIdOf(skillIri('https://elsewhere.example', 'heat-pump-installation'), host)).toBeNull();
    expect(skillIdOf(`${origin}/jobs/?skill=heat-pump-installation&x=1`, host)).toBeNull();
    expect(skillIdOf(`${origin}/innovations/?skill=heat-pump-installation`, host)).toBeNull();
    expect(skillIdOf(`${origin}/jobs/?skill=Not%20A%20Skill`, host)).toBeNull();
    expect(skillIdOf(`${origin}/jobs/?skill=${encodeURIComponent(esco)}`, host)).toBeNull();
  });
});

describe('the activities', () => {
  it('wrap the Note in a Create or Update from the Group, and name only its id in a Delete', () => {
    const note = openingNote(published, syndicate, { ids, descriptionHtml: '' });
    const create = openingActivity('Create', published, ids, note);
    expect(create).toMatchObject({ type: 'Create', actor: `${origin}/api/federation/actors/s1`, object: note });
    expect(create.id).toMatch(new RegExp(`^${origin}/api/federation/activities/[0-9a-f-]{36}$`));
    const gone = { ...published, status: 'closed' as const, version: 3 };
    expect(openingActivity('Delete', gone, ids)).toMatchObject({ type: 'Delete', object: note.id, cc: note.cc });
    expect(() => openingActivity('Update', published, ids)).toThrow();
  });

  it('have the same id for the same change of the same version (a replayed record is seen already), another for any other', () => {
    const id = openingActivityId(ids, 'Create', published);
    expect(openingActivityId(ids, 'Create', { ...published })).toBe(id);
    expect(openingActivityId(ids, 'Update', published)).not.toBe(id);
    expect(openingActivityId(ids, 'Create', { ...published, version: 3 })).not.toBe(id);
    expect(openingActivityId(ids, 'Create', { ...published, id: 'op-2' })).not.toBe(id);
  });
});

function fanOutWorld(
  count: number,
  options: { blockedHost?: string; sharedInbox?: (n: number) => string | undefined } = {},
) {
  const followers = memoryFollowers();
  for (let n = 0; n < count; n++) {
    const host = n % 2 === 0 ? 'even.example' : 'odd.example';
    void followers.save({
      syndicateId: 's1',
      actorId: `https://${host}/users/${String(n).padStart(4, '0')}`,
      inbox: `https://${host}/users/${String(n).padStart(4, '0')}/inbox`,
      sharedInbox: options.sharedInbox?.(n),
      followId: `f${n}`,
      followedAt: '2026-11-01T00:00:00.000Z',
    });
  }
  void followers.save({
    syndicateId: 'other',
    actorId: 'https://elsewhere.example/users/x',
    inbox: 'https://elsewhere.example/users/x/inbox',
    followId: 'fx',
    followedAt: '2026-11-01T00:00:00.000Z',
  });
  const delivered: DeliveryJob[] = [];
  const pages: OutboxJob[] = [];
  const deps: OutboxDeps = {
    followers,
    blocked: async (inbox) => options.blockedHost !== undefined && new URL(inbox).host === options.blockedHost,
    deliveries: { enqueue: async (job) => void delivered.push(job) },
    outbox: { enqueue: async (job) => void pages.push(job) },
    activityFor: async (type, opening) =>
      openingActivity(
        type,
        opening,
        ids,
        type === 'Delete' ? undefined : openingNote(opening, syndicate, { ids, descriptionHtml: '' }),
      ),
    pageSize: 100,
  };
  /** Runs a job and every page it queues, as the queue would. */
  const drain = async (job: OutboxJob) => {
    let runs = 0;
    pages.push(job);
    for (let next = pages.shift(); next; next = pages.shift()) {
      runs += 1;
      await runOutboxJob(deps, next);
    }
    return runs;
  };
  return { deps, delivered, drain };
}

describe('the fan-out to followers', () => {
  it('reaches each of 1,000 followers once, a page of 100 per job, and no follower of another syndicate', async () => {
    const { delivered, drain } = fanOutWorld(1000);
    const runs = await drain({ kind: 'publish', type: 'Create', opening: published, attempt: 0 });
    expect(runs).toBe(10);
    expect(delivered).toHaveLength(1000);
    expect(new Set(delivered.map((job) => job.inbox)).size).toBe(1000);
    expect(delivered.every((job) => job.signer === 's1' && job.activity.type === 'Create')).toBe(true);
    expect(delivered.some((job) => job.inbox.includes('elsewhere'))).toBe(false);
  });

  it('sends a shared inbox one copy, and a blocked instance nothing', async () => {
    const { delivered, drain } = fanOutWorld(10, {
      sharedInbox: (n) => (n % 2 === 0 ? 'https://even.example/inbox' : undefined),
      blockedHost: 'odd.example',
    });
    await drain({
      kind: 'publish',
      type: 'Delete',
      opening: { ...published, status: 'closed', version: 3 },
      attempt: 0,
    });
    expect(delivered.map((job) => job.inbox)).toEqual(['https://even.example/inbox']);
    expect(delivered[0]?.activity).toMatchObject({ type: 'Delete', object: `${origin}/api/federation/openings/op-1` });
  });

  it('sends nothing when the syndicate is gone', async () => {
    const { deps, delivered } = fanOutWorld(3);
    await runOutboxJob(
      { ...deps, activityFor: async () => null },
      { kind: 'publish', type: 'Create', opening: published, attempt: 0 },
    );
    expect(delivered).toEqual([]);
  });
});

describe('the stream consumer', () => {
  const record = (
    sequence: string,
    before: object | undefined,
    after: object | undefined,
    eventName = 'MODIFY',
  ): StreamRecord => ({
    eventName,
    dynamodb: {
      SequenceNumber: sequence,
      ...(before ? { OldImage: marshall({ ...before, type: 'opening' }, { removeUndefinedValues: true }) } : {}),
      ...(after ? { NewImage: marshall({ ...after, type: 'opening' }, { removeUndefinedValues: true }) } : {}),
    },
  });
  const log = createLogger('silent');

  it('queues a job for each opening change that calls for an activity, in order, and none for drafts or other items', async () => {
    const queued: OutboxJob[] = [];
    const closed = { ...published, status: 'closed', version: 3 };
    const result = await publishOpeningRecords({ outbox: { enqueue: async (job) => void queued.push(job) }, log }, [
      record('1', undefined, draft, 'INSERT'),
      record('2', draft, published),
      { eventName: 'INSERT', dynamodb: { SequenceNumber: '3', NewImage: marshall({ type: 'syndicate', id: 's1' }) } },
      record('4', published, closed),
      record('5', closed, closed, 'REMOVE'),
    ]);
    expect(result.batchItemFailures).toEqual([]);
    expect(queued.map((job) => job.kind === 'publish' && [job.type, job.opening.version])).toEqual([
      ['Create', 2],
      ['Delete', 3],
    ]);
  });

  it('reports the first record it could not queue, so the retry starts there', async () => {
    let calls = 0;
    const outbox = {
      enqueue: async () => {
        calls += 1;
        if (calls === 2) throw new Error('queue down');
      },
    };
    const result = await publishOpeningRecords({ outbox, log }, [
      record('1', draft, published),
      record('2', published, { ...published, title: 'Heat pump fitter, nights', version: 3 }),
      record('3', published, { ...published, status: 'closed', version: 4 }),
    ]);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '2' }]);
    expect(calls).toBe(2);
  });

  it('queues nothing where the instance has no outbox', async () => {
    expect(await publishOpeningRecords({ outbox: undefined, log }, [record('1', draft, published)])).toEqual({
      batchItemFailures: [],
    });
  });
});
