// The shortage index in the single table: per-skill aggregates (counters added with ADD), the people
// holding each skill beside them, one record per source of what it last contributed, daily snapshots.
// A change is one transaction whose first item is the source's record, conditional on its revision: a
// replayed or concurrent change fails as a whole and adds nothing twice.
import {
  type DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type {
  AggregateFold,
  ContributionChange,
  Holder,
  ShortageIndex,
  ShortageRepository,
  ShortageSnapshot,
  StoredContribution,
} from '#domain/shortages/shortage-repository.ts';
import { ConflictError } from '#domain/errors.ts';
import { conflictRetry, startRetries } from '#domain/retry.ts';
import { isCounter, type Tally } from '#domain/shortages/tally.ts';
import { batchWriteAll, scanAll } from './bulk.ts';
import { storeCall } from './errors.ts';
import { getItem, getItems, type Item, pageOf, queryAll, queryPage } from './items.ts';
import {
  shortageHolderKeys,
  shortageHolderPrefix,
  shortageKeys,
  shortageListKey,
  shortageSnapshotKeys,
  shortageSnapshotPartition,
  shortageSourceKeys,
} from './keys.ts';
import { createReadinessSnapshots } from './readiness-snapshots.ts';
import { createShortageSourceReader } from './shortage-sources.ts';
import { prefixValues, startsWith } from './key-prefix.ts';

/** Defined `true` in the bundles that never read a shortage source (config/bundle.ts). */
declare const GUILDHALL_WITHOUT_SHORTAGE_SOURCES: true | undefined;

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The counters of an aggregate item: every attribute the index owns, nothing else. */
export function tallyOf(item: Item): Tally {
  const tally: Tally = {};
  for (const [name, value] of Object.entries(item)) {
    if (isCounter(name) && typeof value === 'number' && value !== 0) tally[name] = value;
  }
  return tally;
}

const toStored = (item: Item): StoredContribution => ({
  key: String(item.sourceKey),
  rev: Number(item.rev),
  tallies: (item.tallies ?? {}) as StoredContribution['tallies'],
});

/** Pure: the transaction for one change (exported for tests of its shape). */
export function changeTransaction(tableName: string, change: ContributionChange): TransactItem[] {
  const record: TransactItem = {
    Put: {
      TableName: tableName,
      Item: {
        ...shortageSourceKeys(change.key),
        type: 'shortage-source',
        sourceKey: change.key,
        rev: change.next.rev,
        tallies: change.next.tallies,
      },
      ...(change.expectedRev === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'rev = :expected', ExpressionAttributeValues: { ':expected': change.expectedRev } }),
    },
  };
  const aggregates = Object.entries(change.deltas).map(([skill, delta]): TransactItem => {
    const names = Object.keys(delta);
    const keys = shortageKeys(skill);
    return {
      Update: {
        TableName: tableName,
        Key: { pk: keys.pk, sk: keys.sk },
        UpdateExpression: `SET #type = :type, skill = :skill, gsi1pk = :list, gsi1sk = :skill ADD ${names
          .map((_, i) => `#c${i} :c${i}`)
          .join(', ')}`,
        ExpressionAttributeNames: { '#type': 'type', ...Object.fromEntries(names.map((name, i) => [`#c${i}`, name])) },
        ExpressionAttributeValues: {
          ':type': 'shortage',
          ':skill': skill,
          ':list': keys.gsi1pk,
          ...Object.fromEntries(names.map((name, i) => [`:c${i}`, delta[name]])),
        },
      },
    };
  });
  const holders = change.holders.map(
    ({ skill, personId, how }): TransactItem =>
      how
        ? {
            Put: {
              TableName: tableName,
              Item: { ...shortageHolderKeys(skill, personId), type: 'shortage-holder', skill, personId, how },
            },
          }
        : { Delete: { TableName: tableName, Key: shortageHolderKeys(skill, personId) } },
  );
  return [record, ...aggregates, ...holders];
}

