// The instances the stewards blocked (domain/federation/instance-block.ts): one item per host.
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { InstanceBlock, InstanceBlockRepository } from '#domain/federation/instance-block.ts';
import { storeCall } from './errors.ts';
import { fromItem, getItems, itemKey, pageOf, queryPrefixPage } from './items.ts';
import { instanceBlockKeys, instanceBlocksOf } from './keys.ts';

export function createInstanceBlockRepository(
  client: DynamoDBDocumentClient,
  tableName: string,
): InstanceBlockRepository {
  return {
    // Access pattern `block-instance`: one item per host, replaced by a later block of the same host.
    async put(block) {
      await storeCall(() =>
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...instanceBlockKeys(block.host), type: 'instance-block', ...block },
          }),
        ),
      );
    },
    // Access pattern `unblock-instance`.
    async remove(host) {
      const result = await storeCall(() =>
        client.send(new DeleteCommand({ TableName: tableName, Key: instanceBlockKeys(host), ReturnValues: 'ALL_OLD' })),
      );
      return result.Attributes !== undefined;
    },
    // Access pattern `instance-blocked`: the post's or delivery's hosts (two or three), one batch read.
    async firstBlocked(hosts) {
      if (hosts.length === 0) return null;
      const keys = hosts.map(instanceBlockKeys);
      const found = await getItems(client, tableName, keys);
      const item = keys.map((key) => found.get(itemKey(key))).find((item) => item !== undefined);
      return item ? fromItem<InstanceBlock>(item) : null;
    },
    // Access pattern `instance-blocks`: the stewards' list, by host, a page at a time.
    async page(request) {
      return pageOf(await queryPrefixPage(client, tableName, instanceBlocksOf, request), fromItem<InstanceBlock>);
    },
  };
}
