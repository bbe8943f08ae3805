import {
  type DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError, RuleViolationError } from '#domain/errors.ts';
import { conflictRetry, startRetries } from '#domain/retry.ts';
import { firstItems } from '#domain/paged-reads.ts';
import type { Application } from '#domain/openings/application.ts';
import type { ScoredApplication } from '#domain/openings/applicant-match.ts';
import type { Opening } from '#domain/openings/opening.ts';
import { maxApplicationsPerOpening, type OpeningRepository } from '#domain/openings/opening-repository.ts';
import { failedConditions, storeCall } from './errors.ts';
import { messagePuts } from './thread-repository.ts';
import {
  fromItem,
  getItem,
  getItems,
  keepBy,
  pageOf,
  queryIndexPage,
  queryListingPage,
  queryPage,
  queryPrefixPage,
} from './items.ts';
import {
  applicantRankKeys,
  applicationCountKeys,
  applicationKeys,
  applicationLookup,
  applicationsOf,
  openingApplications,
  openingKeys,
  openingLookup,
  openingsInStatus,
  rankedApplicantsOf,
  syndicateOpenings,
  traineeKeys,
} from './keys.ts';
import { skillIndexWrites } from './opening-skill-index.ts';
import { pageOpenAsking } from './opening-skill-pages.ts';
import { prefixValues, startsWith } from './key-prefix.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The trainee mark a filled training place writes (keys.ts `traineeKeys`): who, which course, where. */
function traineeItem(application: Application, opening: Opening) {
  const courseId = opening.training?.courseId ?? '';
  return {
    ...traineeKeys(application.personId, courseId),
    type: 'trainee',
    personId: application.personId,
    courseId,
    openingId: opening.id,
    syndicateId: opening.syndicateId,
    mentorId: opening.training?.mentorId,
    at: application.updatedAt,
  };
}

