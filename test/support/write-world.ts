// One world in which every write route of the API can be called once, successfully, in order: the
// suites that attack the write paths (mass assignment, store faults) share it, and each checks it
// covers every write route, so a new route cannot slip past them.
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { proposalLookup, valueReportLookup } from '#adapters/dynamodb/keys.ts';
import type { Services } from '#app/services.ts';
import { notificationId } from '#domain/notifications/produce.ts';
import { apiRoutes } from '#http/api.ts';
import { draftInput, reportInput, syndicateInput } from '../unit/innovations/fixtures.ts';
import type { ApiResponse } from './api-client.ts';
import { body } from './api-client.ts';
import { documentClient } from './dynamodb.ts';
import { pdf } from './pdf.ts';
import { answersTo, finishLessons, openDraw, takeQuiz } from './quiz.ts';
import { grantCourseCredential } from '#local/demo-data/credentials.ts';
import { adoptDirectly, readyToPay } from './innovation-world.ts';
import { loggedHours, rateCard } from './work-world.ts';
import { putOffer } from './offers.ts';
import { commons } from './services.ts';
import { remoteFollowId } from '#domain/federation/remote-follow.ts';
import { startRemoteSyndicate } from './remote-syndicate.ts';

type Call = (method: string, path: string, as: string | null, body?: unknown) => Promise<ApiResponse>;

export interface WriteCase {
  /** `METHOD /path/{template}` as in the route table. */
  route: string;
  method: string;
  path: () => string;
  /** The valid body, for routes that take one. */
  body?: () => unknown;
  as: string;
  /** What the call answers when it succeeds. */
  ok: number;
  /**
   * For a call made of two whole changes in turn: the item the first one leaves behind, and its state,
   * when a fault stops the second. The same request then finishes the second.
   */
  firstChange?: {
    key: () => { pk: string; sk: string };
    state: Record<string, unknown>;
    done: Record<string, unknown>;
  };
  /**
   * For a call made of many changes that a fault may cut short (an account deletion): what it leaves
   * is not undone but finished by the same request sent again, which the store-fault suite does.
   */
  resumable?: true;
}

const course = (() => {
  const found = commons.courses.get('double-entry-bookkeeping-basics');
  if (!found) throw new Error('course missing');
  return found;
})();
// A course with practical tasks, and a photo (a JPEG's bare frame) its evidence can carry.
const practical = (() => {
  const found = commons.courses.get('plasterboard-hanging-and-jointing');
  if (!found) throw new Error('practical course missing');
  return found;
})();
const task = (index: number) => {
  const found = practical.practical[index];
  if (!found) throw new Error('the practical course declares two tasks');
  return found;
};
const firstTask = task(0);
const secondTask = task(1);
const evidencePhoto = Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0, 1, 0xff, 0xd9]).toString('base64');

export const opening = {
  title: 'Repair bench technician',
  description: 'Diagnose and repair small appliances at the shared bench, with work shared at a weekly meeting.',
  skills: [{ skill: 'repair-systematic-fault-finding', level: 'working' }],
  positions: 2,
  hoursPerWeek: 24,
  pay: [{ amount: 2200, currency: 'EUR', per: 'hour' }],
  place: 'Valencia, ES',
  remote: false,
  employmentType: 'CONTRACTOR',
  validThrough: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
};
/** A syndicate with a rate card, so its body has objects nested two deep. */
export const syndicate = (id: string) => ({
  ...syndicateInput(id),
  rateCard: [{ service: 'Bench repair', rate: { amount: 3000, currency: 'EUR', per: 'hour' } }],
});

/** An offer and a want on the marketplace, each with every field it takes. */
export const marketOffer = (title: string) => ({
  title,
  description: 'Bench repairs for **small appliances**.',
  kind: 'service',
  trade: 'repair',
  skillIds: ['repair-systematic-fault-finding'],
  place: 'Valencia, ES',
  remote: false,
  unit: 'hour',
  price: 1500,
  quantity: 10,
  expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
});
export const marketWant = (title: string) => ({
  ...marketOffer(title),
  kind: 'good',
  unit: 'item',
  quantity: 2,
  hours: 0,
});

