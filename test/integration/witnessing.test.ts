// Two instances witness each other over HTTP on loopback, each with its own DynamoDB Local table and its
// own log key: B witnesses A; A appends records; B's run advances and cosigns, and A shows B's
// cosignature; then A serves a tampered head (another root at the same size, signed with A's key, as
// an attacker holding it would): B reports a fork, and both B's and A's APIs show it. A head signed with
// another key is refused as a bad signature, not a fork. Every fetch goes through the guarded fetch.
import { generateKeyPairSync, type JsonWebKey, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '#app/services.ts';
import type { Config } from '#config/config.ts';
import { witnessRun } from '#app/witness.ts';
import { createApi } from '#http/api.ts';
import { appendEvent } from '#domain/innovations/registry-log-use-cases.ts';
import type { LogEvent } from '#domain/innovations/log-events.ts';
import { emptyRootHash, toBase64 } from '#domain/registry-log/hashing.ts';
import { signTreeHead, type SignedTreeHead, treeHead } from '#domain/registry-log/tree-head.ts';
import { apiOnFreshTable, body } from '../support/api-client.ts';

interface Instance {
  host: string;
  services: Services;
  call: Awaited<ReturnType<typeof apiOnFreshTable>>['call'];
  key: JsonWebKey;
  /** Replaces what GET /api/registry-log/head answers, as one holding the instance's key could. */
  serveHead?: ((honest: { treeHead: SignedTreeHead; publicKey: JsonWebKey }) => unknown) | undefined;
  server: Server;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((done) => server.close(done));
});

/** An instance's API served over HTTP on loopback, as another instance reaches it. */
async function instance(): Promise<Instance> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const key = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  const { services, call } = await apiOnFreshTable(
    {},
    {
      PUBLIC_URL: `http://${host}`,
      FEDERATION_ALLOW_LOOPBACK: true,
      CREDENTIAL_SIGNING_KEY: key as Config['CREDENTIAL_SIGNING_KEY'],
    },
  );
  const router = createApi(services);
  const self: Instance = { host, services, call, key, server };
  server.on('request', (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const [path = '', rawQuery = ''] = (request.url ?? '/').split('?');
      const answer = await router.handle({
        method: request.method ?? 'GET',
        path,
        rawQuery,
        headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)])),
        body: chunks.length > 0 ? Buffer.concat(chunks).toString() : undefined,
        identity: null,
        requestId: randomUUID(),
      });
      let text = answer.body;
      if (self.serveHead && path === '/api/registry-log/head' && text) {
        text = JSON.stringify(self.serveHead(JSON.parse(text)));
      }
      response.writeHead(answer.status, answer.headers);
      response.end(text);
    });
  });
  return self;
}

const record = (n: number): LogEvent => ({
  kind: 'value-report',
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  innovationId: `record-${n}`,
  syndicateId: 'mill',
  reportId: `r${n}`,
  amount: '100',
  periodFrom: '2026-01-01',
  periodTo: '2026-01-02',
});
async function appendRecords(at: Instance, from: number, count: number) {
  for (let n = from; n < from + count; n++) await appendEvent(at.services, record(n));
}

describe('B witnessing A’s registry log', () => {
  it('cosigns A’s heads as they grow, reports a tampered head as a fork, and both show it', async () => {
    const [a, b] = [await instance(), await instance()];
    await appendRecords(a, 0, 3);

    // A steward of B adds A: A's head is fetched and its key pinned.
    const added = await b.call('PUT', `/api/federation/witnessed-logs/${a.host}`, 'steward');
    expect(added.status).toBe(200);
    const { d: _private, ...aPublic } = a.key;
    expect(body(added).publicKey).toMatchObject({ kty: 'OKP', crv: 'Ed25519', x: aPublic.x });

    expect(await witnessRun(b.services)).toEqual(new Map([[a.host, 'advanced']]));
    await appendRecords(a, 3, 4);
    expect(await witnessRun(b.services)).toEqual(new Map([[a.host, 'advanced']]));

    // B publishes its statement; A shows B's cosignature of its current head.
    const statements = body(await b.call('GET', '/api/registry-log/witnesses', null)).items;
    expect(statements).toEqual([
      expect.objectContaining({ origin: a.host, cosignature: expect.objectContaining({ treeSize: 7 }) }),
    ]);
    const cosignatures = body(await a.call('GET', '/api/registry-log/cosignatures', null));
    expect(cosignatures).toMatchObject({ treeSize: 7, items: [{ witness: b.host, treeSize: 7 }] });
    expect(body(await a.call('GET', '/api/registry-log/cosignatures?treeSize=3', null)).items).toHaveLength(1);
    expect(body(await a.call('GET', '/api/registry-log/forks', null)).items).toEqual([]);

    // One holding A's key serves another root at the same size.
    a.serveHead = (honest) => ({
      ...honest,
      treeHead: signTreeHead(
        treeHead(
          7,
          emptyRootHash().map((byte) => byte ^ 1),
          honest.treeHead.timestamp + 1,
        ),
        a.key,
      ),
    });
    expect(await witnessRun(b.services)).toEqual(new Map([[a.host, 'forked']]));

    const onB = body(await b.call('GET', '/api/federation/witnessed-logs', null)).items;
    expect(onB).toEqual([
      expect.objectContaining({ host: a.host, fork: expect.objectContaining({ reason: 'same-size-different-root' }) }),
    ]);
    const onA = body(await a.call('GET', '/api/registry-log/forks', null)).items;
    expect(onA).toEqual([expect.objectContaining({ witness: b.host, reason: 'same-size-different-root' })]);
  }, 60_000);

  it('refuses a head signed with another key as a bad signature, not a fork', async () => {
    const [a, b] = [await instance(), await instance()];
    await appendRecords(a, 0, 2);
    expect((await b.call('PUT', `/api/federation/witnessed-logs/${a.host}`, 'steward')).status).toBe(200);
    await witnessRun(b.services);
    const stranger = generateKeyPairSync('ed25519').privateKey;
    a.serveHead = (honest) => ({
      ...honest,
      treeHead: signTreeHead(treeHead(2, emptyRootHash(), 1), stranger),
    });
    expect(await witnessRun(b.services)).toEqual(new Map([[a.host, 'bad-signature']]));
    const [log] = body(await b.call('GET', '/api/federation/witnessed-logs', null)).items;
    expect(log.fork).toBeUndefined();
    expect(log.lastHead.treeSize).toBe(2);
    expect(body(await a.call('GET', '/api/registry-log/forks', null)).items).toEqual([]);
  }, 60_000);

  it('refuses a report not signed by the witness’s published key', async () => {
    const [a, b] = [await instance(), await instance()];
    await appendRecords(a, 0, 1);
    const head = body(await a.call('GET', '/api/registry-log/head', null)).treeHead;
    const forged = await a.call('POST', '/api/registry-log/cosignatures', null, {
      kind: 'cosignature',
      witness: b.host,
      treeSize: 1,
      rootHash: head.rootHash,
      time: 1,
      signature: toBase64(new Uint8Array(64)),
    });
    expect(forged.status).toBe(422);
    expect(body(forged).detail).toMatch(/signature/i);
    expect(body(await a.call('GET', '/api/registry-log/cosignatures', null)).items).toEqual([]);
  }, 60_000);
});
