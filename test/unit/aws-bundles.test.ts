// What the functions' AWS bundles leave out, built as the CDK app builds them (esbuild, ESM, minified,
// Node 24, the AWS SDK external, GUILDHALL_AWS_BUNDLE defined): code that only runs off AWS (the
// embedded search engine, the local stack), zod's JSON Schema generator (the OpenAPI document is built
// at build time) and the route table's documentation. Sizes and import times: `npm run bench:bundle`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const handlers = ['api', 'indexer', 'reindex', 'expire-openings', 'shortage-stream'];
const bundles = new Map<string, { inputs: string[]; code: string }>();

beforeAll(async () => {
  for (const name of handlers) {
    const result = await build({
      entryPoints: [join(root, 'functions/handlers', `${name}.ts`)],
      outfile: `${name}.mjs`,
      write: false,
      metafile: true,
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'node',
      target: 'node24',
      mainFields: ['module', 'main'],
      external: ['@aws-sdk/*'],
      define: { GUILDHALL_AWS_BUNDLE: 'true' },
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      logLevel: 'error',
    });
    const [output] = Object.values(result.metafile.outputs);
    bundles.set(name, { inputs: Object.keys(output?.inputs ?? {}), code: result.outputFiles[0]?.text ?? '' });
  }
}, 60_000);

describe('the functions bundled for AWS', () => {
  it.each(handlers)('%s carries neither the embedded search engine nor the local stack', (name) => {
    const inputs = bundles.get(name)?.inputs ?? [];
    expect(inputs.length).toBeGreaterThan(10);
    expect(inputs.filter((input) => /adapters\/search\/embedded|functions\/local\//.test(input))).toEqual([]);
  });

  it.each(handlers)('%s carries no JSON Schema generator and only zod/mini', (name) => {
    const inputs = bundles.get(name)?.inputs ?? [];
    expect(
      inputs.filter((input) => /json-schema|to-json-schema|http\/openapi\.ts|zod\/v4\/classic/.test(input)),
    ).toEqual([]);
  });

  it('the API routes by its table but carries none of the words the OpenAPI document is built from', () => {
    const code = bundles.get('api')?.code ?? '';
    expect(code).toContain('/api/syndicates/{syndicateId}/members');
    expect(code).not.toContain('Members and pending requests');
    expect(code).not.toContain('One page of syndicates.');
  });

  it('the API starts without loading Node’s fetch machinery, which an import of node:http would load', () => {
    // Inside the repository, so the bundle finds the AWS SDK in node_modules as Lambda provides it.
    const dir = join(root, '.tmp/aws-bundles-test');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'api.mjs');
    writeFileSync(file, bundles.get('api')?.code ?? '');
    const script = `await import(${JSON.stringify(`file://${file}`)}); console.log(process.moduleLoadList.filter((m) => m.includes('undici')).length)`;
    const loaded = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        STAGE: 'aws',
        AWS_REGION: 'eu-west-1',
        MEILISEARCH_URL: 'https://search.example.org',
        AUTH_ISSUER: 'https://issuer.example',
        AUTH_AUDIENCE: 'test',
        AUTH_JWKS_URL: 'https://issuer.example/jwks.json',
        CREDENTIAL_SIGNING_KEY: JSON.stringify({
          kty: 'OKP',
          crv: 'Ed25519',
          x: 'FK17rjUt4rownWczBlMdCUsGl4nJpXqDlzm-KX31XrY',
          d: '1ZWqdr0LgqANWyN2zgP2-Eh8FB7BCe7zncDrij-XNPI',
        }),
        LOG_LEVEL: 'silent',
      },
    });
    expect(Number(loaded)).toBe(0);
  });
});
