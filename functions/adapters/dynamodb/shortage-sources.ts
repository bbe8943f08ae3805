// Reads the items that feed the shortage index, and marks expired openings. Reads of one source are
// strongly consistent: the stream consumer reads right after a write and must never see an older state.
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ShortageRepository } from '#domain/shortages/shortage-repository.ts';
import {
  type DemandFacts,
  type DemandItemType,
  demandItems,
  type EnrollmentFacts,
  type OpeningFacts,
  type PersonFacts,
  type SourceState,
  sourceOf,
} from '#domain/shortages/sources.ts';
import { scanAll } from './bulk.ts';
import { storeCall } from './errors.ts';
import { getItem, type Item, pageOf, queryAll, queryPage } from './items.ts';
import { skillIndexDeletes } from './opening-skill-index.ts';
import { courseEnrollmentsKey, enrollmentKeys, heldSkillsOf, openingLookup, personKeys, traineeKeys } from './keys.ts';
import { prefixValues, startsWith } from './key-prefix.ts';

type SourceReader = Pick<ShortageRepository, 'readSource' | 'readAllSources' | 'pageLearners' | 'markExpired'>;

const str = (item: Item, name: string): string => {
  const value = item[name];
  if (typeof value !== 'string') throw new Error(`${String(item.type)} item without ${name}`);
  return value;
};
const optionalStr = (item: Item, name: string) => (typeof item[name] === 'string' ? (item[name] as string) : undefined);
const num = (item: Item, name: string): number => {
  const value = item[name];
  if (typeof value !== 'number') throw new Error(`${String(item.type)} item without a number ${name}`);
  return value;
};

export function toOpeningFacts(item: Item): OpeningFacts {
  const skills = Array.isArray(item.skills) ? item.skills : [];
  return {
    id: str(item, 'id'),
    syndicateId: str(item, 'syndicateId'),
    status: str(item, 'status'),
    positions: num(item, 'positions'),
    filled: num(item, 'filled'),
    hoursPerWeek: num(item, 'hoursPerWeek'),
    skills: skills.flatMap((s: unknown) =>
      s && typeof s === 'object' && typeof (s as Item).skill === 'string'
        ? [{ skill: (s as Item).skill as string }]
        : [],
    ),
    validThrough: str(item, 'validThrough'),
    datePosted: optionalStr(item, 'datePosted'),
    createdAt: str(item, 'createdAt'),
    expiredOn: optionalStr(item, 'expiredOn'),
  };
}

const toEnrollmentFacts = (item: Item): EnrollmentFacts => ({
  personId: str(item, 'personId'),
  courseId: str(item, 'courseId'),
  status: str(item, 'status'),
});

export const toPersonFacts = (item: Item): PersonFacts => ({
  id: str(item, 'id'),
  // The profile schema defaults availability to yes.
  available: item.available !== false,
  // Declared skills are `{ skill, level, … }`; a profile stored before skills had levels holds bare ids.
  declaredSkills: Array.isArray(item.declaredSkills)
    ? item.declaredSkills.flatMap((s: unknown) =>
        typeof s === 'string'
          ? [s]
          : s && typeof s === 'object' && typeof (s as Item).skill === 'string'
            ? [(s as Item).skill as string]
            : [],
      )
    : [],
});

/**
 * A want or an order as the index counts it. Written by other features, so read leniently: a field of the
 * wrong shape counts as nothing rather than failing the stream record forever.
 */
export const toDemandFacts = (item: Item): DemandFacts => ({
  status: optionalStr(item, 'status') ?? '',
  skillIds: Array.isArray(item.skillIds) ? item.skillIds.filter((s): s is string => typeof s === 'string') : [],
  demandHours: typeof item.demandHours === 'number' ? item.demandHours : 0,
});

const demandTypes = Object.keys(demandItems) as DemandItemType[];

const sourceAttributes = [
  'pk',
  'sk',
  'type',
  'id',
  'syndicateId',
  'status',
  'positions',
  'filled',
  'hoursPerWeek',
  'skills',
  'validThrough',
  'datePosted',
  'createdAt',
  'expiredOn',
  'personId',
  'courseId',
  'available',
  'declaredSkills',
  'skillId',
  'skillIds',
  'demandHours',
];

