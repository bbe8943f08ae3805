// The authorization matrix: every protected route that takes an id, called by each kind of person
// against an object that is not theirs. Not one foreign read or write succeeds, and a foreign object
// answers like a missing one (404; 401 without a token). The owner's call is made too, so a 404 can
// never come from a broken call rather than from the rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remoteFollowId } from '#domain/federation/remote-follow.ts';
import { notificationId } from '#domain/notifications/produce.ts';
import { apiRoutes } from '#http/api.ts';
import { type ApiResponse, apiOnFreshTable, body } from '../support/api-client.ts';
import { pdf } from '../support/pdf.ts';
import { takeQuiz } from '../support/quiz.ts';
import { grantCourseCredential } from '#local/demo-data/credentials.ts';
import { adoptDirectly, readyToPay } from '../support/innovation-world.ts';
import { loggedHours, rateCard } from '../support/work-world.ts';
import { putOffer } from '../support/offers.ts';
import { commons } from '../support/services.ts';
import { startRemoteSyndicate } from '../support/remote-syndicate.ts';
import { dayReportInput, draftInput, reportInput, syndicateInput } from '../unit/innovations/fixtures.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
const ids = {
  opening: '',
  draftOpening: '',
  credential: '',
  published: '',
  draft: '',
  invitation: '',
  othersRecord: '',
  report: '',
  notification: '',
  savedSearch: '',
  paymentRequest: '',
  offer: '',
  want: '',
  workLog: '',
  proposal: '',
  draftProposal: '',
  secretProposal: '',
  circle: '',
  order: '',
  evidenceImage: '',
};
const roles = {
  anonymous: null,
  learner: 'learner',
  'member of another syndicate': 'other-member',
  'admin of another syndicate': 'other-admin',
  'inventor of another record': 'other-inventor',
} as const;

