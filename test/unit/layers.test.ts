// The layers' import rules, held by a test as well as by Biome (biome.json), so a test run fails on them
// too: the app layer (services, commands) is called by the edges and never imports them, and the domain
// stays pure, without Powertools or the platform code that wraps it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const aliases = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { imports: Record<string, string> })
  .imports;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a source names: static imports and re-exports (types too) and dynamic `import()`. */
function specifiers(source: string): string[] {
  const found = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g)].map((m) => m[1]);
  const dynamic = [...source.matchAll(/import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]);
  return [...found, ...dynamic].filter((s): s is string => s !== undefined);
}

/** Where a specifier lands, relative to the repository: `functions/http/…`, or a package's name. */
function target(file: string, specifier: string): string {
  for (const [alias, path] of Object.entries(aliases)) {
    const prefix = alias.replace('*', '');
    if (specifier.startsWith(prefix))
      return relative(root, resolve(root, path.replace('*', specifier.slice(prefix.length))));
  }
  return specifier.startsWith('.') ? relative(root, resolve(dirname(file), specifier)) : specifier;
}

function importsOf(folder: string): Array<{ file: string; target: string }> {
  return files(join(root, folder)).flatMap((file) =>
    specifiers(readFileSync(file, 'utf8')).map((specifier) => ({
      file: relative(root, file),
      target: target(file, specifier),
    })),
  );
}

describe('layers', () => {
  it('reads static, type-only, re-exported and dynamic imports alike', () => {
    const source = [
      "import type { A } from '#http/router.ts';",
      "import {\n  b,\n  c,\n} from '../http/api.ts';",
      "export { d } from './e.ts';",
      "const t = await import('@aws-lambda-powertools/tracer');",
    ].join('\n');
    expect(specifiers(source)).toEqual([
      '#http/router.ts',
      '../http/api.ts',
      './e.ts',
      '@aws-lambda-powertools/tracer',
    ]);
  });

  it('keeps the app layer from importing the HTTP edge or the Lambda handlers', () => {
    const imports = importsOf('functions/app');
    // The scan sees the app's real imports (so an empty result below means something).
    expect(imports.filter((i) => i.target.startsWith('functions/domain/')).length).toBeGreaterThan(20);
    expect(imports.filter((i) => /^functions\/(http|handlers)\//.test(i.target))).toEqual([]);
  });

  it('keeps the domain free of Powertools and of the platform code around it', () => {
    const imports = importsOf('functions/domain');
    expect(imports.length).toBeGreaterThan(50);
    expect(
      imports.filter(
        (i) => i.target.startsWith('functions/platform/') || i.target.startsWith('@aws-lambda-powertools/'),
      ),
    ).toEqual([]);
  });
});
