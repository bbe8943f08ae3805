// Deciding together (issue 17): proposals to the commons or a syndicate, votes and closing. Proposals
// and their tallies are public; drafts are their author's; a vote is the voter's own.
import { documented } from '#config/bundle.ts';
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import {
  closeCommand,
  editDraftCommand,
  openDraftCommand,
  proposeCommand,
  voteCommand,
} from '#app/commands/decision-commands.ts';
import { listProposals, viewProposal } from '#domain/decisions/proposal-use-cases.ts';
import { proposalKinds, scopeSchema, voteChoices } from '#domain/decisions/proposal.ts';
import { myVote, proposalVotes } from '#domain/decisions/vote.ts';
import { proposalTally } from '#domain/decisions/secret-tally.ts';
import { publicView } from '#domain/decisions/secrecy.ts';
import { commandRoute, protectedRoute, publicRoute } from '../route.ts';
import { json, mine } from './answers.ts';
import { pageSchema } from './paged.ts';
import { cursorQuery, idParam as id } from './params.ts';

const listQuery = /* @__PURE__ */ lazySchema(() =>
  z.object({
    scope: z._default(scopeSchema(), 'commons'),
    status: z
      ._default(z.enum(['open', 'closed']), 'open')
      .check(z.describe('`open`: voting now, closing soonest first; `closed`: decided, newest first.')),
    ...cursorQuery(),
  }),
);

// What the routes answer with, for the OpenAPI document only (called from schema factories).
const tally = () => z.object({ yes: z.number(), no: z.number(), abstain: z.number() });
const proposalItem = () =>
  z.object({
    id: z.string(),
    kind: z.enum(proposalKinds),
    scope: z.string(),
    title: z.string(),
    description: z.string(),
    change: z.optional(z.record(z.string(), z.unknown())),
    status: z.enum(['draft', 'open', 'closed', 'enacted']),
    threshold: z.object({ num: z.number(), den: z.number() }),
    /** Left out while a secret vote is open: its members read it at …/tally. */
    tally: z.optional(tally()),
    secret: z.optional(z.boolean()),
    version: z.optional(z.number()),
    updatedAt: z.optional(z.string()),
    eligible: z.optional(z.number()),
    openedAt: z.optional(z.string()),
    closesAt: z.optional(z.string()),
    outcome: z.optional(z.enum(['passed', 'rejected', 'without-quorum'])),
    closedAt: z.optional(z.string()),
    notEnacted: z.optional(z.string()),
    /** The same as a message key and its values, for a client that words it in its reader's language. */
    notEnactedMessage: z.optional(z.object({ key: z.string(), values: z.record(z.string(), z.unknown()) })),
    /** A restorative circle's roll by name: the record's inventors and the panel drawn as it opened. */
    circle: z.optional(z.object({ inventors: z.array(z.string()), panel: z.array(z.string()) })),
  });
const voteItem = () =>
  z.object({
    proposalId: z.string(),
    personId: z.string(),
    choice: z.enum(voteChoices),
    reason: z.optional(z.string()),
    at: z.string(),
  });
const params = () => ({ params: z.object({ proposalId: id() }) });
const notFound = { description: 'No such proposal (a draft is its author’s alone).' };

