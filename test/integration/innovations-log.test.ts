// The registry log as an auditor sees it: proofs served by the API check out against the signed heads,
// and changing any stored item makes verification fail and name where.
import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiRoutes } from '#http/api.ts';
import { createApiHandler } from '#http/api-handler.ts';
import { compileRoutes } from '#http/router.ts';
import { createGateway } from '#local/gateway.ts';
import { createLogger } from '#platform/log.ts';
import { innovationVersionKeys, logEntryLookup, logHeadKeys } from '#adapters/dynamodb/keys.ts';
import type { Services } from '#app/services.ts';
import { describeAudit } from '#domain/innovations/audit-log.ts';
import { fromBase64, leafHash, toBase64 } from '#domain/registry-log/hashing.ts';
import { verifyTreeHead } from '#domain/registry-log/tree-head.ts';
import { verifyConsistency, verifyInclusion } from '#domain/registry-log/verify-proofs.ts';
import { verifyRemote, verifyTable } from '#local/verify-log.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';
import { documentClient, localEndpoint } from '../support/dynamodb.ts';
import { draftInput, reportInput, syndicateInput } from '../unit/innovations/fixtures.ts';
import { createPeople } from '../support/innovation-world.ts';

let call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
let services: Services;
let recordId: string;
let otherId: string;
const bytes = (text: string) => fromBase64(text) as Uint8Array;

// Six entries: publish, adoption, value report, the steward's credit grant to the mill, settlement, publish.
beforeEach(async () => {
  ({ call, services } = await apiOnFreshTable());
  await createPeople(services, ['ana', 'admin']);
  await call('POST', '/api/syndicates', 'admin', syndicateInput('mill'));
  recordId = String(body(await call('POST', '/api/innovations', 'ana', draftInput([{ personId: 'ana' }]))).record.id);
  await call('POST', `/api/innovations/${recordId}/publication`, 'ana');
  await call('PUT', `/api/innovations/${recordId}/adoptions/mill`, 'admin', { implementers: [{ personId: 'admin' }] });
  const report = body(
    await call('POST', `/api/innovations/${recordId}/adoptions/mill/reports`, 'admin', reportInput(900)),
  );
  await call('PUT', '/api/syndicates/mill/credit-limit', 'steward', {
    credit: 100_000,
    reason: 'The members agreed a starting credit for the mill.',
  });
  await call('PUT', `/api/innovations/${recordId}/reports/${report.report.id}/decision`, 'ana', {
    decision: 'confirm',
  });
  otherId = String(body(await call('POST', '/api/innovations', 'ana', draftInput([{ personId: 'ana' }]))).record.id);
  await call('POST', `/api/innovations/${otherId}/publication`, 'ana');
});

const verify = () =>
  verifyTable({
    endpoint: localEndpoint(),
    tableName: services.config.TABLE_NAME,
    publicKey: services.logSigner.publicJwk,
  });

async function storedEntry(index: number) {
  const entry = await services.registryLog.entry(index);
  if (!entry) throw new Error(`no entry ${index}`);
  return entry;
}

async function setAttribute(key: { pk: string; sk: string }, name: string, value: unknown) {
  const client = documentClient();
  await client.send(
    new UpdateCommand({
      TableName: services.config.TABLE_NAME,
      Key: key,
      UpdateExpression: 'SET #name = :value',
      ExpressionAttributeNames: { '#name': name },
      ExpressionAttributeValues: { ':value': value },
    }),
  );
  client.destroy();
}

describe('proofs served by the API', () => {
  it('serves a signed head that verifies with the published key', async () => {
    const { treeHead, publicKey } = body(await call('GET', '/api/registry-log/head', null));
    expect(treeHead.treeSize).toBe(6);
    expect(verifyTreeHead(treeHead, publicKey)).toBe(true);
  });

  it('proves every entry is included in the current tree', async () => {
    for (let leafIndex = 0; leafIndex < 6; leafIndex++) {
      const proof = body(await call('GET', `/api/registry-log/proofs/inclusion?leafIndex=${leafIndex}`, null));
      const [entry] = body(
        await call('GET', `/api/registry-log/entries?start=${leafIndex}&end=${leafIndex + 1}`, null),
      ).items;
      expect(proof.leafHash).toBe(toBase64(leafHash(new TextEncoder().encode(entry.data))));
      const claim = {
        leafIndex,
        treeSize: 6,
        leafHash: bytes(proof.leafHash),
        proof: proof.auditPath.map(bytes),
        rootHash: bytes(proof.treeHead.rootHash),
      };
      expect(verifyInclusion(claim), `entry ${leafIndex}`).toBe(true);
    }
    expect((await call('GET', '/api/registry-log/proofs/inclusion?leafIndex=6', null)).status).toBe(422);
  });

  it('proves each earlier head is a prefix of the current one', async () => {
    for (let first = 1; first <= 6; first++) {
      const proof = body(await call('GET', `/api/registry-log/proofs/consistency?first=${first}&second=6`, null));
      expect(verifyTreeHead(proof.firstHead, services.logSigner.publicJwk)).toBe(true);
      const claim = {
        oldSize: first,
        newSize: 6,
        oldRoot: bytes(proof.firstHead.rootHash),
        newRoot: bytes(proof.secondHead.rootHash),
        proof: proof.proof.map(bytes),
      };
      expect(verifyConsistency(claim), `from ${first}`).toBe(true);
    }
  });

  it('lists a record’s entries with their inclusion checked', async () => {
    const log = body(await call('GET', `/api/innovations/${recordId}/log`, null));
    const entries = log.items as Array<{ entry: { index: number; kind: string }; included: boolean }>;
    expect(entries.map((e) => [e.entry.index, e.entry.kind, e.included])).toEqual([
      [0, 'publish', true],
      [1, 'adoption', true],
      [2, 'value-report', true],
      [4, 'settlement', true],
    ]);
  });
});

