// What the functions' AWS bundles leave out, built with the CDK app's own options (esbuild, ESM, minified,
// Node 24, the AWS SDK external, GUILDHALL_AWS_BUNDLE defined): code that only runs off AWS (the
// embedded search engine, the local stack), zod's JSON Schema generator (the OpenAPI document is built
// at build time) and the route table's documentation. Sizes and import times: `npm run bench:bundle`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeGroups } from '#http/api.ts';
import { awsBuildOptions, awsBuildOptionsFor } from '../support/aws-bundle.ts';

const root = join(import.meta.dirname, '../..');
const handlers = readdirSync(join(root, 'functions/handlers'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.replace(/\.ts$/, ''));
/** The API's functions, one per route group (functions/http/api.ts). */
const apiFunctions = routeGroups.map((group) => group.name);
const bundles = new Map<string, { inputs: string[]; code: string }>();
/** The functions that speak ActivityPub, and so carry Fedify: the inboxes and actors, and the deliveries. */
const federationFunctions = ['federation-api', 'federation-delivery'];
/** What the witness run fetches other logs with: the guarded fetch and the remote logs' reader, no Fedify. */
const witnessFetches = /activitypub\/(guarded-fetch|remote-logs)\.ts$/;

beforeAll(async () => {
  for (const name of handlers) {
    const result = await build({
      entryPoints: [join(root, 'functions/handlers', `${name}.ts`)],
      outfile: `${name}.mjs`,
      write: false,
      metafile: true,
      ...awsBuildOptionsFor(name),
    });
    const output = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('.mjs'))?.[1];
    // What the bundle carries: the inputs it printed code of. Tree shaking can leave a module at no
    // bytes, or at the import of an external package it keeps for that package's side effects.
    const inputs = Object.entries(output?.inputs ?? {}).flatMap(([input, { bytesInOutput }]) =>
      bytesInOutput > 100 ? [input] : [],
    );
    // The bundle itself, not the licence comments' file beside it (index.mjs.LEGAL.txt).
    const code = result.outputFiles.find((file) => file.path.endsWith('.mjs'))?.text ?? '';
    bundles.set(name, { inputs, code });
  }
}, 60_000);

