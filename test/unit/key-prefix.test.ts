// Lists by sort-key prefix go to DynamoDB as a range: DynamoDB Local answers `begins_with` by reading the
// whole partition (a person's offers took 20 ms beside 50,000 of their work logs, 1.5 ms as a range), so
// a begins_with in an adapter makes a list slow to grow locally and in the scale benchmark (issue 14).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prefixValues, startsWith } from '#adapters/dynamodb/key-prefix.ts';

const adapters = join(import.meta.dirname, '../../functions/adapters');

describe('a list by sort-key prefix', () => {
  it('is sent as a range from the prefix to the prefix and the greatest code point', () => {
    expect(`pk = :pk AND ${startsWith('sk')}`).toBe('pk = :pk AND sk BETWEEN :prefix AND :prefixEnd');
    expect(prefixValues('OFFER#')).toEqual({ ':prefix': 'OFFER#', ':prefixEnd': 'OFFER#\u{10ffff}' });
  });

  it('is never asked of the store with begins_with, which the local store answers by reading the whole partition', () => {
    const asking = (readdirSync(adapters, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts'))
      .filter((file) =>
        readFileSync(join(adapters, file), 'utf8')
          .split('\n')
          .some((line) => !/^\s*(\/\/|\*|\/\*)/.test(line) && /begins_with\s*\(/.test(line)),
      );
    expect(asking).toEqual([]);
  });
});
