// Every list the API answers is read a page at a time (issue 14, "Data access"): each GET route of
// `apiRoutes` that returns a list takes `?cursor=` and `?pageSize=`, returns `next` while there is
// more, never more than `pageSize` items, every item once over the walk, and refuses a forged cursor
// with a 400 naming `query.cursor`. One table of routes; each area's rows stay together.
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { notificationId } from '#domain/notifications/produce.ts';
import { encodeCursor } from '#domain/paging.ts';
import { contentDocuments, listingDocument, openingDocument } from '#domain/search/documents.ts';
import { apiRoutes } from '#http/api.ts';
import { federationServices } from '#app/federation-services.ts';
import { catalogueServices } from '#app/catalogue-services.ts';
import { remoteFollowId } from '#domain/federation/remote-follow.ts';
import { type ApiResponse, apiOnFreshTable, body } from '../support/api-client.ts';
import { createPeople } from '../support/innovation-world.ts';
import { loggedHours } from '../support/work-world.ts';
import { putOffer } from '../support/offers.ts';
import { dayReportInput, draftInput } from '../unit/innovations/fixtures.ts';

type Call = Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let call: Call;

interface ListRow {
  /** The route's path template, as in `apiRoutes`. */
  route: string;
  /** A path that answers a list of more than two pages at `pageSize`. */
  path: string;
  as: string | null;
  pageSize: number;
  /** What tells two items apart. */
  id: (item: Record<string, unknown>) => string;
}

const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const opening = (title: string) => ({
  title,
  description: 'Frame internal walls and hang fire doors with a team of eight. Work is shared at a Monday meeting.',
  skills: [{ skill: 'stud-wall-framing', level: 'working' }],
  positions: 2,
  hoursPerWeek: 32,
  pay: [{ amount: 4200, currency: 'EUR', per: 'hour' }],
  place: 'Rotterdam, NL',
  remote: false,
  employmentType: 'CONTRACTOR',
  validThrough: inAMonth,
});
const syndicate = (id: string) => ({
  id,
  name: `Syndicate ${id}`,
  trade: 'construction',
  description: 'Carpenters who share work fairly.',
  place: 'Rotterdam, NL',
  rateCard: [],
});
const marketListing = (title: string) => ({
  title,
  description: 'Stud walls framed by the metre.',
  kind: 'service',
  trade: 'construction',
  skillIds: ['stud-wall-framing'],
  place: 'Rotterdam, NL',
  unit: 'job',
  price: 40_000,
});
const people = ['p0', 'p1', 'p2', 'p3', 'p4'];
const syndicateIds = ['riverside', 'alder', 'birch', 'cedar', 'damson'];
const openingIds: string[] = [];
const recordIds: string[] = [];
let proposalId = '';

async function ok(response: Promise<ApiResponse>, status = 200) {
  const answered = await response;
  expect(answered.status, JSON.stringify(answered.body)).toBe(status);
  return body(answered);
}

