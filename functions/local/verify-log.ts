// `npm run verify-log`: audits the registry log end to end and says where it breaks (exit code 1).
//
//   DYNAMODB_ENDPOINT=http://127.0.0.1:PORT npm run verify-log     reads the table directly
//   npm run verify-log -- --url http://localhost:3000               reads a running instance's API
//
// Table mode reads TABLE_NAME (default `guildhall`) at DYNAMODB_ENDPOINT: the DynamoDB Local endpoint
// `npm start` prints, or AWS's with the usual credentials. The public key comes from `--key <file>`
// (a JWK), else CREDENTIAL_SIGNING_KEY, else the local stack's key in .cache/instance-key/; in URL
// mode, without --key, the key the instance publishes is used (which checks consistency, not identity).
import { existsSync, readFileSync } from 'node:fs';
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { createInnovationRepository } from '#adapters/dynamodb/innovation-repository.ts';
import { createRegistryLogRepository } from '#adapters/dynamodb/registry-log-repository.ts';
import { type AuditResult, auditLog, describeAudit, versionKey } from '#domain/innovations/audit-log.ts';
import type { InnovationVersion } from '#domain/innovations/innovation.ts';
import type { StoredLogEntry } from '#domain/innovations/log-head.ts';
import { auditStore } from '#domain/innovations/registry-log-use-cases.ts';
import type { SignedTreeHead } from '#domain/registry-log/tree-head.ts';

const root = resolve(import.meta.dirname, '../..');

/** The public half of a JWK that may hold a private key. */
export function publicJwkOf(jwk: JsonWebKey): JsonWebKey {
  return createPublicKey({ key: jwk, format: 'jwk' }).export({ format: 'jwk' });
}

export async function verifyTable(options: {
  endpoint?: string | undefined;
  tableName: string;
  publicKey: JsonWebKey;
}) {
  // A command run by hand, under no function's deadline: a slow store is waited for, not refused.
  const client = createDocumentClient({
    region: process.env.AWS_REGION ?? 'eu-west-1',
    endpoint: options.endpoint,
    timeoutMs: 30_000,
  });
  const deps = {
    registryLog: createRegistryLogRepository(client, options.tableName),
    innovations: createInnovationRepository(client, options.tableName),
  };
  try {
    return await auditStore(deps, options.publicKey);
  } finally {
    client.destroy();
  }
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/**
 * Reads a running instance's log in windows of `window` entries (the API's most is 1,000) and every
 * published version, following the registry's cursor `pageSize` records at a time.
 */
export async function verifyRemote(baseUrl: string, pinnedKey?: JsonWebKey, { window = 1000, pageSize = 100 } = {}) {
  const head = await getJson<{ treeHead: SignedTreeHead; publicKey: JsonWebKey }>(`${baseUrl}/api/registry-log/head`);
  const entries: StoredLogEntry[] = [];
  while (entries.length < head.treeHead.treeSize) {
    const page = await getJson<{ items: StoredLogEntry[] }>(
      `${baseUrl}/api/registry-log/entries?start=${entries.length}&end=${Math.min(head.treeHead.treeSize, entries.length + window)}`,
    );
    if (page.items.length === 0) break;
    entries.push(...page.items);
  }
  const versions = new Map<string, InnovationVersion>();
  let cursor: string | undefined;
  do {
    const list: { items: Array<{ id: string }>; next?: string } = await getJson(
      `${baseUrl}/api/innovations?pageSize=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    for (const { id } of list.items) {
      const view = await getJson<{ published: InnovationVersion[] }>(`${baseUrl}/api/innovations/${id}`);
      for (const version of view.published) versions.set(versionKey(version), version);
    }
    cursor = list.next;
  } while (cursor);
  return { result: auditLog(entries, head.treeHead, pinnedKey ?? head.publicKey, versions), treeHead: head.treeHead };
}

function localKey(keyFile?: string): JsonWebKey | undefined {
  if (keyFile) return publicJwkOf(JSON.parse(readFileSync(keyFile, 'utf8')) as JsonWebKey);
  if (process.env.CREDENTIAL_SIGNING_KEY) return publicJwkOf(JSON.parse(process.env.CREDENTIAL_SIGNING_KEY));
  const cached = join(root, '.cache/instance-key/ed25519.json');
  return existsSync(cached) ? publicJwkOf(JSON.parse(readFileSync(cached, 'utf8')) as JsonWebKey) : undefined;
}

async function main() {
  const { values } = parseArgs({
    options: { url: { type: 'string' }, key: { type: 'string' }, table: { type: 'string' } },
  });
  const started = performance.now();
  let outcome: { result: AuditResult; treeHead: SignedTreeHead };
  if (values.url) {
    outcome = await verifyRemote(values.url.replace(/\/+$/, ''), values.key ? localKey(values.key) : undefined);
  } else {
    const endpoint = process.env.DYNAMODB_ENDPOINT;
    const publicKey = localKey(values.key);
    if (!endpoint && !process.env.AWS_REGION) {
      console.error('Set DYNAMODB_ENDPOINT (the DynamoDB Local endpoint `npm start` prints), or pass --url.');
      process.exitCode = 2;
      return;
    }
    if (!publicKey) {
      console.error('No public key: pass --key <jwk file> or set CREDENTIAL_SIGNING_KEY.');
      process.exitCode = 2;
      return;
    }
    outcome = await verifyTable({
      endpoint,
      tableName: values.table ?? process.env.TABLE_NAME ?? 'guildhall',
      publicKey,
    });
  }
  const { result, treeHead } = outcome;
  console.log(
    `tree head: size ${treeHead.treeSize}, root ${treeHead.rootHash}, time ${new Date(treeHead.timestamp).toISOString()}`,
  );
  console.log(
    `${result.ok ? 'OK' : 'FAILED'}: ${describeAudit(result)} (${Math.round(performance.now() - started)} ms)`,
  );
  if (!result.ok) process.exitCode = 1;
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  });
}
