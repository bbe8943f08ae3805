// A draft through the API, on the real store: its author saves it, edits it over the version they read
// and opens it, and what opens (and what the log fixes) is the last edit. An edit from an older version,
// by anyone else, or of a proposal already open is refused and writes nothing; an edit is checked as a
// new proposal is; an edit that lands while the draft is being opened is opened, never overwritten.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { proposalHash } from '#domain/decisions/enactment.ts';
import type { Proposal } from '#domain/decisions/proposal.ts';
import { openDraft } from '#domain/decisions/proposal-use-cases.ts';
import { parseEvent } from '#domain/innovations/log-events.ts';
import { emptyHead, prepareAppend } from '#domain/innovations/log-head.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { createPeople } from '../support/innovation-world.ts';
import { tableSnapshot } from '../support/write-world.ts';
import { syndicateInput } from '../unit/innovations/fixtures.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;
const card = (amount: number, unpleasant = false) => [
  { service: 'Stripping mouldy plaster', rate: { amount, currency: 'BOUND', per: 'hour' }, unpleasant },
];
const draftOf = (title: string) => ({
  kind: 'rate-card',
  scope: 'syndicate:riverside',
  title,
  change: { rateCard: card(4000) },
  draft: true,
});
const edit = (as: string, id: string, input: Record<string, unknown>) => call('PUT', `/api/proposals/${id}`, as, input);
const { draft: _draft, ...edited } = draftOf('Pay mouldy plaster as unpleasant');

async function newDraft(title: string) {
  const made = await call('POST', '/api/proposals', 'bram', draftOf(title));
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return body(made) as Proposal;
}

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable());
  await createPeople(services, ['bram', 'ada', 'outsider']);
  expect((await call('POST', '/api/syndicates', 'bram', syndicateInput('riverside'))).status).toBe(201);
  await call('POST', '/api/syndicates/riverside/join-requests', 'ada');
  await call('PUT', '/api/syndicates/riverside/members/ada', 'bram', { decision: 'approve' });
});

