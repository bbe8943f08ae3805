// What the stream's notification fan-out reads and writes of a syndicate proposal (domain/notifications/
// proposal-fanout.ts): the proposal, its syndicate's name and a page of its members, the votes of a
// page of them, and the notice item that carries the fan-out to its next page. Apart from the decisions'
// repository, which the stream function's bundle leaves out (config/bundle.ts): these reads are all it needs.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Proposal, Vote } from '#domain/decisions/proposal.ts';
import type { ProposalNoticeRepository } from '#domain/notifications/proposal-fanout.ts';
import type { Membership } from '#domain/syndicates/syndicate.ts';
import { storeCall } from './errors.ts';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { fromItem, getItem, getItems, pageOf, queryPrefixPage } from './items.ts';
import { proposalLookup, proposalNoticeKeys, syndicateLookup, syndicateMembers, voteKeys } from './keys.ts';

export function createProposalNoticeRepository(
  client: DynamoDBDocumentClient,
  tableName: string,
): ProposalNoticeRepository {
  return {
    // Access pattern `proposal-by-id`, as the decisions read it.
    async get(proposalId) {
      const item = await getItem(client, tableName, proposalLookup(proposalId), { consistent: true });
      return item ? fromItem<Proposal>(item) : null;
    },

    // Access pattern `votes-of-people`: the votes of one page of members, batched.
    async getVotes(proposalId, personIds) {
      const items = await getItems(
        client,
        tableName,
        personIds.map((personId) => voteKeys(proposalId, personId)),
        { consistent: true },
      );
      return [...items.values()].map((item) => fromItem<Vote>(item));
    },

    // Access pattern `members-of-syndicate-paged`: a page of members by person id.
    async pageMembers(syndicateId, request) {
      return pageOf(await queryPrefixPage(client, tableName, syndicateMembers(syndicateId), request), (item) =>
        fromItem<Membership>(item),
      );
    },

    async syndicateName(syndicateId) {
      const item = await getItem(client, tableName, syndicateLookup(syndicateId));
      return typeof item?.name === 'string' ? item.name : undefined;
    },

    // Access pattern `proposal-notice`: the fan-out's place, moved on only forwards.
    async advance(notice) {
      await storeCall(
        () =>
          client.send(
            new PutCommand({
              TableName: tableName,
              Item: { ...proposalNoticeKeys(notice.proposalId, notice.stage), type: 'proposal-notice', ...notice },
              ConditionExpression: 'attribute_not_exists(pk) OR #page < :page',
              ExpressionAttributeNames: { '#page': 'page' },
              ExpressionAttributeValues: { ':page': notice.page },
            }),
          ),
        'The notice has moved on already.',
      );
    },
  };
}
