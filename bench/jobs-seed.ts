// Generated people, syndicates, memberships and openings for `npm run bench:scale`, written with
// BatchWriteItem (25 items a call, several calls in flight) under the key builders the repositories use,
// so what the routes read is shaped exactly as production writes it. Every value follows from an item's
// number (dates from the day of the run), so two runs on one day write the same data.
//
// The data grows in stages like innovations-seed.ts: `grow(target)` adds what is missing, and the hot
// syndicate, opening and person (the ones the benchmark reads) grow in proportion with the rest.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll } from '#adapters/dynamodb/bulk.ts';
import { membershipKeys, openingKeys, personKeys, syndicateKeys } from '#adapters/dynamodb/keys.ts';
import { skillIndexItems } from '#adapters/dynamodb/opening-skill-index.ts';
import { type Commons, tradeIds } from '#domain/content/commons.ts';
import type { Opening, OpeningStatus } from '#domain/openings/opening.ts';
import { newPerson, type Person } from '#domain/people/person.ts';
import type { Membership, Syndicate } from '#domain/syndicates/syndicate.ts';
import { hot } from './innovations-seed.ts';

export interface JobSizes {
  people: number;
  syndicates: number;
  openings: number;
}

/** The hot syndicate and person are the innovation seeder's, so one admin reads both worlds. */
export const jobsHot = { syndicate: hot.syndicate, person: hot.person, opening: 'bench-open-0000000' };

/** Ids the innovation seeder's ledger and adoptions already use for accounts: the same people and syndicates. */
export const personId = (n: number) => `bench-p${n}`;
export const syndicateId = (n: number) => `bench-s${n}`;
export const openingId = (n: number) => (n === 0 ? jobsHot.opening : `bench-open-${String(n).padStart(7, '0')}`);

const places = ['Rotterdam, NL', 'Valencia, ES', 'Leeds, GB', 'Lyon, FR', 'Gdańsk, PL', 'Porto, PT', 'Ghent, BE'];
const titles = ['Carpenter', 'Care worker', 'Line cook', 'Solar fitter', 'Repair technician', 'Bookkeeper'];
const words = ['Riverside', 'Harbour', 'Oak', 'Commons', 'Northgate', 'Meadow', 'Foundry', 'Lantern', 'Willow'];

/** A fixed spread over a list: the item's number picks, so the pick never depends on order of writing. */
const pick = <T>(list: readonly T[], n: number, salt = 0): T =>
  list[((n * 2_654_435_761 + salt * 40_503) >>> 0) % list.length] as T;

/** How many skills the hot person declares (see `person`). */
const hotSkillCount = 40;

/** A skill no generated opening asks: the board filtered by it (bench/scale-routes.ts) finds nothing. */
export const skillNobodyAsks = 'haccp-planning';

