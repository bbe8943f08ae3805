// B witnesses A's registry log, over real trees and real keys, with the network between them replaced
// by direct calls: a steward of B adds A (pinning A's key), B's runs advance and cosign as A's log grows,
// A keeps B's cosignatures after checking them against B's published key; a head of A's tampered by one
// holding A's key is a fork on B and, reported, on A; a badly signed head is refused, not a fork.
import { generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ForbiddenError, RuleViolationError, ValidationError } from '#domain/errors.ts';
import { receiveWitnessReport, reportOf, type WitnessReport } from '#domain/federation/witness-reports.ts';
import {
  RemoteLogError,
  type RemoteLogs,
  runWitness,
  unwitnessLog,
  witnessLog,
} from '#domain/federation/witnessing.ts';
import { toBase64 } from '#domain/registry-log/hashing.ts';
import { consistencyProof, rootFromLeafHashes } from '#domain/registry-log/merkle-tree.ts';
import { type SignedTreeHead, signTreeHead, treeHead } from '#domain/registry-log/tree-head.ts';
import { signStatement, verifyStatement } from '#domain/registry-log/witness.ts';
import { memoryWitnessedLogs, memoryWitnessReports } from '../../support/memory-witness.ts';
import { flipBit, leafHashesOf } from '../registry-log/helpers.ts';

const jwk = (key: { export(options: { format: 'jwk' }): JsonWebKey }) => key.export({ format: 'jwk' });
const steward = { personId: 'steward' };
/** The time a run signs at, in seconds: the world's clock. */
const runTime = Date.parse('2026-12-07T06:40:00Z') / 1000;

/** Instance A: an honest log that grows, and what it serves, which an attacker may replace. */
function instanceA() {
  const keys = generateKeyPairSync('ed25519');
  const leaves = leafHashesOf(64);
  let size = 0;
  let clock = 1_790_000_000_000;
  const heads: SignedTreeHead[] = [];
  const sign = (treeSize: number, root: Uint8Array) => signTreeHead(treeHead(treeSize, root, ++clock), keys.privateKey);
  let served: (() => SignedTreeHead) | undefined;
  const reports = memoryWitnessReports();
  return {
    keys,
    reports,
    append(count: number) {
      for (let i = 0; i < count; i++) {
        size++;
        heads[size] = sign(size, rootFromLeafHashes(leaves.slice(0, size)));
      }
    },
    /** What a holder of A's key serves in place of the honest head: same size, another last entry. */
    tamper() {
      const other = leaves.slice(0, size);
      other[size - 1] = flipBit(other[size - 1] as Uint8Array, 1);
      const forged = sign(size, rootFromLeafHashes(other));
      served = () => forged;
    },
    serveBadlySigned() {
      const forged = signTreeHead(
        treeHead(size + 1, rootFromLeafHashes(leaves.slice(0, size + 1)), ++clock),
        generateKeyPairSync('ed25519').privateKey,
      );
      served = () => forged;
    },
    servedHead: (): SignedTreeHead =>
      served?.() ??
      heads[size] ?? { treeSize: 0, rootHash: toBase64(rootFromLeafHashes([])), timestamp: 0, signature: '' },
    proof: (first: number, second: number) =>
      consistencyProof(first, second, (index) => leaves[index] as Uint8Array).map(toBase64),
    ownLog: {
      headOfSize: async (treeSize: number) => heads[treeSize] ?? null,
      size: async () => size,
      consistencyProof: async (first: number, second: number) =>
        consistencyProof(first, second, (index) => leaves[index] as Uint8Array).map(toBase64),
      publicKey: jwk(keys.publicKey),
    },
  };
}

function world({ reachable = true } = {}) {
  const a = instanceA();
  const bKeys = generateKeyPairSync('ed25519');
  const delivered: WitnessReport[] = [];
  const now = () => new Date('2026-12-07T06:40:00Z');
  const aWarnings: string[] = [];
  const aDeps = () => ({
    log: { warn: (message: string) => void aWarnings.push(message) },
    witnessReports: a.reports,
    remoteLogs: {
      head: async (host: string) => ({
        treeHead: a.servedHead(),
        publicKey: host === 'b.example' ? jwk(bKeys.publicKey) : {},
      }),
    },
    ownLog: a.ownLog,
    ownHost: 'a.example',
    now,
  });
  const remoteLogs: RemoteLogs = {
    head: async (host) => {
      if (!reachable) throw new RemoteLogError('connection refused');
      if (host !== 'a.example') throw new RemoteLogError('not found');
      return { treeHead: a.servedHead(), publicKey: jwk(a.keys.publicKey) };
    },
    consistency: async (_host, first, second) => a.proof(first, second),
    deliver: async (_host, statement, signature) => {
      const report = reportOf(statement, signature, 'b.example');
      delivered.push(report);
      await receiveWitnessReport(aDeps(), report);
    },
  };
  const witnessedLogs = memoryWitnessedLogs();
  const warnings: string[] = [];
  const b = {
    config: { STEWARDS: ['steward'] },
    ledger: { stewardRemovals: async () => [] },
    witnessedLogs,
    remoteLogs,
    logSigner: {
      signStatement: (statement: Parameters<typeof signStatement>[0]) => signStatement(statement, bKeys.privateKey),
    },
    ownHost: 'b.example',
    now,
    log: { warn: (message: string) => void warnings.push(message) },
  };
  return { a, b, bKeys, aDeps, delivered, witnessedLogs, warnings, aWarnings };
}