beforeAll(async () => {
  const api = await apiOnFreshTable();
  call = api.call;
  await api.services.search.upsert(contentDocuments(api.services.commons, '2026-01-01T00:00:00.000Z'));
  for (const id of syndicateIds) {
    await ok(call('POST', '/api/syndicates', 'admin', syndicate(id)), 201);
  }
  // Five instances the stewards blocked (issue 20), kept as the block route keeps them.
  for (const id of syndicateIds) {
    await api.services.instanceBlocks.put({
      host: `${id}.example`,
      reason: 'Spam',
      blockedBy: 'steward',
      blockedAt: '2026-12-01T00:00:00.000Z',
    });
  }
  // Five remote syndicates the stewards follow (issue 20), kept as the follow route keeps them.
  for (const id of syndicateIds) {
    const actorId = `https://${id}.example/api/federation/actors/${id}`;
    await federationServices(api.services).remoteFollows.put({
      id: remoteFollowId(actorId),
      actorId,
      handle: `acct:${id}@${id}.example`,
      host: `${id}.example`,
      inbox: `${actorId}/inbox`,
      state: 'accepted',
      followActivityId: `https://guildhall.test/api/federation/activities/${id}`,
      requestedBy: 'steward',
      requestedAt: '2026-12-01T00:00:00.000Z',
    });
  }
  // Five followed commons' courses and snapshots, as their receivers keep them (issue 20).
  const catalogue = catalogueServices(api.services);
  for (const id of syndicateIds) {
    await catalogue.remoteCourses.putIfNewer({
      objectId: `https://${id}.example/api/federation/courses/${id}`,
      followId: remoteFollowId(`https://${id}.example/api/federation/actors/_instance`),
      origin: `${id}.example`,
      kind: 'course',
      title: `Course at ${id}`,
      summary: 'Frames.',
      trade: 'construction',
      skills: [],
      licence: 'CC-BY-SA-4.0',
      languages: ['en'],
      hours: 4,
      url: `https://${id}.example/learn/${id}/`,
      updated: '2026-12-01T00:00:00.000Z',
      receivedAt: '2026-12-01T00:00:00.000Z',
    });
    await catalogue.remoteShortages.putIfNewer({
      objectId: `https://${id}.example/api/federation/shortages/2026-12-01`,
      followId: remoteFollowId(`https://${id}.example/api/federation/actors/_instance`),
      origin: `${id}.example`,
      date: '2026-12-01',
      members: 3,
      openPositions: 1,
      rows: [],
      receivedAt: '2026-12-01T00:00:00.000Z',
    });
  }
  // Five logs the stewards witness, each cosigned and reported to this log as a witness would (issue 20).
  for (const [n, id] of syndicateIds.entries()) {
    await api.services.witnessedLogs.add({
      host: `${id}.example`,
      publicKey: { kty: 'OKP', crv: 'Ed25519', x: 'AAAA' },
      addedBy: 'steward',
      addedAt: '2026-12-01T00:00:00.000Z',
    });
    const witness = { witness: `${id}.example`, time: n, signature: 'AA==', receivedAt: '2026-12-01T00:00:00.000Z' };
    await api.services.witnessReports.putCosignature({ ...witness, treeSize: 1, rootHash: 'AA==' });
    const head = { treeSize: 1, rootHash: 'AA==', timestamp: n, signature: 'AA==' };
    await api.services.witnessReports.putFork({
      ...witness,
      reason: 'same-size-different-root',
      seen: head,
      served: head,
    });
  }
  // Five learners' practical work waits for riverside's assessors (stored as the learners' requests store it).
  for (let i = 0; i < 5; i++) {
    const at = new Date(Date.UTC(2026, 10, 1 + i)).toISOString();
    await api.services.assessments.save({
      personId: `apprentice-${i}`,
      courseId: 'plasterboard-hanging-and-jointing',
      tasks: [
        {
          taskId: 'board-a-stud-wall',
          evidence: { description: 'Boarded a wall.', links: [], images: [], updatedAt: at },
        },
      ],
      syndicateId: 'riverside',
      requestedAt: at,
      updatedAt: at,
      version: 1,
    });
  }
  for (let i = 0; i < 5; i++) {
    const created = await ok(
      call('POST', '/api/syndicates/riverside/openings', 'admin', opening(`Carpenter ${i}`)),
      201,
    );
    openingIds.push(String(created.id));
    await ok(call('PUT', `/api/openings/${created.id}/status`, 'admin', { status: 'open' }));
  }
  for (const person of people) {
    await ok(call('POST', '/api/syndicates/riverside/join-requests', person), 201);
    await ok(call('PUT', `/api/openings/${openingIds[0]}/applications/me`, person, { note: 'Hello' }));
  }
  for (const id of openingIds) await ok(call('PUT', `/api/openings/${id}/applications/me`, 'ada', { note: 'Hi' }));
  // Ada's thread on the first opening: five messages, both sides.
  for (let i = 0; i < 5; i++) {
    const path = `/api/openings/${openingIds[0]}/applications/ada/messages`;
    await ok(call('POST', path, i % 2 ? 'admin' : 'ada', { body: `Message ${i}` }), 201);
  }
  for (let i = 0; i < 5; i++) {
    await ok(call('POST', `/api/openings/${openingIds[0]}/applicants/p0/notes`, 'admin', { body: `Note ${i}` }), 201);
  }
  // The stream indexer does not run here: the openings are indexed as it would, for the ranked board.
  const published = await api.services.openings.getMany(openingIds);
  await api.services.search.upsert(
    [...published.values()].map((o) => openingDocument(o, { name: 'Riverside', trade: 'construction' }, new Date())),
  );
  await ok(call('PUT', '/api/me/goal', 'ada', { skills: ['stud-wall-framing'] }));
  for (let i = 0; i < 5; i++) {
    await ok(
      call('POST', '/api/me/saved-searches', 'ada', { name: `Search ${i}`, query: { q: `carpenter ${i}` } }),
      201,
    );
  }
  await innovationWorld(api.services);
  // Ben fills a position at alder and logs five days of hours, all awaiting approval.
  const { openingId } = await loggedHours(api, 'ben', 'alder', 'admin');
  for (let day = 3; day < 7; day++) {
    const input = { syndicateId: 'alder', for: { kind: 'position', openingId }, date: `2026-11-0${day}` };
    await ok(
      call('POST', '/api/work-logs', 'ben', { ...input, hours: 1, service: 'Sweeping up', note: 'Swept.' }),
      201,
    );
  }
  // Seven notifications in p0's inbox, as the stream consumer stores them.
  for (let i = 0; i < 7; i++) {
    const at = new Date(Date.UTC(2026, 11, 6, 10, i)).toISOString();
    const eventKey = `paged-${i}#join-request-decided#p0`;
    await api.services.notifications.add({
      id: notificationId(at, eventKey),
      personId: 'p0',
      kind: 'join-request-decided',
      at,
      title: `You joined syndicate ${i}`,
      summary: 'Your request was accepted.',
      link: '/syndicates/riverside/',
      eventKey,
    });
  }
}, 180_000);

