// The exact bytes the registry log records for an event. Anyone re-reading the log (a mirror, an
// auditor, `npm run verify-log`) recomputes these, so they must never drift.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { InnovationVersion } from '#domain/innovations/innovation.ts';
import { canonicalJson, contentHash, eventLabel, parseEvent, subjectOf } from '#domain/innovations/log-events.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

/**
 * A version with the fields a publication hashes, and some bookkeeping it leaves out; the rest of a
 * version's bookkeeping (which grows with features) is absent, since the hash never reads it.
 */
const version = {
  innovationId: 'rec',
  version: 2,
  replaces: 1,
  status: 'published',
  title: 'T',
  problem: 'P',
  improvement: 'I',
  skills: ['s'],
  effect: { unit: 'u', before: 1, after: 2, method: 'm' },
  evidence: [],
  inventors: [{ personId: 'ana', basisPoints: 10_000 }],
  license: 'CC0-1.0',
  createdAt: '2026-11-01T00:00:00.000Z',
  createdBy: 'ana',
  updatedAt: '2026-11-02T00:00:00.000Z',
} as unknown as InnovationVersion;

describe('the content hash of a published version', () => {
  it('is SHA-256 of the public fields in canonical JSON, a missing practice written as null', () => {
    expect(contentHash(version)).toBe(
      sha256(
        '{"effect":{"after":2,"before":1,"method":"m","unit":"u"},"evidence":[],"improvement":"I","innovationId":"rec",' +
          '"inventors":[{"basisPoints":10000,"personId":"ana"}],"license":"CC0-1.0","practice":null,"problem":"P",' +
          '"replaces":1,"skills":["s"],"title":"T","version":2}',
      ),
    );
  });

  it('writes a first version, which replaces nothing, with replaces null, and a practice as its id', () => {
    const first = { ...version, version: 1, replaces: undefined, practice: 'care-shift-handover' };
    expect(contentHash(first)).toBe(
      sha256(
        '{"effect":{"after":2,"before":1,"method":"m","unit":"u"},"evidence":[],"improvement":"I","innovationId":"rec",' +
          '"inventors":[{"basisPoints":10000,"personId":"ana"}],"license":"CC0-1.0","practice":"care-shift-handover",' +
          '"problem":"P","replaces":null,"skills":["s"],"title":"T","version":1}',
      ),
    );
  });
});

describe('canonical JSON', () => {
  it('leaves out keys whose value is undefined, as JSON does, at any depth', () => {
    expect(canonicalJson({ b: undefined, a: { d: undefined, c: [1, null] } })).toBe('{"a":{"c":[1,null]}}');
  });
});

describe('reading an entry back', () => {
  it('reads an event from its stored text', () => {
    expect(parseEvent('{"kind":"publish","innovationId":"rec"}')).toEqual({ kind: 'publish', innovationId: 'rec' });
  });

  it.each([
    ['text that is not JSON', 'not json'],
    ['JSON null', 'null'],
    ['a number', '5'],
    ['a string with a kind', '"kind"'],
    ['an object without a kind', '{"innovationId":"rec"}'],
    ['an object whose kind is not text', '{"kind":5}'],
  ])('says a tampered entry holding %s is no event', (_what, text) => {
    expect(parseEvent(text)).toBeNull();
  });

  it('files an event under the record it is about, and a credit change under none', () => {
    expect(
      subjectOf({
        kind: 'adoption',
        at: 'x',
        innovationId: 'rec',
        syndicateId: 'mill',
        version: 1,
        inventors: [],
        implementers: [],
      }),
    ).toBe('rec');
    expect(
      subjectOf({ kind: 'credit-limit', at: 'x', accountId: 'person:ana', limit: null, previous: null, by: 'grace' }),
    ).toBeUndefined();
  });

  it('names each kind of entry in words on the log page', () => {
    expect(eventLabel).toEqual({
      publish: 'Published',
      adoption: 'Adopted',
      'value-report': 'Value reported',
      settlement: 'Settled',
      'credit-limit': 'Credit limit changed',
      payment: 'Paid',
      'proposal-opened': 'Proposal opened',
      'proposal-closed': 'Proposal closed',
    });
  });
});
