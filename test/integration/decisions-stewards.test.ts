// A bootstrap steward removed by the commons' vote: configuration names the stewards, a passed
// remove-steward proposal removes one in its closing's transaction with its log entry, and from then on
// that steward's grants are refused, by the rule that authorises stewards and by the grant's own write.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { ForbiddenError } from '#domain/errors.ts';
import { setCreditLimit } from '#domain/innovations/ledger-use-cases.ts';
import { parseEvent } from '#domain/innovations/log-events.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { createPeople } from '../support/innovation-world.ts';
import { tableSnapshot } from '../support/write-world.ts';

const clock = { now: new Date('2026-03-01T09:00:00.000Z') };
let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;

const grant = (as: string, person: string, credit: number) =>
  call('PUT', `/api/people/${person}/credit-limit`, as, { credit, reason: 'Agreed at the Monday meeting.' });
const proposeRemoval = (as: string, personId: string, scope = 'commons') =>
  call('POST', '/api/proposals', as, {
    kind: 'remove-steward',
    scope,
    title: 'Credit is granted by our votes now',
    change: { personId },
  });

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable({ now: () => clock.now }));
  await createPeople(services, ['steward', 'ana', 'ben', 'carla', 'dev']);
});

describe('removing a steward by the commons’ vote', () => {
  it('refuses to propose someone who is not a steward, or in a syndicate, naming the field, and writes nothing', async () => {
    const before = await tableSnapshot(services.config.TABLE_NAME);
    const nobody = await proposeRemoval('ana', 'ben');
    expect([nobody.status, body(nobody).errors?.[0]?.field]).toEqual([422, 'body.change.personId']);
    const missing = await call('POST', '/api/proposals', 'ana', {
      kind: 'remove-steward',
      scope: 'commons',
      title: 'Remove someone',
    });
    expect([missing.status, body(missing).errors?.[0]?.field]).toEqual([400, 'body.change']);
    const syndicate = await proposeRemoval('ana', 'steward', 'syndicate:mill');
    expect(syndicate.status).toBe(404);
    expect(await tableSnapshot(services.config.TABLE_NAME)).toBe(before);
  });

  it('stops the steward’s grants once half the members vote for it, logs the removal once, and is listed no more', async () => {
    expect((await grant('steward', 'ana', 10_000)).status).toBe(200);
    const proposal = body(await proposeRemoval('ana', 'steward'));
    expect(proposal).toMatchObject({ status: 'open', eligible: 5 });
    for (const person of ['ana', 'ben'])
      expect((await call('PUT', `/api/proposals/${proposal.id}/votes/me`, person, { choice: 'yes' })).status).toBe(200);
    // Until it closes, the steward still grants.
    expect((await grant('steward', 'ben', 5_000)).status).toBe(200);
    clock.now = new Date(clock.now.getTime() + 3 * 86_400_000);
    const early = await call('POST', `/api/proposals/${proposal.id}/closing`, 'dev');
    expect(body(early).proposal).toMatchObject({ status: 'closed', outcome: 'without-quorum' });

    const second = body(await proposeRemoval('ben', 'steward'));
    for (const person of ['ana', 'ben', 'carla']) {
      await call('PUT', `/api/proposals/${second.id}/votes/me`, person, { choice: 'yes' });
    }
    clock.now = new Date(clock.now.getTime() + 3 * 86_400_000);
    const closes = await Promise.all(
      Array.from({ length: 10 }, () => call('POST', `/api/proposals/${second.id}/closing`, 'dev')),
    );
    expect(closes.filter((c) => body(c).closedNow)).toHaveLength(1);
    expect(body(closes[0] ?? closes[1] ?? early).proposal).toMatchObject({ status: 'enacted', outcome: 'passed' });

    const refused = await grant('steward', 'carla', 5_000);
    expect([refused.status, body(refused).detail]).toEqual([
      403,
      expect.stringContaining(`removed you as a steward by vote (proposal ${second.id})`),
    ]);
    expect((await services.ledger.getAccounts(['person:carla'])).get('person:carla')?.creditLimit).toBeUndefined();
    expect(body(await call('GET', '/api/ledger', null)).stewards).toEqual([]);
    expect(await services.ledger.stewardRemovals()).toEqual([
      { personId: 'steward', proposalId: second.id, at: clock.now.toISOString(), logIndex: expect.any(Number) },
    ]);

    const head = await services.registryLog.head();
    const events = await Promise.all(
      Array.from({ length: head?.treeSize ?? 0 }, async (_, i) =>
        parseEvent((await services.registryLog.entry(i))?.data ?? ''),
      ),
    );
    expect(events.filter((e) => e?.kind === 'proposal-closed' && e.proposalId === second.id)).toEqual([
      expect.objectContaining({ outcome: 'passed', enacted: { removeSteward: 'steward' } }),
    ]);
    const again = await proposeRemoval('ana', 'steward');
    expect([again.status, body(again).errors?.[0]?.field]).toEqual([422, 'body.change.personId']);
  });

  it('refuses a grant whose check passed before the removal landed, as the check would', async () => {
    const before = await tableSnapshot(services.config.TABLE_NAME);
    const grant = setCreditLimit(services, 'steward', 'person:dev', -1_000n, 'Checked before the vote closed.', {
      asSteward: true,
    });
    await expect(grant).rejects.toThrow(ForbiddenError);
    expect(await tableSnapshot(services.config.TABLE_NAME)).toBe(before);
  });

  it('conditions the grant’s transaction on the steward still standing, so a removal between its reads and its write refuses it', async () => {
    const before = await tableSnapshot(services.config.TABLE_NAME);
    // The removal lands after the use case read the removals (here it reads none), before it writes.
    const unread = { ...services, ledger: { ...services.ledger, stewardRemovals: async () => [] } };
    const grant = setCreditLimit(unread, 'steward', 'person:dev', -1_000n, 'Read before the vote closed.', {
      asSteward: true,
    });
    await expect(grant).rejects.toThrow(/changed meanwhile|Too many changes/);
    expect(await tableSnapshot(services.config.TABLE_NAME)).toBe(before);
  });
});