/**
 * Paging-b's lists: five records by ana and ben, all adopted by riverside and the first by every
 * syndicate; riverside reports five days of value on the first, which ana confirms and so settles.
 * Every syndicate has credit from the steward, so the ledger holds seven accounts.
 */
async function innovationWorld(services: Parameters<typeof createPeople>[0]) {
  await createPeople(services, ['ana', 'ben']);
  for (const id of syndicateIds) {
    await ok(
      call('PUT', `/api/syndicates/${id}/credit-limit`, 'steward', {
        credit: 100_000,
        reason: 'Agreed by its members.',
      }),
    );
  }
  for (let i = 0; i < 5; i++) {
    const created = await ok(
      call('POST', '/api/innovations', 'ana', {
        ...draftInput([
          { personId: 'ana', basisPoints: 7000 },
          { personId: 'ben', basisPoints: 3000 },
        ]),
        title: `A two-minute fault triage card, take ${i}`,
      }),
      201,
    );
    const id = String(created.record.id);
    await ok(call('PUT', `/api/innovations/${id}/draft/consent`, 'ben', { decision: 'accept' }));
    await ok(call('POST', `/api/innovations/${id}/publication`, 'ana'));
    await ok(
      call('PUT', `/api/innovations/${id}/adoptions/riverside`, 'admin', { implementers: [{ personId: 'admin' }] }),
      201,
    );
    recordIds.push(id);
  }
  const [first] = recordIds;
  for (const syndicateId of syndicateIds.slice(1)) {
    await ok(
      call('PUT', `/api/innovations/${first}/adoptions/${syndicateId}`, 'admin', {
        implementers: [{ personId: 'admin' }],
      }),
      201,
    );
  }
  for (let day = 0; day < 5; day++) {
    const reported = await ok(
      call('POST', `/api/innovations/${first}/adoptions/riverside/reports`, 'admin', dayReportInput(1000, day)),
      201,
    );
    const decided = await ok(
      call('PUT', `/api/innovations/${first}/reports/${reported.report.id}/decision`, 'ana', { decision: 'confirm' }),
    );
    expect(decided.report.status).toBe('settled');
  }
  // Ana invoices riverside five times, and riverside pays her twice beside the royalties.
  for (let i = 0; i < 5; i++) {
    await ok(
      call('POST', '/api/payment-requests', 'ana', {
        payer: 'syndicate:riverside',
        amount: 100 + i,
        memo: `Invoice ${i}`,
      }),
      201,
    );
  }
  // Five offers and five wants of ana's and of riverside's, on the marketplace too.
  for (let i = 0; i < 5; i++) {
    for (const [as, owner] of [
      ['ana', {}],
      ['admin', { seller: 'syndicate:riverside' }],
    ] as const) {
      const listing = { ...marketListing(`Framing job ${i}`), ...owner };
      const made = await ok(call('POST', '/api/offers', as, listing), 201);
      const stored = await services.market.offers.get(made.offer.id);
      if (stored) await services.search.upsert([listingDocument(stored)]);
      const buyer = 'seller' in owner ? { buyer: owner.seller } : {};
      await ok(call('POST', '/api/wants', as, { ...marketListing(`Doors hung ${i}`), ...buyer, hours: 8 }), 201);
    }
  }
  // Ana orders riverside's offer five times.
  await putOffer(services, { id: 'riverside-joinery', seller: 'syndicate:riverside' });
  for (let i = 0; i < 5; i++) {
    await ok(call('POST', '/api/orders', 'ana', { offerId: 'riverside-joinery', quantity: i + 1 }), 201);
  }
  for (let i = 0; i < 2; i++) {
    await ok(
      call('POST', '/api/payments', 'admin', {
        from: 'syndicate:riverside',
        to: 'person:ana',
        amount: 50,
        memo: `Thanks ${i}`,
      }),
      201,
    );
  }
  // Ana proposes five sense checks to the commons, and keeps five more as drafts; five people vote on one.
  const voted = await ok(
    call('POST', '/api/proposals', 'ana', { kind: 'sense-check', scope: 'commons', title: 'Voted on' }),
    201,
  );
  proposalId = voted.id;
  await createPeople(services, people);
  for (const person of people) await ok(call('PUT', `/api/proposals/${proposalId}/votes/me`, person, { choice: 'no' }));
  for (const draft of [false, true]) {
    for (let i = 0; i < 5; i++) {
      await ok(
        call('POST', '/api/proposals', 'ana', { kind: 'sense-check', scope: 'commons', title: `Question ${i}`, draft }),
        201,
      );
    }
  }
}