export const decisionRoutes = [
  commandRoute(proposeCommand, {
    method: 'POST',
    path: '/api/proposals',
    doc: documented && {
      summary:
        'Propose to the commons or a syndicate you are a member of: a sense check, a rate card, a credit limit, the commons’ credit policy, a member admitted or removed, an innovation adopted, a steward removed, or a restorative circle on a disputed value report (its parties and three members of the commons drawn at random vote on the amount it settles at); open at once, or kept as a draft. Send an Idempotency-Key so a retry never proposes twice',
      tags: ['decisions'],
      responses: {
        201: {
          description: 'The proposal, open (with its window and eligible count) or a draft.',
          schema: proposalItem,
        },
        400: { description: 'A field the request does not take, or a change that is not the kind’s shape.' },
        403: { description: 'You are not a member of the scope.' },
        404: { description: 'No such syndicate.' },
        422: {
          description:
            'A kind proposed where it is not decided, a window shorter than the kind’s, or a change that could not be made (an account nobody holds, a member already a member, a credit policy above the most credit allowed or with its tiers out of order).',
        },
      },
    },
    respond: (proposal) => json(proposal, 201, mine),
  }),
  publicRoute({
    method: 'GET',
    path: '/api/proposals',
    auth: 'none',
    input: () => ({ query: listQuery() }),
    doc: documented && {
      summary:
        'A scope’s open or closed proposals with their tallies (none for a secret vote still open), a page at a time',
      tags: ['decisions'],
      responses: { 200: { description: 'One page of proposals.', schema: () => pageSchema(proposalItem()) } },
    },
    async handle({ query, services }) {
      const page = { limit: query.pageSize, cursor: query.cursor };
      const found = await listProposals(services, { scope: query.scope, status: query.status }, page);
      return json({ ...found, items: found.items.map(publicView) });
    },
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/me/proposal-drafts',
    auth: 'required',
    input: () => ({ query: z.object({ ...cursorQuery() }) }),
    doc: documented && {
      summary: 'Your draft proposals, newest first, a page at a time',
      tags: ['decisions'],
      responses: { 200: { description: 'One page of drafts.', schema: () => pageSchema(proposalItem()) } },
    },
    async handle({ query, identity, services }) {
      const page = { limit: query.pageSize, cursor: query.cursor };
      return json(await listProposals(services, { draftsOf: identity.personId }, page), 200, mine);
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/proposals/{proposalId}',
    auth: 'none',
    input: params,
    doc: documented && {
      summary:
        'A proposal: what it changes, its window, the tally so far (not while a secret vote is open: see …/tally) and, once closed, its outcome',
      tags: ['decisions'],
      responses: { 200: { description: 'The proposal.', schema: proposalItem }, 404: notFound },
    },
    async handle({ params, services }) {
      return json(publicView(await viewProposal(services, null, params.proposalId)));
    },
  }),
  commandRoute(editDraftCommand, {
    method: 'PUT',
    path: '/api/proposals/{proposalId}',
    doc: documented && {
      summary:
        'Edit your draft: send it whole, as POST /api/proposals takes it but without `draft`, with the `version` you read (0 before its first edit); it stays a draft until you open it',
      tags: ['decisions'],
      responses: {
        200: { description: 'The draft as saved, its version one on.', schema: proposalItem },
        400: { description: 'A field the edit does not take, or a change that is not the kind’s shape.' },
        403: { description: 'You are not a member of the scope it names.' },
        404: notFound,
        409: {
          description:
            'It was saved again after the version you read (read it again), or it is open already: what it proposes is fixed.',
        },
        422: {
          description:
            'As for a new proposal: a kind where it is not decided, a short window, a change that could not be made.',
        },
      },
    },
    respond: (proposal) => json(proposal, 200, mine),
  }),
  commandRoute(openDraftCommand, {
    method: 'POST',
    path: '/api/proposals/{proposalId}/opening',
    doc: documented && {
      summary:
        'Open your draft at the version you read: who may vote is fixed now (the members at this moment, or a circle’s roll, its panel drawn now) and its window starts',
      tags: ['decisions'],
      responses: {
        200: { description: 'The open proposal (or as it is, if it was opened already).', schema: proposalItem },
        403: { description: 'You are no longer a member of its scope.' },
        409: { description: 'The draft was saved again after the version you sent: read it again, then open it.' },
        404: notFound,
      },
    },
    respond: (proposal) => json(proposal, 200, mine),
  }),
  commandRoute(voteCommand, {
    method: 'PUT',
    path: '/api/proposals/{proposalId}/votes/me',
    doc: documented && {
      summary:
        'Vote yes, no or abstain, with an optional reason; vote again to change it until the window ends (one vote a person)',
      tags: ['decisions'],
      responses: {
        200: {
          description: 'Your vote and the proposal with its tally after it.',
          schema: () => z.object({ vote: voteItem(), proposal: proposalItem() }),
        },
        400: { description: 'A choice that is not yes, no or abstain, or a field the vote does not take.' },
        403: { description: 'You are not a member of its scope, or became one after it opened.' },
        404: notFound,
        409: { description: 'Voting has closed (or the proposal is still a draft).' },
        422: {
          description:
            'A credit limit for your own account or a syndicate you belong to (rule `conflict-of-interest`).',
        },
      },
    },
    respond: (output) => json(output, 200, mine),
  }),
  publicRoute({
    method: 'GET',
    path: '/api/proposals/{proposalId}/votes',
    auth: 'none',
    input: () => ({ params: z.object({ proposalId: id() }), query: z.object({ ...cursorQuery() }) }),
    doc: documented && {
      summary:
        'Who voted how on a proposal, and why, by person id, a page at a time; never for a kind that keeps its votes secret (a membership)',
      tags: ['decisions'],
      responses: {
        200: {
          description: 'One page of votes, each with the voter’s name.',
          schema: () => pageSchema(z.object({ ...voteItem().shape, name: z.string() })),
        },
        403: { description: 'Its votes are secret: nobody is shown who voted how, whoever asks.' },
        404: notFound,
      },
    },
    async handle({ params, query, services }) {
      const page = { limit: query.pageSize, cursor: query.cursor };
      return json(await proposalVotes(services, null, params.proposalId, page));
    },
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/proposals/{proposalId}/tally',
    auth: 'required',
    input: params,
    doc: documented && {
      summary:
        'The counts so far: of a secret vote still open, for the members of its scope only (they decide it); of any other, for anyone',
      tags: ['decisions'],
      responses: {
        200: {
          description:
            'Its status, the yes, no and abstain counts, how many could vote, and whether its votes are secret.',
          schema: () =>
            z.object({
              status: z.enum(['draft', 'open', 'closed', 'enacted']),
              tally: tally(),
              eligible: z.optional(z.number()),
              secret: z.boolean(),
            }),
        },
        403: { description: 'A secret vote still open, and you are not a member of its scope.' },
        404: notFound,
      },
    },
    async handle({ params, identity, services }) {
      return json(await proposalTally(services, identity, params.proposalId), 200, mine);
    },
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/proposals/{proposalId}/votes/me',
    auth: 'required',
    input: params,
    doc: documented && {
      summary: 'Your vote on a proposal, if you cast one',
      tags: ['decisions'],
      responses: {
        200: { description: 'Your vote, or null.', schema: () => z.object({ vote: z.nullable(voteItem()) }) },
        404: notFound,
      },
    },
    async handle({ params, identity, services }) {
      await viewProposal(services, identity.personId, params.proposalId);
      return json({ vote: await myVote(services, identity, params.proposalId) }, 200, mine);
    },
  }),
  commandRoute(closeCommand, {
    method: 'POST',
    path: '/api/proposals/{proposalId}/closing',
    doc: documented && {
      summary:
        'Close a proposal whose window has ended (anyone may; the sweep does it too): its outcome is decided and, if it passed, its change is made, once',
      tags: ['decisions'],
      responses: {
        200: {
          description: 'The closed proposal with its outcome; `closedNow` is false when it was closed already.',
          schema: () => z.object({ proposal: proposalItem(), closedNow: z.boolean() }),
        },
        404: notFound,
        409: { description: 'Its window has not ended yet.' },
      },
    },
    respond: (output) => json(output, 200, mine),
  }),
];
