import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditProblemIn } from '#domain/i18n/records/audit-sentences.ts';
import { auditLog, describeAudit, versionKey } from '#domain/innovations/audit-log.ts';
import type { InnovationVersion } from '#domain/innovations/innovation.ts';
import { contentHash } from '#domain/innovations/log-events.ts';
import {
  emptyHead,
  type LogHead,
  logSignerFromJwk,
  prepareAppend,
  type StoredLogEntry,
} from '#domain/innovations/log-head.ts';
import { leafHash, toBase64 } from '#domain/registry-log/hashing.ts';
import type { SignedTreeHead } from '#domain/registry-log/tree-head.ts';
import { perTest } from '../../support/per-test.ts';
import { draftInput } from './fixtures.ts';

const instanceKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
const signer = perTest(() => logSignerFromJwk(instanceKey));
const key = () => signer().publicJwk;

const version: InnovationVersion = {
  ...draftInput([]),
  inventors: [{ personId: 'ana', basisPoints: 10000 }],
  innovationId: 'rec',
  version: 1,
  status: 'published',
  createdAt: '2026-11-01T00:00:00.000Z',
  createdBy: 'ana',
  updatedAt: '2026-11-01T00:00:00.000Z',
  acceptedBy: ['ana'],
  invited: [],
  rev: 2,
  termsRev: 1,
  publishedAt: '2026-11-01T00:00:00.000Z',
};

function log(size: number): { entries: StoredLogEntry[]; head: LogHead } {
  let head = emptyHead();
  const entries: StoredLogEntry[] = [];
  for (let n = 0; n < size; n++) {
    const append = prepareAppend(
      head,
      n === 0
        ? {
            kind: 'publish',
            at: version.createdAt,
            innovationId: 'rec',
            version: 1,
            replaces: null,
            contentHash: contentHash(version),
            inventors: version.inventors,
          }
        : {
            kind: 'value-report',
            at: version.createdAt,
            innovationId: 'rec',
            syndicateId: 'mill',
            reportId: `r${n}`,
            amount: String(100 * n),
            periodFrom: '2026-10-01',
            periodTo: '2026-10-31',
          },
      new Date(Date.UTC(2026, 10, 1, 0, n)),
      signer(),
    );
    entries.push(append.entry);
    head = append.head;
  }
  return { entries, head };
}

const rehashed = (entry: StoredLogEntry, data: string): StoredLogEntry => ({
  ...entry,
  data,
  leafHash: toBase64(leafHash(new TextEncoder().encode(data))),
});

describe('auditing the stored log', () => {
  it('passes an untouched log, and an empty one', () => {
    const { entries, head } = log(9);
    expect(auditLog(entries, head, key(), new Map([[versionKey(version), version]]))).toMatchObject({
      ok: true,
      treeSize: 9,
    });
    expect(auditLog([], emptyHead(), key())).toMatchObject({ ok: true, treeSize: 0 });
  });

  it('names any entry whose bytes changed, for any log and any entry', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), fc.nat(), (size, pick) => {
        const { entries, head } = log(size);
        const index = pick % size;
        const changed = entries.map((e, i) => (i === index ? { ...e, data: e.data.replace('"at"', '"at "') } : e));
        expect(auditLog(changed, head, key())).toMatchObject({ ok: false, problem: 'leaf-mismatch', index });
      }),
      { numRuns: 30 },
    );
  });

  it('names the first entry rewritten together with its leaf hash, for any log and any entry', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), fc.nat(), (size, pick) => {
        const { entries, head } = log(size);
        const index = pick % size;
        const changed = entries.map((e, i) => (i === index ? rehashed(e, e.data.replace('"rec"', '"rex"')) : e));
        expect(auditLog(changed, head, key())).toMatchObject({ ok: false, problem: 'history-rewritten', index });
      }),
      { numRuns: 30 },
    );
  });

  it('notices a missing entry, a truncated log and a forged head', () => {
    const { entries, head } = log(6);
    expect(
      auditLog(
        entries.filter((e) => e.index !== 2),
        head,
        key(),
      ),
    ).toMatchObject({ problem: 'missing-entry', index: 2 });
    expect(auditLog(entries.slice(0, 5), head, key())).toMatchObject({
      problem: 'size-mismatch',
      expected: 6,
      actual: 5,
    });
    expect(auditLog(entries, { ...head, treeSize: 5 }, key())).toMatchObject({ problem: 'bad-signature' });
    const other = logSignerFromJwk(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }));
    expect(auditLog(entries, head, other.publicJwk)).toMatchObject({ problem: 'bad-signature' });
  });

  it('names the entry whose stored head was tampered into something that is not a head', () => {
    const { entries, head } = log(5);
    for (const change of [{ signature: 7 }, { signature: undefined }, { rootHash: null }]) {
      const tampered = entries.map((entry) =>
        entry.index === 3
          ? { ...entry, treeHead: { ...entry.treeHead, ...change } as unknown as SignedTreeHead }
          : entry,
      );
      const result = auditLog(tampered, head, key());
      expect(result).toEqual({ ok: false, problem: 'bad-signature', index: 3 });
      expect(describeAudit(result)).toBe('The tree head stored with entry 3 is not signed by the instance key.');
    }
  });

  it('notices a published version that no longer hashes to what was logged', () => {
    const { entries, head } = log(3);
    const edited = { ...version, improvement: 'Something else entirely, written later.' };
    const result = auditLog(entries, head, key(), new Map([[versionKey(edited), edited]]));
    expect(result).toMatchObject({ ok: false, problem: 'version-mismatch', index: 0, innovationId: 'rec', version: 1 });
    expect(describeAudit(result)).toBe(
      'Version 1 of record rec differs from what entry 0 recorded when it was published.',
    );
    // The registry log page says the same in the reader's language.
    if (result.ok) throw new Error('expected a finding');
    expect(auditProblemIn(result, 'es')).toBe(
      'La versión 1 del registro rec no es la que anotó la entrada 0 al publicarse.',
    );
    expect(auditProblemIn(result, 'nl')).toBe(
      'Versie 1 van verslag rec wijkt af van wat regel 0 vastlegde toen die werd gepubliceerd.',
    );
  });

  it('says where the log breaks in Spanish and Dutch, with the numbers grouped as each reader writes them', () => {
    const found = { problem: 'size-mismatch', expected: 12_345, actual: 12_344 } as const;
    expect(auditProblemIn(found, 'en')).toBe('The signed head covers 12345 entries but the store holds 12344.');
    expect(auditProblemIn(found, 'es')).toBe(
      'La cabeza firmada abarca 12.345 entradas, pero el almacén guarda 12.344.',
    );
    expect(auditProblemIn(found, 'nl')).toBe(
      'De ondertekende kop omvat 12.345 regels, maar de opslag bevat er 12.344.',
    );
    expect(auditProblemIn({ problem: 'leaf-mismatch', index: 4 }, 'es')).toBe(
      'La entrada 4 se cambió después de registrarse: sus bytes ya no coinciden con su hash de hoja.',
    );
  });
});