export function createShortageSourceReader(client: DynamoDBDocumentClient, tableName: string): SourceReader {
  const get = (key: { pk: string; sk: string }) => getItem(client, tableName, key, { consistent: true });

  return {
    // Access pattern `shortage-source-state`: one source's current state, strongly consistent.
    async readSource(ref): Promise<SourceState> {
      if (ref.kind === 'opening') {
        const item = await get(openingLookup(ref.openingId));
        return { ref, opening: item ? toOpeningFacts(item) : null };
      }
      if (ref.kind === 'enrollment') {
        const [item, mark] = await Promise.all([
          get(enrollmentKeys(ref.personId, ref.courseId)),
          get(traineeKeys(ref.personId, ref.courseId)),
        ]);
        return { ref, enrollment: item ? { ...toEnrollmentFacts(item), inTraining: Boolean(mark) } : null };
      }
      if (ref.kind === 'demand') {
        const item = await get(ref.item);
        return { ref, demand: item?.type === ref.itemType ? toDemandFacts(item) : null };
      }
      const [person, held] = await Promise.all([
        get(personKeys(ref.personId)),
        queryAll(client, {
          TableName: tableName,
          ConsistentRead: true,
          KeyConditionExpression: `pk = :pk AND ${startsWith('sk')}`,
          ExpressionAttributeValues: {
            ':pk': heldSkillsOf(ref.personId).pk,
            ...prefixValues(heldSkillsOf(ref.personId).prefix),
          },
        }),
      ]);
      return {
        ref,
        person: person ? toPersonFacts(person) : null,
        credentialedSkills: held.map((item) => str(item, 'skillId')).sort(),
      };
    },

    // Access pattern `shortage-recompute-scan`: batch job only (recompute), every source item in the table, by a
    // parallel Scan.
    async readAllSources() {
      const items = await scanAll(client, {
        TableName: tableName,
        FilterExpression: `#type IN (:opening, :enrollment, :trainee, :person, :held, ${demandTypes.map((_, i) => `:demand${i}`).join(', ')})`,
        ProjectionExpression: sourceAttributes.map((_, i) => `#a${i}`).join(', '),
        ExpressionAttributeNames: {
          '#type': 'type',
          ...Object.fromEntries(sourceAttributes.map((name, i) => [`#a${i}`, name])),
        },
        ExpressionAttributeValues: {
          ':opening': 'opening',
          ':enrollment': 'enrollment',
          ':trainee': 'trainee',
          ':person': 'person',
          ':held': 'held-skill',
          ...Object.fromEntries(demandTypes.map((type, i) => [`:demand${i}`, type])),
        },
      });
      const people = new Map<string, { person: PersonFacts | null; credentialedSkills: string[] }>();
      const personEntry = (personId: string) => {
        const entry = people.get(personId) ?? { person: null, credentialedSkills: [] };
        people.set(personId, entry);
        return entry;
      };
      const states: SourceState[] = [];
      const trainees = new Set<string>();
      const enrollments: EnrollmentFacts[] = [];
      for (const item of items) {
        if (item.type === 'opening') {
          const opening = toOpeningFacts(item);
          states.push({ ref: { kind: 'opening', openingId: opening.id }, opening });
        } else if (item.type === 'enrollment') {
          enrollments.push(toEnrollmentFacts(item));
        } else if (item.type === 'trainee') {
          trainees.add(`${str(item, 'personId')}|${str(item, 'courseId')}`);
        } else if (item.type === 'person') {
          const person = toPersonFacts(item);
          personEntry(person.id).person = person;
        } else if (demandTypes.includes(item.type as DemandItemType)) {
          const ref = sourceOf(item);
          if (ref?.kind === 'demand') states.push({ ref, demand: toDemandFacts(item) });
        } else {
          personEntry(str(item, 'personId')).credentialedSkills.push(str(item, 'skillId'));
        }
      }
      // Each enrollment with its trainee mark, as `readSource` reads the two by key.
      for (const enrollment of enrollments) {
        const { personId, courseId } = enrollment;
        const inTraining = trainees.has(`${personId}|${courseId}`);
        states.push({ ref: { kind: 'enrollment', personId, courseId }, enrollment: { ...enrollment, inTraining } });
      }
      for (const [personId, entry] of people) states.push({ ref: { kind: 'person', personId }, ...entry });
      return states;
    },

    // Access pattern `learners-of-course`: a course's learners part-way through it, a page at a time (gsi1). Completed
    // enrollments are read and dropped, within queryPage's bounded number of calls.
    async pageLearners(courseId, request) {
      const { gsi1pk, prefix } = courseEnrollmentsKey(courseId);
      const page = await queryPage(
        client,
        {
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: `gsi1pk = :pk AND ${startsWith('gsi1sk')}`,
          ExpressionAttributeValues: { ':pk': gsi1pk, ...prefixValues(prefix) },
        },
        request,
        { name: 'gsi1pk', value: gsi1pk },
        { keep: (items) => items.filter((item) => item.status === 'in-progress') },
      );
      return pageOf(page, (item) => str(item, 'personId'));
    },

    // A new version, so optimistic writers notice; only if nobody changed the opening since it was listed. The
    // mark takes the opening out of the board's skill index in the same transaction (opening-skill-index.ts).
    async markExpired(opening, at) {
      await storeCall(
        () =>
          client.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Update: {
                    TableName: tableName,
                    Key: openingLookup(opening.id),
                    UpdateExpression: 'SET expiredOn = :through, version = :next, updatedAt = :at',
                    ConditionExpression: 'version = :version AND #status = :open AND validThrough = :through',
                    ExpressionAttributeNames: { '#status': 'status' },
                    ExpressionAttributeValues: {
                      ':through': opening.validThrough,
                      ':next': opening.version + 1,
                      ':version': opening.version,
                      ':open': 'open',
                      ':at': at,
                    },
                  },
                },
                ...skillIndexDeletes(
                  tableName,
                  opening.id,
                  opening.skills.map((s) => s.skill),
                ),
              ],
            }),
          ),
        'The opening changed since it was listed.',
      );
    },
  };
}