describe('choosing the logs to witness', () => {
  it('pins the key the log serves when a steward adds it, and keeps it pinned when added again', async () => {
    const w = world();
    w.a.append(3);
    const added = await witnessLog(w.b, steward, 'a.example');
    expect(added).toMatchObject({ host: 'a.example', publicKey: jwk(w.a.keys.publicKey), addedBy: 'steward' });
    expect(added.lastHead).toBeUndefined();
    // The key A serves later is not followed: the first one stays.
    const again = await witnessLog(
      {
        ...w.b,
        remoteLogs: {
          ...w.b.remoteLogs,
          head: async () => ({ treeHead: w.a.servedHead(), publicKey: jwk(generateKeyPairSync('ed25519').publicKey) }),
        },
      },
      steward,
      'a.example',
    );
    expect(again.publicKey).toEqual(jwk(w.a.keys.publicKey));
    expect(w.witnessedLogs.all()).toHaveLength(1);
  });

  it('lets only a steward add or remove a log, refuses its own host, and names the host it cannot reach', async () => {
    const w = world();
    await expect(witnessLog(w.b, { personId: 'someone' }, 'a.example')).rejects.toThrow(ForbiddenError);
    await expect(witnessLog(w.b, steward, 'b.example')).rejects.toThrow(RuleViolationError);
    const refusal = await witnessLog(w.b, steward, 'nowhere.example').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).issues).toMatchObject([
      { field: 'path.host', message: expect.stringContaining('nowhere.example') },
    ]);
    expect(w.witnessedLogs.all()).toEqual([]);

    await witnessLog(w.b, steward, 'a.example');
    await expect(unwitnessLog(w.b, { personId: 'someone' }, 'a.example')).rejects.toThrow(ForbiddenError);
    expect(await unwitnessLog(w.b, steward, 'a.example')).toEqual({ host: 'a.example' });
    expect(w.witnessedLogs.all()).toEqual([]);
  });
});