export function createOpeningRepository(client: DynamoDBDocumentClient, tableName: string): OpeningRepository {
  const openingItem = (opening: Opening) => ({ ...openingKeys(opening), type: 'opening', ...opening });
  const versionGuard = (opening: Opening) => ({
    ConditionExpression: 'version = :expected',
    ExpressionAttributeValues: { ':expected': opening.version - 1 },
  });
  // The opening as stored, which a guarded write replaces: its skill-index items are what the write
  // changes. Strongly consistent, and the write's guard fails if it changed since, so they are exact.
  const stored = async (openingId: string) => {
    const item = await getItem(client, tableName, openingLookup(openingId), { consistent: true });
    return item ? fromItem<Opening>(item) : null;
  };
  // The opening and its skill-index items (opening-skill-index.ts), in one transaction when there are any.
  const openingWrites = (opening: Opening, guard: object, before: Opening | null): TransactItem[] => [
    { Put: { TableName: tableName, Item: openingItem(opening), ...guard } },
    ...skillIndexWrites(tableName, before, opening),
  ];
  const sendWrites = async (items: TransactItem[]): Promise<void> => {
    const [only] = items;
    if (items.length === 1 && only?.Put) await client.send(new PutCommand(only.Put));
    else await client.send(new TransactWriteCommand({ TransactItems: items }));
  };
  const applicationGuard = (expected: Application['status']) => ({
    ConditionExpression: '#status = :expected',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':expected': expected },
  });
  // Every write of an application puts it whole through here, so its place in the ranking (gsi2) follows
  // its match and status: a withdrawn application, or one never scored, is in no ranking.
  const applicationItem = (application: ScoredApplication, createdAt = application.createdAt) => ({
    ...applicationKeys(application.openingId, application.personId, createdAt),
    ...(application.match && application.status !== 'withdrawn'
      ? applicantRankKeys(application.openingId, application.match, createdAt, application.personId)
      : {}),
    type: 'application',
    ...application,
  });
  // Access pattern `application-by-opening-and-person`: one person's application to one opening.
  const getApplication = async (openingId: string, personId: string, consistent = false) => {
    const item = await getItem(client, tableName, applicationLookup(openingId, personId), { consistent });
    return item ? fromItem<ScoredApplication>(item) : null;
  };
  // One application and its count, together: the put unless the person applied, the count unless full.
  const applicationWrite = (application: Application) =>
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: tableName,
            Item: applicationItem(application),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Update: {
            TableName: tableName,
            Key: applicationCountKeys(application.openingId),
            UpdateExpression: 'SET #type = :type ADD applications :one',
            ConditionExpression: 'attribute_not_exists(applications) OR applications < :cap',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: { ':type': 'application-count', ':one': 1, ':cap': maxApplicationsPerOpening },
          },
        },
      ],
    });
  const pageOfApplications = async (openingId: string, request: { limit: number; cursor?: string | undefined }) => {
    const page = await queryPrefixPage(client, tableName, openingApplications(openingId), request);
    return pageOf(page, fromItem<ScoredApplication>);
  };
  const openingIndexPage = async (
    index: 'gsi1' | 'gsi2',
    partition: string,
    prefix: string | undefined,
    request: Parameters<OpeningRepository['pageByStatus']>[1],
    sieve: Parameters<OpeningRepository['pageByStatus']>[2],
  ) => {
    const page = await queryPage(
      client,
      {
        TableName: tableName,
        IndexName: index,
        KeyConditionExpression: prefix ? `${index}pk = :pk AND ${startsWith(`${index}sk`)}` : `${index}pk = :pk`,
        ExpressionAttributeValues: { ':pk': partition, ...(prefix ? prefixValues(prefix) : {}) },
        ScanIndexForward: false,
      },
      request,
      { name: `${index}pk`, value: partition },
      { keep: keepBy(sieve, fromItem<Opening>) },
    );
    return pageOf(page, fromItem<Opening>);
  };

  return {
    // Access pattern `opening-by-id`: an opening by id.
    async get(openingId) {
      const item = await getItem(client, tableName, openingLookup(openingId));
      return item ? fromItem<Opening>(item) : null;
    },

    // Access pattern `openings-by-ids`: openings by id, batched (search hits, a person's applications).
    async getMany(openingIds) {
      const items = await getItems(client, tableName, openingIds.map(openingLookup));
      return new Map([...items.values()].map((item) => [String(item.id), fromItem<Opening>(item)]));
    },

    // Access pattern `opening-write`: an opening and its skill-index items, in one transaction.
    async create(opening) {
      await storeCall(
        () => sendWrites(openingWrites(opening, { ConditionExpression: 'attribute_not_exists(pk)' }, null)),
        `An opening with the id "${opening.id}" exists already.`,
      );
    },

    // Access pattern `opening-write`: over the version read, with the index items that version had.
    async save(opening) {
      const before = await stored(opening.id);
      await storeCall(
        () => sendWrites(openingWrites(opening, versionGuard(opening), before)),
        'The opening changed meanwhile; reload and try again.',
      );
    },

    // Access pattern `openings-of-syndicate`: a syndicate's openings, any status, newest first, a page at a time
    // (gsi2).
    async pageBySyndicate(syndicateId, request, sieve) {
      const { gsi2pk, prefix } = syndicateOpenings(syndicateId);
      return openingIndexPage('gsi2', gsi2pk, prefix, request, sieve);
    },

    // Access pattern `openings-by-status`: openings in one status, newest posted first, a page at a time (gsi1): the
    // board. Each status is one partition. Its writes are openings posted, edited, filled and swept as expired: each
    // syndicate's admins by hand, far below the 1,000 writes a second one partition of an index takes; reads are pages,
    // so the partition's size never reaches a request.
    async pageByStatus(status, request, sieve) {
      return openingIndexPage('gsi1', openingsInStatus(status).gsi1pk, undefined, request, sieve);
    },

    pageOpenAsking: (skill, request, sieve) => pageOpenAsking(client, tableName, skill, request, sieve),

    getApplication: (openingId, personId) => getApplication(openingId, personId),

    // Access pattern `apply-once`: one application per person and opening, at most `maxApplicationsPerOpening` an
    // opening. One transaction puts the application (unless the person applied already) and counts it
    // (unless the opening is full), so a fault leaves neither; a retry returns the first application.
    async createApplication(application) {
      const retries = startRetries(conflictRetry);
      for (;;) {
        try {
          await storeCall(
            () => client.send(applicationWrite(application)),
            'The application changed meanwhile; try again.',
          );
          return { application, created: true };
        } catch (error) {
          const failed = failedConditions(error);
          if (failed.includes(0)) {
            const stored = await getApplication(application.openingId, application.personId, true);
            if (stored) return { application: stored, created: false };
          }
          if (failed.includes(1)) {
            throw new RuleViolationError(
              'applications-full',
              `This opening has taken the most applications one opening can (${maxApplicationsPerOpening}); ask the syndicate to post it again.`,
            );
          }
          // Two people applying at once collide on the counter (a transaction conflict): neither was
          // written, so sending it again under the one retry policy is safe.
          if (!(error instanceof ConflictError && error.retryable) || !(await retries.next())) throw error;
        }
      }
    },

    // Access pattern `move-application`: the application over the stage it was read at, with the message sent
    // with the move, if any, in one transaction.
    async saveApplication(application, expected, message) {
      const stored = await getApplication(application.openingId, application.personId);
      const put = {
        TableName: tableName,
        Item: applicationItem(application, stored?.createdAt),
        ...applicationGuard(expected),
      };
      const changed = 'The application changed meanwhile; reload it and try again.';
      if (message) {
        const items = [{ Put: put }, ...messagePuts(tableName, message)];
        await storeCall(() => client.send(new TransactWriteCommand({ TransactItems: items })), changed);
      } else await storeCall(() => client.send(new PutCommand(put)), changed);
    },

    // Access pattern `applications-of-opening`: an opening's applications, all of them: at most the cap
    // createApplication keeps.
    async listApplications(openingId) {
      return (await firstItems((request) => pageOfApplications(openingId, request), maxApplicationsPerOpening)).items;
    },

    // Access pattern `applicants-ranked`: an opening's standing applications, best stored match first, a page at a
    // time (gsi2).
    async pageRankedApplications(openingId, request) {
      const page = await queryIndexPage(client, tableName, rankedApplicantsOf(openingId), request);
      return pageOf(page, fromItem<ScoredApplication>);
    },

    // Access pattern `applicant-match-refresh`: a newer match and ranking key on one application, over the status
    // read (an update of those attributes alone, so it never undoes a decision made meanwhile).
    async saveMatch(application, match) {
      const rank = applicantRankKeys(application.openingId, match, application.createdAt, application.personId);
      await storeCall(
        () =>
          client.send(
            new UpdateCommand({
              TableName: tableName,
              Key: applicationLookup(application.openingId, application.personId),
              UpdateExpression: 'SET #match = :match, gsi2pk = :gsi2pk, gsi2sk = :gsi2sk',
              ConditionExpression: 'attribute_exists(pk) AND #status = :status AND #status <> :withdrawn',
              ExpressionAttributeNames: { '#match': 'match', '#status': 'status' },
              ExpressionAttributeValues: {
                ':match': match,
                ':gsi2pk': rank.gsi2pk,
                ':gsi2sk': rank.gsi2sk,
                ':status': application.status,
                ':withdrawn': 'withdrawn',
              },
            }),
          ),
        'The application changed meanwhile.',
      );
    },

    // Access pattern `applications-of-person`: a person's applications, newest first, a page at a time (gsi1).
    async pageApplicationsOf(personId, request) {
      const page = await queryListingPage(client, tableName, applicationsOf(personId), request, { newestFirst: true });
      return pageOf(page, fromItem<Application>);
    },

    // Access pattern `accept-offer`: the application accepted and the opening one position fuller, at once.
    async accept(application, opening, expected, message) {
      await storeCall(
        () =>
          client.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: tableName,
                    Item: applicationItem(application),
                    ...applicationGuard(expected),
                  },
                },
                // Only an open opening takes an acceptance, over the version read, and it keeps its skills: its
                // skill-index items were those of the same opening open. Filling the last position removes them.
                ...skillIndexWrites(tableName, { ...opening, status: 'open' }, opening),
                // Filled only over the version read: two accepts on the last position cannot both win.
                { Put: { TableName: tableName, Item: openingItem(opening), ...versionGuard(opening) } },
                ...(message ? messagePuts(tableName, message) : []),
                // A training place filled: the learner is its trainee, which the shortage index counts.
                ...(opening.training
                  ? [{ Put: { TableName: tableName, Item: traineeItem(application, opening) } }]
                  : []),
              ],
            }),
          ),
        'Another decision was recorded first.',
      );
    },
  };
}