const byId = (item: Record<string, unknown>) => String(item.id);

// Rows of issue 14's jobs, syndicates, learning, people, search and shortages lists.
const jobRows: ListRow[] = [
  { route: '/api/syndicates', path: '/api/syndicates', as: null, pageSize: 2, id: byId },
  { route: '/api/openings', path: '/api/openings', as: null, pageSize: 2, id: byId },
  {
    route: '/api/syndicates/{syndicateId}/openings',
    path: '/api/syndicates/riverside/openings',
    as: null,
    pageSize: 2,
    id: byId,
  },
  {
    route: '/api/syndicates/{syndicateId}/practical-work',
    path: '/api/syndicates/riverside/practical-work',
    as: 'admin',
    pageSize: 2,
    id: (item) => String(item.personId),
  },
  {
    route: '/api/syndicates/{syndicateId}/members',
    path: '/api/syndicates/riverside/members',
    as: 'admin',
    pageSize: 2,
    id: (item) => String(item.personId),
  },
  {
    route: '/api/me/applications',
    path: '/api/me/applications',
    as: 'ada',
    pageSize: 2,
    id: (item) => String(item.openingId),
  },
  {
    // Everything held about ada: her five applications (on gsi1) and whatever else the walk finds.
    route: '/api/me/export',
    path: '/api/me/export',
    as: 'ada',
    pageSize: 2,
    id: (item) => JSON.stringify(item),
  },
  {
    route: '/api/me/best-matches',
    path: '/api/me/best-matches',
    as: 'ada',
    pageSize: 2,
    id: byId,
  },
  {
    route: '/api/me/saved-searches',
    path: '/api/me/saved-searches',
    as: 'ada',
    pageSize: 2,
    id: byId,
  },
  {
    route: '/api/openings/{openingId}/applicants',
    path: '', // the first opening's, filled in once it exists
    as: 'admin',
    pageSize: 2,
    id: (item) => String((item.person as { id: string }).id),
  },
  {
    route: '/api/openings/{openingId}/applications/{personId}/messages',
    path: '/api/openings/{opening}/applications/ada/messages',
    as: 'ada',
    pageSize: 2,
    id: (item) => String(item.messageId),
  },
  {
    route: '/api/openings/{openingId}/applicants/{personId}/notes',
    path: '/api/openings/{opening}/applicants/p0/notes',
    as: 'admin',
    pageSize: 2,
    id: byId,
  },
  { route: '/api/courses', path: '/api/courses', as: null, pageSize: 2, id: byId },
  { route: '/api/paths', path: '/api/paths', as: null, pageSize: 25, id: byId },
  // The carpenter's path asks for stud-wall-framing, which the five openings above ask for.
  { route: '/api/paths/{pathId}/openings', path: '/api/paths/carpenter/openings', as: null, pageSize: 2, id: byId },
  { route: '/api/skills', path: '/api/skills', as: null, pageSize: 40, id: byId },
  {
    route: '/api/search',
    path: '/api/search?type=course',
    as: null,
    pageSize: 2,
    id: (item) => String((item.document as { id: string }).id),
  },
  { route: '/api/shortages', path: '/api/shortages', as: null, pageSize: 40, id: (item) => String(item.skill) },
];

