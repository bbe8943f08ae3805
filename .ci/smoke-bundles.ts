// After `npm run synth`: the API's functions (all but federation's) and the site function exactly as CDK bundled them, each copied alone into
// a fresh folder (as Lambda unpacks it into /var/task, with nothing of the repository beside it), then
// invoked with API Gateway v2 events against DynamoDB Local. It catches what only the bundle can get
// wrong: a file the function reads that the bundling did not ship, a module that fails to load alone.
// The AWS SDK is linked in from node_modules, as the Lambda runtime provides it. Secrets are read at
// run time as in AWS (the signing key and the origin value), from a stand-in Secrets Manager in this
// process; a request without CloudFront's origin header must get 403. Prints one
// "N passed, N failed" line; exits 1 on any failure.
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../functions/local/create-tables.ts';
import { startDynamoDbLocal } from '../functions/local/dynamodb-local.ts';
import { indexSettings } from '../functions/adapters/search/meilisearch/settings.ts';
import { startFakeMeilisearch } from '../test/support/fake-meilisearch.ts';
import {
  bundleAlone,
  bundleEnvironment,
  originValue,
  root,
  run,
  signingKey,
  startSecretsManager,
} from './smoke-support.ts';

interface Check {
  path: string;
  contains: string;
  status?: number;
  /** Sent without CloudFront's origin header: the function must refuse before any work. */
  direct?: boolean;
  /** Something the Content-Security-Policy header must contain (a page's hashes ship with the bundle). */
  policy?: string;
}

const secretsManager = await startSecretsManager();

/** GET requests each bundle must answer (200 unless said), and something each body must contain. */
const runs: Array<{ bundle: string; label: string; storeDown?: boolean; checks: Check[] }> = [
  {
    bundle: 'ApiFunction',
    label: 'api',
    checks: [
      { path: '/api/health', contains: '"status":"ok"', policy: "default-src 'none'" },
      { path: '/api/openapi.json', contains: '"openapi":"3.1.0"' },
      { path: '/api/health', contains: 'answers only through the site', status: 403, direct: true },
    ],
  },
  {
    // Learning and credentials, a function of their own since `api` reached its budget.
    bundle: 'LearningApiFunction',
    label: 'learning-api',
    checks: [
      { path: '/api/courses', contains: '"items":[{"id":', policy: "default-src 'none'" },
      { path: '/api/courses/timber-stud-partition-walls/lessons/01-safety-tools-and-materials', contains: '<h2>' },
      // The public half of the key the function read from (stand-in) Secrets Manager.
      { path: '/api/credentials/keys', contains: `"x":"${signingKey.x}"` },
      { path: '/api/courses', contains: 'answers only through the site', status: 403, direct: true },
    ],
  },
  {
    // Practical sign-off, a function of its own since learning-api reached its budget.
    bundle: 'PracticalApiFunction',
    label: 'practical-api',
    checks: [
      {
        path: '/api/me/enrollments/timber-stud-partition-walls/practical',
        status: 401,
        contains: '"status":401',
        policy: "default-src 'none'",
      },
      {
        path: '/api/syndicates/x/practical-work',
        contains: 'answers only through the site',
        status: 403,
        direct: true,
      },
    ],
  },
  {
    // The API's second function (its route group: innovations, adoptions, value reports).
    bundle: 'InnovationsApiFunction',
    label: 'innovations-api',
    checks: [
      // The registry, searched in (stand-in) Meilisearch.
      { path: '/api/innovations', contains: '"items":[', policy: "default-src 'none'" },
      { path: '/api/innovations', contains: 'answers only through the site', status: 403, direct: true },
    ],
  },
  {
    // The ledger and the registry log, a function of their own since innovations-api reached its budget.
    bundle: 'LedgerApiFunction',
    label: 'ledger-api',
    checks: [
      // Signed with the key the function read from (stand-in) Secrets Manager: its public half.
      { path: '/api/registry-log/head', contains: `"x":"${signingKey.x}"`, policy: "default-src 'none'" },
      { path: '/api/registry-log/head', contains: 'answers only through the site', status: 403, direct: true },
    ],
  },
  {
    // The API's third function (its route group: profiles, and the people issue's routes).
    bundle: 'PeopleApiFunction',
    label: 'people-api',
    checks: [
      // Sign-in is checked by the function itself here (no authorizer in front of a bare bundle).
      { path: '/api/me', status: 401, contains: '"status":401', policy: "default-src 'none'" },
      { path: '/api/me', contains: 'answers only through the site', status: 403, direct: true },
    ],
  },
  {
    // The hiring loop and CVs, a function of their own since people-api reached its budget.
    bundle: 'HiringApiFunction',
    label: 'hiring-api',
    checks: [
      { path: '/api/me/cv', status: 401, contains: '"status":401', policy: "default-src 'none'" },
      { path: '/api/me/cv', contains: 'answers only through the site', status: 403, direct: true },
    ],
  },
  {
    // The API's fourth function (its route group: Bound payments and payment requests).
    bundle: 'BoundApiFunction',
    label: 'bound-api',
    checks: [
      { path: '/api/me/payment-requests', status: 401, contains: '"status":401', policy: "default-src 'none'" },
      { path: '/api/me/payment-requests', contains: 'answers only through the site', status: 403, direct: true },
    ],
  },
  {
    // The API's fifth function (its route group: the marketplace's offers and wants, and email preferences).
    bundle: 'MarketApiFunction',
    label: 'market-api',
    checks: [
      { path: '/api/me/offers', status: 401, contains: '"status":401', policy: "default-src 'none'" },
      { path: '/api/me/offers', contains: 'answers only through the site', status: 403, direct: true },
      // A person's email preferences moved here from people-api (market-group.ts).
      { path: '/api/me/email-preferences', status: 401, contains: '"status":401', policy: "default-src 'none'" },
    ],
  },
  {
    // The API's sixth function (its route group: proposals, votes and closing).
    bundle: 'DecisionsApiFunction',
    label: 'decisions-api',
    checks: [
      { path: '/api/proposals', contains: '"items":[', policy: "default-src 'none'" },
      { path: '/api/me/proposal-drafts', status: 401, contains: '"status":401' },
      { path: '/api/proposals', contains: 'answers only through the site', status: 403, direct: true },
    ],
  },
  {
    bundle: 'SiteFunction',
    label: 'site',
    checks: [
      { path: '/', contains: '<main', policy: "script-src 'self' 'sha256-" },
      { path: '/learn/', contains: '<main', policy: "script-src 'self' 'sha256-" },
      { path: '/learn/timber-stud-partition-walls/01-safety-tools-and-materials/', contains: '<h2' },
      // Rendered on demand: searches, and reads the compiled commons (the bundle has no content parser).
      { path: '/search/?q=timber', contains: '<main' },
      { path: '/', contains: 'answers only through the site', status: 403, direct: true },
    ],
  },
  {
    bundle: 'SiteFunction',
    label: 'site, store unreachable',
    storeDown: true,
    // The syndicates' board reads the store (the jobs board reads through search since paging).
    checks: [{ path: '/syndicates/', status: 503, contains: 'Back in a moment' }],
  },
];