const course = commons.courses.get('double-entry-bookkeeping-basics');
if (!course) throw new Error('course missing');
// A course with practical tasks: an apprentice's work on it is the assessor's (a member of the syndicate
// asked, holding its skills) to see and review, and nobody else's.
const practical = commons.courses.get('plasterboard-hanging-and-jointing');
const [firstTask] = practical?.practical ?? [];
if (!practical || !firstTask) throw new Error('practical course missing');
const opening = {
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

async function expectStatus(response: Promise<ApiResponse>, status: number, what: string) {
  const answer = await response;
  expect(answer.status, `${what}: ${JSON.stringify(answer.body).slice(0, 200)}`).toBe(status);
  return answer;
}

beforeAll(async () => {
  const api = await apiOnFreshTable({}, { FEDERATION_ALLOW_LOOPBACK: true });
  ({ call } = api);
  for (const [founder, id] of [
    ['owner', 'own-syn'],
    ['other-admin', 'other-syn'],
    // A syndicate of one, whose admin adopts a record directly (own-syn's members adopt by vote).
    ['owner', 'own-solo'],
  ] as const) {
    await expectStatus(call('POST', '/api/syndicates', founder, syndicateInput(id)), 201, `found ${id}`);
  }
  await call('POST', '/api/syndicates/other-syn/join-requests', 'other-member');
  await call('PUT', '/api/syndicates/other-syn/members/other-member', 'other-admin', { decision: 'approve' });
  await call('POST', '/api/syndicates/own-syn/join-requests', 'pending');

  ids.opening = body(
    await expectStatus(call('POST', '/api/syndicates/own-syn/openings', 'owner', opening), 201, 'opening'),
  ).id;
  await expectStatus(call('PUT', `/api/openings/${ids.opening}/status`, 'owner', { status: 'open' }), 200, 'publish');
  // The applicant sends the CV on her profile with the application: the syndicate's admins may read it.
  await call('GET', '/api/me', 'applicant');
  await expectStatus(call('PUT', '/api/me/cv', 'applicant', { pdf: pdf().toString('base64') }), 200, 'upload a CV');
  await expectStatus(
    call('PUT', `/api/openings/${ids.opening}/applications/me`, 'applicant', { note: 'Hello', withCv: true }),
    200,
    'apply',
  );
  ids.draftOpening = body(await call('POST', '/api/syndicates/own-syn/openings', 'owner', opening)).id;

  for (const person of [
    'owner',
    'co-admin',
    'other-inventor',
    'learner',
    'other-member',
    'other-admin',
    'applicant',
    'pending',
    'invitee',
  ]) {
    await call('GET', '/api/me', person);
  }
  // own-syn gets a second admin who is no inventor (to report the owner's record) and granted credit.
  await readyToPay(call, 'own-syn', 'owner');
  ids.published = body(
    await expectStatus(call('POST', '/api/innovations', 'owner', draftInput([{ personId: 'owner' }])), 201, 'draft'),
  ).record.id;
  await expectStatus(call('POST', `/api/innovations/${ids.published}/publication`, 'owner'), 200, 'publish record');
  ids.draft = body(await call('POST', '/api/innovations', 'owner', draftInput([{ personId: 'owner' }]))).record.id;
  // The invitation belongs to the person it names: only they may answer it.
  ids.invitation = body(
    await expectStatus(
      call('POST', '/api/innovations', 'owner', draftInput([{ personId: 'owner' }, { personId: 'invitee' }])),
      201,
      'invite',
    ),
  ).record.id;
  ids.savedSearch = body(
    await expectStatus(
      call('POST', '/api/me/saved-searches', 'owner', { name: 'Repairs in Valencia', query: { trade: 'repair' } }),
      201,
      'save a search',
    ),
  ).id;
  ids.othersRecord = body(
    await call('POST', '/api/innovations', 'other-inventor', draftInput([{ personId: 'other-inventor' }])),
  ).record.id;
  await call('POST', `/api/innovations/${ids.othersRecord}/publication`, 'other-inventor');
  await adoptDirectly(api.services, ids.published, 'own-syn', [{ personId: 'owner' }]);
  ids.report = body(
    await expectStatus(
      call('POST', `/api/innovations/${ids.published}/adoptions/own-syn/reports`, 'co-admin', reportInput(1000)),
      201,
      'report',
    ),
  ).report.id;
  // A second report, disputed by the record's inventor, goes to a restorative circle: only its roll votes.
  const disputedReport = body(
    await expectStatus(
      call('POST', `/api/innovations/${ids.published}/adoptions/own-syn/reports`, 'co-admin', dayReportInput(500, 1)),
      201,
      'a report to dispute',
    ),
  ).report.id;
  await expectStatus(
    call('PUT', `/api/innovations/${ids.published}/reports/${disputedReport}/decision`, 'owner', {
      decision: 'dispute',
      reason: 'The hours saved were counted twice.',
    }),
    200,
    'dispute',
  );
  ids.circle = body(
    await expectStatus(
      call('POST', '/api/proposals', 'owner', {
        kind: 'resolve-disputed-report',
        scope: 'syndicate:own-syn',
        title: 'Settle the disputed report',
        change: { innovationId: ids.published, reportId: disputedReport, amount: 400 },
      }),
      201,
      'open a circle',
    ),
  ).id;

  // The owner's inbox holds the application, as the stream consumer stores it.
  const at = new Date().toISOString();
  const eventKey = `matrix#application-received#owner`;
  ids.notification = notificationId(at, eventKey);
  await api.services.notifications.add({
    id: ids.notification,
    personId: 'owner',
    kind: 'application-received',
    at,
    title: 'New application for Repair bench technician',
    summary: 'Someone applied.',
    link: `/jobs/${ids.opening}/applicants/`,
    eventKey,
  });
  // The applicant invoices the owner: the request is the two of theirs, and nobody else's.
  ids.paymentRequest = body(
    await expectStatus(
      call('POST', '/api/payment-requests', 'applicant', { payer: 'person:owner', amount: 1500, memo: 'Site visit' }),
      201,
      'ask to be paid',
    ),
  ).id;

  // The owner's offer and want on the marketplace: only the owner withdraws them.
  const listing = {
    description: 'Bench repairs for small appliances.',
    kind: 'service',
    trade: 'repair',
    place: 'Valencia, ES',
    unit: 'job',
  };
  ids.offer = body(
    await expectStatus(
      call('POST', '/api/offers', 'owner', { ...listing, title: 'Kettle repairs', price: 1500 }),
      201,
      'offer',
    ),
  ).offer.id;
  ids.want = body(
    await expectStatus(
      call('POST', '/api/wants', 'owner', { ...listing, title: 'Spare parts', hours: 2 }),
      201,
      'want',
    ),
  ).want.id;
  // A member of own-syn logs hours for a position she fills: hers and its admins', nobody else's.
  ids.workLog = (await loggedHours(api, 'worker', 'own-syn', 'owner')).workLogId;
  // own-syn's members decide its proposals: the owner opens one, and keeps another as a draft.
  const proposal = (draft: boolean) =>
    call('POST', '/api/proposals', 'owner', {
      kind: 'sense-check',
      scope: 'syndicate:own-syn',
      title: draft ? 'A question I am still wording' : 'Shall we share the van?',
      draft,
    });
  ids.proposal = body(await expectStatus(proposal(false), 201, 'propose')).id;
  ids.draftProposal = body(await expectStatus(proposal(true), 201, 'draft a proposal')).id;
  // A membership keeps its votes secret: the owner proposes the worker as an admin, and votes for it.
  const secret = call('POST', '/api/proposals', 'owner', {
    kind: 'membership',
    scope: 'syndicate:own-syn',
    title: 'The worker as an admin',
    change: { action: 'make-admin', personId: 'worker' },
  });
  ids.secretProposal = body(await expectStatus(secret, 201, 'propose a membership')).id;
  await expectStatus(
    call('PUT', `/api/proposals/${ids.secretProposal}/votes/me`, 'owner', { choice: 'yes' }),
    200,
    'vote in secret',
  );
  // The applicant orders the owner's offer: the order is the two of theirs, and nobody else's.
  await putOffer(api.services, { id: 'owner-repairs', seller: 'person:owner' });
  ids.order = body(
    await expectStatus(
      call('POST', '/api/orders', 'applicant', { offerId: 'owner-repairs', quantity: 2 }),
      201,
      'order',
    ),
  ).id;

  // The apprentice asks own-build (construction), whose founder holds the plasterboard course's credential.
  await expectStatus(
    call('POST', '/api/syndicates', 'assessor', { ...syndicateInput('own-build'), trade: 'construction' }),
    201,
    'found own-build',
  );
  await grantCourseCredential(api.services, 'assessor', practical.id);
  await expectStatus(takeQuiz(call, 'apprentice', practical), 200, 'pass the practical course’s quiz');
  for (const task of practical.practical) {
    const evidence = { description: `What I did for ${task.title}, shown by video.`, links: [] };
    await expectStatus(
      call('PUT', `/api/me/enrollments/${practical.id}/practical/${task.id}/evidence`, 'apprentice', evidence),
      200,
      'send evidence',
    );
  }
  const photo = Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0, 1, 0xff, 0xd9]).toString('base64');
  const added = call('POST', `/api/me/enrollments/${practical.id}/practical/${firstTask.id}/images`, 'apprentice', {
    image: photo,
  });
  ids.evidenceImage = body(await expectStatus(added, 201, 'add a photo')).evidence.images[0].id;
  await expectStatus(
    call('POST', `/api/me/enrollments/${practical.id}/practical/assessment-request`, 'apprentice', {
      syndicateId: 'own-build',
    }),
    200,
    'ask own-build to assess',
  );

  const passed = await expectStatus(takeQuiz(call, 'owner', course), 200, 'pass the quiz');
  ids.credential = body(passed).credentialId;
}, 60_000);

