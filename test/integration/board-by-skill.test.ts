// The board filtered by a skill reads an index of the open openings asking each skill, kept in the same
// transaction as the opening: through publish, edit, close and fill it lists exactly what the board
// shows, and a page by a skill few openings ask never reads the openings that do not ask it.
import { beforeEach, describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { openingKeys } from '#adapters/dynamodb/keys.ts';
import { backfillSkillIndex } from '#adapters/dynamodb/opening-skill-backfill.ts';
import type { Opening } from '#domain/openings/opening.ts';
import { storeCalls } from '../../bench/store-calls.ts';
import { type ApiResponse, apiOnFreshTable } from '../support/api-client.ts';
import { documentClient } from '../support/dynamodb.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Awaited<ReturnType<typeof apiOnFreshTable>>['services'];
let clock = Date.parse('2026-11-02T09:00:00.000Z');

const framing = 'stud-wall-framing';
const drawings = 'reading-construction-drawings';
const inAYear = new Date(clock + 365 * 86_400_000).toISOString().slice(0, 10);
const input = (skills: string[], title = 'Carpenter for a housing retrofit') => ({
  title,
  description: 'Frame internal walls and hang fire doors with a team of eight. Work is shared at a Monday meeting.',
  skills: skills.map((skill) => ({ skill, level: 'working' })),
  positions: 1,
  hoursPerWeek: 32,
  pay: [{ amount: 4200, currency: 'EUR', per: 'hour' as const }],
  place: 'Rotterdam, NL',
  remote: false,
  employmentType: 'CONTRACTOR' as const,
  validThrough: inAYear,
});
const body = (response: ApiResponse) => response.body as Record<string, unknown>;

async function post(skills: string[], publish = true) {
  const created = await call('POST', '/api/syndicates/riverside/openings', 'admin', input(skills));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = String(body(created).id);
  if (publish) expect((await call('PUT', `/api/openings/${id}/status`, 'admin', { status: 'open' })).status).toBe(200);
  return id;
}

/** An open opening as the repository stores it, posted now. */
function stored(id: string, skill: string): Opening {
  const now = new Date(clock).toISOString();
  return {
    ...input([skill], `Opening ${id}`),
    skills: [{ skill, level: 'working' }],
    applicantCountries: [],
    id,
    syndicateId: 'riverside',
    status: 'open',
    filled: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: 'admin',
    datePosted: now,
  };
}

/** Every opening the board lists for a skill, page by page, as ids. */
async function asking(skill: string, pageSize = 20) {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = body(
      await call('GET', `/api/openings?skill=${skill}&pageSize=${pageSize}${cursor ? `&cursor=${cursor}` : ''}`, null),
    );
    ids.push(...(page.items as Array<{ id: string }>).map((o) => o.id));
    cursor = page.next as string | undefined;
  } while (cursor);
  return ids;
}

beforeEach(async () => {
  // Each call a second later: openings posted in turn sort newest first, never tied.
  const tick = () => {
    clock += 1000;
    return new Date(clock);
  };
  ({ call, services } = await apiOnFreshTable({ now: tick }));
  const syndicate = await call('POST', '/api/syndicates', 'admin', {
    id: 'riverside',
    name: 'Riverside Builders',
    trade: 'construction',
    description: 'Carpenters who share work fairly.',
    place: 'Rotterdam, NL',
    rateCard: [],
  });
  expect(syndicate.status).toBe(201);
});

describe('the board by skill', () => {
  it('lists exactly the open openings asking the skill, newest posted first, through publish, edit, close and fill', async () => {
    const a = await post([drawings], false);
    expect(await asking(drawings)).toEqual([]);
    await call('PUT', `/api/openings/${a}/status`, 'admin', { status: 'open' });
    expect(await asking(drawings)).toEqual([a]);

    const b = await post([framing]);
    expect(await asking(drawings)).toEqual([a]);
    expect((await call('PUT', `/api/openings/${b}`, 'admin', input([framing, drawings]))).status).toBe(200);
    expect(await asking(drawings)).toEqual([b, a]);
    expect((await call('PUT', `/api/openings/${a}`, 'admin', input([framing]))).status).toBe(200);
    expect(await asking(drawings)).toEqual([b]);
    expect(await asking(framing)).toEqual([b, a]);

    expect((await call('PUT', `/api/openings/${b}/status`, 'admin', { status: 'closed' })).status).toBe(200);
    expect(await asking(drawings)).toEqual([]);
    expect(await asking(framing)).toEqual([a]);

    // Its one position filled: the accepted offer takes it off the board, and off the index with it.
    await call('PUT', `/api/openings/${a}/applications/me`, 'ada', { note: 'I frame walls.' });
    await call('PUT', `/api/openings/${a}/applicants/ada/stage`, 'admin', { stage: 'offered' });
    expect((await call('PUT', `/api/openings/${a}/applications/me/offer`, 'ada', { answer: 'accept' })).status).toBe(
      200,
    );
    expect(await asking(framing)).toEqual([]);
  });

  it('pages through the openings asking a skill by their cursors, forward and back', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) ids.unshift(await post([drawings]));
    expect(await asking(drawings, 2)).toEqual(ids);
    const first = body(await call('GET', `/api/openings?skill=${drawings}&pageSize=2`, null));
    const second = body(await call('GET', `/api/openings?skill=${drawings}&pageSize=2&cursor=${first.next}`, null));
    const back = body(await call('GET', `/api/openings?skill=${drawings}&pageSize=2&cursor=${second.previous}`, null));
    expect((back.items as Array<{ id: string }>).map((o) => o.id)).toEqual(ids.slice(0, 2));
  });

  it('reads only the openings asking a skill, however many open openings ask others', async () => {
    const rare = [await post([drawings]), await post([drawings])];
    const others = Array.from({ length: 60 }, (_, n) => stored(`framer-${n}`, framing));
    for (const opening of others) await services.openings.create(opening);
    Object.assign(storeCalls, { requests: 0, items: 0 });
    const page = body(await call('GET', `/api/openings?skill=${drawings}&pageSize=20`, null));
    expect((page.items as Array<{ id: string }>).map((o) => o.id)).toEqual(rare.reverse());
    // Two index items, their two openings, their one syndicate: never one of the 60 framers.
    expect(storeCalls).toEqual({ requests: 3, items: 5 });
  });

  it('gives the open openings written before the index their items, and a second run changes nothing', async () => {
    const client = documentClient();
    const put = (opening: Opening) =>
      client.send(
        new PutCommand({
          TableName: services.config.TABLE_NAME,
          Item: { ...openingKeys(opening), type: 'opening', ...opening },
        }),
      );
    // As the table held them before the index: openings alone, no items under the skill.
    await put(stored('older', drawings));
    await put({ ...stored('older-draft', drawings), status: 'draft' });
    expect(await asking(drawings)).toEqual([]);
    expect(await backfillSkillIndex(client, services.config.TABLE_NAME)).toEqual({
      openings: 1,
      indexed: 1,
      skipped: 0,
    });
    expect(await asking(drawings)).toEqual(['older']);
    expect(await backfillSkillIndex(client, services.config.TABLE_NAME)).toMatchObject({ openings: 1, indexed: 1 });
    expect(await asking(drawings)).toEqual(['older']);
    client.destroy();
  });
});