// Rows of issue 14's innovation registry, ledger, statements and registry-log lists. `{first}` in a
// path is the first record, which every syndicate adopted and riverside reported value on five times.
const innovationRows: ListRow[] = [
  { route: '/api/innovations', path: '/api/innovations', as: null, pageSize: 2, id: byId },
  { route: '/api/me/innovations', path: '/api/me/innovations', as: 'ana', pageSize: 2, id: byId },
  {
    route: '/api/innovations/{innovationId}/adoptions',
    path: '/api/innovations/{first}/adoptions',
    as: null,
    pageSize: 2,
    id: (item) => String(item.syndicateId),
  },
  {
    route: '/api/innovations/{innovationId}/reports',
    path: '/api/innovations/{first}/reports',
    as: null,
    pageSize: 2,
    id: byId,
  },
  {
    route: '/api/innovations/{innovationId}/statement',
    path: '/api/innovations/{first}/statement',
    as: null,
    pageSize: 2,
    id: (item) => String(item.reportId),
  },
  {
    route: '/api/innovations/{innovationId}/log',
    path: '/api/innovations/{first}/log',
    as: null,
    pageSize: 2,
    id: (item) => String((item.entry as { index: number }).index),
  },
  {
    route: '/api/syndicates/{syndicateId}/adoptions',
    path: '/api/syndicates/riverside/adoptions',
    as: null,
    pageSize: 2,
    id: (item) => String(item.innovationId),
  },
  {
    route: '/api/syndicates/{syndicateId}/reports',
    path: '/api/syndicates/riverside/reports',
    as: null,
    pageSize: 2,
    id: byId,
  },
  {
    route: '/api/syndicates/{syndicateId}/statement',
    path: '/api/syndicates/riverside/statement',
    as: null,
    pageSize: 2,
    id: (item) => `${item.at} ${item.kind} ${item.innovationId ?? item.paymentId} ${item.counterparty}`,
  },
  { route: '/api/ledger', path: '/api/ledger', as: null, pageSize: 2, id: (item) => String(item.accountId) },
  {
    route: '/api/me/statement',
    path: '/api/me/statement',
    as: 'ana',
    pageSize: 2,
    id: (item) => `${item.at} ${item.kind} ${item.innovationId ?? item.paymentId} ${item.counterparty}`,
  },
];

// Rows of issue 15's people lists.
const peopleRows: ListRow[] = [
  { route: '/api/me/notifications', path: '/api/me/notifications', as: 'p0', pageSize: 2, id: byId },
];

// Rows of issue 16's payment requests: ana's five invoices to riverside, from each side.
const paymentRows: ListRow[] = [
  { route: '/api/me/payment-requests', path: '/api/me/payment-requests?box=sent', as: 'ana', pageSize: 2, id: byId },
  {
    route: '/api/syndicates/{syndicateId}/payment-requests',
    path: '/api/syndicates/riverside/payment-requests?box=received',
    as: 'admin',
    pageSize: 2,
    id: byId,
  },
];

// Rows of issue 16's marketplace: ana's and riverside's five offers and wants, and the marketplace.
const marketRows: ListRow[] = [
  { route: '/api/me/offers', path: '/api/me/offers', as: 'ana', pageSize: 2, id: byId },
  { route: '/api/me/wants', path: '/api/me/wants', as: 'ana', pageSize: 2, id: byId },
  {
    route: '/api/syndicates/{syndicateId}/offers',
    path: '/api/syndicates/riverside/offers',
    as: 'admin',
    pageSize: 2,
    id: byId,
  },
  {
    route: '/api/syndicates/{syndicateId}/wants',
    path: '/api/syndicates/riverside/wants',
    as: 'admin',
    pageSize: 2,
    id: byId,
  },
  {
    route: '/api/market',
    path: '/api/market?side=offer&trade=construction',
    as: null,
    pageSize: 3,
    id: (hit) => String((hit.document as { id: string }).id),
  },
];

// Rows of issue 16's pay for work: ben's five logs at alder, from each side.
const workRows: ListRow[] = [
  { route: '/api/me/work-logs', path: '/api/me/work-logs', as: 'ben', pageSize: 2, id: byId },
  {
    route: '/api/syndicates/{syndicateId}/work-logs',
    path: '/api/syndicates/alder/work-logs',
    as: 'admin',
    pageSize: 2,
    id: byId,
  },
];

// Rows of issue 16's orders: ana's five orders from riverside, from each side.
const orderRows: ListRow[] = [
  { route: '/api/me/orders', path: '/api/me/orders', as: 'ana', pageSize: 2, id: byId },
  {
    route: '/api/syndicates/{syndicateId}/orders',
    path: '/api/syndicates/riverside/orders?side=selling',
    as: 'admin',
    pageSize: 2,
    id: byId,
  },
];

// Rows of issue 17's decisions: the commons' open proposals, and ana's drafts.
const decisionRows: ListRow[] = [
  { route: '/api/proposals', path: '/api/proposals?scope=commons&status=open', as: null, pageSize: 2, id: byId },
  { route: '/api/me/proposal-drafts', path: '/api/me/proposal-drafts', as: 'ana', pageSize: 2, id: byId },
  {
    route: '/api/proposals/{proposalId}/votes',
    path: '/api/proposals/{proposal}/votes',
    as: null,
    pageSize: 2,
    id: (item) => String(item.personId),
  },
];

