import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCommonsFile, writeCommonsFile } from '#adapters/content/commons-file.ts';
import { commons } from '../../support/services.ts';

describe('the compiled commons file', () => {
  it('reads back exactly the commons parsed from content/', () => {
    const dir = mkdtempSync(join(tmpdir(), 'commons-'));
    writeCommonsFile(commons, join(dir, 'commons.json'));
    expect(readCommonsFile(join(dir, 'commons.json'))).toEqual(commons);
    // Written aside and renamed into place: nothing partial is left behind.
    expect(readdirSync(dir)).toEqual(['commons.json']);
  });

  it('refuses a file compiled in another format instead of misreading it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'commons-')), 'commons.json');
    writeFileSync(file, JSON.stringify({ format: 0, trades: [], skills: [], courses: [], practices: [] }));
    expect(() => readCommonsFile(file)).toThrow(/format 0/);
  });
});
