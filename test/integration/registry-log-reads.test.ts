// What reading the registry log costs as it grows, against DynamoDB Local: a proof reads the O(log n)
// subtree hashes it needs, never every entry; a record's entries and an audit come a bounded window
// at a time; and a log written before subtree hashes were kept still proves, and is given them once.
import { generateKeyPairSync } from 'node:crypto';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchWriteAll } from '#adapters/dynamodb/bulk.ts';
import { logAppendItems } from '#adapters/dynamodb/innovation-items.ts';
import { logEntryLookup } from '#adapters/dynamodb/keys.ts';
import { backfillSubtrees } from '#adapters/dynamodb/registry-log-backfill.ts';
import { createRegistryLogRepository } from '#adapters/dynamodb/registry-log-repository.ts';
import type { RegistryLogRepository } from '#domain/innovations/innovation-repository.ts';
import type { LogEvent } from '#domain/innovations/log-events.ts';
import { emptyHead, type LogHead, logSignerFromJwk, prepareAppend } from '#domain/innovations/log-head.ts';
import { consistency, inclusion, recordLog } from '#domain/innovations/registry-log-use-cases.ts';
import { fromBase64 } from '#domain/registry-log/hashing.ts';
import { verifyConsistency, verifyInclusion } from '#domain/registry-log/verify-proofs.ts';
import { documentClient, freshTable } from '../support/dynamodb.ts';

const size = 2_000;
/** One entry in forty is about the record whose log is read. */
const recordId = 'busy-record';
const signer = logSignerFromJwk(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }));
const client = documentClient();
let tableName: string;
let head: LogHead = emptyHead();

/** A client that counts the items each read brings back, whatever the command. */
function counting(inner: DynamoDBDocumentClient) {
  const counter = { items: 0 };
  const wrapped = {
    async send(command: unknown) {
      const out = (await inner.send(command as never)) as {
        Items?: unknown[];
        Item?: unknown;
        Responses?: Record<string, unknown[]>;
      };
      counter.items +=
        (out.Items?.length ?? 0) +
        (out.Item ? 1 : 0) +
        Object.values(out.Responses ?? {}).reduce((sum, list) => sum + list.length, 0);
      return out;
    },
  };
  return { counter, client: wrapped as unknown as DynamoDBDocumentClient };
}

const event = (n: number): LogEvent => ({
  kind: 'value-report',
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  innovationId: n % 40 === 0 ? recordId : `record-${n}`,
  syndicateId: 'mill',
  reportId: `r${n}`,
  amount: '100',
  periodFrom: '2026-01-01',
  periodTo: '2026-01-02',
});

beforeAll(async () => {
  ({ tableName } = await freshTable());
  const items: Record<string, unknown>[] = [];
  for (let n = 0; n < size; n++) {
    const append = prepareAppend(head, event(n), new Date(Date.UTC(2026, 0, 1, 0, 0, n)), signer);
    items.push((logAppendItems(tableName, append)[0] as { Put: { Item: Record<string, unknown> } }).Put.Item);
    head = append.head;
  }
  const headItem = logAppendItems(tableName, { entry: {} as never, head, previousSize: 0 })[1] as {
    Put: { Item: Record<string, unknown> };
  };
  await batchWriteAll(
    client,
    tableName,
    [...items, headItem.Put.Item].map((Item) => ({ PutRequest: { Item } })),
  );
}, 120_000);

const deps = (registryLog: RegistryLogRepository) => ({ registryLog, logSigner: signer });
const bytes = (text: string) => fromBase64(text) ?? new Uint8Array();

describe('reading a registry log of 2,000 entries', () => {
  it('proves an entry from a few dozen stored hashes, never from every entry', async () => {
    for (const leafIndex of [0, 777, 1999]) {
      const { counter, client: counted } = counting(client);
      const proof = await inclusion(deps(createRegistryLogRepository(counted, tableName)), leafIndex);
      expect(
        verifyInclusion({
          leafIndex,
          treeSize: size,
          leafHash: bytes(proof.leafHash),
          proof: proof.auditPath.map(bytes),
          rootHash: bytes(head.rootHash),
        }),
      ).toBe(true);
      // The head, and at most 2 × 11 nodes for a tree of 2,000 (its depth is 11).
      expect(counter.items, `leaf ${leafIndex}`).toBeLessThanOrEqual(1 + 2 * 11);
    }
  });

  it('proves two sizes consistent from a few dozen stored hashes', async () => {
    const { counter, client: counted } = counting(client);
    const proof = await consistency(deps(createRegistryLogRepository(counted, tableName)), 1234, size);
    expect(
      verifyConsistency({
        oldSize: 1234,
        newSize: size,
        oldRoot: bytes(proof.firstHead.rootHash),
        newRoot: bytes(proof.secondHead.rootHash),
        proof: proof.proof.map(bytes),
      }),
    ).toBe(true);
    expect(counter.items).toBeLessThanOrEqual(3 + 2 * 11);
  });

  it('lists a record’s entries a page at a time, each proved, reading only that page and its nodes', async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { counter, client: counted } = counting(client);
      const page = await recordLog(deps(createRegistryLogRepository(counted, tableName)), recordId, {
        limit: 20,
        cursor,
      });
      expect(page.items.length).toBeLessThanOrEqual(20);
      expect(page.items.every((item) => item.included)).toBe(true);
      seen.push(...page.items.map((item) => item.entry.index));
      // The head, the page (and the one item past it that says there is more), and its proofs' nodes.
      expect(counter.items).toBeLessThanOrEqual(1 + 21 + 20 * 2 * 11);
      cursor = page.next;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(Array.from({ length: size / 40 }, (_, i) => i * 40));
    expect(pages).toBe(3);
  });

  it('still proves entries written before subtree hashes were kept, and gives them their hashes once', async () => {
    // As if the first 1,024 entries had been appended by the code before: no subtree hashes.
    const kept = new Map<number, unknown>();
    for (let index = 0; index < 1024; index++) {
      const removed = await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: logEntryLookup(index),
          UpdateExpression: 'REMOVE subtrees',
          ReturnValues: 'ALL_OLD',
        }),
      );
      kept.set(index, removed.Attributes?.subtrees);
    }
    const repository = createRegistryLogRepository(client, tableName);
    const proof = await inclusion(deps(repository), 1500);
    expect(
      verifyInclusion({
        leafIndex: 1500,
        treeSize: size,
        leafHash: bytes(proof.leafHash),
        proof: proof.auditPath.map(bytes),
        rootHash: bytes(head.rootHash),
      }),
    ).toBe(true);

    expect(await backfillSubtrees(client, tableName)).toEqual({ entries: size, written: 1024, done: false });
    for (const index of [0, 1, 511, 1023]) {
      expect((await repository.entry(index))?.subtrees, `entry ${index}`).toEqual(kept.get(index));
    }
    // Done: a second run (every local start runs one) reads its mark and walks nothing.
    const { counter, client: counted } = counting(client);
    expect(await backfillSubtrees(counted, tableName)).toEqual({ entries: size, written: 0, done: true });
    expect(counter.items).toBe(1);
  }, 60_000);
});
