// After `npm run synth`: the functions that answer no HTTP request (the sweep, the saved-search alerts, the
// witness run, the search indexer, the shortage and notification stream, the reindex steps, SES's bounce events), each
// exactly as CDK bundled it, copied alone into a fresh folder and invoked with the event its trigger
// sends (EventBridge's input, a DynamoDB stream batch, an SQS message, an SNS notification) against
// DynamoDB Local, an imitation of Meilisearch and stand-ins for Secrets Manager and SQS. It catches what
// only the bundle can get wrong for these: a repository its composition root left out but a job still
// reads, a file it reads that the bundling did not ship (the reindex's ESCO data), a module that fails
// to load alone. Prints one "N passed, N failed" line; exits 1 on any failure.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { openingKeys, syndicateKeys, witnessedLogKeys } from '../functions/adapters/dynamodb/keys.ts';
import { indexSettings, indexVersion } from '../functions/adapters/search/meilisearch/settings.ts';
import { ensureTable } from '../functions/local/create-tables.ts';
import { startDynamoDbLocal } from '../functions/local/dynamodb-local.ts';
import { startFakeMeilisearch } from '../test/support/fake-meilisearch.ts';
import { bundleAlone, bundleEnvironment, root, run, startSecretsManager, startStandIn } from './smoke-support.ts';

const tableName = 'guildhall-smoke-workers';
const dynamo = await startDynamoDbLocal({ cacheDir: join(root, '.cache/dynamodb-local') });
const search = await startFakeMeilisearch();
await fetch(`${search.url}/indexes/guildhall/settings`, { method: 'PATCH', body: JSON.stringify(indexSettings()) });
const secretsManager = await startSecretsManager();
const md5 = (text: string) => createHash('md5').update(text).digest('hex');
/** SQS's SendMessageBatch (JSON 1.0), keeping what the reindex queues for its next steps. */
const queued: unknown[] = [];
const sqs = await startStandIn((target, body) => {
  if (target !== 'AmazonSQS.SendMessageBatch') return [400, { __type: 'InvalidAction', message: target }];
  const entries = (body.Entries ?? []) as Array<{ Id: string; MessageBody: string }>;
  queued.push(...entries.map((entry) => JSON.parse(entry.MessageBody)));
  return [
    200,
    {
      Successful: entries.map((entry) => ({
        Id: entry.Id,
        MessageId: entry.Id,
        MD5OfMessageBody: md5(entry.MessageBody),
      })),
    },
  ];
}, 'application/x-amz-json-1.0');

const raw = new DynamoDBClient({
  region: 'eu-west-1',
  endpoint: dynamo.endpoint,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
await ensureTable(raw, tableName);
const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });

// One syndicate with one open opening, written as the repositories write them: what the stream carries.
const at = new Date().toISOString();
const syndicate = {
  id: 'smoke-builders',
  name: 'Smoke Builders',
  trade: 'construction',
  description: 'A syndicate the smoke run writes to see the stream functions index it.',
  place: 'Leeds, GB',
  rateCard: [],
  createdAt: at,
  createdBy: 'smoke',
  memberCount: 1,
  adminCount: 1,
};
const opening = {
  id: 'smoke-opening',
  syndicateId: syndicate.id,
  title: 'Plasterboard fixer for a smoke test',
  description: 'An opening the smoke run writes, to be found in search after the indexer runs.',
  skills: [{ skill: 'plasterboard-fixing', level: 'working' }],
  positions: 1,
  hoursPerWeek: 20,
  pay: [{ amount: 1500, currency: 'EUR', per: 'hour' }],
  place: 'Leeds, GB',
  remote: false,
  applicantCountries: [],
  employmentType: 'CONTRACTOR',
  validThrough: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
  status: 'open',
  filled: 0,
  version: 1,
  createdAt: at,
  updatedAt: at,
  createdBy: 'smoke',
  datePosted: at,
};
const items = [
  { ...syndicateKeys(syndicate.id, syndicate.name), type: 'syndicate', ...syndicate },
  { ...openingKeys(opening), type: 'opening', ...opening },
];
for (const item of items) await client.send(new PutCommand({ TableName: tableName, Item: item }));
// A registry log a steward chose to witness, at an address the guarded fetch refuses (loopback, with no
// allowance): the witness run reads it from the table, tries it through the guard and keeps its problem.
const witnessedLog = {
  host: '127.0.0.1:9',
  publicKey: { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' },
  addedBy: 'smoke',
  addedAt: at,
};
await client.send(
  new PutCommand({
    TableName: tableName,
    Item: { ...witnessedLogKeys(witnessedLog.host), type: 'witnessed-log', ...witnessedLog, lastSize: 0 },
  }),
);
/** Each item as a stream INSERT record carries it (its image in DynamoDB's own JSON). */
const streamBatch = {
  Records: await Promise.all(
    items.map(async (item, n) => {
      const stored = await raw.send(
        new GetItemCommand({ TableName: tableName, Key: { pk: { S: item.pk }, sk: { S: item.sk } } }),
      );
      return {
        eventID: `smoke-${n}`,
        eventName: 'INSERT',
        eventSource: 'aws:dynamodb',
        awsRegion: 'eu-west-1',
        dynamodb: {
          Keys: { pk: { S: item.pk }, sk: { S: item.sk } },
          NewImage: stored.Item,
          SequenceNumber: String(1000 + n),
          StreamViewType: 'NEW_AND_OLD_IMAGES',
          ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
        },
      };
    }),
  ),
};
/** The ids the search index holds (each document keeps its id beside Meilisearch's encoded key). */
const documents = () =>
  [...(search.indexes.get('guildhall')?.documents.values() ?? [])].map((document) => String(document.id));

interface Invocation {
  bundle: string;
  label: string;
  events: unknown[];
  env?: Record<string, string>;
  /** What the results (one per event, in order) and the world after must show; a sentence when they do not. */
  check: (results: unknown[]) => string | undefined;
}

const type = <T>(value: unknown) => value as T;
/** What the CDK app gives the functions that mail (infra/constructs/email.ts); no mail is due here. */
const mailing = {
  EMAIL_LINK_KEY_SECRET: 'guildhall/email-link-key',
  EMAIL_FROM: 'Guildhall <notifications@smoke.test>',
  SES_CONFIGURATION_SET: 'smoke',
};
const invocations: Invocation[] = [
  {
    bundle: 'ExpireOpeningsFunction',
    label: 'the sweep: proposals every ten minutes, then the daily run',
    events: [{ run: 'proposals' }, {}],
    check: ([proposals, daily]) => {
      const ten = type<{ proposals?: { closed?: number } }>(proposals);
      const day = type<{ snapshotDay?: string; checked?: number }>(daily);
      if (ten.proposals?.closed !== 0) return `the ten-minute run answered ${JSON.stringify(proposals)}`;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day.snapshotDay ?? '')) return `the daily run answered ${JSON.stringify(daily)}`;
      return undefined;
    },
  },
  {
    bundle: 'SavedSearchAlertsFunction',
    label: 'the saved-search alerts, instant and daily',
    events: [{ alerts: 'instant' }, {}],
    env: mailing,
    check: (results) =>
      results.every((result) => type<{ failed?: number }>(result).failed === 0)
        ? undefined
        : `answered ${JSON.stringify(results)}`,
  },
  {
    bundle: 'IndexerFunction',
    label: 'the search indexer, a stream batch of a syndicate and its opening',
    events: [streamBatch],
    check: ([result]) => {
      const failures = type<{ batchItemFailures?: unknown[] }>(result).batchItemFailures;
      if (failures?.length !== 0) return `answered ${JSON.stringify(result)}`;
      const found = documents();
      return found.includes(`opening:${opening.id}`) ? undefined : `the index holds ${JSON.stringify(found)}`;
    },
  },
  {
    bundle: 'ShortageStreamFunction',
    label: 'the shortage, notification and economy stream, the same batch',
    events: [streamBatch],
    env: mailing,
    check: ([result]) =>
      type<{ batchItemFailures?: unknown[] }>(result).batchItemFailures?.length === 0
        ? undefined
        : `answered ${JSON.stringify(result)}`,
  },
  {
    bundle: 'ReindexFunction',
    label: 'the reindex: a start, a page of the table, the commons and a slice of ESCO',
    events: [
      { kind: 'start', version: indexVersion(), segments: 1 },
      { kind: 'table', version: indexVersion(), segment: 0, segments: 1, page: 0 },
      { kind: 'commons', version: indexVersion() },
      { kind: 'esco', version: indexVersion(), offset: 0 },
    ].map((step) => ({ Records: [{ messageId: step.kind, body: JSON.stringify(step) }] })),
    // The SDK sends to the queue URL's host, so the URL names the stand-in.
    env: { REINDEX_QUEUE_URL: `${sqs.endpoint}/000000000000/smoke-reindex.fifo` },
    check: () => {
      const found = documents();
      const steps = queued.map((step) => type<{ kind: string }>(step).kind);
      if (!steps.includes('table')) return `the start queued ${JSON.stringify(queued)}`;
      if (!found.includes(`opening:${opening.id}`)) return 'the page of the table indexed no opening';
      if (!found.some((id) => id.startsWith('course:'))) return 'the commons step indexed no course';
      if (!found.some((id) => id.startsWith('skill:esco/')))
        return 'the ESCO step indexed no ESCO skill (is esco.json.gz beside the bundle?)';
      return undefined;
    },
  },
  {
    bundle: 'WitnessFunction',
    label: 'the witness run, a log it cannot reach (the guard refuses loopback) noted and the run carried on',
    events: [{}],
    check: ([result]) => {
      const run = type<{ witnessed?: number; outcomes?: Record<string, string> }>(result);
      return run.witnessed === 1 && run.outcomes?.[witnessedLog.host] === 'unreachable'
        ? undefined
        : `answered ${JSON.stringify(result)}`;
    },
  },
  {
    bundle: 'EmailEventsFunction',
    label: 'SES’s events: a permanent bounce suppresses the address',
    events: [
      {
        Records: [
          {
            Sns: {
              MessageId: 'smoke',
              Message: JSON.stringify({
                eventType: 'Bounce',
                bounce: {
                  bounceType: 'Permanent',
                  bouncedRecipients: [{ emailAddress: 'gone@smoke.test' }],
                  timestamp: at,
                  feedbackId: 'smoke',
                },
              }),
            },
          },
        ],
      },
    ],
    check: ([result]) =>
      type<{ suppressed?: number }>(result).suppressed === 1 ? undefined : `answered ${JSON.stringify(result)}`,
  },
];

