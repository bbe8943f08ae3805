import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leafHash, toBase64 } from '#domain/registry-log/hashing.ts';
import { rootFromLeafHashes } from '#domain/registry-log/merkle-tree.ts';
import { signTreeHead, treeHead } from '#domain/registry-log/tree-head.ts';
import { type LogEntry, logEntry, verifyLog } from '#domain/registry-log/verify-log.ts';
import { perTest } from '../../support/per-test.ts';
import { entriesOf, flipBit, replaceAt } from './helpers.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const NOW = 1_790_000_000_000;

function signedHeadFor(entries: readonly LogEntry[], key = privateKey) {
  return signTreeHead(treeHead(entries.length, rootFromLeafHashes(entries.map((e) => e.leafHash)), NOW), key);
}

const theLog = perTest(() => entriesOf(11).map(logEntry));
const theHead = perTest(() => signedHeadFor(theLog()));

describe('verifyLog', () => {
  it('accepts an untouched log and reports what it checked', () => {
    const log = theLog();
    const head = theHead();
    expect(verifyLog(log, head, publicKey)).toEqual({ ok: true, treeSize: 11, rootHash: head.rootHash });
  });

  it('accepts an empty log signed as empty', () => {
    expect(verifyLog([], signedHeadFor([]), publicKey)).toMatchObject({ ok: true, treeSize: 0 });
  });

  it('records the leaf hash of an appended entry', () => {
    const data = new TextEncoder().encode('{"innovation":"x"}');
    expect(logEntry(data)).toEqual({ data, leafHash: leafHash(data) });
  });

  it.each([
    { case: 'the first', index: 0 },
    { case: 'a middle', index: 6 },
    { case: 'the last', index: 10 },
  ])('names $case entry when its data was changed after logging', ({ index }) => {
    const log = theLog();
    const head = theHead();
    const tampered = replaceAt(log, index, { ...(log[index] as LogEntry), data: new TextEncoder().encode('forged') });
    expect(verifyLog(tampered, head, publicKey)).toEqual({ ok: false, problem: 'leaf-mismatch', index });
  });

  it('names the entry whose stored leaf hash was changed', () => {
    const log = theLog();
    const head = theHead();
    const entry = log[4] as LogEntry;
    const tampered = replaceAt(log, 4, { ...entry, leafHash: flipBit(entry.leafHash, 9) });
    expect(verifyLog(tampered, head, publicKey)).toEqual({ ok: false, problem: 'leaf-mismatch', index: 4 });
  });

  it('names the first of several changed entries', () => {
    const log = theLog();
    const head = theHead();
    const forged = logEntry(new TextEncoder().encode('forged'));
    const tampered = replaceAt(replaceAt(log, 8, { ...forged, leafHash: (log[8] as LogEntry).leafHash }), 3, {
      ...forged,
      leafHash: (log[3] as LogEntry).leafHash,
    });
    expect(verifyLog(tampered, head, publicKey)).toMatchObject({ problem: 'leaf-mismatch', index: 3 });
  });

  it('reports a root mismatch when an entry and its leaf hash were rewritten together', () => {
    const log = theLog();
    const head = theHead();
    const tampered = replaceAt(log, 2, logEntry(new TextEncoder().encode('forged')));
    const result = verifyLog(tampered, head, publicKey);
    expect(result).toMatchObject({ ok: false, problem: 'root-mismatch', expected: head.rootHash });
    expect(result).toHaveProperty('actual', toBase64(rootFromLeafHashes(tampered.map((e) => e.leafHash))));
  });

  it('reports entries swapped in place as a root mismatch', () => {
    const log = theLog();
    const head = theHead();
    const swapped = replaceAt(replaceAt(log, 1, log[2] as LogEntry), 2, log[1] as LogEntry);
    expect(verifyLog(swapped, head, publicKey)).toMatchObject({ ok: false, problem: 'root-mismatch' });
  });

  it.each([
    { case: 'missing its last entry', entries: (log: LogEntry[]) => log.slice(0, -1), actual: 10 },
    {
      case: 'with an entry added after signing',
      entries: (log: LogEntry[]) => [...log, logEntry(new Uint8Array([1]))],
      actual: 12,
    },
  ])('reports a size mismatch for a log $case', ({ entries, actual }) => {
    expect(verifyLog(entries(theLog()), theHead(), publicKey)).toEqual({
      ok: false,
      problem: 'size-mismatch',
      expected: 11,
      actual,
    });
  });

  it('refuses a head whose fields were edited to match a forged log', () => {
    const log = theLog();
    const head = theHead();
    const forged = replaceAt(log, 2, logEntry(new TextEncoder().encode('forged')));
    const edited = { ...head, rootHash: toBase64(rootFromLeafHashes(forged.map((e) => e.leafHash))) };
    expect(verifyLog(forged, edited, publicKey)).toEqual({ ok: false, problem: 'bad-signature' });
  });

  it('refuses a head signed by a key other than the log key', () => {
    const log = theLog();
    expect(verifyLog(log, signedHeadFor(log, other.privateKey), publicKey)).toEqual({
      ok: false,
      problem: 'bad-signature',
    });
  });

  it('finds any single changed entry in any log and names its index', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 32 }), { minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.nat({ max: 255 }),
        (datas, pick, bit) => {
          const entries = datas.map(logEntry);
          const signed = signedHeadFor(entries);
          const index = pick % entries.length;
          const original = entries[index] as LogEntry;
          const data = original.data.length > 0 ? flipBit(original.data, bit) : Uint8Array.of(bit);
          const tampered = replaceAt(entries, index, { ...original, data });
          expect(verifyLog(entries, signed, publicKey).ok).toBe(true);
          expect(verifyLog(tampered, signed, publicKey)).toEqual({ ok: false, problem: 'leaf-mismatch', index });
        },
      ),
      { numRuns: 60 },
    );
  });
});