describe('tamper evidence', () => {
  it('verifies the untouched log end to end', async () => {
    const { result } = await verify();
    expect(result).toMatchObject({ ok: true, treeSize: 6 });
  });

  it('names the entry whose bytes were changed', async () => {
    const entry = await storedEntry(4);
    await setAttribute(logEntryLookup(4), 'data', entry.data.replace('"value":"900"', '"value":"9000"'));
    const { result } = await verify();
    expect(result).toMatchObject({ ok: false, problem: 'leaf-mismatch', index: 4 });
    expect(describeAudit(result)).toContain('Entry 4 was changed');
  });

  it('names the entry rewritten together with its leaf hash', async () => {
    const entry = await storedEntry(2);
    const data = entry.data.replace('"amount":"900"', '"amount":"90"');
    await setAttribute(logEntryLookup(2), 'data', data);
    await setAttribute(logEntryLookup(2), 'leafHash', toBase64(leafHash(new TextEncoder().encode(data))));
    const { result } = await verify();
    expect(result).toMatchObject({ ok: false, problem: 'history-rewritten', index: 2 });
  });

  it('notices a published version edited in place', async () => {
    await setAttribute(innovationVersionKeys(recordId, 1), 'title', 'A quietly different title');
    const { result } = await verify();
    expect(result).toMatchObject({
      ok: false,
      problem: 'version-mismatch',
      index: 0,
      innovationId: recordId,
      version: 1,
    });
  });

  it('notices a head that was rolled back or forged', async () => {
    await setAttribute(logHeadKeys, 'treeSize', 5);
    expect((await verify()).result).toMatchObject({ ok: false, problem: 'bad-signature' });
  });
});

describe('npm run verify-log -- --url', () => {
  /** Serves this test's API over HTTP through the local gateway, as `npm start` does, for the length of `use`. */
  async function overHttp<T>(use: (origin: string) => Promise<T>): Promise<T> {
    const server = createGateway({
      api: createApiHandler({ routes: apiRoutes, telemetry: services.telemetry, services: async () => services }),
      apiRoutes: compileRoutes(apiRoutes),
      verifyToken: async () => {
        throw new Error('no token is valid here');
      },
      log: createLogger('silent', 'gateway'),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      return await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('verifies a running instance through its API, reading the log in windows and the registry page by page', async () => {
    // Windows of 2 entries and pages of 1 record: three windows and two pages, so the cursor is followed.
    const { result, treeHead } = await overHttp((origin) =>
      verifyRemote(origin, services.logSigner.publicJwk, { window: 2, pageSize: 1 }),
    );
    expect(treeHead.treeSize).toBe(6);
    expect(result).toMatchObject({ ok: true, treeSize: 6 });
  });

  it('names a changed entry read through the API, as it does reading the table', async () => {
    const entry = await storedEntry(4);
    await setAttribute(logEntryLookup(4), 'data', entry.data.replace('"value":"900"', '"value":"9000"'));
    const { result } = await overHttp((origin) => verifyRemote(origin, undefined, { window: 4 }));
    expect(result).toMatchObject({ ok: false, problem: 'leaf-mismatch', index: 4 });
  });

  it('notices a published version edited in place wherever it is in the registry’s pages', async () => {
    const [first, second] = await overHttp(async (origin) => {
      const page = (await (await fetch(`${origin}/api/innovations?pageSize=1`)).json()) as { items: [{ id: string }] };
      return [page.items[0].id, page.items[0].id === recordId ? otherId : recordId];
    });
    // The record the registry lists second, read only by following the first page's cursor.
    await setAttribute(innovationVersionKeys(second, 1), 'title', 'A quietly different title');
    const { result } = await overHttp((origin) => verifyRemote(origin, undefined, { pageSize: 1 }));
    expect(first).not.toBe(second);
    expect(result).toMatchObject({ ok: false, problem: 'version-mismatch', innovationId: second, version: 1 });
  });

  it('refuses heads signed by another key when the key is pinned', async () => {
    const { result } = await overHttp((origin) =>
      verifyRemote(origin, generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' })),
    );
    expect(result).toMatchObject({ ok: false, problem: 'bad-signature' });
  });
});