let passed = 0;
let failed = 0;
try {
  for (const invocation of invocations) {
    // Each function's documents are its own: what the indexer wrote must not pass the reindex's check.
    search.indexes.get('guildhall')?.documents.clear();
    let outcome: string | undefined;
    try {
      const dir = bundleAlone(invocation.bundle);
      const script = `
      const { handler } = await import(${JSON.stringify(`${dir}/index.mjs`)});
      const context = { functionName: 'smoke', awsRequestId: 'smoke', getRemainingTimeInMillis: () => 60000 };
      const results = [];
      for (const event of ${JSON.stringify(invocation.events)}) results.push(await handler(event, context));
      process.stdout.write(JSON.stringify(results));`;
      const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', script], {
        cwd: dir,
        encoding: 'utf8',
        env: {
          ...bundleEnvironment({
            tableName,
            dynamoEndpoint: dynamo.endpoint,
            searchUrl: search.url,
            secretsEndpoint: secretsManager.endpoint,
          }),
          AWS_ENDPOINT_URL_SQS: sqs.endpoint,
          ...invocation.env,
        },
      });
      outcome = invocation.check(JSON.parse(stdout) as unknown[]);
      if (outcome !== undefined) outcome += `\n${stderr.slice(0, 1500)}`;
    } catch (error) {
      outcome = String((error as { stderr?: string }).stderr || error).slice(0, 1500);
    }
    if (outcome === undefined) passed++;
    else failed++;
    console.log(`${outcome === undefined ? 'ok  ' : 'FAIL'} ${invocation.label}`);
    if (outcome !== undefined) console.log(outcome);
  }
} finally {
  await search.close();
  await dynamo.stop();
  secretsManager.close();
  sqs.close();
}
console.log(`worker bundle smoke: ${passed} passed, ${failed} failed`);
if (failed > 0) process.exit(1);
