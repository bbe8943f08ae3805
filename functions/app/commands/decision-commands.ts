// Deciding together: proposing, opening a draft, voting and closing, each a command, so the API and the
// site's forms make them through one edge (write limit, schemas, idempotency key, use case).
import * as z from 'zod/mini';
import { idSchema } from '#domain/ids.ts';
import { closeProposal } from '#domain/decisions/close-proposal.ts';
import { proposalInputSchema, voteInputSchema } from '#domain/decisions/proposal.ts';
import { openDraft, propose } from '#domain/decisions/proposal-use-cases.ts';
import { editDraft, openDraftInputSchema, proposalEditSchema } from '#domain/decisions/edit-draft.ts';
import { castVote } from '#domain/decisions/vote.ts';
import { command } from './command.ts';

const proposalParams = () => z.object({ proposalId: idSchema() });

export const proposeCommand = command({
  name: 'decisions.propose',
  input: () => ({ body: proposalInputSchema() }),
  run: ({ services, identity, body }) => propose(services, identity, body),
});

export const editDraftCommand = command({
  name: 'decisions.edit-draft',
  input: () => ({ params: proposalParams(), body: proposalEditSchema() }),
  run: ({ services, identity, params, body }) => editDraft(services, identity, params.proposalId, body),
});

export const openDraftCommand = command({
  name: 'decisions.open',
  input: () => ({ params: proposalParams(), body: openDraftInputSchema() }),
  run: ({ services, identity, params, body }) => openDraft(services, identity, params.proposalId, body.version),
});

export const voteCommand = command({
  name: 'decisions.vote',
  input: () => ({ params: proposalParams(), body: voteInputSchema() }),
  run: ({ services, identity, params, body }) => castVote(services, identity, params.proposalId, body),
  counts: 'votes',
});

export const closeCommand = command({
  name: 'decisions.close',
  input: () => ({ params: proposalParams() }),
  run: ({ services, identity, params }) => closeProposal(services, identity.personId, params.proposalId),
});
