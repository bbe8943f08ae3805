// A hundred members voting on one proposal at once, then half of them changing their votes at once:
// every vote moves exactly one count in its own transaction with the tally, so the tally is exact.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { createPeople } from '../support/innovation-world.ts';

const clock = { now: new Date('2026-04-01T09:00:00.000Z') };
let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;
const voters = Array.from({ length: 100 }, (_, i) => `voter-${i}`);

beforeAll(async () => {
  ({ call, services } = await apiOnFreshTable({ now: () => clock.now }, { WRITE_RATE_LIMIT: 10_000 }));
  await createPeople(services, voters);
}, 60_000);

describe('a hundred members voting at once', () => {
  it('keeps an exact tally when all vote together and then change their votes together', async () => {
    const opened = await call('POST', '/api/proposals', 'voter-0', {
      kind: 'sense-check',
      scope: 'commons',
      title: 'A common tool library',
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const { id, eligible } = body(opened);
    expect(eligible).toBe(100);
    const vote = (voter: string, choice: string) => call('PUT', `/api/proposals/${id}/votes/me`, voter, { choice });

    const first = await Promise.all(voters.map((voter) => vote(voter, 'yes')));
    expect(first.map((answer) => answer.status)).toEqual(voters.map(() => 200));
    const changed = await Promise.all(
      voters.map((voter, i) =>
        i % 2 === 0 ? vote(voter, 'no') : i % 4 === 1 ? vote(voter, 'yes') : vote(voter, 'abstain'),
      ),
    );
    expect(changed.map((answer) => answer.status)).toEqual(voters.map(() => 200));
    expect(body(await call('GET', `/api/proposals/${id}`, null)).tally).toEqual({ yes: 25, no: 50, abstain: 25 });
  }, 120_000);
});