describe('the functions bundled for AWS', () => {
  it('are built from every handler entry, every API function among them', () => {
    expect(handlers).toEqual(
      expect.arrayContaining([...apiFunctions, 'indexer', 'reindex', 'expire-openings', 'witness']),
    );
  });

  // 250 KB is issue 14's budget for the API, stream and sweep bundles (minified, as the CDK app builds them).
  // The federation function carries Fedify (ActivityPub), 2.7 MB of it: its own function, outside that
  // budget by decision (ARCHITECTURE.md, Federation), held to its own so it cannot grow unseen. The
  // delivery consumer signs with Fedify's signRequest, whose module pulls in Fedify's vocabulary: 2.5 MB.
  const budgets: Record<string, number> = {
    'federation-api': 3 * 1024 * 1024,
    'federation-delivery': 2.6 * 1024 * 1024,
  };
  it.each(handlers)('%s stays within its budget minified (250 KB unless named)', (name) => {
    expect(Buffer.byteLength(bundles.get(name)?.code ?? '')).toBeLessThanOrEqual(budgets[name] ?? 250 * 1024);
  });

  it('keeps Fedify out of every function but the federation API and its delivery consumer', () => {
    for (const [name, { inputs }] of bundles) {
      if (federationFunctions.includes(name)) expect(inputs.some((input) => input.includes('@fedify/'))).toBe(true);
      else
        expect(
          inputs.filter(
            (input) =>
              input.includes('@fedify/') ||
              (input.includes('activitypub/') && !(name === 'witness' && witnessFetches.test(input))),
          ),
          name,
        ).toEqual([]);
    }
  });

  it('gives the witness run the guarded fetch and the remote logs’ reader, and leaves the sweep without them', () => {
    const witness = bundles.get('witness')?.inputs ?? [];
    expect(witness.filter((input) => witnessFetches.test(input)).sort()).toEqual([
      'functions/adapters/activitypub/guarded-fetch.ts',
      'functions/adapters/activitypub/remote-logs.ts',
    ]);
    expect(witness).toEqual(expect.arrayContaining(['functions/domain/federation/witnessing.ts']));
    expect((bundles.get('expire-openings')?.inputs ?? []).filter((input) => witnessFetches.test(input))).toEqual([]);
  });

  it('leaves the repositories no route of a function uses out of its bundle (registry, ledger and log from api; threads, notes and person data from innovations-api)', () => {
    const inputs = bundles.get('api')?.inputs ?? [];
    expect(inputs.filter((input) => /(innovation|ledger|registry-log)-repository\.ts$/.test(input))).toEqual([]);
    expect(bundles.get('innovations-api')?.inputs ?? []).toEqual(
      expect.arrayContaining(['functions/adapters/dynamodb/innovation-repository.ts']),
    );
    expect(
      (bundles.get('innovations-api')?.inputs ?? []).filter((input) =>
        // (The thread module's message writes ride with the openings' stage changes.)
        /(application-note|person-data)-repository\.ts$/.test(input),
      ),
    ).toEqual([]);
    expect(bundles.get('people-api')?.inputs ?? []).toEqual(
      expect.arrayContaining(['functions/adapters/dynamodb/thread-repository.ts']),
    );
  });

  it('reads ESCO’s data file only in the reindex function, and carries no ESCO data in any bundle', () => {
    const readers = handlers.filter((name) =>
      (bundles.get(name)?.inputs ?? []).includes('functions/adapters/content/esco-file.ts'),
    );
    expect(readers).toEqual(['reindex']);
    // Labels from the data file (ESCO's first skill and a plastering skill) appear in no bundle.
    for (const name of handlers) {
      expect(bundles.get(name)?.code, name).not.toMatch(/manage musical staff|prepare surface for plastering/);
    }
  });

  it('gives each API function only its own group’s routes', () => {
    const routeModules = (name: string) =>
      (bundles.get(name)?.inputs ?? []).filter((input) => /http\/routes\/[a-z-]+-routes\.ts$/.test(input));
    expect(routeModules('api').filter((input) => /innovation-routes|ledger-routes/.test(input))).toEqual([]);
    const names = (name: string) =>
      routeModules(name)
        .map((input) => input.replace(/^.*\//, ''))
        .sort();
    expect(names('api')).toEqual(['job-routes.ts', 'search-routes.ts', 'shortage-routes.ts', 'system-routes.ts']);
    expect(names('learning-api')).toEqual(['credential-routes.ts', 'learning-routes.ts', 'path-routes.ts']);
    // With the catalogue's federated Documents (issue 20): plain JSON over the commons and the snapshots.
    expect(names('practical-api')).toEqual(['catalogue-federation-routes.ts', 'practical-routes.ts']);
    // The ledger's routes share the registry's item schemas (innovation-schemas.ts), not its route table.
    expect(names('innovations-api')).toEqual(['innovation-routes.ts']);
    expect(names('ledger-api')).toEqual(['ledger-routes.ts']);
    expect(names('people-api')).toEqual([
      'account-routes.ts',
      'notification-routes.ts',
      'people-routes.ts',
      'saved-search-routes.ts',
    ]);
    expect(names('hiring-api')).toEqual(['applicant-routes.ts', 'cv-routes.ts', 'hiring-routes.ts']);
    expect(routeModules('api').filter((input) => /people-routes/.test(input))).toEqual([]);
    expect(routeModules('people-api').map((input) => input.replace(/^.*\//, ''))).toContain('people-routes.ts');
    expect(
      routeModules('bound-api')
        .map((input) => input.replace(/^.*\//, ''))
        .sort(),
    ).toEqual(['economy-routes.ts', 'order-routes.ts', 'payment-routes.ts', 'work-routes.ts']);
    expect(
      routeModules('market-api')
        .map((input) => input.replace(/^.*\//, ''))
        .sort(),
    ).toEqual(['best-match-routes.ts', 'email-routes.ts', 'market-routes.ts', 'skill-suggest-routes.ts']);
    expect(routeModules('decisions-api').map((input) => input.replace(/^.*\//, ''))).toEqual(['decision-routes.ts']);
  });

  it('carries the proposals’ repository only where proposals are made, voted, closed or swept', () => {
    const carries = (name: string) =>
      (bundles.get(name)?.inputs ?? []).some((input) => input.endsWith('adapters/dynamodb/decision-repository.ts'));
    expect(['decisions-api', 'expire-openings'].filter(carries)).toEqual(['decisions-api', 'expire-openings']);
    expect(['api', 'innovations-api', 'people-api', 'bound-api', 'indexer', 'shortage-stream'].filter(carries)).toEqual(
      [],
    );
  });

  it.each(handlers)('%s carries neither the embedded search engine nor the local stack', (name) => {
    const inputs = bundles.get(name)?.inputs ?? [];
    expect(inputs.length).toBeGreaterThan(10);
    expect(inputs.filter((input) => /adapters\/search\/embedded|functions\/local\//.test(input))).toEqual([]);
  });

  it.each(handlers)('%s carries no SMTP client or server: mail in AWS goes through SES', (name) => {
    const inputs = bundles.get(name)?.inputs ?? [];
    expect(
      inputs.filter((input) => /node_modules\/(nodemailer|smtp-server|mailparser)\/|adapters\/mail\/smtp/.test(input)),
    ).toEqual([]);
  });

  it.each(['api', 'innovations-api', 'ledger-api'])(
    '%s carries no email code (preferences, rendering, mailers)',
    (name) => {
      const inputs = bundles.get(name)?.inputs ?? [];
      expect(
        inputs.filter((input) =>
          /domain\/notifications\/(?!notification\.ts)|adapters\/mail\/|email-|ses-/.test(input),
        ),
      ).toEqual([]);
    },
  );

  it('gives the SES events function the suppression list and the market API (not the people API) the email routes', () => {
    expect(
      bundles.get('email-events')?.inputs.some((input) => input.endsWith('domain/notifications/suppression.ts')),
    ).toBe(true);
    expect(bundles.get('market-api')?.inputs.some((input) => input.endsWith('http/routes/email-routes.ts'))).toBe(true);
    expect(bundles.get('people-api')?.inputs.some((input) => input.endsWith('http/routes/email-routes.ts'))).toBe(
      false,
    );
  });

  it.each(handlers)('%s carries no JSON Schema generator and only zod/mini', (name) => {
    const inputs = bundles.get(name)?.inputs ?? [];
    expect(
      inputs.filter((input) => /json-schema|to-json-schema|http\/openapi\.ts|zod\/v4\/classic/.test(input)),
    ).toEqual([]);
  });

  it.each(handlers)(
    '%s signs with node:crypto, without jose, and takes only the Index of the meilisearch client',
    (name) => {
      const { inputs = [], code = '' } = bundles.get(name) ?? {};
      expect(inputs.filter((input) => input.includes('node_modules/jose/'))).toEqual([]);
      // Endpoints only the client’s Meilisearch class sends: dumps and snapshots.
      expect(code).not.toMatch(/path:"(dumps|snapshots)"/);
    },
  );

  it('the API routes by its table but carries none of the words the OpenAPI document is built from', () => {
    const code = bundles.get('api')?.code ?? '';
    expect(code).toContain('/api/syndicates/{syndicateId}/members');
    expect(code).not.toContain('Members and pending requests');
    expect(code).not.toContain('One page of syndicates.');
  });

  // Not federation-api: Fedify, which it exists to carry, loads it, and fetching remote actors is its work.
  it.each(apiFunctions.filter((name) => name !== 'federation-api'))(
    '%s starts without loading Node’s fetch machinery, which an import of node:http would load',
    (name) => {
      const script = `await import(BUNDLE); console.log(process.moduleLoadList.filter((m) => m.includes('undici')).length)`;
      expect(Number(runAfterImport(name, script))).toBe(0);
    },
  );

  // The stream consumers and the sweep parse their configuration at import, by design (services built
  // once per cold start at module scope); the API and the reindex read secrets first, so they wait.
  it.each([...apiFunctions, 'reindex'])(
    '%s builds no schema while it is imported: each waits for the first call that parses with it',
    (name) => {
      // zod gives every schema it builds its `_zod` internals with Object.defineProperty; counting those
      // calls counts schemas. The second figure proves the count sees them: one schema built after.
      const script = [
        'let built = 0;',
        'const define = Object.defineProperty;',
        "Object.defineProperty = function (target, key, descriptor) { if (key === '_zod') built++; return define.call(this, target, key, descriptor); };",
        'await import(BUNDLE);',
        'const during = built;',
        "(await import('zod/mini')).string();",
        'console.log(during, built - during);',
      ].join('\n');
      const [during, after] = runAfterImport(name, script).trim().split(' ').map(Number);
      expect(after).toBeGreaterThan(0);
      expect(during).toBe(0);
    },
  );
});

describe('what the site function takes from the functions’ code', () => {
  // Astro's build bundles the pages first; the CDK app then bundles that output with these options. Both
  // bundlers drop an unused import the same way, so bundling the modules the pages import shows it.
  it('leaves out the content parser and its YAML library, which only the build runs', async () => {
    const inputs = await bundledInputs("export { getCommons } from './site/src/lib/commons.ts';", awsBuildOptions);
    expect(inputs.some((input) => input.includes('adapters/content/commons-file.ts'))).toBe(true);
    expect(inputs.filter((input) => /node_modules\/yaml\/|parse-commons|load-commons/.test(input))).toEqual([]);
  });

  it('reads queries and path numbers from a module that holds no route table', async () => {
    const inputs = await bundledInputs("export * from '#http/routes/queries.ts';", awsBuildOptions);
    expect(inputs.some((input) => input.endsWith('http/routes/params.ts'))).toBe(true);
    expect(inputs.filter((input) => /-routes\.ts$|http\/route\.ts$|app\/commands\//.test(input))).toEqual([]);
  });

  it('has no page that imports a route table, which would bring every route of it along', () => {
    const site = join(root, 'site/src');
    const importers = readdirSync(site, { recursive: true, encoding: 'utf8' })
      .filter((path) => /\.(ts|astro)$/.test(path))
      .filter((path) => /from '#http\/routes\/[a-z-]+-routes\.ts'/.test(readFileSync(join(site, path), 'utf8')));
    expect(importers).toEqual([]);
  });
});

async function bundledInputs(contents: string, options: typeof awsBuildOptions): Promise<string[]> {
  // From stdin there is no file for the licence comments to go beside: the inputs are what is read here.
  const result = await build({
    stdin: { contents, resolveDir: root },
    write: false,
    metafile: true,
    ...options,
    legalComments: 'eof',
  });
  return Object.keys(result.metafile.inputs);
}

/** Runs `script` in a fresh Node process, with BUNDLE the URL of the handler's bundle, as Lambda's environment would. */
function runAfterImport(name: string, script: string): string {
  // Inside the repository, so the bundle finds the AWS SDK in node_modules as Lambda provides it.
  const dir = join(root, '.tmp/aws-bundles-test');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, bundles.get(name)?.code ?? '');
  const source = `const BUNDLE = ${JSON.stringify(`file://${file}`)};\n${script}`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', source], {
    cwd: root,
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
}
