// `npm run bench:bundle`: the minified size of every Lambda bundle, built the way the CDK app builds
// it (esbuild, ESM, minified, node24, the AWS SDK and the Powertools layer's tracer external), and the
// time to import each one in a fresh Node 24 process. Targets (issue 14): the API, stream and sweep
// bundles at most 250 KB each, and the own code of each API function (imported after the AWS SDK,
// which Lambda provides) at most 20 ms, median. Every entry in functions/handlers/ is measured.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { routeGroups } from '../functions/http/api.ts';
import { compileCommons } from '../functions/local/compile-commons.ts';
import { awsBuildOptions, awsBuildOptionsFor } from '../test/support/aws-bundle.ts';

const root = join(import.meta.dirname, '..');
// `-- --powertools-layer`: every Powertools package from its layer, the logger and metrics included, for
// comparison with the deployed list (functions/platform/lambda-externals.ts says why they are bundled).
const fromLayer = process.argv.includes('--powertools-layer');
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
  MEILISEARCH_URL: 'https://search.example.org',
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
  COMMONS_FILE: compileCommons(join(out, 'commons.json')),
  LOG_LEVEL: 'silent',
};

/** The API's functions, one per route group (functions/http/api.ts): each has the import target. */
const apiFunctions = routeGroups.map((group) => group.name);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const rows: string[] = [];
const sdkImports: number[] = [];
for (const [name, entry] of Object.entries(entries)) {
  const file = join(out, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    outfile: file,
    ...awsBuildOptionsFor(name),
    external: fromLayer ? ['@aws-sdk/*', '@aws-lambda-powertools/*'] : awsBuildOptions.external,
  });
  const bytes = statSync(file).size;
  const gzip = gzipSync(readFileSync(file)).length;
  // Each fresh process times the whole import, and separately the part after the AWS SDK (which the
  // Lambda runtime provides and every bundle imports) is loaded: the share of the bundle's own code.
  const whole: number[] = [];
  const own: number[] = [];
  const sdk: number[] = [];
  for (let run = 0; run < 7; run++) {
    for (const sdkFirst of [false, true]) {
      const script = sdkFirst
        ? `const s=performance.now();await import('@aws-sdk/client-dynamodb');await import('@aws-sdk/lib-dynamodb');const t=performance.now();await import(${JSON.stringify(`file://${file}`)});console.log(t-s, performance.now()-t)`
        : `const t=performance.now();await import(${JSON.stringify(`file://${file}`)});console.log(0, performance.now()-t)`;
      const [sdkMs = 0, ms = 0] = execFileSync(process.execPath, ['-e', script, '--input-type=module'], {
        env,
        cwd: root,
        encoding: 'utf8',
      })
        .trim()
        .split(' ')
        .map(Number);
      if (sdkFirst) {
        own.push(ms);
        sdk.push(sdkMs);
      } else whole.push(ms);
    }
  }
  const kb = bytes / 1024;
  const importMs = median(whole);
  sdkImports.push(...sdk);
  const ownMs = median(own);
  const sizeTarget = name === 'site' ? '–' : kb <= 250 ? 'yes' : 'no';
  const importTarget = apiFunctions.includes(name) ? (ownMs <= 20 ? 'yes' : 'no') : '–';
  rows.push(
    `| ${name} | ${kb.toFixed(0)} KB | ${(gzip / 1024).toFixed(0)} KB | ${importMs.toFixed(1)} ms | ${ownMs.toFixed(1)} ms | ${sizeTarget} / ${importTarget} |`,
  );
}
console.log(
  `Lambda bundles on Node ${process.versions.node} (import: median of 7 fresh processes)${fromLayer ? ', Powertools logger and metrics from the layer' : ''}\n`,
);
console.log('| function | minified | gzipped | import | of which its own code | size ≤ 250 KB / own ≤ 20 ms |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(
  `\nThe AWS SDK's DynamoDB client (provided by the Lambda runtime, external to every bundle) takes ${median(sdkImports).toFixed(1)} ms to import on its own (median of ${sdkImports.length}).`,
);

// Powertools' tracer comes from its layer and is imported on the first invocation where tracing is on
// (functions/platform/tracing.ts): in no import above, but in the first traced answer of each instance.
const tracerScript =
  "const t=performance.now();const {Tracer}=await import('@aws-lambda-powertools/tracer');new Tracer({enabled:true});console.log('ms '+(performance.now()-t))";
const tracerMs = Array.from({ length: 7 }, () => {
  const output = execFileSync(process.execPath, ['-e', tracerScript, '--input-type=module'], {
    env: { ...env, AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x', AWS_XRAY_CONTEXT_MISSING: 'IGNORE_ERROR' },
    cwd: root,
    encoding: 'utf8',
  });
  return Number(/ms ([\d.]+)/.exec(output)?.[1]);
});
console.log(
  `Powertools' tracer (from its layer; imported on the first invocation where tracing is on, never at cold start) takes ${median(tracerMs).toFixed(1)} ms to import and start (median of 7).`,
);