describe('a witness run', () => {
  it('advances with A’s log and cosigns each head; A keeps the cosignature after checking it', async () => {
    const w = world();
    w.a.append(5);
    await witnessLog(w.b, steward, 'a.example');
    expect(await runWitness(w.b)).toEqual(new Map([['a.example', 'advanced']]));
    w.a.append(6);
    expect(await runWitness(w.b)).toEqual(new Map([['a.example', 'advanced']]));

    const [log] = w.witnessedLogs.all();
    expect(log?.lastHead).toEqual(w.a.servedHead());
    expect(log?.cosignature).toMatchObject({ treeSize: 11, rootHash: w.a.servedHead().rootHash, time: runTime });
    const statement = {
      kind: 'cosignature' as const,
      origin: 'a.example',
      head: { treeSize: 11, rootHash: w.a.servedHead().rootHash },
      time: runTime,
    };
    expect(verifyStatement(statement, log?.cosignature?.signature ?? '', w.bKeys.publicKey)).toBe(true);

    // A shows B's cosignatures of both heads it saw.
    expect((await w.a.reports.cosignatures(11, { limit: 10 })).items).toEqual([
      expect.objectContaining({ witness: 'b.example', treeSize: 11 }),
    ]);
    expect((await w.a.reports.cosignatures(5, { limit: 10 })).items).toHaveLength(1);
    expect((await w.a.reports.forks({ limit: 10 })).items).toEqual([]);
  });

  it('reports a tampered head of A as a fork on B, and A keeps B’s report', async () => {
    const w = world();
    w.a.append(4);
    await witnessLog(w.b, steward, 'a.example');
    await runWitness(w.b);
    w.a.tamper();
    expect(await runWitness(w.b)).toEqual(new Map([['a.example', 'forked']]));

    const [log] = w.witnessedLogs.all();
    expect(log?.fork).toMatchObject({
      reason: 'same-size-different-root',
      seen: await w.a.ownLog.headOfSize(4),
      served: w.a.servedHead(),
    });
    expect(log?.lastHead).toEqual(await w.a.ownLog.headOfSize(4));
    expect(w.warnings).toEqual(['registry-log fork']);
    // A logs the report it kept at warn too: the line its alarm counts.
    expect(w.aWarnings).toEqual(['registry-log fork reported']);
    expect((await w.a.reports.forks({ limit: 10 })).items).toEqual([
      expect.objectContaining({ witness: 'b.example', reason: 'same-size-different-root', served: w.a.servedHead() }),
    ]);
    // A forked log is left as it stands: later runs do not move it.
    expect(await runWitness(w.b)).toEqual(new Map());
  });

  it('refuses a head not signed with the pinned key as a bad signature, not a fork, and says so', async () => {
    const w = world();
    w.a.append(2);
    await witnessLog(w.b, steward, 'a.example');
    await runWitness(w.b);
    w.a.serveBadlySigned();
    expect(await runWitness(w.b)).toEqual(new Map([['a.example', 'bad-signature']]));
    const [log] = w.witnessedLogs.all();
    expect(log?.fork).toBeUndefined();
    expect(log?.lastHead?.treeSize).toBe(2);
    expect(log?.problem).toMatch(/not signed by its pinned key/);
    expect((await w.a.reports.forks({ limit: 10 })).items).toEqual([]);
  });

  it('notes an unreachable log and goes on', async () => {
    const w = world({ reachable: true });
    w.a.append(1);
    await witnessLog(w.b, steward, 'a.example');
    const down = {
      ...w.b,
      remoteLogs: { ...w.b.remoteLogs, head: async () => Promise.reject(new RemoteLogError('timed out')) },
    };
    expect(await runWitness(down)).toEqual(new Map([['a.example', 'unreachable']]));
    expect(w.witnessedLogs.all()[0]?.problem).toBe('unreachable: timed out');
    expect(await runWitness(w.b)).toEqual(new Map([['a.example', 'advanced']]));
    expect(w.witnessedLogs.all()[0]?.problem).toBeUndefined();
  });

  it('looks at no more logs than its limit in one run', async () => {
    const w = world();
    w.a.append(1);
    for (const host of ['a.example', 'c.example', 'd.example']) {
      await w.witnessedLogs.add({
        host,
        publicKey: jwk(w.a.keys.publicKey),
        addedBy: 'steward',
        addedAt: '2026-12-07T00:00:00Z',
      });
    }
    expect((await runWitness(w.b, 2)).size).toBe(2);
  });
});

describe('A receiving a witness report', () => {
  const statementFor = (w: ReturnType<typeof world>, treeSize: number) => ({
    kind: 'cosignature' as const,
    origin: 'a.example',
    head: { treeSize, rootHash: (w.a.servedHead() as SignedTreeHead).rootHash },
    time: 100,
  });

  it('refuses a cosignature not signed by the witness’s published key, or of a root it never had', async () => {
    const w = world();
    w.a.append(3);
    const forged = reportOf(
      statementFor(w, 3),
      signStatement(statementFor(w, 3), generateKeyPairSync('ed25519').privateKey),
      'b.example',
    );
    const refusal = await receiveWitnessReport(w.aDeps(), forged).catch((error: unknown) => error);
    expect((refusal as ValidationError).issues?.[0]?.field).toBe('body.signature');

    const wrongSize = { ...statementFor(w, 3), head: { ...statementFor(w, 3).head, treeSize: 2 } };
    const wrong = reportOf(wrongSize, signStatement(wrongSize, w.bKeys.privateKey), 'b.example');
    const refusedRoot = await receiveWitnessReport(w.aDeps(), wrong).catch((error: unknown) => error);
    expect((refusedRoot as ValidationError).issues?.[0]?.field).toBe('body.rootHash');
    expect((await w.a.reports.cosignatures(3, { limit: 10 })).items).toEqual([]);
    expect((await w.a.reports.cosignatures(2, { limit: 10 })).items).toEqual([]);
  });

  it('refuses a fork report its own consistency proof refutes', async () => {
    const w = world();
    w.a.append(9);
    const seen = (await w.a.ownLog.headOfSize(4)) as SignedTreeHead;
    const served = (await w.a.ownLog.headOfSize(9)) as SignedTreeHead;
    const statement = { kind: 'fork' as const, origin: 'a.example', seen, served, time: 100 };
    const report = reportOf(statement, signStatement(statement, w.bKeys.privateKey), 'b.example');
    const refusal = await receiveWitnessReport(w.aDeps(), report).catch((error: unknown) => error);
    expect((refusal as ValidationError).issues?.[0]?.field).toBe('body.served');
    expect((await w.a.reports.forks({ limit: 10 })).items).toEqual([]);
    expect(w.aWarnings).toEqual([]);
  });
});
