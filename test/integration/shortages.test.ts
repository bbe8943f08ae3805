// The shortage index kept by DynamoDB Local's stream, as in AWS: people publish, fill and let openings
// expire, learn and earn credentials; the index follows, equals a recompute, and shrugs off replays.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import { createCurrentItems } from '#adapters/dynamodb/indexed-items.ts';
import { indexStreamRecords, type StreamRecord } from '#app/stream-indexer.ts';
import { applyShortageRecords, earliestFailure } from '#app/stream-shortages.ts';
import type { Opening } from '#domain/openings/opening.ts';
import { expireOpenings } from '#domain/shortages/expire-openings.ts';
import { buildIndex, compareAggregates, recomputeIndex } from '#domain/shortages/recompute.ts';
import { createLogger } from '#platform/log.ts';
import { type StreamPoller, startStreamPoller } from '#local/stream-poller.ts';
import { apiOnFreshTable } from '../support/api-client.ts';
import { documentClient, localEndpoint, uniqueId } from '../support/dynamodb.ts';
import { courseNamed, takeQuiz } from '../support/quiz.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const openingInput = (title: string, skills: string[], positions: number) => ({
  title,
  description: 'Board and skim a tenant-run retrofit with a team that shares the work and the pay fairly.',
  skills: skills.map((skill) => ({ skill, level: 'working' })),
  positions,
  hoursPerWeek: 40,
  pay: [{ amount: 4000, currency: 'EUR', per: 'hour' }],
  place: 'Rotterdam, NL',
  remote: false,
  employmentType: 'CONTRACTOR',
  validThrough: day(30),
});

let poller: StreamPoller | undefined;
afterEach(() => poller?.stop());

async function setUp() {
  const search = createEmbeddedSearchEngine();
  const { services, call } = await apiOnFreshTable({ search }, {}, { streams: true });
  const log = createLogger('silent');
  const seen: StreamRecord[] = [];
  poller = await startStreamPoller({
    endpoint: localEndpoint(),
    region: 'eu-west-1',
    tableName: services.config.TABLE_NAME,
    // Both consumers, as the local stack runs them.
    handler: async (records) => {
      seen.push(...records);
      const lookups = { syndicate: (id: string) => services.syndicates.get(id), now: () => new Date() };
      return earliestFailure(
        records,
        await indexStreamRecords(
          { search, log, lookups, items: createCurrentItems(services.storeClient, services.config.TABLE_NAME) },
          records,
        ),
        await applyShortageRecords({ ...services, log }, records),
      );
    },
    intervalMs: 50,
    maxAttempts: 2,
  });
  return { services, call, search, seen };
}

const created = (response: { body: unknown }) => (response.body as { id: string }).id;

