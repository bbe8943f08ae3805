// One edge for every write: each protected write route of the API is a command route, and each site page
// that takes a form post runs a command, so no write skips the write limit, the API's schemas or the
// idempotency key, whichever door it comes in by.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '#http/api.ts';

const pages = join(import.meta.dirname, '../../../site/src/pages');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(astro|ts)$/.test(name) ? [path] : [];
  });
}

// Posts that change nothing in the store: they are no command, and say so here.
const postsThatWriteNothing: Record<string, string> = {
  'credentials/verify/index.astro': 'checks a credential’s signature; nothing is kept',
  'auth/sign-out.ts': 'ends the session (a cookie), nothing in the store',
  'auth/sign-in.ts': 'starts a sign-in (a cookie), nothing in the store',
  'auth/callback.ts': 'finishes a sign-in (a cookie), nothing in the store',
};

describe('one edge for every write', () => {
  it('routes every protected API write through a command', () => {
    const writes = apiRoutes.filter((route) => route.auth === 'required' && route.method !== 'GET');
    expect(writes.length).toBeGreaterThan(20);
    expect(writes.filter((route) => !('command' in route)).map((route) => `${route.method} ${route.path}`)).toEqual([]);
  });

  it('names each command once, since the name scopes its idempotency keys', () => {
    const names = apiRoutes.flatMap((route) => ('command' in route ? [route.command.name] : []));
    expect(names.length).toBe(new Set(names).size);
  });

  it('has every site page that takes a form post run a command, reading the form safely', () => {
    const posting = files(pages).filter((path) =>
      /Astro\.request\.method === 'POST'|export const POST/.test(readFileSync(path, 'utf8')),
    );
    expect(posting.length).toBeGreaterThan(10);
    const offenders = posting.flatMap((path) => {
      const name = relative(pages, path);
      const source = readFileSync(path, 'utf8');
      if (postsThatWriteNothing[name]) return [];
      const problems: string[] = [];
      if (!source.includes('submitCommand(')) problems.push(`${name}: takes a post without a command`);
      if (/request\.formData\(\)/.test(source)) problems.push(`${name}: reads the form without readForm()`);
      return problems;
    });
    expect(offenders).toEqual([]);
  });

  it('keeps its list of posts that write nothing true', () => {
    for (const name of Object.keys(postsThatWriteNothing)) {
      const source = readFileSync(join(pages, name), 'utf8');
      expect(source, name).not.toContain('submitCommand(');
    }
  });
});
