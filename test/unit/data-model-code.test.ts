// The data-model declaration against the code: every key builder is declared, every access pattern the
// repositories name is declared (and the other way round), every route, page and job it names exists,
// and no key string is written outside keys.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessPatterns, entities, jobs, serialisationPoints } from '#adapters/dynamodb/data-model.ts';
import * as keys from '#adapters/dynamodb/keys.ts';
import { apiRoutes } from '#http/api.ts';

const root = join(import.meta.dirname, '../..');
const keysFile = 'functions/adapters/dynamodb/keys.ts';
const declarations = [
  ...Object.values(entities),
  ...Object.values(accessPatterns),
  ...Object.values(serialisationPoints),
];

const sourceFiles = (folder: string) =>
  (readdirSync(join(root, folder), { recursive: true }) as string[])
    .filter((file) => /\.(ts|astro)$/.test(file))
    .map((file) => relative(root, join(root, folder, file)));

/** Every string in the declared keys, e.g. `SYND#<syndicateId>`. */
function declaredKeyStrings(): string[] {
  const strings: string[] = [];
  const collect = (value: unknown) => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const entity of Object.values(entities)) collect(entity.keys);
  for (const pattern of Object.values(accessPatterns)) collect(pattern.key);
  return strings;
}

/**
 * What a key string is made of besides values: the prefixes (`SYND#`) and the whole constant keys
 * (`PROFILE`, `SYNDICATES`). Derived from the declaration, so a new entity's prefix is guarded at once.
 */
function keyTokens(strings: readonly string[]) {
  const prefixes = new Set<string>();
  const constants = new Set<string>();
  for (const fragment of strings.flatMap((string) => string.split(/<[^>]+>/))) {
    for (const match of fragment.matchAll(/([A-Z][A-Z0-9_-]*)#/g)) prefixes.add(`${match[1]}#`);
    if (/^[A-Z][A-Z0-9_-]+$/.test(fragment)) constants.add(fragment);
  }
  return { prefixes: [...prefixes], constants: [...constants] };
}

/** Lines of `source` holding a string literal that starts a key: `'SYND#'`, `` `PERSON#${id}` ``, `'PROFILE'`. */
function keyLiterals(source: string, tokens: ReturnType<typeof keyTokens>): string[] {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  const prefix = new RegExp(`['"\`](?:${tokens.prefixes.map(literal).join('|')})`);
  const constant = new RegExp(`(['"\`])(?:${tokens.constants.map(literal).join('|')})\\1`);
  return source
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
    .filter((line) => prefix.test(line) || constant.test(line));
}

describe('the data-model declaration against the code', () => {
  it('declares every key builder and constant keys.ts exports', () => {
    const declared = new Set(declarations.flatMap((declaration) => declaration.builders));
    const missing = Object.keys(keys).filter((name) => !declared.has(name as keyof typeof keys));
    expect(missing, 'keys.ts exports that no entity, access pattern or serialisation point uses').toEqual([]);
  });

  it('declares every access pattern the adapters name, and names in the adapters every one it declares', () => {
    const named = new Set<string>();
    const unnamed: string[] = [];
    for (const file of sourceFiles('functions/adapters/dynamodb')) {
      const source = readFileSync(join(root, file), 'utf8');
      for (const match of source.matchAll(/Access pattern `([a-z0-9-]+)`/g)) named.add(match[1] ?? '');
      for (const line of source.split('\n')) if (/Access pattern:/.test(line)) unnamed.push(`${file}: ${line.trim()}`);
    }
    expect(unnamed, 'write `// Access pattern `<name>`: …` with a name declared in data-model.ts').toEqual([]);
    const declared = Object.keys(accessPatterns);
    expect(
      [...named].filter((name) => !declared.includes(name)),
      'named in code, not declared',
    ).toEqual([]);
    expect(
      declared.filter((name) => !named.has(name)),
      'declared, named nowhere in the adapters',
    ).toEqual([]);
  });

  it('names only routes the API has, pages the site has and jobs that exist as users of a pattern', () => {
    const routes = new Set(apiRoutes.map((route) => `${route.method} ${route.path}`));
    const page = (path: string) => {
      const base = join(root, 'site/src/pages', path.replace(/^\/|\/$/g, ''));
      return ['/index.astro', '.astro', '.ts', '/index.ts'].some((ending) => existsSync(base + ending));
    };
    for (const [name, pattern] of Object.entries(accessPatterns)) {
      for (const user of pattern.usedBy) {
        if (user.startsWith('page ')) expect(page(user.slice(5)), `${name}: ${user}`).toBe(true);
        else if (user.includes(' /api/')) expect(routes.has(user), `${name}: ${user}`).toBe(true);
        else expect(Object.keys(jobs), `${name}: ${user}`).toContain(user);
      }
    }
    for (const file of Object.values(jobs)) expect(existsSync(join(root, file)), file).toBe(true);
  });

  it('leaves the declaration out of every Lambda: only the catalogue’s writer imports it', () => {
    const importers = sourceFiles('functions').filter((file) =>
      /from '[^']*data-model\.ts'/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(importers).toEqual(['functions/local/data-model-doc.ts']);
  });

  it('finds no key string written outside keys.ts under functions/, in the site or in infra/', () => {
    const tokens = keyTokens(declaredKeyStrings());
    expect(tokens.prefixes).toContain('SYND#');
    expect(tokens.constants).toContain('SYNDICATES');
    const found = [...sourceFiles('functions'), ...sourceFiles('site/src'), ...sourceFiles('infra')]
      .filter((file) => file !== keysFile)
      .flatMap((file) =>
        keyLiterals(readFileSync(join(root, file), 'utf8'), tokens).map((line) => `${file}: ${line.trim()}`),
      );
    expect(found, 'compose keys in keys.ts and call its builders').toEqual([]);
  });

  it('catches a key written by hand, in quotes or a template, and leaves other capitals alone', () => {
    const tokens = keyTokens(['SYND#<syndicateId>', 'PROFILE', 'OPENINGS#<status>']);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a line of source code under test, not a template
    const template = "const key = { pk: `SYND#${id}`, sk: 'PROFILE' };";
    const quoted = "query({ partition: 'OPENINGS#open' });";
    const code = [
      template,
      quoted,
      '// a comment may say SYND# freely',
      "const method = 'GET'; const header = 'PROFILE-ID';",
    ].join('\n');
    expect(keyLiterals(code, tokens)).toEqual([template, quoted]);
  });
});