describe('a draft’s edit', () => {
  it('saves over the version read, one on, and the draft opens as last saved with the log fixing that content', async () => {
    const draft = await newDraft('Mouldy plaster rate');
    const first = await edit('bram', draft.id, { ...edited, version: 0, change: { rateCard: card(4200, true) } });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(body(first)).toMatchObject({ status: 'draft', version: 1, title: 'Pay mouldy plaster as unpleasant' });
    const second = await edit('bram', draft.id, {
      ...edited,
      version: 1,
      days: 5,
      change: { rateCard: card(4000, true) },
    });
    expect(body(second)).toMatchObject({ version: 2, days: 5, change: { rateCard: card(4000, true) } });
    expect(body(await call('GET', '/api/me/proposal-drafts', 'bram')).items.map((p: Proposal) => p.id)).toContain(
      draft.id,
    );

    const opened = await call('POST', `/api/proposals/${draft.id}/opening`, 'bram', { version: 2 });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const proposal = body(opened) as Proposal;
    expect(proposal).toMatchObject({ status: 'open', days: 5, eligible: 2, change: { rateCard: card(4000, true) } });
    const entry = parseEvent((await services.registryLog.entry(proposal.openLogIndex ?? -1))?.data ?? '');
    expect(entry).toMatchObject({ kind: 'proposal-opened', contentHash: proposalHash(proposal) });
  });

  it('refuses an edit made from an older version with 409 saying so, and the later edit stands', async () => {
    const draft = await newDraft('Two tabs, one draft');
    expect((await edit('bram', draft.id, { ...edited, title: 'Saved from the phone', version: 0 })).status).toBe(200);
    const before = await tableSnapshot(services.config.TABLE_NAME);
    const stale = await edit('bram', draft.id, { ...edited, title: 'Saved from the laptop', version: 0 });
    expect([stale.status, body(stale).detail]).toEqual([
      409,
      expect.stringMatching(/saved again after you read it \(it is at version 1; you read version 0\)/),
    ]);
    expect(await tableSnapshot(services.config.TABLE_NAME)).toBe(before);
    expect((await services.decisions.get(draft.id))?.title).toBe('Saved from the phone');
  });

  it('lets exactly one of two edits made at once from the same version land', async () => {
    const draft = await newDraft('Racing edits');
    const answers = await Promise.all(
      ['First title here', 'Second title here'].map((title) =>
        edit('bram', draft.id, { ...edited, title, version: 0 }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const won = body(answers.find((a) => a.status === 200) ?? answers[0] ?? { status: 0, headers: {}, body: {} });
    expect(await services.decisions.get(draft.id)).toMatchObject({ title: won.title, version: 1 });
  });

  it('answers anyone but its author as if the draft did not exist, and changes nothing', async () => {
    const draft = await newDraft('Only mine to edit');
    const before = await tableSnapshot(services.config.TABLE_NAME);
    for (const person of ['ada', 'outsider']) {
      expect((await edit(person, draft.id, { ...edited, version: 0 })).status, person).toBe(404);
    }
    expect((await edit(null as never, draft.id, { ...edited, version: 0 })).status).toBe(401);
    expect(await tableSnapshot(services.config.TABLE_NAME)).toBe(before);
  });

  it('refuses to edit a proposal once it is open (409), and what it proposes stays as opened', async () => {
    const draft = await newDraft('Fixed once open');
    expect((await call('POST', `/api/proposals/${draft.id}/opening`, 'bram', { version: 0 })).status).toBe(200);
    const before = await tableSnapshot(services.config.TABLE_NAME);
    const late = await edit('bram', draft.id, { ...edited, version: 0 });
    expect([late.status, body(late).detail]).toEqual([409, expect.stringMatching(/open already/)]);
    expect(await tableSnapshot(services.config.TABLE_NAME)).toBe(before);
  });

  it.each([
    ['without its version', { ...edited }, 400, 'body.version', /version of the draft you edited/],
    ['asking to stay a draft (it does)', { ...edited, version: 0, draft: true }, 400, 'body.draft', /does not take/],
    [
      'a rate card without its card',
      { ...edited, change: undefined, version: 0 },
      400,
      'body.change',
      /the new rate card/,
    ],
    ['a rate card for the commons', { ...edited, scope: 'commons', version: 0 }, 422, 'body.scope', /is decided in/],
    ['a window shorter than the kind’s', { ...edited, days: 2, version: 0 }, 422, 'body.days', /at least 3 days/],
  ])(
    'is checked as a new proposal is: refuses one %s, naming the field',
    async (_what, input, status, field, message) => {
      const draft = await newDraft(`Checked edit ${field}`);
      const before = await tableSnapshot(services.config.TABLE_NAME);
      const refused = await edit('bram', draft.id, input);
      expect(refused.status, JSON.stringify(refused.body)).toBe(status);
      expect(body(refused).errors).toContainEqual({ field, message: expect.stringMatching(message) });
      expect(await tableSnapshot(services.config.TABLE_NAME)).toBe(before);
    },
  );

  it('refuses to move a draft to a scope its author is not a member of (403)', async () => {
    const draft = await newDraft('Somewhere else');
    expect((await call('POST', '/api/syndicates', 'outsider', syndicateInput('elsewhere'))).status).toBe(201);
    const moved = await edit('bram', draft.id, { ...edited, scope: 'syndicate:elsewhere', version: 0 });
    expect(moved.status).toBe(403);
  });
});

describe('opening a draft while it is edited', () => {
  it('refuses, in the store, to open the draft as first read once an edit has landed', async () => {
    const draft = await newDraft('Opened as read');
    const read = (await services.decisions.get(draft.id)) as Proposal;
    expect((await edit('bram', draft.id, { ...edited, title: 'Edited meanwhile', version: 0 })).status).toBe(200);
    const stale = { ...read, status: 'open' as const, openedAt: new Date().toISOString() };
    await expect(services.decisions.open(stale, await openingAppend(read))).rejects.toThrow(/edited meanwhile/);
    expect(await services.decisions.get(draft.id)).toMatchObject({ status: 'draft', title: 'Edited meanwhile' });
  });

  it('never opens an edit that landed between the opening’s first read and its write unseen: 409, and it stays a draft', async () => {
    const draft = await newDraft('Opened as last seen');
    let reads = 0;
    const decisions = {
      ...services.decisions,
      async get(id: string) {
        const found = await services.decisions.get(id);
        // Just after the opening's first read, the author saves an edit from another tab.
        if (++reads === 1) await edit('bram', draft.id, { ...edited, title: 'Saved in the other tab', version: 0 });
        return found;
      },
    };
    const opening = openDraft({ ...services, decisions }, { personId: 'bram' }, draft.id, 0);
    await expect(opening).rejects.toThrow(/you read version 0/);
    expect(await services.decisions.get(draft.id)).toMatchObject({
      status: 'draft',
      title: 'Saved in the other tab',
      version: 1,
    });
  });

  it('opens only the version its author saw: a stale opening gets 409 naming both versions, and nothing is written', async () => {
    const draft = await newDraft('Seen before opening');
    expect((await edit('bram', draft.id, { ...edited, title: 'Saved from the phone', version: 0 })).status).toBe(200);
    const before = await tableSnapshot(services.config.TABLE_NAME);
    const stale = await call('POST', `/api/proposals/${draft.id}/opening`, 'bram', { version: 0 });
    expect([stale.status, body(stale).detail]).toEqual([
      409,
      expect.stringMatching(/it is at version 1; you read version 0/),
    ]);
    expect(await tableSnapshot(services.config.TABLE_NAME)).toBe(before);
    const missing = await call('POST', `/api/proposals/${draft.id}/opening`, 'bram', {});
    expect([missing.status, body(missing).errors?.[0]?.field]).toEqual([400, 'body.version']);
    const opened = await call('POST', `/api/proposals/${draft.id}/opening`, 'bram', { version: 1 });
    expect([opened.status, body(opened).title]).toEqual([200, 'Saved from the phone']);
  });
});

/** A real append of a proposal's opening at the log's head (the store refuses the proposal's write with it). */
async function openingAppend(proposal: Proposal) {
  const now = new Date();
  const event = {
    kind: 'proposal-opened' as const,
    at: now.toISOString(),
    proposalId: proposal.id,
    scope: proposal.scope,
    proposalKind: proposal.kind,
    by: proposal.createdBy,
    closesAt: now.toISOString(),
    eligible: 2,
    threshold: proposal.threshold,
    contentHash: proposalHash(proposal),
  };
  return prepareAppend((await services.registryLog.head()) ?? emptyHead(), event, now, services.logSigner);
}
