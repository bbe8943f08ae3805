// `node functions/local/compile-commons.ts [out]`: parse and validate content/ and write the compiled
// commons the functions read (default `.cache/commons.json`). The CDK app runs it into each function's
// bundle; the local stack runs it at every start. Invalid content fails here, before anything deploys.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { writeCommonsFile } from '#adapters/content/commons-file.ts';
import { loadCommons } from '#adapters/content/load-commons.ts';

export const root = resolve(import.meta.dirname, '../..');

export function compileCommons(out = join(root, '.cache/commons.json')): string {
  mkdirSync(dirname(out), { recursive: true });
  writeCommonsFile(loadCommons(join(root, 'content')), out);
  return out;
}

if (import.meta.main) console.log(`compiled commons: ${compileCommons(process.argv[2])}`);
