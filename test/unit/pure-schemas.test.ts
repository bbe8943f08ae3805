// Every module-level `lazySchema(...)` is marked `/* @__PURE__ */` at its call: esbuild honours
// lazySchema's own `@__NO_SIDE_EFFECTS__` only inside zod.ts, so an unmarked call keeps its schema in every
// bundle that imports the module, used or not (7–11 KB a bundle when they were marked, against budgets
// with a few KB left: ARCHITECTURE.md, "Languages"). This fails on the one that is not, naming it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** `const x = lazySchema(` at a module's top level (export or not), without the mark. */
const unmarked = /^(?:export\s+)?const\s+\w+\s*(?::[^=]+)?=\s*lazySchema\(/gm;

describe('schemas built on first use', () => {
  it('are marked pure at every module-level call, so a bundle that never reads one drops it', () => {
    const offenders = files(join(root, 'functions')).flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(unmarked)].map((match) => `${relative(root, path)}: ${match[0]}`),
    );
    expect(offenders).toEqual([]);
  });
});
