// The world the innovation integration tests share: five people, a syndicate "mill" with an admin and
// a member and 1,000.00 Bound of credit granted by the steward (the registry log's entry 0), and the
// steps from a draft to a reported adoption, all through the real API router.
import { expect } from 'vitest';
import type { Services } from '#app/services.ts';
import type { AccountId } from '#domain/ledger/account.ts';
import { newPerson } from '#domain/people/person.ts';
import { everyItem } from '#domain/paged-reads.ts';
import { recordAdoption } from '#domain/innovations/adopt-innovation.ts';
import { apiOnFreshTable, body } from './api-client.ts';
import { draftInput, reportInput, syndicateInput } from '../unit/innovations/fixtures.ts';

export type Call = Awaited<ReturnType<typeof apiOnFreshTable>>['call'];

export { body };

const people = ['ana', 'ben', 'admin', 'member', 'stranger'];
/** Each world's services, found from its `call`, so the steps below need only `call`. */
const servicesOf = new WeakMap<Call, Services>();

/**
 * The adoption a passed adopt-innovation proposal writes (the one plan, recordAdoption), made without
 * the vote: for tests of what follows an adoption by a syndicate of several members, whose admins no
 * longer adopt alone (decisions-adoption.test.ts tests the vote itself).
 */
export async function adoptDirectly(
  services: Services,
  innovationId: string,
  syndicateId: string,
  implementers: Array<{ personId: string; basisPoints?: number }>,
) {
  const { adoption, created } = await recordAdoption(services, 'proposal:test', innovationId, {
    syndicateId,
    implementers,
    note: '',
  });
  expect(created).toBe(true);
  return adoption;
}

/** Profiles for these ids, named after them: what the innovation rules need of a person. */
export async function createPeople(services: Services, ids: string[]) {
  await Promise.all(
    ids.map((id) => services.people.createIfAbsent(newPerson({ id, name: id, createdAt: '2026-01-01T00:00:00.000Z' }))),
  );
}

/** A fresh table with the people and the syndicate; `clock.now` is the services' time. */
export async function innovationWorld(
  clock: { now: Date },
  overrides: Partial<Services> = {},
  table: { streams?: boolean } = {},
) {
  const world = await apiOnFreshTable({ now: () => clock.now, ...overrides }, {}, table);
  servicesOf.set(world.call, world.services);
  await createPeople(world.services, people);
  expect((await world.call('POST', '/api/syndicates', 'admin', syndicateInput('mill'))).status).toBe(201);
  await world.call('POST', '/api/syndicates/mill/join-requests', 'member');
  await world.call('PUT', '/api/syndicates/mill/members/member', 'admin', { decision: 'approve' });
  // Credit is agreed, not assumed: the steward grants the mill 1,000.00 Bound, logged as entry 0.
  const granted = await world.call('PUT', '/api/syndicates/mill/credit-limit', 'steward', {
    credit: 100_000,
    reason: 'The members agreed a starting credit for the mill.',
  });
  expect(granted.status, JSON.stringify(granted.body)).toBe(200);
  return world;
}

/** The usual steps, on whichever world `call` belongs to at the time, drafting records with `input`. */
export function innovationSteps(call: () => Call, input = draftInput) {
  async function draft(
    inventors: Array<{ personId: string; basisPoints?: number }> = [
      { personId: 'ana', basisPoints: 7000 },
      { personId: 'ben', basisPoints: 3000 },
    ],
  ) {
    const created = await call()('POST', '/api/innovations', 'ana', input(inventors));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return String(body(created).record.id);
  }

  /** Each co-inventor the draft names accepts it (its author accepted by writing it). */
  async function accepted(id: string, people = ['ben']) {
    for (const person of people) {
      const answer = await call()('PUT', `/api/innovations/${id}/draft/consent`, person, { decision: 'accept' });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    }
    return id;
  }

  async function published() {
    const id = await accepted(await draft());
    const answer = await call()('POST', `/api/innovations/${id}/publication`, 'ana');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return id;
  }

  async function adoptedAndReported(amount: number | string = 1001) {
    const id = await published();
    const services = servicesOf.get(call());
    if (!services) throw new Error('adoptedAndReported runs in an innovationWorld.');
    // The mill has two members: its adoption is theirs to vote, so it is made as the vote makes it.
    await adoptDirectly(services, id, 'mill', [{ personId: 'admin' }, { personId: 'member' }]);
    const reported = await call()(
      'POST',
      `/api/innovations/${id}/adoptions/mill/reports`,
      'admin',
      reportInput(amount),
    );
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
    return { id, reportId: String(body(reported).report.id) };
  }

  return { draft, accepted, published, adoptedAndReported };
}

/** Every account, read a page at a time as a job would: what the zero-sum checks add up. */
export async function allAccounts(services: Services) {
  return everyItem((request) => services.ledger.accountsPage(request));
}

/** Every line of an account's statement, oldest first. */
export async function allEntries(services: Services, accountId: AccountId) {
  return everyItem((request) => services.ledger.entriesPage(accountId, request));
}

/**
 * The sum of every balance, read account by account, beside the sum the settlements kept: the ledger's
 * page shows the second, so the two must always agree (and be zero).
 */
export async function ledgerSums(services: Services) {
  const accounts = await allAccounts(services);
  return { balances: accounts.reduce((sum, a) => sum + a.balance, 0n), kept: (await services.ledger.totals()).sum };
}

/**
 * Makes `syndicateId` ready to pay royalties on its founder's records: a second admin who is no inventor
 * (so its reports have someone on one side only to decide them) and credit the steward granted.
 */
export async function readyToPay(call: Call, syndicateId: string, founder: string, coAdmin = 'co-admin') {
  await call('POST', `/api/syndicates/${syndicateId}/join-requests`, coAdmin);
  await call('PUT', `/api/syndicates/${syndicateId}/members/${coAdmin}`, founder, { decision: 'approve' });
  const admin = await call('PUT', `/api/syndicates/${syndicateId}/members/${coAdmin}`, founder, { role: 'admin' });
  expect(admin.status, JSON.stringify(admin.body)).toBe(200);
  const grant = await call('PUT', `/api/syndicates/${syndicateId}/credit-limit`, 'steward', {
    credit: 100_000,
    reason: 'Agreed by its members.',
  });
  expect(grant.status, JSON.stringify(grant.body)).toBe(200);
}
