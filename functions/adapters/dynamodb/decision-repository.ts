// Proposals and votes in the table. A vote is one transaction with the proposal's tally (one count
// moves when a vote changes) and a check that the voter's membership still stands; a closing is one
// transaction with its change (a rate card, a credit limit, the credit policy, a membership, an adoption, a steward's removal, a circle's settlement) and its log entry, over the
// proposal as read, so it enacts once however many closes race.
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Closing, DecisionRepository, Effect, Proposal, Vote } from '#domain/decisions/proposal.ts';
import { syndicateOf } from '#domain/decisions/enactment.ts';
import { onRoll } from '#domain/decisions/circle.ts';
import { storeCall } from './errors.ts';
import { adoptionItems, big, logAppendItems, settlementWriteItems, transact } from './innovation-items.ts';
import { fromItem, getItem, type Item, pageOf, queryPage, queryPrefixPage } from './items.ts';
import {
  commonsMembersKeys,
  dueProposals,
  membershipKeys,
  personKeys,
  proposalKeys,
  proposalList,
  proposalLookup,
  syndicateLookup,
  voteItemKeys,
  voteKeys,
  votesOf,
} from './keys.ts';
import { creditLimitItems, creditPolicyItem, stewardRemovalItem } from './ledger-repository.ts';
import type { TransactItem } from './ledger-items.ts';
import { membershipChangeItems } from './syndicate-repository.ts';

const toProposal = (item: Item): Proposal => {
  const proposal = fromItem<Proposal>(item);
  if (proposal.kind === 'credit-policy') {
    const { defaultCredit, tiers } = proposal.change;
    const read = tiers.map((tier) => ({ months: Number(tier.months), credit: big(tier.credit) }));
    return { ...proposal, change: { defaultCredit: big(defaultCredit), tiers: read } };
  }
  if (proposal.kind === 'resolve-disputed-report') {
    const { amount } = proposal.change;
    return { ...proposal, change: { ...proposal.change, amount: amount === null ? null : big(amount) } };
  }
  return proposal.kind === 'credit-limit'
    ? { ...proposal, change: { ...proposal.change, credit: big(proposal.change.credit) } }
    : proposal;
};
const proposalItem = (proposal: Proposal) => ({ ...proposalKeys(proposal), type: 'proposal', ...proposal });

/** The writes of a passed proposal's change, beside its closing. */
function effectItems(tableName: string, effect: Effect): TransactItem[] {
  switch (effect.kind) {
    case 'none':
      return [];
    case 'rate-card':
      return [
        {
          Update: {
            TableName: tableName,
            Key: syndicateLookup(effect.syndicateId),
            UpdateExpression: 'SET rateCard = :card',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':card': effect.rateCard },
          },
        },
      ];
    case 'credit-limit':
      return creditLimitItems(tableName, effect.change);
    case 'credit-policy':
      return [creditPolicyItem(tableName, effect.policy)];
    case 'membership':
      return membershipChangeItems(tableName, effect.from, effect.to);
    case 'adoption':
      return adoptionItems(tableName, effect.adoption);
    case 'remove-steward':
      return [stewardRemovalItem(tableName, effect.removal)];
    case 'settlement':
      return settlementWriteItems(tableName, effect.write);
  }
}

/** A write over a draft as read: still a draft, at the version read (absent until its first edit). */
function overDraft(version: number | undefined) {
  return {
    ConditionExpression: `#status = :draft AND ${version === undefined ? 'attribute_not_exists(#version)' : '#version = :version'}`,
    ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
    ExpressionAttributeValues: { ':draft': 'draft', ...(version === undefined ? {} : { ':version': version }) },
  };
}

/**
 * The voter still stands as a member of the proposal's scope, checked in the vote's transaction; on a
 * circle's roll by name (an inventor, the panel), that they still have an account here.
 */