interface Cell {
  route: string;
  path: () => string;
  body?: unknown;
  /** Who the object belongs to, and what their own call answers. */
  owner: string;
  ownerStatus: number;
}

// In the order the owners' calls can run without spoiling later ones. Two owner calls answer a refusal
// on purpose: withdrawing an application already declined, and accepting an offer on it (409), are
// still the applicant's calls. A thread's other readers (another applicant, a member who is no admin)
// are refused in hiring-loop.test.ts.
const cells: Cell[] = [
  {
    route: 'GET /api/me/credentials/{credentialId}',
    path: () => `/api/me/credentials/${ids.credential}`,
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'PUT /api/me/notifications/{notificationId}/read',
    path: () => `/api/me/notifications/${ids.notification}/read`,
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'PUT /api/syndicates/{syndicateId}',
    path: () => '/api/syndicates/own-syn',
    // The card as stored (the work world's, as a vote enacted it): an edit changes it only by a vote.
    body: (({ id: _id, ...rest }) => ({ ...rest, rateCard }))(syndicateInput('own-syn')),
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'GET /api/syndicates/{syndicateId}/members',
    path: () => '/api/syndicates/own-syn/members',
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'PUT /api/syndicates/{syndicateId}/members/{personId}',
    path: () => '/api/syndicates/own-syn/members/pending',
    body: { decision: 'decline' },
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'POST /api/syndicates/{syndicateId}/openings',
    path: () => '/api/syndicates/own-syn/openings',
    body: opening,
    owner: 'owner',
    ownerStatus: 201,
  },
  {
    route: 'PUT /api/openings/{openingId}',
    path: () => `/api/openings/${ids.opening}`,
    body: opening,
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'GET /api/openings/{openingId}/applicants',
    path: () => `/api/openings/${ids.opening}/applicants`,
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'GET /api/openings/{openingId}/applications/{personId}/cv',
    path: () => `/api/openings/${ids.opening}/applications/applicant/cv`,
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'GET /api/openings/{openingId}/readiness',
    path: () => `/api/openings/${ids.opening}/readiness`,
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'GET /api/openings/{openingId}/applicants/{personId}/profile',
    path: () => `/api/openings/${ids.opening}/applicants/applicant/profile`,
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'POST /api/openings/{openingId}/applicants/{personId}/notes',
    path: () => `/api/openings/${ids.opening}/applicants/applicant/notes`,
    body: { body: 'Strong references; asked about Thursdays.' },
    owner: 'owner',
    ownerStatus: 201,
  },
  {
    route: 'GET /api/openings/{openingId}/applicants/{personId}/notes',
    path: () => `/api/openings/${ids.opening}/applicants/applicant/notes`,
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'GET /api/openings/{openingId}/applications/{personId}/messages',
    path: () => `/api/openings/${ids.opening}/applications/applicant/messages`,
    owner: 'applicant',
    ownerStatus: 200,
  },
  {
    route: 'POST /api/openings/{openingId}/applications/{personId}/messages',
    path: () => `/api/openings/${ids.opening}/applications/applicant/messages`,
    body: { body: 'Is the bench shared on Saturdays?' },
    owner: 'applicant',
    ownerStatus: 201,
  },
  {
    route: 'PUT /api/openings/{openingId}/applicants/{personId}/stage',
    path: () => `/api/openings/${ids.opening}/applicants/applicant/stage`,
    body: { stage: 'declined', reason: 'skills' },
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'DELETE /api/openings/{openingId}/applications/me',
    path: () => `/api/openings/${ids.opening}/applications/me`,
    owner: 'applicant',
    ownerStatus: 409,
  },
  {
    route: 'PUT /api/openings/{openingId}/applications/me/offer',
    path: () => `/api/openings/${ids.opening}/applications/me/offer`,
    body: { answer: 'accept' },
    owner: 'applicant',
    ownerStatus: 409,
  },
  {
    route: 'PUT /api/openings/{openingId}/status',
    path: () => `/api/openings/${ids.opening}/status`,
    body: { status: 'closed' },
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'GET /api/innovations/{innovationId}/draft',
    path: () => `/api/innovations/${ids.draft}/draft`,
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'PUT /api/innovations/{innovationId}/draft',
    path: () => `/api/innovations/${ids.draft}/draft`,
    body: draftInput([{ personId: 'owner' }]),
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'PUT /api/innovations/{innovationId}/draft/consent',
    path: () => `/api/innovations/${ids.invitation}/draft/consent`,
    body: { decision: 'accept' },
    owner: 'invitee',
    ownerStatus: 200,
  },
  {
    route: 'POST /api/innovations/{innovationId}/publication',
    path: () => `/api/innovations/${ids.draft}/publication`,
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'POST /api/innovations/{innovationId}/corrections',
    path: () => `/api/innovations/${ids.published}/corrections`,
    owner: 'owner',
    ownerStatus: 201,
  },
  {
    route: 'PUT /api/innovations/{innovationId}/adoptions/{syndicateId}',
    path: () => `/api/innovations/${ids.othersRecord}/adoptions/own-solo`,
    body: { implementers: [{ personId: 'owner' }] },
    owner: 'owner',
    ownerStatus: 201,
  },
  {
    route: 'POST /api/innovations/{innovationId}/adoptions/{syndicateId}/reports',
    path: () => `/api/innovations/${ids.published}/adoptions/own-syn/reports`,
    body: { ...reportInput(500, '2026-09-30'), periodFrom: '2026-09-01' },
    owner: 'owner',
    ownerStatus: 201,
  },
  {
    route: 'PUT /api/innovations/{innovationId}/reports/{reportId}/decision',
    path: () => `/api/innovations/${ids.published}/reports/${ids.report}/decision`,
    body: { decision: 'confirm' },
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'POST /api/innovations/{innovationId}/reports/{reportId}/settlement',
    path: () => `/api/innovations/${ids.published}/reports/${ids.report}/settlement`,
    owner: 'owner',
    ownerStatus: 200,
  },
  // A saved search is its owner's alone: others get 404 on each of its routes (and on its feed, by token:
  // saved-searches.test.ts). The owner renames it, renews its feed address, then deletes it.
  {
    route: 'PUT /api/me/saved-searches/{savedSearchId}',
    path: () => `/api/me/saved-searches/${ids.savedSearch}`,
    body: { name: 'Renamed by someone', alert: 'daily' },
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'GET /api/payment-requests/{requestId}',
    path: () => `/api/payment-requests/${ids.paymentRequest}`,
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'POST /api/me/saved-searches/{savedSearchId}/feed-address',
    path: () => `/api/me/saved-searches/${ids.savedSearch}/feed-address`,
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'GET /api/syndicates/{syndicateId}/payment-requests',
    path: () => '/api/syndicates/own-syn/payment-requests',
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'DELETE /api/me/saved-searches/{savedSearchId}',
    path: () => `/api/me/saved-searches/${ids.savedSearch}`,
    owner: 'owner',
    ownerStatus: 204,
  },
  {
    route: 'GET /api/syndicates/{syndicateId}/offers',
    path: () => '/api/syndicates/own-syn/offers',
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'GET /api/work-logs/{workLogId}',
    path: () => `/api/work-logs/${ids.workLog}`,
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'GET /api/syndicates/{syndicateId}/wants',
    path: () => '/api/syndicates/own-syn/wants',
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'GET /api/syndicates/{syndicateId}/work-logs',
    path: () => '/api/syndicates/own-syn/work-logs',
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'POST /api/offers/{offerId}/withdraw',
    path: () => `/api/offers/${ids.offer}/withdraw`,
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'POST /api/wants/{wantId}/withdraw',
    path: () => `/api/wants/${ids.want}/withdraw`,
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'PUT /api/work-logs/{workLogId}/decision',
    path: () => `/api/work-logs/${ids.workLog}/decision`,
    // A rejection: an edit of own-syn by an earlier owner call leaves it no line to pay these hours from.
    body: { decision: 'reject', reason: 'Those hours were the planning meeting.' },
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'PUT /api/payment-requests/{requestId}/decision',
    path: () => `/api/payment-requests/${ids.paymentRequest}/decision`,
    body: { decision: 'refuse' },
    owner: 'owner',
    ownerStatus: 200,
  },
  // A draft proposal is its author's alone until it opens: others are answered as if it did not exist.
  {
    route: 'GET /api/proposals/{proposalId}/votes/me',
    path: () => `/api/proposals/${ids.draftProposal}/votes/me`,
    owner: 'owner',
    ownerStatus: 200,
  },
  // An order is its buyer's and its seller's (the owner sells here): others get 404 on each of its routes.
  {
    route: 'GET /api/orders/{orderId}',
    path: () => `/api/orders/${ids.order}`,
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'PUT /api/proposals/{proposalId}',
    path: () => `/api/proposals/${ids.draftProposal}`,
    body: { kind: 'sense-check', scope: 'syndicate:own-syn', title: 'A question worded at last', version: 0 },
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'POST /api/proposals/{proposalId}/opening',
    path: () => `/api/proposals/${ids.draftProposal}/opening`,
    // The version its owner saw: the edit above moved it to 1.
    body: { version: 1 },
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'GET /api/syndicates/{syndicateId}/orders',
    path: () => '/api/syndicates/own-syn/orders?side=selling',
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'PUT /api/orders/{orderId}/step',
    path: () => `/api/orders/${ids.order}/step`,
    body: { action: 'accept' },
    owner: 'owner',
    ownerStatus: 200,
  },
  {
    route: 'GET /api/syndicates/{syndicateId}/practical-work',
    path: () => '/api/syndicates/own-build/practical-work',
    owner: 'assessor',
    ownerStatus: 200,
  },
  {
    route: 'GET /api/practical-work/{personId}/{courseId}',
    path: () => `/api/practical-work/apprentice/${practical.id}`,
    owner: 'assessor',
    ownerStatus: 200,
  },
  {
    route: 'GET /api/practical-work/{personId}/{courseId}/tasks/{taskId}/images/{imageId}',
    path: () => `/api/practical-work/apprentice/${practical.id}/tasks/${firstTask.id}/images/${ids.evidenceImage}`,
    owner: 'assessor',
    ownerStatus: 200,
  },
  {
    route: 'POST /api/practical-work/{personId}/{courseId}/tasks/{taskId}/reviews',
    path: () => `/api/practical-work/apprentice/${practical.id}/tasks/${firstTask.id}/reviews`,
    body: { outcome: 'signed-off', comment: 'Watched it done, by video, and it was right.' },
    owner: 'assessor',
    ownerStatus: 200,
  },
];

