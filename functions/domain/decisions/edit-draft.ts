// Editing a draft: its author changes what it proposes before opening it. Steps: find the draft (anyone
// but its author is answered as if it did not exist; an opened proposal is fixed, 409); refuse an edit
// made from an older version (two tabs, two devices: the later save never silently overwrites the
// other); check it as a new proposal is checked (a member of the scope, a change that could be made);
// write it over the version read, one on.
import { voteWords } from '../i18n/work/vote-refusals.ts';
import * as z from 'zod/mini';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import { lazySchema } from '../zod.ts';
import type { DecisionDependencies } from './dependencies.ts';
import { requireProposer } from './circle.ts';
import { type Proposal, proposalInputSchema } from './proposal.ts';
import { checkChange, type ProposalContent, proposed, staleDraft } from './proposal-use-cases.ts';

const versionMessage = 'Send the version of the draft you edited, as you read it (a whole number).';

/** POST /api/proposals/{id}/opening: the version of the draft its author read, so they open what they saw. */
export const openDraftInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    version: z
      .int({ error: 'Send the version of the draft you read before opening it (a whole number).' })
      .check(z.minimum(0, { error: 'Send the version of the draft you read before opening it (a whole number).' })),
  }),
);

/** A draft's edit: a proposal's body, as a new one is sent, but no `draft` (it stays one) and the `version` read. */
export type ProposalEdit = ProposalContent & { version: number };

/**
 * PUT /api/proposals/{id}: each kind's body as POST /api/proposals takes it (its schema, so a kind added
 * there is editable here too) without `draft`, and with the version the edit was made from.
 */
export const proposalEditSchema = /* @__PURE__ */ lazySchema(() => {
  const kinds = proposalInputSchema()._zod.def.options.map((option) =>
    z.extend(z.omit(option, { draft: true }), {
      version: z.int({ error: versionMessage }).check(z.minimum(0, { error: versionMessage })),
    }),
  );
  // The options' own types are lost in the mapping; each is the input's option without `draft`, plus `version`.
  return z.discriminatedUnion('kind', kinds as never) as unknown as z.ZodMiniType<ProposalEdit>;
});

export async function editDraft(
  deps: DecisionDependencies,
  identity: Identity,
  proposalId: string,
  edit: ProposalEdit,
): Promise<Proposal> {
  const found = await deps.decisions.get(proposalId);
  if (!found || (found.status === 'draft' && found.createdBy !== identity.personId)) {
    throw new NotFoundError('proposal', proposalId);
  }
  if (found.status !== 'draft') {
    throw new ConflictError(...voteWords({ key: 'open-already', values: {} }));
  }
  const { version, ...input } = edit;
  if (version !== (found.version ?? 0)) throw staleDraft(found, version);
  await requireProposer(deps, input, identity.personId);
  const { days, change } = await checkChange(deps, input);
  const after = {
    ...proposed(input, days, change),
    id: found.id,
    createdBy: found.createdBy,
    createdAt: found.createdAt,
    updatedAt: deps.now().toISOString(),
    version: version + 1,
    status: 'draft',
    tally: found.tally,
  } as Proposal;
  try {
    await deps.decisions.saveDraft(found, after);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    // Opened or saved by another request since the read: say which, and write nothing.
    const now = await deps.decisions.get(proposalId);
    if (now && now.status !== 'draft') {
      throw new ConflictError(...voteWords({ key: 'opened-meanwhile', values: {} }));
    }
    throw now ? staleDraft(now, version) : error;
  }
  return after;
}