function stillMember(tableName: string, proposal: Proposal, personId: string): TransactItem {
  const syndicateId = onRoll(proposal, personId) ? undefined : syndicateOf(proposal);
  const membership = syndicateId === undefined ? undefined : membershipKeys(syndicateId, personId);
  return membership === undefined
    ? {
        ConditionCheck: {
          TableName: tableName,
          Key: personKeys(personId),
          ConditionExpression: 'attribute_exists(pk)',
        },
      }
    : {
        ConditionCheck: {
          TableName: tableName,
          Key: { pk: membership.pk, sk: membership.sk },
          ConditionExpression: '#status = :active',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':active': 'active' },
        },
      };
}

export function createDecisionRepository(client: DynamoDBDocumentClient, tableName: string): DecisionRepository {
  return {
    // Access pattern `proposal-by-id`: one proposal with its tally, strongly consistent (a vote or a closing decides from it).
    async get(proposalId) {
      const item = await getItem(client, tableName, proposalLookup(proposalId), { consistent: true });
      return item ? toProposal(item) : null;
    },

    // Access pattern `commons-members`: the commons' member count, strongly consistent.
    async commonsMembers() {
      const item = await getItem(client, tableName, commonsMembersKeys, { consistent: true });
      return Number(item?.members ?? 0);
    },

    async create(proposal, log) {
      await transact(
        client,
        [
          {
            Put: {
              TableName: tableName,
              Item: proposalItem(proposal),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...(log ? logAppendItems(tableName, log) : []),
        ],
        'The proposal exists already, or the log moved on meanwhile.',
      );
    },

    async open(proposal, log) {
      await transact(
        client,
        [
          { Put: { TableName: tableName, Item: proposalItem(proposal), ...overDraft(proposal.version) } },
          ...logAppendItems(tableName, log),
        ],
        'The proposal was opened or edited meanwhile, or the log moved on.',
      );
    },

    // Access pattern `proposal-draft-save`: a draft's edit, over its status and version as read.
    async saveDraft(before, after) {
      await storeCall(
        () =>
          client.send(
            new PutCommand({ TableName: tableName, Item: proposalItem(after), ...overDraft(before.version) }),
          ),
        'The draft was opened or saved again meanwhile.',
      );
    },

    // Access pattern `vote-by-proposal-and-person`: one person's vote on one proposal, strongly consistent.
    async getVote(proposalId, personId) {
      const item = await getItem(client, tableName, voteKeys(proposalId, personId), { consistent: true });
      return item ? fromItem<Vote>(item) : null;
    },

    // Access pattern `votes-of-proposal`: a proposal's votes, a page at a time, by person id.
    async votesPage(proposalId, request) {
      return pageOf(await queryPrefixPage(client, tableName, votesOf(proposalId), request), fromItem<Vote>);
    },

    async castVote(vote, previous, proposal) {
      const moves = previous?.choice !== vote.choice;
      const whileOpen = {
        ConditionExpression: '#status = :open AND closesAt > :at',
        ExpressionAttributeNames: { '#status': 'status' } as Record<string, string>,
        ExpressionAttributeValues: { ':open': 'open', ':at': vote.at } as Record<string, unknown>,
      };
      const tally: TransactItem = moves
        ? {
            Update: {
              TableName: tableName,
              Key: proposalLookup(proposal.id),
              UpdateExpression: previous
                ? 'SET tally.#new = tally.#new + :one, tally.#old = tally.#old - :one'
                : 'SET tally.#new = tally.#new + :one',
              ...whileOpen,
              ExpressionAttributeNames: {
                ...whileOpen.ExpressionAttributeNames,
                '#new': vote.choice,
                ...(previous ? { '#old': previous.choice } : {}),
              },
              ExpressionAttributeValues: { ...whileOpen.ExpressionAttributeValues, ':one': 1 },
            },
          }
        : { ConditionCheck: { TableName: tableName, Key: proposalLookup(proposal.id), ...whileOpen } };
      await transact(
        client,
        [
          {
            Put: {
              TableName: tableName,
              Item: { ...voteItemKeys(vote.proposalId, vote.personId), type: 'vote', ...vote },
              // Over the vote as read: two changes of one person's vote cannot both move the tally.
              ...(previous
                ? {
                    ConditionExpression: 'choice = :previous',
                    ExpressionAttributeValues: { ':previous': previous.choice },
                  }
                : { ConditionExpression: 'attribute_not_exists(pk)' }),
            },
          },
          tally,
          stillMember(tableName, proposal, vote.personId),
        ],
        'The vote, the proposal or the membership changed meanwhile.',
      );
    },

    // Access pattern `proposal-close`: the closing, its change and its log entry, over the proposal as read.
    async close({ before, after, effect, log }: Closing) {
      await transact(
        client,
        [
          {
            Put: {
              TableName: tableName,
              Item: proposalItem(after),
              // Over the proposal as read: closes that race enact once; no vote lands uncounted.
              ConditionExpression: '#status = :open AND tally.yes = :y AND tally.#no = :n AND tally.abstain = :a',
              ExpressionAttributeNames: { '#status': 'status', '#no': 'no' },
              ExpressionAttributeValues: {
                ':open': 'open',
                ':y': before.tally.yes,
                ':n': before.tally.no,
                ':a': before.tally.abstain,
              },
            },
          },
          ...effectItems(tableName, effect),
          ...logAppendItems(tableName, log),
        ],
        'The proposal, its change or the log changed meanwhile.',
      );
    },

    // Access pattern `proposals-listed`: a scope's open proposals (closing soonest first), its closed ones
    // or a person's drafts (newest first), a page at a time (gsi1).
    async page(list, request) {
      const { gsi1pk } = proposalList(list);
      const page = await queryPage(
        client,
        {
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': gsi1pk },
          ScanIndexForward: 'status' in list && list.status === 'open',
        },
        request,
        { name: 'gsi1pk', value: gsi1pk },
      );
      return pageOf(page, toProposal);
    },

    // Access pattern `proposals-due`: open proposals whose window ended, soonest first, a page at a time (gsi2).
    async duePage(now, request) {
      const page = await queryPage(
        client,
        {
          TableName: tableName,
          IndexName: 'gsi2',
          // `<closesAt>#<id>` sorts below `<now>$` exactly when closesAt ≤ now ('$' follows '#').
          KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :bound',
          ExpressionAttributeValues: { ':pk': dueProposals.gsi2pk, ':bound': `${now}$` },
        },
        request,
        { name: 'gsi2pk', value: dueProposals.gsi2pk },
      );
      return pageOf(page, toProposal);
    },

    // Access pattern `proposals-closing`: open proposals not yet flagged whose window ends within the next day (gsi2).
    async closingPage(from, until, request) {
      const page = await queryPage(
        client,
        {
          TableName: tableName,
          IndexName: 'gsi2',
          // After `<from>` and below `<until>$`: closing after now and at most at `until` ('$' follows '#').
          KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :until',
          // Those flagged already are read past (up to ~1,000 a page), not returned: they never crowd out the rest.
          FilterExpression: 'attribute_not_exists(closingSoonAt)',
          ExpressionAttributeValues: { ':pk': dueProposals.gsi2pk, ':from': `${from}$`, ':until': `${until}$` },
        },
        request,
        { name: 'gsi2pk', value: dueProposals.gsi2pk },
      );
      return pageOf(page, toProposal);
    },

    // Access pattern `proposal-closing-soon`: the reminder's flag, set once on an open proposal.
    async markClosingSoon(proposalId, at) {
      await storeCall(
        () =>
          client.send(
            new UpdateCommand({
              TableName: tableName,
              Key: proposalLookup(proposalId),
              UpdateExpression: 'SET closingSoonAt = :at',
              ConditionExpression: '#status = :open AND attribute_not_exists(closingSoonAt)',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':open': 'open', ':at': at },
            }),
          ),
        'The proposal is flagged already, or closed.',
      );
    },
  };
}