// A syndicate's open proposal is public, but only its members vote on it: anyone else gets 403.
const membersOnly = [
  {
    route: 'PUT /api/proposals/{proposalId}/votes/me',
    path: () => `/api/proposals/${ids.proposal}/votes/me`,
    body: { choice: 'yes' },
  },
];

// Anyone signed in may close a proposal whose window has ended (decisions.test.ts: twenty racing closes,
// by people who did not propose it, enact once); before then it is refused to everyone alike (409).
const anyoneOnceDue = ['POST /api/proposals/{proposalId}/closing'];

// A secret vote's counts, while it is open, are its scope's members' alone: anyone else gets 403.
const membersWhileSecret = ['GET /api/proposals/{proposalId}/tally'];

// Not someone's object but a decision of the instance's stewards: anyone else gets 403.
const peer = await startRemoteSyndicate('matrix-peer');
afterAll(() => peer.close());
const stewardsOnly: Array<{ route: string; path: string; body?: unknown; method?: string; done?: number }> = [
  {
    route: 'PUT /api/syndicates/{id}/credit-limit',
    path: '/api/syndicates/own-syn/credit-limit',
    body: { credit: 120_000, reason: 'The members agreed more credit.' },
  },
  {
    route: 'PUT /api/people/{id}/credit-limit',
    path: '/api/people/learner/credit-limit',
    body: { credit: 10_000, reason: 'Agreed at the members’ meeting.' },
  },
  // Blocking a remote instance (issue 20); the unblock runs after the block, so it finds one.
  {
    route: 'PUT /api/federation/blocks/{host}',
    path: '/api/federation/blocks/spam.example',
    body: { reason: 'Spam from every account.' },
  },
  {
    route: 'DELETE /api/federation/blocks/{host}',
    path: '/api/federation/blocks/spam.example',
    method: 'DELETE',
    done: 204,
  },
  // Following a remote syndicate (issue 20), a loopback peer; the unfollow runs after the follow.
  {
    route: 'POST /api/federation/follows',
    path: '/api/federation/follows',
    method: 'POST',
    body: { actor: peer.handle },
  },
  {
    route: 'DELETE /api/federation/follows/{id}',
    path: `/api/federation/follows/${remoteFollowId(peer.actorId)}`,
    method: 'DELETE',
    done: 204,
  },
  // Witnessing a remote log (issue 20); the removal runs after the addition, so it finds one.
  { route: 'PUT /api/federation/witnessed-logs/{host}', path: '/api/federation/witnessed-logs/log.example' },
  {
    route: 'DELETE /api/federation/witnessed-logs/{host}',
    path: '/api/federation/witnessed-logs/log.example',
    method: 'DELETE',
    done: 204,
  },
];

