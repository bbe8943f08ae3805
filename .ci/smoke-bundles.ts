// After `npm run synth`: the API and site functions exactly as CDK bundled them, each copied alone into
// a fresh folder (as Lambda unpacks it into /var/task, with nothing of the repository beside it), then
// invoked with API Gateway v2 events against DynamoDB Local. It catches what only the bundle can get
// wrong: a file the function reads that the bundling did not ship, a module that fails to load alone.
// The AWS SDK is linked in from node_modules, as the Lambda runtime provides it. Prints one
// "N passed, N failed" line; exits 1 on any failure.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../functions/local/create-tables.ts';
import { startDynamoDbLocal } from '../functions/local/dynamodb-local.ts';
import { startFakeMeilisearch } from '../test/support/fake-meilisearch.ts';

const root = resolve(import.meta.dirname, '..');
const cdkOut = join(root, '.tmp/cdk.out');
const template = JSON.parse(readFileSync(join(cdkOut, 'GuildhallApp.template.json'), 'utf8')) as {
  Resources: Record<string, { Type: string; Metadata?: Record<string, string> }>;
};
const assetOf = (logicalPrefix: string) => {
  const entry = Object.entries(template.Resources).find(
    ([id, resource]) => resource.Type === 'AWS::Lambda::Function' && id.startsWith(logicalPrefix),
  );
  const path = entry?.[1].Metadata?.['aws:asset:path'];
  if (!path) throw new Error(`no bundled asset for ${logicalPrefix} in ${cdkOut}; run npm run synth first`);
  return join(cdkOut, path);
};

interface Check {
  path: string;
  contains: string;
  status?: number;
  /** Something the Content-Security-Policy header must contain (a page's hashes ship with the bundle). */
  policy?: string;
}

/** GET requests each bundle must answer (200 unless said), and something each body must contain. */
const runs: Array<{ bundle: string; label: string; storeDown?: boolean; checks: Check[] }> = [
  {
    bundle: 'ApiFunction',
    label: 'api',
    checks: [
      { path: '/api/health', contains: '"status":"ok"', policy: "default-src 'none'" },
      { path: '/api/courses', contains: '"total":' },
      { path: '/api/courses/timber-stud-partition-walls/lessons/01-safety-tools-and-materials', contains: '<h2>' },
      { path: '/api/openapi.json', contains: '"openapi":"3.1.0"' },
    ],
  },
  {
    bundle: 'SiteFunction',
    label: 'site',
    checks: [
      { path: '/', contains: '<main', policy: "script-src 'self' 'sha256-" },
      { path: '/learn/', contains: '<main', policy: "script-src 'self' 'sha256-" },
      { path: '/learn/timber-stud-partition-walls/01-safety-tools-and-materials/', contains: '<h2' },
    ],
  },
  {
    bundle: 'SiteFunction',
    label: 'site, store unreachable',
    storeDown: true,
    checks: [{ path: '/jobs/', status: 503, contains: 'Back in a moment' }],
  },
];

const dynamo = await startDynamoDbLocal({ cacheDir: join(root, '.cache/dynamodb-local') });
// The AWS bundles carry no embedded engine: they search Meilisearch, here the imitation the adapter's
// unit tests use (test/support/fake-meilisearch.ts), so the bundled adapter runs as it does in AWS.
const search = await startFakeMeilisearch();
let passed = 0;
let failed = 0;
try {
  const tableName = 'guildhall-smoke';
  await ensureTable(
    new DynamoDBClient({
      region: 'eu-west-1',
      endpoint: dynamo.endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    tableName,
  );
  for (const { bundle, label, storeDown, checks: requests } of runs) {
    const dir = mkdtempSync(join(tmpdir(), `smoke-${bundle}-`));
    cpSync(assetOf(bundle), dir, { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    // STAGE=local only spares the smoke a credential signing key (AWS refuses to start without one).
    const script = `
      const { handler } = await import(${JSON.stringify(join(dir, 'index.mjs'))});
      const results = [];
      for (const path of ${JSON.stringify(requests.map((r) => r.path))}) {
        const event = { version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: '', cookies: [],
          headers: { host: 'smoke.test', accept: 'text/html,application/json' },
          requestContext: { http: { method: 'GET', path, sourceIp: '127.0.0.1', protocol: 'HTTP/1.1', userAgent: 'smoke' },
            requestId: 'smoke', stage: '$default', domainName: 'smoke.test', timeEpoch: Date.now() },
          isBase64Encoded: false };
        const result = await handler(event);
        const body = result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64').toString() : (result.body ?? '');
        results.push({ status: result.statusCode, body, policy: result.headers?.['content-security-policy'] ?? '' });
      }
      process.stdout.write(JSON.stringify(results));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        STAGE: 'local',
        AWS_REGION: 'eu-west-1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        AWS_EC2_METADATA_DISABLED: 'true',
        TABLE_NAME: tableName,
        // Nothing listens on port 9 here: the store is unreachable, and the page must say so with 503.
        DYNAMODB_ENDPOINT: storeDown ? 'http://127.0.0.1:9' : dynamo.endpoint,
        AUTH_ISSUER: 'https://issuer.smoke',
        AUTH_AUDIENCE: 'smoke',
        AUTH_JWKS: JSON.stringify({ keys: [{ kty: 'RSA', n: 'AQAB', e: 'AQAB' }] }),
        COMMONS_FILE: 'commons.json',
        MEILISEARCH_URL: search.url,
        LOG_LEVEL: 'error',
      },
    });
    const results = JSON.parse(output) as Array<{ status: number; body: string; policy: string }>;
    requests.forEach((request, i) => {
      const result = results[i];
      const ok =
        result?.status === (request.status ?? 200) &&
        result.body.includes(request.contains) &&
        result.policy.includes(request.policy ?? '');
      if (ok) passed++;
      else failed++;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}: GET ${request.path} → ${result?.status}`);
      if (!ok) console.log(`content-security-policy: ${result?.policy}\n${result?.body.slice(0, 500)}`);
    });
  }
} finally {
  await search.close();
  await dynamo.stop();
}
console.log(`bundle smoke: ${passed} passed, ${failed} failed`);
if (failed > 0) process.exit(1);