/** Pure: the conditional update that applies one fold of a skill's demand days (exported for tests). */
export function foldUpdate(tableName: string, fold: AggregateFold): UpdateCommandInput {
  const keys = shortageKeys(fold.skill);
  const names = [...new Set([...Object.keys(fold.expected), ...Object.keys(fold.next)])];
  const name = (key: string) => `#a${names.indexOf(key)}`;
  const values: Record<string, number> = {};
  const conditions = ['attribute_exists(pk)'];
  for (const [key, value] of Object.entries(fold.expected)) {
    if (value === null) conditions.push(`attribute_not_exists(${name(key)})`);
    else {
      values[`:e${names.indexOf(key)}`] = value;
      conditions.push(`${name(key)} = :e${names.indexOf(key)}`);
    }
  }
  const sets: string[] = [];
  const removes: string[] = [];
  for (const [key, value] of Object.entries(fold.next)) {
    if (value === null) removes.push(name(key));
    else {
      values[`:n${names.indexOf(key)}`] = value;
      sets.push(`${name(key)} = :n${names.indexOf(key)}`);
    }
  }
  return {
    TableName: tableName,
    Key: { pk: keys.pk, sk: keys.sk },
    UpdateExpression: [
      sets.length > 0 ? `SET ${sets.join(', ')}` : '',
      removes.length > 0 ? `REMOVE ${removes.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' '),
    ConditionExpression: conditions.join(' AND '),
    ExpressionAttributeNames: Object.fromEntries(names.map((key, i) => [`#a${i}`, key])),
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}

/**
 * The writes that make the stored index equal `index`, given the index items the table holds now
 * (`existing`): the items that differ or are missing, and the items that should not be there. Source
 * records are never deleted, only emptied: their revisions must only ever grow.
 */
export function indexWrites(index: ShortageIndex, existing: Item[]): { puts: Item[]; deletes: Item[] } {
  const before = new Map(existing.map((item) => [`${item.pk}|${item.sk}`, item]));
  const wanted: Item[] = [];
  for (const [skill, tally] of index.aggregates) {
    wanted.push({ ...shortageKeys(skill), type: 'shortage', skill, ...tally });
  }
  for (const holder of index.holders) {
    wanted.push({ ...shortageHolderKeys(holder.skill, holder.personId), type: 'shortage-holder', ...holder });
  }
  const sourceKeys = new Set([
    ...index.contributions.keys(),
    ...existing.filter((item) => item.type === 'shortage-source').map((item) => String(item.sourceKey)),
  ]);
  for (const key of sourceKeys) {
    const tallies = index.contributions.get(key) ?? {};
    const keys = shortageSourceKeys(key);
    const old = before.get(`${keys.pk}|${keys.sk}`);
    const same = old && JSON.stringify(canonicalJson(old.tallies)) === JSON.stringify(canonicalJson(tallies));
    const rev = old ? Number(old.rev) + (same ? 0 : 1) : 1;
    wanted.push({ ...keys, type: 'shortage-source', sourceKey: key, rev, tallies });
  }
  const wantedKeys = new Set(wanted.map((item) => `${item.pk}|${item.sk}`));
  const puts = wanted.filter((item) => {
    const old = before.get(`${item.pk}|${item.sk}`);
    return !old || JSON.stringify(canonicalJson(old)) !== JSON.stringify(canonicalJson(item));
  });
  const deletes = existing.filter((item) => !wantedKeys.has(`${item.pk}|${item.sk}`));
  return { puts, deletes };
}

export function createShortageRepository(client: DynamoDBDocumentClient, tableName: string): ShortageRepository {
  return {
    // Reading sources, learners and the expiry mark: the stream, the sweep and readiness use them; the
    // bundles defined without them (config/bundle.ts) leave them out, and esbuild drops the module.
    ...(typeof GUILDHALL_WITHOUT_SHORTAGE_SOURCES === 'undefined'
      ? createShortageSourceReader(client, tableName)
      : ({} as ReturnType<typeof createShortageSourceReader>)),
    ...createReadinessSnapshots(client, tableName),

    // Access pattern `shortage-source-applied`: what the index last applied for one source (consistent: it guards the
    // next change).
    async getContribution(key) {
      const item = await getItem(client, tableName, shortageSourceKeys(key), { consistent: true });
      return item ? toStored(item) : null;
    },

    async applyChange(change) {
      const items = changeTransaction(tableName, change);
      const bump = items.length === 1 ? items[0]?.Put : undefined;
      if (bump) {
        // A bare revision bump needs no transaction.
        await storeCall(() => client.send(new PutCommand(bump)), 'The source changed meanwhile.');
        return;
      }
      // Two changes of different sources touching one skill collide as "TransactionConflict": neither
      // applied, so sending the same change again is safe; the revision condition still guards replays.
      const retries = startRetries(conflictRetry);
      for (;;) {
        try {
          await storeCall(
            () => client.send(new TransactWriteCommand({ TransactItems: items })),
            'The source changed meanwhile; its contribution is re-read.',
          );
          return;
        } catch (error) {
          if (!(error instanceof ConflictError && error.retryable) || !(await retries.next())) throw error;
        }
      }
    },

    // Batch job (recompute): puts what differs, deletes what should not be there, leaves the rest alone.
    async replaceIndex(index) {
      const existing = await scanAll(client, {
        TableName: tableName,
        FilterExpression: '#type IN (:aggregate, :holder, :source)',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':aggregate': 'shortage',
          ':holder': 'shortage-holder',
          ':source': 'shortage-source',
        },
      });
      const { puts, deletes } = indexWrites(index, existing);
      await batchWriteAll(client, tableName, [
        ...puts.map((Item) => ({ PutRequest: { Item } })),
        ...deletes.map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })),
      ]);
      return { written: puts.length, deleted: deletes.length };
    },

    // Access pattern `shortage-aggregates`: every skill's aggregate, in one query (gsi1). Read whole in a request, and
    // bounded: one aggregate per skill of the commons (compiled at deploy, 128 today), however many openings, people
    // and enrollments the table holds. One partition (SHORTAGES) holds them: only the shortage stream consumer writes
    // them, a transaction per source change, so a burst waits in the stream rather than refusing a person's write, and
    // the rate is people's edits, far below the 1,000 writes a second one partition of an index takes.
    async listAggregates() {
      const items = await queryAll(client, {
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': shortageListKey },
      });
      return items.map((item) => ({ skill: String(item.skill), tally: tallyOf(item) }));
    },

    // Access pattern `shortage-fold`: the daily sweep folds one skill’s demand days, if the aggregate is still as read.
    async foldAggregate(fold) {
      await storeCall(
        () => client.send(new UpdateCommand(foldUpdate(tableName, fold))),
        'The skill’s demand changed meanwhile; it is read and folded again.',
      );
    },

    // Access pattern `shortage-recompute-scan`: batch job only (recompute check), every stored contribution.
    async listContributions() {
      const items = await scanAll(client, {
        TableName: tableName,
        FilterExpression: '#type = :source',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':source': 'shortage-source' },
      });
      return items.map(toStored);
    },

    // Access pattern `holders-of-skill`: the available people holding a skill, a page at a time, by person id.
    async pageHolders(skill, request) {
      const pk = shortageKeys(skill).pk;
      const page = await queryPage(
        client,
        {
          TableName: tableName,
          KeyConditionExpression: `pk = :pk AND ${startsWith('sk')}`,
          ExpressionAttributeValues: { ':pk': pk, ...prefixValues(shortageHolderPrefix) },
        },
        request,
        { name: 'pk', value: pk },
      );
      return pageOf(
        page,
        (item): Holder => ({
          skill,
          personId: String(item.personId),
          how: item.how === 'credentialed' ? 'credentialed' : 'declared',
        }),
      );
    },

    // Access pattern `holders-among`: whether some people hold a skill, by key (batched).
    async holdersAmong(skill, personIds) {
      const items = await getItems(
        client,
        tableName,
        personIds.map((personId) => shortageHolderKeys(skill, personId)),
      );
      return new Set([...items.values()].map((item) => String(item.personId)));
    },

    async putSnapshot(snapshot) {
      await storeCall(() =>
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...shortageSnapshotKeys(snapshot.day), type: 'shortage-snapshot', ...snapshot },
          }),
        ),
      );
    },

    // Access pattern `shortage-snapshots`: the daily snapshots from a day on, oldest first.
    async listSnapshots(fromDay) {
      const items = await queryAll(client, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk >= :from',
        ExpressionAttributeValues: { ':pk': shortageSnapshotPartition, ':from': shortageSnapshotKeys(fromDay).sk },
      });
      return items.map(
        (item): ShortageSnapshot => ({
          day: String(item.day),
          skills: (item.skills ?? {}) as ShortageSnapshot['skills'],
          trades: (item.trades ?? {}) as ShortageSnapshot['trades'],
        }),
      );
    },
  };
}

/** Key order and zero counters do not make two items different. */
function canonicalJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== 0 && v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonicalJson(v)]),
    );
  }
  return value;
}