// Anyone signed in may read a person's profile: what they see is decided section by section (tested
// with outsiders, co-members and the person in profiles.test.ts); here, that the matrix's people see
// nothing the owner keeps to members of her syndicates, while she sees it all.
const readByEveryone = ['GET /api/people/{id}'];

describe('the authorization matrix', () => {
  it('has a row for every protected route that acts on someone else’s object', () => {
    const own = new Set([
      'POST /api/syndicates/{syndicateId}/join-requests',
      'DELETE /api/syndicates/{syndicateId}/membership',
      'PUT /api/openings/{openingId}/applications/me',
      'PUT /api/me/enrollments/{courseId}/lessons/{lessonId}',
      'GET /api/me/enrollments/{courseId}/quiz',
      'POST /api/me/enrollments/{courseId}/quiz-attempts',
      'PUT /api/me/skills/{skillId}',
      'DELETE /api/me/skills/{skillId}',
      // The path is the commons' (public); what it answers is the caller's own progress along it.
      'GET /api/me/paths/{pathId}',
      'GET /api/me/enrollments/{courseId}/practical',
      'PUT /api/me/enrollments/{courseId}/practical/{taskId}/evidence',
      'POST /api/me/enrollments/{courseId}/practical/{taskId}/images',
      'DELETE /api/me/enrollments/{courseId}/practical/{taskId}/images/{imageId}',
      'POST /api/me/enrollments/{courseId}/practical/assessment-request',
    ]);
    const withIds = apiRoutes
      .filter((r) => r.auth === 'required' && r.path.includes('{'))
      .map((r) => `${r.method} ${r.path}`);
    // The others act only on the caller's own membership, application or enrollment, or are the
    // stewards' (below).
    expect(
      withIds
        .filter(
          (key) =>
            !own.has(key) &&
            !readByEveryone.includes(key) &&
            !anyoneOnceDue.includes(key) &&
            !membersWhileSecret.includes(key) &&
            !stewardsOnly.some((cell) => cell.route === key) &&
            !membersOnly.some((cell) => cell.route === key),
        )
        .sort(),
    ).toEqual(cells.map((c) => c.route).sort());
  });

  it('refuses a credit grant or an instance block to everyone but a steward (403), and lets the steward make it', async () => {
    for (const cell of stewardsOnly) {
      const method = cell.method ?? 'PUT';
      for (const [role, person] of Object.entries({ ...roles, 'admin of the syndicate': 'owner' })) {
        const response = await call(method, cell.path, person, cell.body);
        expect(response.status, `${role} → ${cell.route}`).toBe(person === null ? 401 : 403);
      }
      const done = cell.done ?? 200;
      expect((await call(method, cell.path, 'steward', cell.body)).status, `steward → ${cell.route}`).toBe(done);
    }
  });

  it('refuses a vote on a syndicate’s proposal to everyone who is not its member (403), and takes the member’s', async () => {
    for (const cell of membersOnly) {
      for (const [role, person] of Object.entries({ ...roles, 'one who only asked to join': 'pending' })) {
        const response = await call('PUT', cell.path(), person, cell.body);
        expect(response.status, `${role} → ${cell.route}`).toBe(person === null ? 401 : 403);
      }
      expect((await call('PUT', cell.path(), 'owner', cell.body)).status, `member → ${cell.route}`).toBe(200);
      const tally = body(await call('GET', `/api/proposals/${ids.proposal}`, null)).tally;
      expect(tally, 'only the member’s vote counted').toEqual({ yes: 1, no: 0, abstain: 0 });
    }
  });

  it('shows an open secret vote’s counts only to its members (403 to the rest), and who voted how to nobody', async () => {
    const id = ids.secretProposal;
    const outsiders = { ...roles, 'one who only asked to join': 'pending' };
    for (const [role, person] of Object.entries(outsiders)) {
      const tally = await call('GET', `/api/proposals/${id}/tally`, person);
      expect(tally.status, `${role} → its tally`).toBe(person === null ? 401 : 403);
    }
    for (const [role, person] of Object.entries({ ...outsiders, 'its proposer': 'owner', 'a member': 'worker' })) {
      const read = body(await call('GET', `/api/proposals/${id}`, person));
      expect([read.secret, read.tally], `${role} → the proposal`).toEqual([true, undefined]);
      const listed = body(await call('GET', '/api/proposals?scope=syndicate:own-syn', person)).items;
      expect(listed.find((p: { id: string }) => p.id === id)?.tally, `${role} → the list`).toBeUndefined();
      const names = await call('GET', `/api/proposals/${id}/votes`, person);
      expect([names.status, body(names).detail], `${role} → who voted how`).toEqual([
        403,
        expect.stringMatching(/nobody is shown who voted how/),
      ]);
    }
    for (const member of ['owner', 'co-admin', 'worker']) {
      const tally = await call('GET', `/api/proposals/${id}/tally`, member);
      expect([tally.status, body(tally)], member).toEqual([
        200,
        expect.objectContaining({ status: 'open', tally: { yes: 1, no: 0, abstain: 0 }, secret: true }),
      ]);
    }
    // A vote that is not secret is counted and named for anyone to read.
    expect((await call('GET', `/api/proposals/${ids.proposal}/tally`, 'learner')).status).toBe(200);
    expect((await call('GET', `/api/proposals/${ids.proposal}/votes`, null)).status).toBe(200);
  });

  it('takes a circle’s votes only from its roll: 403 to everyone neither a party nor on the panel', async () => {
    const { circle } = body(await call('GET', `/api/proposals/${ids.circle}`, null));
    const path = `/api/proposals/${ids.circle}/votes/me`;
    const refused: string[] = [];
    for (const [role, person] of Object.entries({ ...roles, 'one who only asked to join': 'pending' })) {
      // The panel is drawn from members of the commons on neither side, so any of these may sit on it.
      const onPanel = person !== null && circle.panel.includes(person);
      const response = await call('PUT', path, person, { choice: 'no' });
      expect(response.status, `${role} → a circle's vote`).toBe(person === null ? 401 : onPanel ? 200 : 403);
      if (response.status === 403) refused.push(role);
    }
    expect(refused.length, 'someone off the panel was asked').toBeGreaterThan(0);
    // The parties vote: the record's inventor (an admin too) and a member of the syndicate.
    for (const party of ['owner', 'co-admin']) {
      expect((await call('PUT', path, party, { choice: 'yes' })).status, party).toBe(200);
    }
  });

  it('refuses to close a proposal before its window ends, to everyone alike (409)', async () => {
    for (const person of ['owner', 'learner']) {
      expect((await call('POST', `/api/proposals/${ids.proposal}/closing`, person)).status, person).toBe(409);
    }
  });

  for (const [role, person] of Object.entries(roles)) {
    it(`refuses every foreign read and write to the ${role}, as if the object did not exist`, async () => {
      for (const cell of cells) {
        const response = await call(cell.route.split(' ')[0] ?? 'GET', cell.path(), person, cell.body);
        expect(response.status, `${role} → ${cell.route}`).toBe(person === null ? 401 : 404);
      }
    });
  }

  it('shows each of them only the name on a profile kept to the owner’s syndicates, and the owner all of it', async () => {
    for (const [role, person] of Object.entries(roles)) {
      const response = await call('GET', '/api/people/owner', person);
      if (person === null) {
        expect(response.status, role).toBe(401);
        continue;
      }
      expect(response.status, role).toBe(200);
      const { id, name, relation, hidden, ...shown } = body(response);
      expect({ id, relation, shown }, role).toEqual({ id: 'owner', relation: 'outsider', shown: {} });
      expect(hidden, role).toHaveLength(6);
    }
    const own = body(await call('GET', '/api/people/owner', 'owner'));
    expect(own).toMatchObject({ relation: 'self', hidden: [] });
    expect(own.syndicates.items.map((s: { id: string }) => s.id).sort()).toEqual(['own-solo', 'own-syn']);
  });

  it('lets each owner make the same calls (so the refusals above are the rule, not a broken call)', async () => {
    for (const cell of cells) {
      const response = await call(cell.route.split(' ')[0] ?? 'GET', cell.path(), cell.owner, cell.body);
      expect(response.status, `owner → ${cell.route}: ${JSON.stringify(response.body).slice(0, 200)}`).toBe(
        cell.ownerStatus,
      );
    }
  });
});