async function expectStatus(response: Promise<ApiResponse>, status: number, what: string) {
  const answer = await response;
  expect(answer.status, `${what}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(status);
  return answer;
}

/** The protected routes that change something: what the cases must cover. */
export const writeRoutes = () =>
  apiRoutes.filter((route) => route.auth === 'required' && route.method !== 'GET').map((r) => `${r.method} ${r.path}`);

/**
 * Builds the world through the API (and one store call: a report confirmed without settling) and
 * returns the cases, in an order where each successful call leaves the world ready for the next.
 */
export async function createWriteWorld(call: Call, services: Services): Promise<WriteCase[]> {
  // A remote syndicate on loopback for the stewards to follow (the suites allow loopback fetches).
  const remotePeer = await startRemoteSyndicate('write-world-peer');
  const ids = {
    opening: '',
    draft: '',
    invitation: '',
    published: '',
    othersRecord: '',
    report: '',
    confirmed: '',
    savedSearch: '',
    paymentRequest: '',
    offer: '',
    want: '',
    workLog: '',
    position: '',
    proposal: '',
    draftProposal: '',
    dueProposal: '',
    disputed: '',
    dueCircle: '',
    order: '',
  };
  // A person exists once they have signed in (named inventors and implementers must exist).
  for (const person of [
    'owner',
    'co-admin',
    'pending',
    'joiner',
    'applicant',
    'leaver',
    'inventor',
    'learner',
    'invitee',
    'editor',
    'departing',
    'worker',
  ]) {
    await call('GET', '/api/me', person);
  }
  await expectStatus(call('POST', '/api/syndicates', 'owner', syndicate('own-syn')), 201, 'found own-syn');
  // A syndicate of one, whose admin adopts a record directly (own-syn's members adopt by vote).
  await expectStatus(call('POST', '/api/syndicates', 'owner', syndicate('own-solo')), 201, 'found own-solo');
  await readyToPay(call, 'own-syn', 'owner');
  await expectStatus(call('POST', '/api/syndicates/own-syn/join-requests', 'pending'), 201, 'join');
  ids.opening = body(
    await expectStatus(call('POST', '/api/syndicates/own-syn/openings', 'owner', opening), 201, 'open'),
  ).id;
  await expectStatus(call('PUT', `/api/openings/${ids.opening}/status`, 'owner', { status: 'open' }), 200, 'publish');
  await expectStatus(
    call('PUT', `/api/openings/${ids.opening}/applications/me`, 'leaver', { note: 'Hi' }),
    200,
    'apply',
  );
  // The worker fills a position of own-syn and has logged hours, which the owner approves below.
  ({ workLogId: ids.workLog, openingId: ids.position } = await loggedHours(
    { call, services },
    'worker',
    'own-syn',
    'owner',
  ));
  ids.savedSearch = body(
    await expectStatus(
      call('POST', '/api/me/saved-searches', 'editor', { name: 'Repairs', query: { trade: 'repair' } }),
      201,
      'save a search',
    ),
  ).id;
  ids.draft = body(await call('POST', '/api/innovations', 'owner', draftInput([{ personId: 'owner' }]))).record.id;
  // A draft that names someone else: they are invited until they accept.
  ids.invitation = body(
    await expectStatus(
      call('POST', '/api/innovations', 'owner', draftInput([{ personId: 'owner' }, { personId: 'invitee' }])),
      201,
      'invite',
    ),
  ).record.id;
  ids.published = body(await call('POST', '/api/innovations', 'owner', draftInput([{ personId: 'owner' }]))).record.id;
  await expectStatus(call('POST', `/api/innovations/${ids.published}/publication`, 'owner'), 200, 'publish record');
  ids.othersRecord = body(
    await call('POST', '/api/innovations', 'inventor', draftInput([{ personId: 'inventor' }])),
  ).record.id;
  await expectStatus(call('POST', `/api/innovations/${ids.othersRecord}/publication`, 'inventor'), 200, 'publish');
  await adoptDirectly(services, ids.published, 'own-syn', [{ personId: 'owner' }]);
  // Reported by the admin who is no inventor, so the owner's confirmation (the only inventor) confirms it.
  const report = (month: string) =>
    expectStatus(
      call('POST', `/api/innovations/${ids.published}/adoptions/own-syn/reports`, 'co-admin', {
        ...reportInput(1000, `2026-${month}-28`),
        periodFrom: `2026-${month}-01`,
      }),
      201,
      'report',
    );
  ids.report = body(await report('10')).report.id;
  // Confirmed in the store without settling, so the settlement route has something to settle.
  ids.confirmed = body(await report('08')).report.id;
  const confirmed = await services.innovations.getReport(ids.published, ids.confirmed);
  if (!confirmed) throw new Error('no report');
  await services.innovations.decideReport(
    { ...confirmed, status: 'confirmed', decidedBy: 'owner', decidedAt: confirmed.reportedAt },
    confirmed.rev,
  );
  // Two reports the owner (their record's inventor) disputes: one for a circle to be opened on, one for
  // a circle that passed and is due to close (below).
  const disputed = async (month: string) => {
    const id = body(await report(month)).report.id;
    const reason = 'The hours saved were counted twice.';
    const decision = { decision: 'dispute', reason };
    await expectStatus(
      call('PUT', `/api/innovations/${ids.published}/reports/${id}/decision`, 'owner', decision),
      200,
      'dispute',
    );
    return String(id);
  };
  ids.disputed = await disputed('06');
  const dueCircleReport = await disputed('04');

  // Two notifications in the editor's inbox, as the stream consumer stores them: one to mark read, then all.
  const notificationIds: string[] = [];
  for (const n of [1, 2]) {
    const at = new Date(Date.UTC(2026, 11, 6, 10, n)).toISOString();
    const eventKey = `write-world-${n}#join-request-decided#editor`;
    notificationIds.push(notificationId(at, eventKey));
    await services.notifications.add({
      id: notificationId(at, eventKey),
      personId: 'editor',
      kind: 'join-request-decided',
      at,
      title: 'You joined Syndicate own-syn',
      summary: 'Your request to join Syndicate own-syn was accepted.',
      link: '/syndicates/own-syn/',
      eventKey,
    });
  }

  // An invoice to the owner's syndicate, for its admin to pay (the syndicate has credit from readyToPay).
  // The owner's offer and want on the marketplace, for the withdrawals below.
  ids.offer = body(
    await expectStatus(call('POST', '/api/offers', 'owner', marketOffer('Kettle repairs')), 201, 'offer'),
  ).offer.id;
  ids.want = body(
    await expectStatus(call('POST', '/api/wants', 'owner', marketWant('Spare parts')), 201, 'want'),
  ).want.id;
  ids.paymentRequest = body(
    await expectStatus(
      call('POST', '/api/payment-requests', 'joiner', { payer: 'syndicate:own-syn', amount: 700, memo: 'Bench hire' }),
      201,
      'ask to be paid',
    ),
  ).id;

  // Proposals of own-syn: one open to vote on, one draft to open, and one that passed whose window is
  // moved into the past by a store call (the world runs on the real clock), so it can be closed.
  const propose = async (input: Record<string, unknown>, what: string) =>
    body(
      await expectStatus(call('POST', '/api/proposals', 'owner', { scope: 'syndicate:own-syn', ...input }), 201, what),
    ).id;
  ids.proposal = await propose({ kind: 'sense-check', title: 'Shall we share the van?' }, 'propose');
  ids.draftProposal = await propose({ kind: 'sense-check', title: 'Bench hours in summer', draft: true }, 'draft');
  ids.dueProposal = await propose(
    { kind: 'rate-card', title: 'Dearer bench repair', change: { rateCard: syndicate('own-syn').rateCard } },
    'propose a rate card',
  );
  for (const voter of ['owner', 'co-admin']) {
    await expectStatus(
      call('PUT', `/api/proposals/${ids.dueProposal}/votes/me`, voter, { choice: 'yes' }),
      200,
      'vote',
    );
  }
  // A circle on a disputed report: every party and the whole panel vote yes, so closing it settles the report.
  const circle = body(
    await expectStatus(
      call('POST', '/api/proposals', 'owner', {
        kind: 'resolve-disputed-report',
        scope: 'syndicate:own-syn',
        title: 'Settle the April report',
        change: { innovationId: ids.published, reportId: dueCircleReport, amount: 600 },
      }),
      201,
      'open a circle',
    ),
  );
  ids.dueCircle = circle.id;
  for (const voter of ['owner', 'co-admin', ...circle.circle.panel]) {
    await expectStatus(call('PUT', `/api/proposals/${ids.dueCircle}/votes/me`, voter, { choice: 'yes' }), 200, 'vote');
  }
  const voted = body(await call('GET', `/api/proposals/${ids.dueCircle}`, null));
  expect(voted.tally.yes * 2, 'the circle passes, so its closing settles the report').toBeGreaterThanOrEqual(
    voted.eligible,
  );
  const client = documentClient();
  for (const due of [ids.dueProposal, ids.dueCircle]) {
    await client.send(
      new UpdateCommand({
        TableName: services.config.TABLE_NAME,
        Key: proposalLookup(due),
        UpdateExpression: 'SET closesAt = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 1000).toISOString() },
      }),
    );
  }
  client.destroy();
  // The owner's syndicate orders the joiner's offer, which she accepts and delivers: it waits for the
  // owner to confirm (and pay). The joiner also offers a second service, for an order to be placed.
  await putOffer(services, { id: 'joiner-bench', seller: 'person:joiner', price: 800n });
  ids.order = body(
    await expectStatus(
      call('POST', '/api/orders', 'owner', { offerId: 'joiner-bench', quantity: 2, buyer: 'syndicate:own-syn' }),
      201,
      'order',
    ),
  ).id;
  for (const action of ['accept', 'deliver']) {
    await expectStatus(call('PUT', `/api/orders/${ids.order}/step`, 'joiner', { action }), 200, action);
  }

  // Practical work: the apprentice passed the plasterboard course's quiz and has one photo on its first
  // task; the assessor founded a construction syndicate and holds the course's credential.
  for (const person of ['apprentice', 'assessor']) await call('GET', '/api/me', person);
  await expectStatus(
    call('POST', '/api/syndicates', 'assessor', {
      id: 'assess-syn',
      name: 'Assessing builders',
      trade: 'construction',
      description: 'Builders who assess the practical work of learners.',
      place: 'Rotterdam',
    }),
    201,
    'found assess-syn',
  );
  await grantCourseCredential(services, 'assessor', practical.id);
  await expectStatus(takeQuiz(call, 'apprentice', practical), 200, 'pass the practical course’s quiz');
  const added = call('POST', `/api/me/enrollments/${practical.id}/practical/${firstTask.id}/images`, 'apprentice', {
    image: evidencePhoto,
  });
  const imageId = body(await expectStatus(added, 201, 'add a photo')).evidence.images[0].id as string;
  const secondEvidence = { description: 'What I did for the second task, shown by video.', links: [] };
  await expectStatus(
    call(
      'PUT',
      `/api/me/enrollments/${practical.id}/practical/${secondTask.id}/evidence`,
      'apprentice',
      secondEvidence,
    ),
    200,
    'send evidence',
  );

  const lesson = course.lessons[0]?.id ?? '';
  // The quiz takes every lesson done and a drawn set of questions: the learner has both before the cases run.
  await finishLessons(call, 'learner', course);
  const draw = await openDraw(call, 'learner', course);
  const cases: Array<Omit<WriteCase, 'method'>> = [
    {
      route: 'POST /api/syndicates',
      path: () => '/api/syndicates',
      body: () => syndicate('new-syn'),
      as: 'owner',
      ok: 201,
    },
    {
      route: 'PUT /api/syndicates/{syndicateId}',
      path: () => '/api/syndicates/own-syn',
      body: () => (({ id: _id, ...rest }) => ({ ...rest, rateCard }))(syndicate('own-syn')),
      as: 'owner',
      ok: 200,
    },
    {
      route: 'POST /api/syndicates/{syndicateId}/join-requests',
      path: () => '/api/syndicates/own-syn/join-requests',
      as: 'joiner',
      ok: 201,
    },
    {
      route: 'PUT /api/syndicates/{syndicateId}/members/{personId}',
      path: () => '/api/syndicates/own-syn/members/joiner',
      body: () => ({ decision: 'approve' }),
      as: 'owner',
      ok: 200,
    },
    {
      route: 'DELETE /api/syndicates/{syndicateId}/membership',
      path: () => '/api/syndicates/own-syn/membership',
      as: 'joiner',
      ok: 204,
    },
    {
      route: 'POST /api/syndicates/{syndicateId}/openings',
      path: () => '/api/syndicates/own-syn/openings',
      body: () => opening,
      as: 'owner',
      ok: 201,
    },
    {
      route: 'PUT /api/openings/{openingId}',
      path: () => `/api/openings/${ids.opening}`,
      body: () => opening,
      as: 'owner',
      ok: 200,
    },
    {
      route: 'PUT /api/openings/{openingId}/applications/me',
      path: () => `/api/openings/${ids.opening}/applications/me`,
      body: () => ({ note: 'I can start Monday.' }),
      as: 'applicant',
      ok: 200,
    },
    {
      route: 'DELETE /api/openings/{openingId}/applications/me',
      path: () => `/api/openings/${ids.opening}/applications/me`,
      as: 'leaver',
      ok: 200,
    },
    {
      route: 'POST /api/openings/{openingId}/applicants/{personId}/notes',
      path: () => `/api/openings/${ids.opening}/applicants/applicant/notes`,
      body: () => ({ body: 'Strong references; asked about **Thursdays**.' }),
      as: 'owner',
      ok: 201,
    },
    {
      route: 'POST /api/openings/{openingId}/applications/{personId}/messages',
      path: () => `/api/openings/${ids.opening}/applications/applicant/messages`,
      body: () => ({ body: 'When could I see the bench?' }),
      as: 'applicant',
      ok: 201,
    },
    {
      route: 'PUT /api/openings/{openingId}/applicants/{personId}/stage',
      path: () => `/api/openings/${ids.opening}/applicants/applicant/stage`,
      body: () => ({ stage: 'offered', message: 'The bench is yours if you want it.' }),
      as: 'owner',
      ok: 200,
    },
    {
      route: 'PUT /api/openings/{openingId}/applications/me/offer',
      path: () => `/api/openings/${ids.opening}/applications/me/offer`,
      body: () => ({ answer: 'accept', message: 'Gladly.' }),
      as: 'applicant',
      ok: 200,
    },
    {
      route: 'PUT /api/openings/{openingId}/status',
      path: () => `/api/openings/${ids.opening}/status`,
      body: () => ({ status: 'closed' }),
      as: 'owner',
      ok: 200,
    },
    {
      route: 'POST /api/innovations',
      path: () => '/api/innovations',
      body: () => draftInput([{ personId: 'owner' }]),
      as: 'owner',
      ok: 201,
    },
    {
      route: 'PUT /api/innovations/{innovationId}/draft',
      path: () => `/api/innovations/${ids.draft}/draft`,
      body: () => draftInput([{ personId: 'owner', basisPoints: 10_000 }]),
      as: 'owner',
      ok: 200,
    },
    {
      route: 'PUT /api/innovations/{innovationId}/draft/consent',
      path: () => `/api/innovations/${ids.invitation}/draft/consent`,
      // The revision the invitee read: the draft as it was written.
      body: () => ({ decision: 'accept', rev: 1 }),
      as: 'invitee',
      ok: 200,
    },
    {
      route: 'POST /api/innovations/{innovationId}/publication',
      path: () => `/api/innovations/${ids.draft}/publication`,
      as: 'owner',
      ok: 200,
    },
    {
      route: 'POST /api/innovations/{innovationId}/corrections',
      path: () => `/api/innovations/${ids.published}/corrections`,
      as: 'owner',
      ok: 201,
    },
    {
      route: 'PUT /api/innovations/{innovationId}/adoptions/{syndicateId}',
      path: () => `/api/innovations/${ids.othersRecord}/adoptions/own-solo`,
      body: () => ({ implementers: [{ personId: 'owner' }] }),
      as: 'owner',
      ok: 201,
    },
    {
      route: 'POST /api/innovations/{innovationId}/adoptions/{syndicateId}/reports',
      path: () => `/api/innovations/${ids.published}/adoptions/own-syn/reports`,
      body: () => ({ ...reportInput(500, '2026-09-30'), periodFrom: '2026-09-01' }),
      as: 'owner',
      ok: 201,
    },
    {
      // The only inventor confirms: the report settles in the same call. The decision and the
      // settlement are two transactions; if the second fails the report stays confirmed (as when the
      // credit limit refuses it), and confirming again settles it.
      route: 'PUT /api/innovations/{innovationId}/reports/{reportId}/decision',
      path: () => `/api/innovations/${ids.published}/reports/${ids.report}/decision`,
      body: () => ({ decision: 'confirm' }),
      as: 'owner',
      ok: 200,
      firstChange: {
        key: () => valueReportLookup(ids.published, ids.report),
        state: { status: 'confirmed' },
        done: { status: 'settled' },
      },
    },
    {
      route: 'POST /api/innovations/{innovationId}/reports/{reportId}/settlement',
      path: () => `/api/innovations/${ids.published}/reports/${ids.confirmed}/settlement`,
      as: 'owner',
      ok: 200,
    },
    {
      route: 'PUT /api/syndicates/{id}/credit-limit',
      path: () => '/api/syndicates/own-syn/credit-limit',
      body: () => ({ credit: 150_000, reason: 'The members agreed more for the season.' }),
      as: 'steward',
      ok: 200,
    },
    {
      route: 'PUT /api/people/{id}/credit-limit',
      path: () => '/api/people/owner/credit-limit',
      body: () => ({ credit: '50000', reason: 'Agreed at the members’ meeting.' }),
      as: 'steward',
      ok: 200,
    },
    {
      route: 'PUT /api/federation/blocks/{host}',
      path: () => '/api/federation/blocks/spam.example',
      body: () => ({ reason: 'Sends spam to our syndicates.' }),
      as: 'steward',
      ok: 200,
    },
    {
      route: 'DELETE /api/federation/blocks/{host}',
      path: () => '/api/federation/blocks/spam.example',
      as: 'steward',
      ok: 204,
    },
    // Witnessing a remote log (issue 20): `.example` instances are served from memory (support/example-logs.ts).
    {
      route: 'PUT /api/federation/witnessed-logs/{host}',
      path: () => '/api/federation/witnessed-logs/log.example',
      as: 'steward',
      ok: 200,
    },
    {
      route: 'DELETE /api/federation/witnessed-logs/{host}',
      path: () => '/api/federation/witnessed-logs/log.example',
      as: 'steward',
      ok: 204,
    },
    {
      route: 'POST /api/federation/follows',
      path: () => '/api/federation/follows',
      body: () => ({ actor: remotePeer.handle }),
      as: 'steward',
      ok: 200,
    },
    {
      route: 'DELETE /api/federation/follows/{id}',
      path: () => `/api/federation/follows/${remoteFollowId(remotePeer.actorId)}`,
      as: 'steward',
      ok: 204,
    },
    {
      route: 'POST /api/payments',
      path: () => '/api/payments',
      body: () => ({ from: 'syndicate:own-syn', to: 'person:joiner', amount: 1250, memo: 'Two hours at the bench' }),
      as: 'owner',
      ok: 201,
    },
    {
      route: 'POST /api/payment-requests',
      path: () => '/api/payment-requests',
      body: () => ({ payer: 'syndicate:own-syn', amount: 900, memo: 'Invoice 12: fault finding' }),
      as: 'joiner',
      ok: 201,
    },
    {
      route: 'POST /api/offers',
      path: () => '/api/offers',
      body: () => ({ ...marketOffer('Bench time by the hour'), seller: 'syndicate:own-syn' }),
      as: 'owner',
      ok: 201,
    },
    {
      route: 'POST /api/wants',
      path: () => '/api/wants',
      body: () => marketWant('A kettle element'),
      as: 'joiner',
      ok: 201,
    },
    {
      route: 'POST /api/offers/{offerId}/withdraw',
      path: () => `/api/offers/${ids.offer}/withdraw`,
      as: 'owner',
      ok: 200,
    },
    {
      route: 'POST /api/wants/{wantId}/withdraw',
      path: () => `/api/wants/${ids.want}/withdraw`,
      as: 'owner',
      ok: 200,
    },
    {
      route: 'PUT /api/payment-requests/{requestId}/decision',
      path: () => `/api/payment-requests/${ids.paymentRequest}/decision`,
      body: () => ({ decision: 'accept' }),
      as: 'owner',
      ok: 200,
    },
    {
      route: 'POST /api/work-logs',
      path: () => '/api/work-logs',
      body: () => ({
        syndicateId: 'own-syn',
        for: { kind: 'position', openingId: ids.position },
        date: '2026-11-03',
        hours: '7.5',
        skillId: 'repair-systematic-fault-finding',
        level: 'foundation',
        note: 'Cleared the flooded cellar under the workshop.',
      }),
      as: 'worker',
      ok: 201,
    },
    {
      route: 'PUT /api/work-logs/{workLogId}/decision',
      path: () => `/api/work-logs/${ids.workLog}/decision`,
      body: () => ({ decision: 'approve' }),
      as: 'owner',
      ok: 200,
    },
    {
      route: 'POST /api/proposals',
      path: () => '/api/proposals',
      body: () => ({
        kind: 'credit-limit',
        scope: 'commons',
        title: 'Credit for the joiner’s stall',
        description: 'Agreed in principle at the **spring** meeting.',
        days: 5,
        change: { account: 'person:joiner', credit: '20000' },
      }),
      as: 'owner',
      ok: 201,
    },
    {
      // Each kind's body, checked as the others: an adoption by vote (implementers resolved to shares)…
      route: 'POST /api/proposals',
      path: () => '/api/proposals',
      body: () => ({
        kind: 'adopt-innovation',
        scope: 'syndicate:own-syn',
        title: 'Adopt the inventor’s record',
        change: {
          innovationId: ids.othersRecord,
          implementers: [{ personId: 'owner', basisPoints: 10000 }],
          note: 'At the bench.',
        },
      }),
      as: 'owner',
      ok: 201,
    },
    {
      // …a steward's removal…
      route: 'POST /api/proposals',
      path: () => '/api/proposals',
      body: () => ({
        kind: 'remove-steward',
        scope: 'commons',
        title: 'The commons grants credit by vote now',
        change: { personId: 'steward' },
      }),
      as: 'owner',
      ok: 201,
    },
    {
      // …and a restorative circle on a disputed report (its panel drawn as it opens).
      route: 'POST /api/proposals',
      path: () => '/api/proposals',
      body: () => ({
        kind: 'resolve-disputed-report',
        scope: 'syndicate:own-syn',
        title: 'Settle the June report',
        change: { innovationId: ids.published, reportId: ids.disputed, amount: '400' },
      }),
      as: 'owner',
      ok: 201,
    },
    {
      route: 'POST /api/orders',
      path: () => '/api/orders',
      body: () => ({ offerId: 'joiner-bench', quantity: 3 }),
      as: 'owner',
      ok: 201,
    },
    {
      // The draft as first saved (version 0), edited whole by its author before it opens.
      route: 'PUT /api/proposals/{proposalId}',
      path: () => `/api/proposals/${ids.draftProposal}`,
      body: () => ({
        kind: 'sense-check',
        scope: 'syndicate:own-syn',
        title: 'Bench hours in the summer',
        description: 'Open the bench **an hour earlier** from June.',
        days: 4,
        version: 0,
      }),
      as: 'owner',
      ok: 200,
    },
    {
      route: 'POST /api/proposals/{proposalId}/opening',
      path: () => `/api/proposals/${ids.draftProposal}/opening`,
      // The version its author saw: the edit above made it version 1.
      body: () => ({ version: 1 }),
      as: 'owner',
      ok: 200,
    },
    {
      // The confirmation: the payment, both lines, the log entry and the order with its due-list item, at once.
      route: 'PUT /api/orders/{orderId}/step',
      path: () => `/api/orders/${ids.order}/step`,
      body: () => ({ action: 'confirm' }),
      as: 'owner',
      ok: 200,
    },
    {
      route: 'PUT /api/proposals/{proposalId}/votes/me',
      path: () => `/api/proposals/${ids.proposal}/votes/me`,
      body: () => ({ choice: 'no', reason: 'The van is too small.' }),
      as: 'co-admin',
      ok: 200,
    },
    {
      route: 'POST /api/proposals/{proposalId}/closing',
      path: () => `/api/proposals/${ids.dueProposal}/closing`,
      as: 'joiner',
      ok: 200,
    },
    {
      // A passed circle: its closing, the report's settlement, the transfers and the log entry, at once.
      route: 'POST /api/proposals/{proposalId}/closing',
      path: () => `/api/proposals/${ids.dueCircle}/closing`,
      as: 'joiner',
      ok: 200,
    },
    {
      // Made from version 0, the profile as first created: the editor changes it only here.
      route: 'PATCH /api/me',
      path: () => '/api/me',
      body: () => ({
        version: 0,
        place: 'Leeds',
        availability: { status: 'available-from', from: '2027-01-04' },
        languages: ['en', 'pl'],
        links: { portfolio: 'https://editor.example/work' },
        privacy: { skills: 'public' },
        declaredSkills: [{ skill: 'solar-site-survey', level: 'working', note: 'Surveyed twelve roofs.' }],
        // Shown to the fediverse as a Person actor: allowed, since a section is public.
        fediverse: true,
      }),
      as: 'editor',
      ok: 200,
    },
    {
      route: 'PUT /api/me/skills/{skillId}',
      path: () => '/api/me/skills/pv-system-sizing',
      body: () => ({ level: 'foundation', link: 'https://editor.example/sizing' }),
      as: 'editor',
      ok: 200,
    },
    {
      route: 'DELETE /api/me/skills/{skillId}',
      path: () => '/api/me/skills/pv-system-sizing',
      as: 'editor',
      ok: 200,
    },
    {
      route: 'PUT /api/me/cv',
      path: () => '/api/me/cv',
      body: () => ({ pdf: pdf().toString('base64') }),
      as: 'editor',
      ok: 200,
    },
    {
      route: 'POST /api/me/saved-searches',
      path: () => '/api/me/saved-searches',
      body: () => ({ name: 'Solar in Leeds', query: { q: 'solar', place: 'Leeds', remote: false }, alert: 'daily' }),
      as: 'editor',
      ok: 201,
    },
    {
      route: 'PUT /api/me/saved-searches/{savedSearchId}',
      path: () => `/api/me/saved-searches/${ids.savedSearch}`,
      body: () => ({ name: 'Repairs anywhere', alert: 'instant' }),
      as: 'editor',
      ok: 200,
    },
    {
      route: 'PUT /api/me/notifications/{notificationId}/read',
      path: () => `/api/me/notifications/${notificationIds[0]}/read`,
      as: 'editor',
      ok: 200,
    },
    {
      route: 'POST /api/me/saved-searches/{savedSearchId}/feed-address',
      path: () => `/api/me/saved-searches/${ids.savedSearch}/feed-address`,
      as: 'editor',
      ok: 200,
    },
    {
      route: 'DELETE /api/me/cv',
      path: () => '/api/me/cv',
      as: 'editor',
      ok: 200,
    },
    {
      route: 'PATCH /api/me/email-preferences',
      path: () => '/api/me/email-preferences',
      body: () => ({ 'application-message': false, 'saved-search-match': true }),
      as: 'editor',
      ok: 200,
    },
    {
      route: 'POST /api/me/notifications/read-all',
      path: () => '/api/me/notifications/read-all',
      as: 'editor',
      ok: 200,
    },
    {
      route: 'DELETE /api/me/saved-searches/{savedSearchId}',
      path: () => `/api/me/saved-searches/${ids.savedSearch}`,
      as: 'editor',
      ok: 204,
    },
    {
      route: 'PUT /api/me/goal',
      path: () => '/api/me/goal',
      body: () => ({ trade: 'renewable-energy', skills: ['pv-system-sizing'] }),
      as: 'editor',
      ok: 200,
    },
    {
      route: 'POST /api/me/enrollments',
      path: () => '/api/me/enrollments',
      body: () => ({ courseId: course.id }),
      as: 'learner',
      ok: 201,
    },
    {
      route: 'PUT /api/me/enrollments/{courseId}/lessons/{lessonId}',
      path: () => `/api/me/enrollments/${course.id}/lessons/${lesson}`,
      as: 'learner',
      ok: 200,
    },
    {
      route: 'POST /api/me/enrollments/{courseId}/quiz-attempts',
      path: () => `/api/me/enrollments/${course.id}/quiz-attempts`,
      body: () => ({ drawId: draw.id, answers: answersTo(course, draw.questions) }),
      as: 'learner',
      ok: 200,
    },
    {
      route: 'PUT /api/me/enrollments/{courseId}/practical/{taskId}/evidence',
      path: () => `/api/me/enrollments/${practical.id}/practical/${firstTask.id}/evidence`,
      body: () => ({ description: 'What I did for the first task, shown by video.', links: ['https://example.org/v'] }),
      as: 'apprentice',
      ok: 200,
    },
    {
      route: 'POST /api/me/enrollments/{courseId}/practical/{taskId}/images',
      path: () => `/api/me/enrollments/${practical.id}/practical/${secondTask.id}/images`,
      body: () => ({ image: evidencePhoto }),
      as: 'apprentice',
      ok: 201,
    },
    {
      route: 'DELETE /api/me/enrollments/{courseId}/practical/{taskId}/images/{imageId}',
      path: () => `/api/me/enrollments/${practical.id}/practical/${firstTask.id}/images/${imageId}`,
      as: 'apprentice',
      ok: 200,
    },
    {
      route: 'POST /api/me/enrollments/{courseId}/practical/assessment-request',
      path: () => `/api/me/enrollments/${practical.id}/practical/assessment-request`,
      body: () => ({ syndicateId: 'assess-syn' }),
      as: 'apprentice',
      ok: 200,
    },
    {
      route: 'POST /api/practical-work/{personId}/{courseId}/tasks/{taskId}/reviews',
      path: () => `/api/practical-work/apprentice/${practical.id}/tasks/${firstTask.id}/reviews`,
      body: () => ({ outcome: 'more-asked', comment: 'Show the screws at the door opening closer, please.' }),
      as: 'assessor',
      ok: 200,
    },
    {
      // Last: the departing person's account goes, and with it everything they hold.
      route: 'DELETE /api/me',
      path: () => '/api/me',
      as: 'departing',
      ok: 200,
      resumable: true,
    },
  ];
  return cases.map((write) => ({ ...write, method: write.route.split(' ')[0] ?? 'POST' }));
}

/**
 * Everything in a table except the write-limit counters (which count refused writes too, by design)
 * and the item at `except`, if given.
 */
export async function tableSnapshot(tableName: string, except?: { pk: string; sk: string }): Promise<string> {
  const client = documentClient();
  const items: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      if (String(item.pk).startsWith('RATE#') || (item.pk === except?.pk && item.sk === except?.sk)) continue;
      items.push(JSON.stringify(item));
    }
    start = page.LastEvaluatedKey;
  } while (start);
  client.destroy();
  return JSON.stringify(items.sort());
}