// Issue 20's blocked instances, by host.
const federationRows: ListRow[] = [
  {
    route: '/api/federation/blocks',
    path: '/api/federation/blocks',
    as: null,
    pageSize: 2,
    id: (item) => String(item.host),
  },
  {
    route: '/api/federation/follows',
    path: '/api/federation/follows',
    as: null,
    pageSize: 2,
    id: (item) => String(item.id),
  },
  {
    route: '/api/federation/witnessed-logs',
    path: '/api/federation/witnessed-logs',
    as: null,
    pageSize: 2,
    id: (item) => String(item.host),
  },
  {
    route: '/api/registry-log/witnesses',
    path: '/api/registry-log/witnesses',
    as: null,
    pageSize: 2,
    id: (item) => String(item.origin),
  },
  {
    route: '/api/registry-log/cosignatures',
    path: '/api/registry-log/cosignatures?treeSize=1',
    as: null,
    pageSize: 2,
    id: (item) => String(item.witness),
  },
  {
    route: '/api/federation/remote-courses',
    path: '/api/federation/remote-courses',
    as: null,
    pageSize: 2,
    id: (item) => String(item.id),
  },
  {
    route: '/api/federation/remote-shortages',
    path: '/api/federation/remote-shortages',
    as: null,
    pageSize: 2,
    id: (item) => String(item.id),
  },
  {
    route: '/api/registry-log/forks',
    path: '/api/registry-log/forks',
    as: null,
    pageSize: 2,
    id: (item) => String(item.witness),
  },
];

const rows: ListRow[] = [
  ...federationRows,
  ...jobRows,
  ...innovationRows,
  ...peopleRows,
  ...paymentRows,
  ...marketRows,
  ...workRows,
  ...orderRows,
  ...decisionRows,
];

