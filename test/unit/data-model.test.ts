// docs/data-model.md is generated from the data-model declaration; CI runs these tests, so a catalogue
// that no longer says what the declaration says fails the build. The declaration's own rules too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessPatterns, entities, serialisationPoints } from '#adapters/dynamodb/data-model.ts';
import { dataModelPath, indexOf, keyCondition, renderDataModel } from '#local/data-model-doc.ts';

const root = join(import.meta.dirname, '../..');
const patterns = Object.entries(accessPatterns);

describe('the data-model catalogue', () => {
  it('is exactly what `npm run docs:data-model` writes from the declaration (run it after changing one)', () => {
    const committed = readFileSync(join(root, dataModelPath), 'utf8');
    expect(committed, 'docs/data-model.md is stale: run `npm run docs:data-model` and commit it').toBe(
      renderDataModel(),
    );
  });

  it('prints each key as keys.ts composes it, placeholders where values go', () => {
    expect(entities.membership.keys).toEqual({
      pk: 'SYND#<syndicateId>',
      sk: 'MEMBER#<personId>',
      gsi1pk: 'PERSON#<personId>',
      gsi1sk: 'MEMBER#<syndicateId>',
    });
    expect(entities['log-entry'].keys.sk).toBe('LOG#<index, 12 digits>');
    expect(keyCondition(accessPatterns['openings-of-syndicate'].key)).toBe(
      'gsi2pk = `SYND#<syndicateId>` AND gsi2sk BETWEEN `OPENING#` AND `OPENING#<U+10FFFF>`',
    );
    expect(keyCondition(accessPatterns['person-by-id'].key)).toBe('pk = `PERSON#<personId>` AND sk = `PROFILE`');
  });

  it('names the index a key goes through by its attributes: the table, gsi1 or gsi2', () => {
    expect(indexOf(accessPatterns['members-of-syndicate-paged'].key)).toBe('table');
    expect(indexOf(accessPatterns['syndicates-by-name'].key)).toBe('gsi1');
    expect(indexOf(accessPatterns['openings-of-syndicate'].key)).toBe('gsi2');
    // An entity's full keys name the table, though they carry index keys too.
    expect(indexOf(accessPatterns['log-append'].key)).toBe('table');
  });
});

describe('the data-model declaration', () => {
  it('says why one partition is acceptable wherever every user of a pattern shares one', () => {
    const shared = patterns.filter(([, pattern]) => {
      const condition = keyCondition(pattern.key);
      const partition = condition.split(' AND ')[0] ?? '';
      return condition !== '—' && !partition.includes('<');
    });
    expect(shared.length).toBeGreaterThan(0);
    for (const [name, pattern] of shared) {
      expect(pattern.partition, `${name} reads one shared partition and says not why`).toBeDefined();
    }
    // A partition per status is one partition for everyone who reads that status.
    expect(accessPatterns['openings-by-status'].partition).toBeDefined();
  });

  it('names the bound of every read that is not one item or a page', () => {
    for (const [name, pattern] of patterns) {
      if (['a bounded set', 'every item', 'items by key'].includes(pattern.reads)) {
        expect(pattern.bound, `${name} reads ${pattern.reads} and names no bound`).toMatch(/\w/);
      }
    }
  });

  it('pages every list of a partition that grows without bound, or names it among the reads that grow', () => {
    for (const [name, pattern] of patterns) {
      if (pattern.operation !== 'Query') continue;
      expect(['a page', 'a bounded set', 'every item'], name).toContain(pattern.reads);
    }
  });

  it('writes down the throughput limit of the registry log’s head, the one deliberate serialisation point', () => {
    const head = serialisationPoints['registry-log-head'];
    expect(head.item).toEqual(entities['log-head'].keys);
    expect(head.limit).toMatch(/\d+ appends a second/);
  });
});
