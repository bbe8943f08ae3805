// Reads the commons from its folder and parses it once per process. In AWS the folder is copied
// into each function's bundle (see infra/stateless-stack.ts); locally it is the repository's content/.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Commons } from '#domain/content/commons.ts';
import { ContentError, type ContentFile, parseCommons } from '#domain/content/parse-commons.ts';
import { commonsPaths } from '#domain/paths/commons-paths.ts';
import type { OccupationPath } from '#domain/paths/occupation-path.ts';
import { occupationsFilePath } from '#domain/paths/occupations-file.ts';
import { readEscoFile } from './esco-file.ts';

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

/**
 * The commons, its paths built on first use: they read ESCO's data file (0.25 s, 18 MB), which most
 * callers of this (tests, scripts) never need. Invalid paths throw ContentError then, as content does here.
 */
export function loadCommons(dir: string): Commons {
  let commons = cache.get(dir);
  if (!commons) {
    const files = readContentFiles(dir);
    const parsed = parseCommons(files);
    let paths: ReadonlyMap<string, OccupationPath> | undefined;
    commons = Object.defineProperty({ ...parsed } as Commons, 'paths', {
      enumerable: true,
      get: () => {
        paths ??= loadPaths(dir, files, parsed);
        return paths;
      },
    });
    cache.set(dir, commons);
  }
  return commons;
}

function loadPaths(
  dir: string,
  files: readonly ContentFile[],
  commons: Parameters<typeof commonsPaths>[1],
): Map<string, OccupationPath> {
  const text = files.find((file) => file.path === occupationsFilePath)?.text;
  const { paths, issues } = commonsPaths(text, commons, readEscoFile(join(dir, 'esco/esco.json.gz')));
  if (issues.length > 0) throw new ContentError(issues);
  return new Map(paths.map((path) => [path.id, path]));
}