const withQuery = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`;
const pathOf = (row: ListRow) =>
  row.path
    .replace('{first}', String(recordIds[0]))
    .replace('{opening}', String(openingIds[0]))
    .replace('{proposal}', proposalId) || `/api/openings/${openingIds[0]}/applicants`;

/**
 * GET routes that answer a list without a cursor, and why that list cannot grow with the table. A route
 * answers a list when its documented answer is an array, or an object with an array among its fields.
 */
const boundedLists: Record<string, string> = {
  '/api/economy':
    'the histogram’s 15 buckets (domain/ledger/economy.ts), a day per day of the period (days is at most 366) and a row per trade of the commons',
  '/api/credentials/{credentialId}':
    'the skills its course teaches: content of the commons, compiled at deploy, never grown by use',
  '/api/me':
    'declaredSkills and languages: a profile declares at most 50 skills and 12 languages (maxDeclaredSkills and profilePatchSchema in domain/people/profile.ts)',
  '/api/people/{id}':
    'hidden names at most the six sections; each section’s list is capped at 20 with `more` (listCap, domain/people/profile-view.ts, which says why)',
  '/api/me/learning':
    'one enrollment and one credential per course of the commons (keyed by course), one credentialed skill per skill of it: the commons is compiled at deploy',
  '/api/me/recommendations':
    'courses of the commons, ranked; qualifyNow among the newest 200 open openings only (recommendationWindow)',
  '/api/shortages/trend': 'one snapshot a day, for at most 366 days (the `days` query)',
  '/api/registry-log/entries': 'a window of at most 1,000 entries by index: start and end are its cursor',
  '/api/offers/{offerId}': 'skillIds: an offer names at most 12 skills (maxListingSkills, domain/market/listing.ts)',
  '/api/wants/{wantId}': 'skillIds: a want names at most 12 skills (maxListingSkills, domain/market/listing.ts)',
  '/api/offers/{offerId}/matches': 'at most 5 wants (shownMatches, domain/market/marketplace.ts) and their count',
  '/api/wants/{wantId}/matches': 'at most 5 offers (shownMatches, domain/market/marketplace.ts) and their count',
  '/api/orders/{orderId}': 'skillIds: at most 20 of its offer’s skills (maxOrderSkills, domain/orders/order.ts)',
  '/api/openings/{openingId}/readiness':
    'one row per skill the opening asks for: at most 12 (domain/openings/opening.ts)',
  '/api/paths/{pathId}':
    'the skills of one occupation (ESCO lists at most 54) and the courses of the commons that teach them: compiled at deploy',
  '/api/me/paths/{pathId}': 'coursesDone: the planned courses of one path, courses of the commons compiled at deploy',
  '/api/me/enrollments/{courseId}/practical':
    'the course’s practical tasks, at most 8 (practicalTaskSchema, domain/content/commons.ts), each with at most 5 links and 6 photos (domain/learning/practical.ts)',
  '/api/practical-work/{personId}/{courseId}':
    'the course’s practical tasks, at most 8 (practicalTaskSchema, domain/content/commons.ts), each with at most 5 links and 6 photos (domain/learning/practical.ts)',
  '/api/skills/suggest':
    'at most `limit` suggestions, 1 to 20 (suggestLimits, domain/content/suggest-skills.ts): a picker shows a few, never a list to walk',
};

/**
 * GET routes that document no answer schema, each answering one thing (nothing here may answer a list:
 * document its schema instead, and the test above classifies it).
 */
const oneThing: Record<string, string> = {
  '/api/courses/{courseId}': 'a course of the commons, with its lessons and questions',
  '/api/courses/{courseId}/lessons/{lessonId}': 'a lesson',
  '/api/credentials/keys': 'the JWKS of the instance’s one signing key',
  '/api/syndicates/{syndicateId}': 'a syndicate',
  '/api/openings/{openingId}': 'an opening',
  '/api/innovations/{innovationId}': 'a record: at most 50 versions, the first page of adopters and of reports',
  '/api/innovations/{innovationId}/versions/{version}': 'one version of a record',
  '/api/innovations/{innovationId}/draft': 'a draft',
  '/api/registry-log/head': 'the signed tree head',
  '/api/registry-log/proofs/inclusion': 'one proof: a path of log2(tree size) hashes',
  '/api/registry-log/proofs/consistency': 'one proof: a path of about log2(tree size) hashes',
  '/api/openapi.json': 'this API’s description',
  '/api/me/cv': 'one PDF, at most 2 MB (domain/people/cv.ts)',
  '/api/openings/{openingId}/applications/{personId}/cv': 'one PDF, at most 2 MB (domain/people/cv.ts)',
  '/api/practical-work/{personId}/{courseId}/tasks/{taskId}/images/{imageId}':
    'one photo, at most 3 MB (domain/learning/evidence-image.ts)',
  '/api/unsubscribe/{token}': 'a redirect to the unsubscribe page (the one-click POST changes the setting)',
  // ActivityPub's documents, answered by Fedify in the formats the fediverse reads (JRD, NodeInfo, JSON-LD).
  '/.well-known/webfinger': 'one account’s JRD',
  '/.well-known/nodeinfo': 'the link to the NodeInfo document',
  '/api/federation/nodeinfo/2.1': 'the NodeInfo 2.1 document',
  '/api/federation/actors/{identifier}': 'one actor',
  '/api/federation/actors/{identifier}/outbox': 'an empty collection until openings federate (federation.ts)',
  '/api/federation/openings/{identifier}': 'one opening’s Note (or its Tombstone)',
  '/api/federation/records/{identifier}': 'one innovation record’s Document (or its Tombstone)',
  '/api/federation/courses/{slug}': 'one course’s or guide’s Document (or its Tombstone)',
  '/api/federation/shortages/{date}': 'one day’s shortage snapshot Document, its rows the 100 scarcest',
  '/api/federation/actors/{identifier}/followers':
    'a count only: who follows is not listed (federation.ts), so the collection has no items to page',
};

const unwrap = (schema: unknown): unknown =>
  schema instanceof z.ZodMiniOptional || schema instanceof z.ZodMiniNullable || schema instanceof z.ZodMiniDefault
    ? unwrap(schema._zod.def.innerType)
    : schema;

/** Each route's schemas are built by its `input` (route.ts), here as when it is first matched. */
const queryOf = (route: (typeof apiRoutes)[number]) => route.input?.().query;

/** What a route's documented 200 answer is: a list (by the fields that hold one), one thing, or unknown. */
function answerOf(route: (typeof apiRoutes)[number]): 'undocumented' | string[] {
  const schema = unwrap(route.doc ? route.doc.responses[200]?.schema?.() : undefined);
  if (!schema) return 'undocumented';
  if (schema instanceof z.ZodMiniArray) return ['(the answer)'];
  if (!(schema instanceof z.ZodMiniObject)) return [];
  return Object.entries(schema.shape)
    .filter(([, field]) => unwrap(field) instanceof z.ZodMiniArray)
    .map(([name]) => name);
}

describe('the table of list routes', () => {
  const gets = apiRoutes.filter((route) => route.method === 'GET');
  const takesCursor = (route: (typeof gets)[number]) => {
    const query = queryOf(route);
    return query instanceof z.ZodMiniObject && 'cursor' in query.shape;
  };

  it('holds every GET route that takes a cursor, and each of them takes a page size too', () => {
    const paged = gets.filter(takesCursor);
    expect(paged.map((route) => route.path).sort()).toEqual(rows.map((row) => row.route).sort());
    for (const route of paged) expect(Object.keys((queryOf(route) as z.ZodMiniObject).shape)).toContain('pageSize');
  });

  it('knows why every GET route that answers a list without a cursor is bounded, and no other', () => {
    const unpaged = gets.filter((route) => !takesCursor(route));
    const lists = unpaged.filter((route) => {
      const answer = answerOf(route);
      return answer !== 'undocumented' && answer.length > 0;
    });
    expect(lists.map((route) => route.path).sort()).toEqual(Object.keys(boundedLists).sort());
  });

  it('sees what every other GET route answers: a documented schema, or one thing named here', () => {
    const undocumented = gets.filter((route) => answerOf(route) === 'undocumented');
    expect(undocumented.map((route) => route.path).sort()).toEqual(Object.keys(oneThing).sort());
  });
});

describe.each(rows)('GET $route', (row) => {
  it('walks more than two pages, never more than the page size, every item once', async () => {
    const seen: string[] = [];
    let pages = 0;
    let cursor: string | undefined;
    do {
      const query = `pageSize=${row.pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await ok(call('GET', withQuery(pathOf(row), query), row.as));
      const items = page.items as Array<Record<string, unknown>>;
      expect(items.length).toBeLessThanOrEqual(row.pageSize);
      if (page.next) expect(items.length).toBeGreaterThan(0);
      seen.push(...items.map(row.id));
      cursor = page.next as string | undefined;
      pages++;
    } while (cursor && pages < 100);
    expect(pages).toBeGreaterThan(2);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('gives a next cursor on the first page and none past the last', async () => {
    const first = await ok(call('GET', withQuery(pathOf(row), `pageSize=${row.pageSize}`), row.as));
    expect(first.next).toEqual(expect.any(String));
    expect(first.previous).toBeUndefined();
    const all = await ok(call('GET', withQuery(pathOf(row), 'pageSize=100'), row.as));
    if ((all.items as unknown[]).length < 100) expect(all.next).toBeUndefined();
  });

  it('refuses a forged cursor, or a page size past 100, with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['cursor=v1.Zm9yZ2Vk', 'query.cursor'],
      [`cursor=${encodeCursor({ pk: 'PERSON#someone-else', sk: 'PROFILE' })}`, 'query.cursor'],
      ['pageSize=101', 'query.pageSize'],
    ] as const) {
      const response = await call('GET', withQuery(pathOf(row), query), row.as);
      expect(response.status, `${query}: ${JSON.stringify(response.body)}`).toBe(400);
      expect(JSON.stringify(response.body)).toContain(field);
    }
  });
});

