// Reads the commons from its folder and parses it once per process. In AWS the folder is copied
// into each function's bundle (see infra/stateless-stack.ts); locally it is the repository's content/.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Commons } from '#domain/content/commons.ts';
import { type ContentFile, parseCommons } from '#domain/content/parse-commons.ts';

export function readContentFiles(dir: string): ContentFile[] {
  const files: ContentFile[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(md|ya?ml)$/.test(entry.name) && entry.name !== 'README.md') {
        files.push({ path: relative(dir, path).split(sep).join('/'), text: readFileSync(path, 'utf8') });
      }
    }
  };
  walk(dir);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

const cache = new Map<string, Commons>();

export function loadCommons(dir: string): Commons {
  let commons = cache.get(dir);
  if (!commons) {
    commons = parseCommons(readContentFiles(dir));
    cache.set(dir, commons);
  }
  return commons;
}
