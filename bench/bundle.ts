// `npm run bench:bundle`: the minified size of every Lambda bundle, built the way the CDK app builds
// it (esbuild, ESM, minified, node24, AWS SDK external), and the time to import each one in a fresh
// Node 24 process. Targets (issue 7): at most 180 KB each; at most 60 ms median import.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const out = join(root, '.tmp/bench-bundle');
mkdirSync(out, { recursive: true });
const entries: Record<string, string> = {};
for (const name of readdirSync(join(root, 'functions/handlers'))) {
  if (name.endsWith('.ts')) entries[name.replace(/\.ts$/, '')] = join(root, 'functions/handlers', name);
}
const siteEntry = join(root, 'site/dist/server/entry.mjs');
if (existsSync(siteEntry)) entries.site = siteEntry;
else console.log('(site not built: run `npm run build` to include the site function)');

const env = {
  ...process.env,
  STAGE: 'aws',
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_EC2_METADATA_DISABLED: 'true',
  AUTH_ISSUER: 'https://issuer.example',
  AUTH_AUDIENCE: 'bench',
  AUTH_JWKS_URL: 'https://issuer.example/jwks.json',
  CREDENTIAL_SIGNING_KEY: JSON.stringify({
    kty: 'OKP',
    crv: 'Ed25519',
    x: 'FK17rjUt4rownWczBlMdCUsGl4nJpXqDlzm-KX31XrY',
    d: '1ZWqdr0LgqANWyN2zgP2-Eh8FB7BCe7zncDrij-XNPI',
  }),
  CONTENT_DIR: join(root, 'content'),
  LOG_LEVEL: 'silent',
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const rows: string[] = [];
for (const [name, entry] of Object.entries(entries)) {
  const file = join(out, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    mainFields: ['module', 'main'],
    external: ['@aws-sdk/*'],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'error',
  });
  const bytes = statSync(file).size;
  const gzip = gzipSync(readFileSync(file)).length;
  const times: number[] = [];
  for (let run = 0; run < 7; run++) {
    const ms = execFileSync(
      process.execPath,
      [
        '-e',
        `const t=performance.now();await import(${JSON.stringify(`file://${file}`)});console.log(performance.now()-t)`,
        '--input-type=module',
      ],
      { env, cwd: root, encoding: 'utf8' },
    );
    times.push(Number(ms.trim()));
  }
  const kb = bytes / 1024;
  const importMs = median(times);
  rows.push(
    `| ${name} | ${kb.toFixed(0)} KB | ${(gzip / 1024).toFixed(0)} KB | ${importMs.toFixed(1)} ms | ${kb <= 180 ? 'yes' : 'no'} / ${importMs <= 60 ? 'yes' : 'no'} |`,
  );
}
console.log(`Lambda bundles on Node ${process.versions.node} (import: median of 7 fresh processes)\n`);
console.log('| function | minified | gzipped | import | size ≤ 180 KB / import ≤ 60 ms |');
console.log('|---|---|---|---|---|');
for (const row of rows) console.log(row);
