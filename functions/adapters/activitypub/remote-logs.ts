// Other instances' registry logs over HTTP, for witnessing (domain/federation/witnessing.ts): each call
// goes through the guarded fetch (its address policy, size and time limits), and every answer is parsed
// before the domain sees it. Any failure (refused, too big, too slow, not a registry log) is one
// RemoteLogError naming what went wrong, so a run notes it and goes on.
import * as z from 'zod/mini';
import { RemoteLogError, type RemoteLogs } from '#domain/federation/witnessing.ts';
import { reportOf } from '#domain/federation/witness-reports.ts';
import type { GuardedFetch } from './guarded-fetch.ts';

const signedHead = () =>
  z.object({ treeSize: z.number(), rootHash: z.string(), timestamp: z.number(), signature: z.string() });
const headAnswer = () =>
  z.object({
    treeHead: signedHead(),
    publicKey: z.looseObject({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string() }),
  });
const consistencyAnswer = () => z.object({ proof: z.array(z.string()).check(z.maxLength(128)) });

export interface RemoteLogOptions {
  fetch: GuardedFetch;
  /** This instance's host: the witness a statement it sends names. */
  ownHost: string;
  /** `http` only where loopback is allowed (tests, the local stack); `https` everywhere else. */
  scheme: 'https' | 'http';
}

export function createRemoteLogs({ fetch, ownHost, scheme }: RemoteLogOptions): RemoteLogs {
  async function call(host: string, path: string, init?: { method: string; body: string }) {
    const url = `${scheme}://${host}${path}`;
    let response: Response;
    try {
      response = await fetch(
        new Request(url, {
          method: init?.method ?? 'GET',
          headers: { accept: 'application/json', ...(init ? { 'content-type': 'application/json' } : {}) },
          ...(init ? { body: init.body } : {}),
        }),
      );
    } catch (error) {
      throw new RemoteLogError(error instanceof Error ? error.message : String(error), { cause: error });
    }
    if (!response.ok) throw new RemoteLogError(`${url} answered ${response.status}`);
    try {
      return (await response.json()) as unknown;
    } catch (error) {
      throw new RemoteLogError(`${url} did not answer JSON`, { cause: error });
    }
  }
  function parsed<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
    const result = schema.safeParse(value);
    if (!result.success) throw new RemoteLogError(`${what} is not a registry log’s answer`);
    return result.data;
  }
  return {
    async head(host) {
      return parsed(headAnswer(), await call(host, '/api/registry-log/head'), `${host}’s head`);
    },
    async consistency(host, first, second) {
      const answer = await call(host, `/api/registry-log/proofs/consistency?first=${first}&second=${second}`);
      return parsed(consistencyAnswer(), answer, `${host}’s consistency proof`).proof;
    },
    async deliver(host, statement, signature) {
      await call(host, '/api/registry-log/cosignatures', {
        method: 'POST',
        body: JSON.stringify(reportOf(statement, signature, ownHost)),
      });
    },
  };
}