const dynamo = await startDynamoDbLocal({ cacheDir: join(root, '.cache/dynamodb-local') });
// The AWS bundles carry no embedded engine: they search Meilisearch, here the imitation the adapter's
// unit tests use (test/support/fake-meilisearch.ts), so the bundled adapter runs as it does in AWS.
const search = await startFakeMeilisearch();
// The index with its settings, as the reindex leaves it: without them it refuses the site's facets.
await fetch(`${search.url}/indexes/guildhall/settings`, { method: 'PATCH', body: JSON.stringify(indexSettings()) });
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
    const dir = bundleAlone(bundle);
    const script = `
      const { handler } = await import(${JSON.stringify(join(dir, 'index.mjs'))});
      const results = [];
      for (const { path, direct } of ${JSON.stringify(requests.map((r) => ({ path: r.path, direct: r.direct ?? false })))}) {
        const headers = { host: 'smoke.test', accept: 'text/html,application/json' };
        if (!direct) headers['x-origin-verify'] = ${JSON.stringify(originValue)};
        const event = { version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: '', cookies: [], headers,
          requestContext: { http: { method: 'GET', path, sourceIp: '127.0.0.1', protocol: 'HTTP/1.1', userAgent: 'smoke' },
            requestId: 'smoke', stage: '$default', domainName: 'smoke.test', timeEpoch: Date.now() },
          isBase64Encoded: false };
        const result = await handler(event);
        const body = result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64').toString() : (result.body ?? '');
        results.push({ status: result.statusCode, body, policy: result.headers?.['content-security-policy'] ?? '' });
      }
      process.stdout.write(JSON.stringify(results));`;
    // Asynchronously: the stand-in Secrets Manager answers from this process meanwhile.
    const { stdout: output } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: dir,
      encoding: 'utf8',
      env: bundleEnvironment({
        tableName,
        // Nothing listens on port 9 here: the store is unreachable, and the page must say so with 503.
        dynamoEndpoint: storeDown ? 'http://127.0.0.1:9' : dynamo.endpoint,
        searchUrl: search.url,
        secretsEndpoint: secretsManager.endpoint,
      }),
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
  secretsManager.close();
}
console.log(`bundle smoke: ${passed} passed, ${failed} failed`);
if (failed > 0) process.exit(1);
