// The compiled commons: the parsed, validated content as one JSON file. Content is parsed once, when
// it is compiled (`functions/local/compile-commons.ts`: at deploy, by the CDK bundling hook, and at each
// local start); functions only read this file, so no YAML or front-matter parser travels in their
// bundles, and lessons and practice guides arrive already rendered.
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Commons, Course, Practice, Skill, Trade } from '#domain/content/commons.ts';
import { type CompactPaths, compactPaths, expandPaths } from '#domain/paths/compact-paths.ts';

/** Bumped whenever the shape changes, so a function never reads a file compiled for another (3: question ids; 4: paths; 5: course translations; 6: their quiz wording and versions). */
const format = 6;

interface CommonsFile {
  format: typeof format;
  trades: Trade[];
  skills: Skill[];
  courses: Course[];
  practices: Practice[];
  paths: CompactPaths;
}

export function writeCommonsFile(commons: Commons, file: string): void {
  const compiled: CommonsFile = {
    format,
    trades: commons.trades,
    skills: [...commons.skills.values()],
    courses: [...commons.courses.values()],
    practices: [...commons.practices.values()],
    paths: compactPaths([...commons.paths.values()]),
  };
  // Written aside and renamed: a process reading it (two local stacks may share the file) never sees half.
  const partial = `${file}.${randomBytes(4).toString('hex')}.partial`;
  writeFileSync(partial, JSON.stringify(compiled));
  renameSync(partial, file);
}

const cache = new Map<string, Commons>();

export function readCommonsFile(file: string): Commons {
  let commons = cache.get(file);
  if (!commons) {
    const compiled = JSON.parse(readFileSync(file, 'utf8')) as CommonsFile;
    if (compiled.format !== format) {
      throw new Error(`${file} is compiled commons format ${compiled.format}; this code reads format ${format}`);
    }
    const skills = new Map(compiled.skills.map((skill) => [skill.id, skill]));
    commons = {
      trades: compiled.trades,
      skills,
      courses: new Map(compiled.courses.map((course) => [course.id, course])),
      practices: new Map(compiled.practices.map((practice) => [practice.id, practice])),
      paths: expandPaths(compiled.paths, skills),
    };
    cache.set(file, commons);
  }
  return commons;
}