export function createJobsSeeder(client: DynamoDBDocumentClient, tableName: string, commons: Pick<Commons, 'skills'>) {
  const skills = [...commons.skills.keys()];
  const askable = skills.filter((skill) => skill !== skillNobodyAsks);
  const written: JobSizes = { people: 0, syndicates: 0, openings: 0 };
  const today = new Date();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
  /** What the search index needs to describe an opening: its syndicate's name and trade. */
  const syndicates = new Map<string, Pick<Syndicate, 'name' | 'trade'>>();
  let hotMembers = 0;

  function person(n: number): Person {
    // A third of people declare no skill; the rest one or two, so a skill's holders grow with people. The
    // hot person declares forty, which about three openings in ten ask: their best matches
    // (/api/me/best-matches) weigh a full window of the newest 200 at 1k as at full size, as they would
    // weigh 25 at 1k and 200 at full with a few skills, a window filling up rather than the table growing.
    const declared =
      n === 0
        ? askable.slice(0, hotSkillCount)
        : n % 3 === 0
          ? []
          : [pick(skills, n), ...(n % 3 === 2 ? [pick(skills, n, 1)] : [])];
    return newPerson({
      id: n === 0 ? jobsHot.person : personId(n),
      name: `Benchmark person ${n}`,
      place: pick(places, n),
      declaredSkills: [...new Set(declared)].map((skill) => ({ skill, level: 'working' as const })),
      availability: n % 10 < 7 ? { status: 'available' } : { status: 'unavailable' },
      createdAt: at(n),
    });
  }

  function syndicate(n: number, memberCount: number): Syndicate {
    const id = n === 0 ? jobsHot.syndicate : syndicateId(n);
    return {
      id,
      name: n === 0 ? 'Bench syndicate' : `${pick(words, n)} ${pick(words, n, 1)} co-op ${n}`,
      trade: pick(tradeIds, n),
      description: 'A syndicate written by the scale benchmark, to see whether a read grows with the table.',
      place: pick(places, n),
      rateCard: [],
      createdAt: at(n),
      createdBy: n === 0 ? jobsHot.person : personId(n),
      memberCount,
      adminCount: 1,
    };
  }

  /** One opening in ten is the hot syndicate's; of the rest, 2% are drafts, 5% filled, 3% closed. */
  function opening(n: number, syndicateCount: number): Opening {
    const owner = n % 10 === 0 ? jobsHot.syndicate : syndicateId(1 + (n % Math.max(1, syndicateCount - 1)));
    const status: OpeningStatus =
      n === 0 ? 'open' : n % 50 === 3 ? 'draft' : n % 20 === 1 ? 'filled' : n % 33 === 2 ? 'closed' : 'open';
    const title = `${pick(titles, n)} ${n}`;
    return {
      id: openingId(n),
      syndicateId: owner,
      title,
      description: `An opening written by the scale benchmark: ${title.toLowerCase()}, to see whether a read grows with the table.`,
      skills: [
        { skill: pick(askable, n), level: 'working' },
        ...(n % 2 ? [{ skill: pick(askable, n, 2), level: 'foundation' as const }] : []),
      ],
      positions: 1 + (n % 3),
      hoursPerWeek: 16 + (n % 25),
      pay: [{ amount: 1500 + (n % 4000), currency: 'EUR', per: 'hour' }],
      place: pick(places, n, 3),
      remote: n % 7 === 0,
      applicantCountries: [],
      employmentType: 'CONTRACTOR',
      validThrough: day(90),
      status,
      filled: status === 'filled' ? 1 : 0,
      version: 1,
      createdAt: at(n),
      updatedAt: at(n),
      createdBy: 'bench',
      ...(status === 'draft' ? {} : { datePosted: day(-(n % 60)) }),
    };
  }

  const membership = (syndicate: string, person: string, role: Membership['role'], n: number): Membership => ({
    syndicateId: syndicate,
    personId: person,
    role,
    status: role === 'admin' || n % 20 ? 'active' : 'requested',
    requestedAt: at(n),
  });

  return {
    written,
    syndicateOf: (id: string) => syndicates.get(id) ?? null,
    /**
     * Adds what is missing to reach `target`, and returns what it wrote for the search index. Each
     * syndicate's founder is its admin; one person in a hundred joins the hot syndicate.
     */
    async grow(target: JobSizes) {
      const items: Array<Record<string, unknown>> = [];
      const put = (item: Record<string, unknown>) => items.push(item);
      for (let n = written.people; n < target.people; n++) {
        const p = person(n);
        put({ ...personKeys(p.id), type: 'person', ...p });
        if (n > 0 && n % 100 === 0) {
          put({
            ...membershipKeys(jobsHot.syndicate, p.id),
            type: 'membership',
            ...membership(jobsHot.syndicate, p.id, 'member', n),
          });
          hotMembers++;
        }
      }
      const newSyndicates: Syndicate[] = [];
      for (let n = Math.max(1, written.syndicates); n < target.syndicates; n++) {
        const s = syndicate(n, 1);
        newSyndicates.push(s);
        put({ ...syndicateKeys(s.id, s.name), type: 'syndicate', ...s });
        put({ ...membershipKeys(s.id, s.createdBy), type: 'membership', ...membership(s.id, s.createdBy, 'admin', n) });
      }
      // The hot syndicate is rewritten each time: its member count follows its members.
      const hotSyndicate = syndicate(0, hotMembers + 1);
      newSyndicates.push(hotSyndicate);
      put({ ...syndicateKeys(hotSyndicate.id, hotSyndicate.name), type: 'syndicate', ...hotSyndicate });
      put({
        ...membershipKeys(hotSyndicate.id, jobsHot.person),
        type: 'membership',
        ...membership(hotSyndicate.id, jobsHot.person, 'admin', 0),
      });
      for (const s of newSyndicates) syndicates.set(s.id, { name: s.name, trade: s.trade });
      const openings: Opening[] = [];
      for (let n = written.openings; n < target.openings; n++) openings.push(opening(n, target.syndicates));
      for (const o of openings) {
        put({ ...openingKeys(o), type: 'opening', ...o });
        // The board's index by skill, as the repository's transaction writes it beside each opening.
        for (const item of skillIndexItems(o)) put(item);
      }
      await batchWriteAll(
        client,
        tableName,
        items.map((Item) => ({ PutRequest: { Item } })),
      );
      Object.assign(written, target);
      return { items, syndicates: newSyndicates, openings };
    },
  };
}
