// Remote registry logs for the API worlds: `.example` hosts (RFC 2606, never resolved) are instances
// served from memory, each a log of one entry signed with one key, taking every statement sent to it;
// any other host is reached for real, through the guarded fetch, as the services would.
import { generateKeyPairSync } from 'node:crypto';
import { createRemoteLogs } from '#adapters/activitypub/remote-logs.ts';
import { guardedFetch } from '#adapters/activitypub/guarded-fetch.ts';
import type { Config } from '#config/config.ts';
import type { RemoteLogs } from '#domain/federation/witnessing.ts';
import { leafHash, toBase64 } from '#domain/registry-log/hashing.ts';
import { signTreeHead } from '#domain/registry-log/tree-head.ts';
import { signStatement, type WitnessStatement } from '#domain/registry-log/witness.ts';
import { reportOf, type WitnessReport } from '#domain/federation/witness-reports.ts';

/** The one key every `.example` instance signs with: its log's heads and its witness statements. */
const exampleKeys = generateKeyPairSync('ed25519');

/** A report from the `.example` instance `witness` about the log at `origin`, signed as it would sign it. */
export function exampleWitnessReport(statement: WitnessStatement, witness: string): WitnessReport {
  return reportOf(statement, signStatement(statement, exampleKeys.privateKey), witness);
}

export function exampleRemoteLogs(config: Pick<Config, 'PUBLIC_URL' | 'FEDERATION_ALLOW_LOOPBACK'>): RemoteLogs {
  const loopback = config.FEDERATION_ALLOW_LOOPBACK === true;
  const real = createRemoteLogs({
    fetch: guardedFetch({ allowLoopback: loopback, maxBytes: 64 * 1024, timeoutMs: 5_000 }),
    ownHost: new URL(config.PUBLIC_URL).host,
    scheme: loopback ? 'http' : 'https',
  });
  const { privateKey, publicKey } = exampleKeys;
  const head = signTreeHead(
    { treeSize: 1, rootHash: toBase64(leafHash(new TextEncoder().encode('entry-0'))), timestamp: 1_790_000_000_000 },
    privateKey,
  );
  const isExample = (host: string) => /\.example(?::\d+)?$/.test(host);
  return {
    head: async (host) =>
      isExample(host) ? { treeHead: head, publicKey: publicKey.export({ format: 'jwk' }) } : real.head(host),
    consistency: async (host, first, second) => (isExample(host) ? [] : real.consistency(host, first, second)),
    deliver: async (host, statement, signature) =>
      isExample(host) ? undefined : real.deliver(host, statement, signature),
  };
}