// The registry log pages by index: a window from `start` to `end` is its own cursor.
describe('GET /api/registry-log/entries', () => {
  it('answers a window of at most 1,000 entries by index, and nothing past the log’s end', async () => {
    const head = body(await call('GET', '/api/registry-log/head', null)).treeHead as { treeSize: number };
    expect(head.treeSize).toBeGreaterThan(4);
    const window = await ok(call('GET', '/api/registry-log/entries?start=1&end=3', null));
    expect((window.items as Array<{ index: number }>).map((entry) => entry.index)).toEqual([1, 2]);
    const rest = await ok(call('GET', '/api/registry-log/entries?start=2', null));
    expect((rest.items as unknown[]).length).toBe(head.treeSize - 2);
    const past = await ok(
      call('GET', `/api/registry-log/entries?start=${head.treeSize}&end=${head.treeSize + 1000}`, null),
    );
    expect(past.items).toEqual([]);
  });

  it.each([
    ['start=0&end=1001', 'query.end'],
    ['start=5&end=1006', 'query.end'],
    ['start=5&end=4', 'query.end'],
    ['start=&end=10', 'query.start'],
    ['start=0&end=', 'query.end'],
    ['start=0x10', 'query.start'],
    ['start=0&end=0x10', 'query.end'],
  ])('refuses the window %s with a 400 naming %s', async (query, field) => {
    const response = await call('GET', `/api/registry-log/entries?${query}`, null);
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    const errors = (response.body as { errors: Array<{ field: string; message: string }> }).errors;
    expect(errors.map((e) => e.field)).toContain(field);
  });
});