describe('the shortage index through the stream', () => {
  it('follows publishing, learning, credentials, filling and expiry, equals a recompute, and ignores replays', async () => {
    const { services, call, search, seen } = await setUp();
    await call('POST', '/api/syndicates', 'admin', {
      id: 'maas-boarders',
      name: 'Maas Boarders',
      trade: 'construction',
      description: 'Dry-liners and carpenters sharing work on the Maas.',
      place: 'Rotterdam, NL',
      rateCard: [],
    });
    const a = created(
      await call(
        'POST',
        '/api/syndicates/maas-boarders/openings',
        'admin',
        openingInput('Dry-liner and framer', ['stud-wall-framing', 'plasterboard-hanging'], 2),
      ),
    );
    const b = created(
      await call(
        'POST',
        '/api/syndicates/maas-boarders/openings',
        'admin',
        openingInput('Plasterboard hanger', ['plasterboard-hanging'], 3),
      ),
    );
    for (const id of [a, b]) await call('PUT', `/api/openings/${id}/status`, 'admin', { status: 'open' });

    // A learner part-way through the plasterboard course; a worker who earns the framing credential.
    await call('POST', '/api/me/enrollments', 'learner', { courseId: 'plasterboard-hanging-and-jointing' });
    const graded = await takeQuiz(call, 'worker', courseNamed('timber-stud-partition-walls'));
    expect(graded.body).toMatchObject({ grade: { passed: true } });
    await call('PUT', `/api/openings/${a}/applications/me`, 'worker', { note: 'I frame walls.' });
    await call('PUT', `/api/openings/${a}/applicants/worker/stage`, 'admin', { stage: 'offered' });
    expect((await call('PUT', `/api/openings/${a}/applications/me/offer`, 'worker', { answer: 'accept' })).status).toBe(
      200,
    );

    // Time passes for opening b: its date is now yesterday, and the sweep writes that down.
    const opening = (await services.openings.get(b)) as Opening;
    await services.openings.save({ ...opening, validThrough: day(-1), version: opening.version + 1 });
    expect((await expireOpenings(services)).expired).toEqual([b]);
    await poller?.drain();
    expect(poller?.failures()).toEqual([]);

    const skills = (await call('GET', '/api/shortages?trade=construction&pageSize=100', null)).body as {
      items: Array<{ skill: string; inputs: Record<string, number> }>;
    };
    const inputs = (skill: string) => skills.items.find((s) => s.skill === skill)?.inputs;
    expect(inputs('plasterboard-hanging')).toEqual({
      openings: 1,
      positions: 1,
      wants: 0,
      wantedHours: 0,
      credentialed: 0,
      declared: 0,
      learners: 1,
      trainees: 0,
    });
    expect(inputs('stud-wall-framing')).toEqual({
      openings: 1,
      positions: 1,
      wants: 0,
      wantedHours: 0,
      credentialed: 1,
      declared: 0,
      learners: 0,
      trainees: 0,
    });

    // Search agrees that b expired.
    const hit = (await search.search({ text: 'Plasterboard hanger', filters: { type: ['opening'] } })).hits[0];
    expect(hit?.document).toMatchObject({ id: `opening:${b}`, status: 'expired' });

    // Incremental equals recompute; replaying every record, newest first, changes nothing.
    const expected = buildIndex(await services.shortages.readAllSources(), services.commons).aggregates;
    expect(compareAggregates(await services.shortages.listAggregates(), expected)).toEqual([]);
    await applyShortageRecords({ ...services, log: createLogger('silent') }, [...seen].reverse());
    expect(compareAggregates(await services.shortages.listAggregates(), expected)).toEqual([]);
    expect((await recomputeIndex(services)).differed).toEqual([]);
    expect(compareAggregates(await services.shortages.listAggregates(), expected)).toEqual([]);
  });

  it('counts the hours members want, from want items as the offers-and-wants work writes them, until each want closes', async () => {
    const { services, call } = await setUp();
    const client = documentClient();
    const table = services.config.TABLE_NAME;
    // A want item as the marketplace stores it (issue 16), written directly so each status can be set,
    // `fulfilled` included, which no route writes yet.
    const putWant = (id: string, status: string, skillIds: string[], demandHours: number) =>
      client.send(
        new PutCommand({
          TableName: table,
          Item: {
            pk: `WANT#${id}`,
            sk: 'WANT',
            type: 'want',
            id,
            buyer: 'person:ana',
            title: 'Hang doors',
            description: 'Four doors to hang in a co-op’s new flats.',
            kind: 'service',
            trade: 'construction',
            skillIds,
            remote: false,
            place: 'Valencia',
            unit: 'hour',
            quantity: demandHours,
            demandHours,
            status,
            createdAt: '2026-12-01T09:00:00.000Z',
            createdBy: 'ana',
            expiresAt: '2027-01-31T09:00:00.000Z',
          },
        }),
      );
    const skill = async (id: string) => {
      const body = (await call('GET', '/api/shortages?trade=construction&pageSize=100', null)).body as {
        items: Array<{ skill: string; demand: number; inputs: Record<string, number> }>;
      };
      return body.items.find((s) => s.skill === id);
    };
    const w1 = uniqueId('want');
    const w2 = uniqueId('want');
    await putWant(w1, 'open', ['door-hanging'], 12);
    await putWant(w2, 'open', ['door-hanging', 'stud-wall-framing'], 8);
    await poller?.drain();
    expect(poller?.failures()).toEqual([]);
    expect(await skill('door-hanging')).toMatchObject({ demand: 0.5, inputs: { wants: 2, wantedHours: 20 } });
    expect((await skill('stud-wall-framing'))?.inputs).toMatchObject({ wants: 1, wantedHours: 8 });
    const csv = (await call('GET', '/api/shortages?format=csv&trade=construction', null)).body as string;
    expect(csv.split('\r\n')[0]).toMatch(/,open_wants,wanted_hours,trainees$/);

    await putWant(w1, 'withdrawn', ['door-hanging'], 12);
    await putWant(w2, 'fulfilled', ['door-hanging', 'stud-wall-framing'], 8);
    await poller?.drain();
    expect(await skill('door-hanging')).toMatchObject({ demand: 0, inputs: { wants: 0, wantedHours: 0 } });
    expect((await recomputeIndex(services)).differed).toEqual([]);
    client.destroy();
  });

  it('tells a syndicate admin who could fill an opening, and a learner what to learn next and why', async () => {
    const { call } = await setUp();
    await call('POST', '/api/syndicates', 'admin', {
      id: 'delft-boarders',
      name: 'Delft Boarders',
      trade: 'construction',
      description: 'Dry-liners and carpenters sharing work in Delft.',
      place: 'Delft, NL',
      rateCard: [],
    });
    const a = created(
      await call(
        'POST',
        '/api/syndicates/delft-boarders/openings',
        'admin',
        openingInput('Framer and boarder', ['stud-wall-framing', 'plasterboard-hanging'], 2),
      ),
    );
    await call('PUT', `/api/openings/${a}/status`, 'admin', { status: 'open' });
    await call('POST', '/api/me/enrollments', 'learner', { courseId: 'plasterboard-hanging-and-jointing' });
    await takeQuiz(call, 'worker', courseNamed('timber-stud-partition-walls'));
    await poller?.drain();

    const readiness = await call('GET', `/api/openings/${a}/readiness`, 'admin');
    expect(readiness.body).toMatchObject({
      qualified: 0,
      qualifiedInSyndicate: 0,
      learners: 1,
      skills: [
        { skill: 'stud-wall-framing', holders: 1 },
        { skill: 'plasterboard-hanging', holders: 0, learners: 1 },
      ],
    });
    expect((await call('GET', `/api/openings/${a}/readiness`, 'worker')).status).toBe(404);

    const recommendations = (await call('GET', '/api/me/recommendations', 'worker')).body as {
      qualifyNow: unknown[];
      courses: Array<{ courseId: string; reason: string; unlocks: string[] }>;
    };
    expect(recommendations.qualifyNow).toEqual([]);
    expect(recommendations.courses[0]).toMatchObject({ courseId: 'plasterboard-hanging-and-jointing', unlocks: [a] });
    expect(recommendations.courses[0]?.reason).toMatch(
      // Ranked by shortage (the learner has no goal), and it says so.
      /^2 open positions in 1 syndicate ask for .+; you hold 2 of its 2 prerequisites; .*after this course you would qualify for 1 more opening; .+ is in shortage\.$/,
    );
  });
});
