import {
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '#domain/errors.ts';
import type { Membership, Syndicate, SyndicateRepository } from '#domain/syndicates/syndicate.ts';
import { lastAdminError } from '#domain/syndicates/syndicate-use-cases.ts';
import { failedConditions, storeCall } from './errors.ts';
import { fromItem, getItem, getItems, type Item, keepBy, pageOf, queryPage, queryPrefixPage } from './items.ts';
import {
  membershipKeys,
  membershipsOf,
  syndicateKeys,
  syndicateList,
  syndicateLookup,
  syndicateMembers,
} from './keys.ts';
import { prefixValues, startsWith } from './key-prefix.ts';

/** Reads of a syndicate's memberships for its admins: 1 MB each, so thousands of memberships a read. */
const maxMemberReads = 5;

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const counts = (membership: Membership | null) => ({
  member: membership?.status === 'active' ? 1 : 0,
  admin: membership?.status === 'active' && membership.role === 'admin' ? 1 : 0,
});

/**
 * The writes that move a membership from `from` (null: none stored) to `to` (null: gone), with the
 * syndicate's counts, in one transaction: over the membership as read, and never losing the last admin
 * (except, with `lastMember`, the last member of all). The first item is the syndicate's.
 */
export function membershipChangeItems(
  tableName: string,
  from: Membership | null,
  to: Membership | null,
  options: { lastMember?: boolean } = {},
): TransactItem[] {
  const memberDelta = counts(to).member - counts(from).member;
  const adminDelta = counts(to).admin - counts(from).admin;
  const membership = (from ?? to) as Membership;
  const keys = membershipKeys(membership.syndicateId, membership.personId);
  const guard = from
    ? {
        ConditionExpression: '#status = :status AND #role = :role',
        ExpressionAttributeNames: { '#status': 'status', '#role': 'role' },
        ExpressionAttributeValues: { ':status': from.status, ':role': from.role },
      }
    : { ConditionExpression: 'attribute_not_exists(pk)' };
  return [
    {
      Update: {
        TableName: tableName,
        Key: syndicateLookup(membership.syndicateId),
        UpdateExpression: 'SET memberCount = memberCount + :m, adminCount = adminCount + :a',
        // Losing an admin needs another to remain, or (the last member leaving) no one left to need
        // one: checked here, atomically with the change.
        ConditionExpression:
          adminDelta < 0
            ? options.lastMember
              ? 'adminCount > :one OR memberCount = :one'
              : 'adminCount > :one'
            : 'attribute_exists(pk)',
        ExpressionAttributeValues: {
          ':m': memberDelta,
          ':a': adminDelta,
          ...(adminDelta < 0 ? { ':one': 1 } : {}),
        },
      },
    },
    to
      ? { Put: { TableName: tableName, Item: { ...keys, type: 'membership', ...to }, ...guard } }
      : { Delete: { TableName: tableName, Key: { pk: keys.pk, sk: keys.sk }, ...guard } },
  ];
}

export function createSyndicateRepository(client: DynamoDBDocumentClient, tableName: string): SyndicateRepository {
  // Access pattern `membership-by-syndicate-and-person`: one person's membership of one syndicate.
  const getMembership = async (syndicateId: string, personId: string) => {
    const item = await getItem(client, tableName, membershipKeys(syndicateId, personId));
    return item ? fromItem<Membership>(item) : null;
  };

  return {
    // Access pattern `syndicate-by-id`: a syndicate by id.
    async get(syndicateId) {
      const item = await getItem(client, tableName, syndicateLookup(syndicateId));
      return item ? fromItem<Syndicate>(item) : null;
    },

    // Access pattern `syndicates-by-ids`: syndicates by id, batched (a page of openings names its syndicates).
    async getMany(syndicateIds) {
      const items = await getItems(client, tableName, syndicateIds.map(syndicateLookup));
      return new Map([...items.values()].map((item) => [String(item.id), fromItem<Syndicate>(item)]));
    },

    // Access pattern `syndicates-by-name`: every syndicate by name, a page at a time (gsi1). One partition holds the
    // whole list: its writes are syndicates founded, edited and joined (each join rewrites the count on the syndicate
    // item), a rate people set by hand, far below the 1,000 writes a second one partition of an index takes; and the
    // reads are pages, so its size never reaches a request.
    async page(request) {
      const list = syndicateList();
      return pageOf(
        await queryPage(
          client,
          {
            TableName: tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk',
            ExpressionAttributeValues: { ':pk': list.gsi1pk },
          },
          request,
          { name: 'gsi1pk', value: list.gsi1pk },
        ),
        fromItem<Syndicate>,
      );
    },

    async create(syndicate, founder) {
      await storeCall(
        () =>
          client.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: tableName,
                    Item: { ...syndicateKeys(syndicate.id, syndicate.name), type: 'syndicate', ...syndicate },
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
                {
                  Put: {
                    TableName: tableName,
                    Item: { ...membershipKeys(syndicate.id, founder.personId), type: 'membership', ...founder },
                  },
                },
              ],
            }),
          ),
        `A syndicate with the id "${syndicate.id}" exists already.`,
      );
    },

    async update(syndicate) {
      // Counts are the server's: an edit never writes them, so it cannot undo a concurrent join.
      await storeCall(() =>
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...syndicateKeys(syndicate.id, syndicate.name), type: 'syndicate', ...syndicate },
            ConditionExpression: 'attribute_exists(pk) AND memberCount = :members AND adminCount = :admins',
            ExpressionAttributeValues: { ':members': syndicate.memberCount, ':admins': syndicate.adminCount },
          }),
        ),
      );
    },

    getMembership,

    // Access pattern `admins-of-syndicate`: the active admins among a syndicate's memberships.
    async activeAdmins(syndicateId, max) {
      const { pk, prefix } = syndicateMembers(syndicateId);
      const admins: string[] = [];
      let start: Item | undefined;
      for (let reads = 0; reads < maxMemberReads && admins.length < max; reads++) {
        const page = await storeCall(() =>
          client.send(
            new QueryCommand({
              TableName: tableName,
              KeyConditionExpression: `pk = :pk AND ${startsWith('sk')}`,
              FilterExpression: '#role = :admin AND #status = :active',
              ProjectionExpression: 'personId',
              ExpressionAttributeNames: { '#role': 'role', '#status': 'status' },
              ExpressionAttributeValues: { ':pk': pk, ...prefixValues(prefix), ':admin': 'admin', ':active': 'active' },
              ExclusiveStartKey: start,
            }),
          ),
        );
        for (const item of page.Items ?? []) if (typeof item.personId === 'string') admins.push(item.personId);
        start = page.LastEvaluatedKey;
        if (!start) break;
      }
      return admins.slice(0, max);
    },
    // Access pattern `members-of-syndicate-paged`: a syndicate's members and requests, a page at a time, by person id.
    async pageMemberships(syndicateId, request, sieve) {
      const page = await queryPrefixPage(client, tableName, syndicateMembers(syndicateId), request, {
        keep: keepBy(sieve, fromItem<Membership>),
      });
      return pageOf(page, fromItem<Membership>);
    },

    // Access pattern `memberships-by-people`: some people's memberships of one syndicate, batched.
    async getMemberships(syndicateId, personIds) {
      const items = await getItems(
        client,
        tableName,
        personIds.map((personId) => membershipKeys(syndicateId, personId)),
      );
      return new Map([...items.values()].map((item) => [String(item.personId), fromItem<Membership>(item)]));
    },

    // Access pattern `memberships-of-person-paged`: a person's memberships, a page at a time, by syndicate id (gsi1).
    async pageMembershipsOf(personId, request, sieve) {
      const { gsi1pk, prefix } = membershipsOf(personId);
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
        { keep: keepBy(sieve, fromItem<Membership>) },
      );
      return pageOf(page, fromItem<Membership>);
    },

    async requestMembership(membership) {
      try {
        await storeCall(() =>
          client.send(
            new PutCommand({
              TableName: tableName,
              Item: {
                ...membershipKeys(membership.syndicateId, membership.personId),
                type: 'membership',
                ...membership,
              },
              // Someone declined before may ask again; a member or a pending request stays as it is.
              ConditionExpression: 'attribute_not_exists(pk) OR #status = :declined',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':declined': 'declined' },
            }),
          ),
        );
        return membership;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        const existing = await getMembership(membership.syndicateId, membership.personId);
        if (existing) return existing;
        throw error;
      }
    },

    async changeMembership(from, to, options = {}) {
      const adminDelta = counts(to).admin - counts(from).admin;
      const items = membershipChangeItems(tableName, from, to, options);
      try {
        await storeCall(
          () => client.send(new TransactWriteCommand({ TransactItems: items })),
          'The membership changed meanwhile; try again.',
        );
      } catch (error) {
        if (adminDelta < 0 && failedConditions(error).includes(0)) throw lastAdminError();
        throw error;
      }
    },
  };
}
