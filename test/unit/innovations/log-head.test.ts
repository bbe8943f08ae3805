import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '#domain/innovations/log-events.ts';
import {
  appendToFrontier,
  emptyHead,
  type LogHead,
  logSignerFromJwk,
  prepareAppend,
  rootOfFrontier,
} from '#domain/innovations/log-head.ts';
import { leafHash, toBase64 } from '#domain/registry-log/hashing.ts';
import { rootFromLeafHashes } from '#domain/registry-log/merkle-tree.ts';
import { verifyTreeHead } from '#domain/registry-log/tree-head.ts';
import { perTest } from '../../support/per-test.ts';
import { leafHashesOf } from '../registry-log/helpers.ts';

const instanceKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
const signer = perTest(() => logSignerFromJwk(instanceKey));
const event = (n: number): LogEvent => ({
  kind: 'credit-limit',
  at: '2026-11-21T12:00:00.000Z',
  accountId: `person:p${n}`,
  limit: null,
  previous: null,
  by: 'test',
});

function grow(count: number, start: LogHead = emptyHead(), at = new Date('2026-11-21T12:00:00Z')) {
  let head = start;
  const appends = [];
  for (let n = 0; n < count; n++) {
    const append = prepareAppend(head, event(n), at, signer());
    appends.push(append);
    head = append.head;
  }
  return { head, appends };
}

describe('the log frontier', () => {
  it('folds to the RFC 6962 root for every size up to 70', () => {
    const leaves = leafHashesOf(70);
    let frontier: Uint8Array[] = [];
    expect(rootOfFrontier(frontier)).toEqual(rootFromLeafHashes([]));
    leaves.forEach((leaf, index) => {
      frontier = appendToFrontier(frontier, index, leaf);
      expect(toBase64(rootOfFrontier(frontier)), `size ${index + 1}`).toBe(
        toBase64(rootFromLeafHashes(leaves.slice(0, index + 1))),
      );
    });
  });

  it('keeps one hash per set bit of the size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (size) => {
        let frontier: Uint8Array[] = [];
        for (const [index, leaf] of leafHashesOf(size).entries()) frontier = appendToFrontier(frontier, index, leaf);
        expect(frontier).toHaveLength(size.toString(2).replaceAll('0', '').length);
      }),
      { numRuns: 40 },
    );
  });
});

describe('a broken frontier', () => {
  it('is refused, not merged, when it holds fewer hashes than its size says', () => {
    expect(() => appendToFrontier([], 1, leafHashesOf(1)[0] as Uint8Array)).toThrow(
      new Error('The log frontier is shorter than its size says.'),
    );
  });

  it.each([
    ['not base64', '***'],
    ['three bytes long', 'AAAA'],
  ])('names the hash of a stored frontier that is %s', (_what, text) => {
    const { head } = grow(2);
    const broken = { ...head, frontier: [text] };
    expect(() => prepareAppend(broken, event(3), new Date(), signer())).toThrow(
      new Error("The log head's frontier hash 0 is malformed."),
    );
  });
});

describe('the instance key', () => {
  it('publishes the key id of the private key with its public half, for verifiers to pick the key', () => {
    const withKid = logSignerFromJwk({ ...instanceKey, kid: 'guildhall-2026' });
    expect(withKid.publicJwk).toMatchObject({ kid: 'guildhall-2026', alg: 'EdDSA', use: 'sig' });
    expect(withKid.publicJwk).not.toHaveProperty('d');
    expect(signer().publicJwk).not.toHaveProperty('kid');
    expect(signer().publicJwk).toMatchObject({ alg: 'EdDSA', use: 'sig' });
  });

  it('gives the empty log an unsigned head', () => {
    expect(emptyHead()).toEqual({
      treeSize: 0,
      rootHash: toBase64(rootFromLeafHashes([])),
      timestamp: 0,
      signature: '',
      frontier: [],
    });
  });
});

describe('appending', () => {
  it('signs the new head with the time of the append', () => {
    const at = new Date('2026-11-21T12:00:00Z');
    const { head, appends } = grow(2, emptyHead(), at);
    expect(head.timestamp).toBe(at.getTime());
    expect(appends[0]?.entry.treeHead.timestamp).toBe(at.getTime());
  });

  it('files an entry under the record its event is about', () => {
    const publish: LogEvent = {
      kind: 'publish',
      at: '2026-11-21T12:00:00.000Z',
      innovationId: 'rec',
      version: 1,
      replaces: null,
      contentHash: 'x',
      inventors: [],
    };
    expect(prepareAppend(emptyHead(), publish, new Date(), signer()).entry.innovationId).toBe('rec');
    expect(prepareAppend(emptyHead(), event(1), new Date(), signer()).entry.innovationId).toBeUndefined();
  });

  it('refuses to extend a head whose frontier splits the tree into other subtrees with the same root', () => {
    // Two leaves: the true frontier is [root of both]; [first, second] folds to the same root but would
    // make every later root wrong.
    const { head, appends } = grow(2);
    const leaves = appends.map((a) => a.entry.leafHash);
    expect(() => prepareAppend({ ...head, frontier: leaves }, event(3), new Date(), signer())).toThrow(/corrupt/);
  });

  it('takes the next index and signs the head it produces', () => {
    const { head, appends } = grow(5);
    expect(appends.map((a) => [a.entry.index, a.previousSize, a.entry.treeHead.treeSize])).toEqual([
      [0, 0, 1],
      [1, 1, 2],
      [2, 2, 3],
      [3, 3, 4],
      [4, 4, 5],
    ]);
    expect(verifyTreeHead(head, signer().publicJwk)).toBe(true);
    const leaves = appends.map((a) => leafHash(new TextEncoder().encode(a.entry.data)));
    expect(head.rootHash).toBe(toBase64(rootFromLeafHashes(leaves)));
  });

  it('records the event as canonical JSON, keys sorted', () => {
    const { appends } = grow(1);
    expect(appends[0]?.entry.data).toBe(
      '{"accountId":"person:p0","at":"2026-11-21T12:00:00.000Z","by":"test","kind":"credit-limit","limit":null,"previous":null}',
    );
  });

  it('never moves the signed time backwards, even when the clock does', () => {
    const { head } = grow(2, emptyHead(), new Date('2026-11-21T12:00:00Z'));
    const later = prepareAppend(head, event(9), new Date('2026-11-20T12:00:00Z'), signer());
    expect(later.head.timestamp).toBe(head.timestamp);
  });

  it('refuses to extend a head whose frontier and root disagree', () => {
    const { head } = grow(3);
    const broken = { ...head, frontier: [...head.frontier].reverse() };
    expect(() => prepareAppend(broken, event(4), new Date(), signer())).toThrow(/corrupt/);
  });

  it('refuses to extend a head signed by another key', () => {
    const other = logSignerFromJwk(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }));
    const { head } = grow(2);
    const forged = { ...head, ...other.sign(head) };
    expect(() => prepareAppend(forged, event(3), new Date(), signer())).toThrow(/corrupt/);
  });

  it('publishes only the public half of the key', () => {
    expect(signer().publicJwk).not.toHaveProperty('d');
    expect(signer().publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
  });
});
