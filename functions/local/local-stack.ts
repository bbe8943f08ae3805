// Everything that makes one machine behave like Guildhall's AWS deployment, as one reusable piece:
// `npm start`, the browser tests and the benchmarks all start the stack through here.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { apiRoutes } from '#http/api.ts';
import { processApiHandler } from '#http/api-handler.ts';
import { compileRoutes } from '#http/router.ts';
import { createLogger } from '#platform/log.ts';
import { prerenderedPoliciesFile, readPrerenderedPolicies } from '#http/prerendered-policies.ts';
import { compileCommons } from './compile-commons.ts';
import { compileOpenApi } from './compile-openapi.ts';
import { ensureTable } from './create-tables.ts';
import { demoPeople, demoSteward } from './demo-data/people.ts';
import { createDevIdentityProvider, type DevIdentityProvider } from './dev-identity.ts';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.ts';
import { createGateway, type LambdaHandler } from './gateway.ts';
import { seedDemoData } from './seed.ts';
import { startStreamPoller, type StreamPoller } from './stream-poller.ts';
import { emailLinkKey, federationKeyFile, instanceKey } from './instance-keys.ts';
import { type MailCatcher, startMailCatcher } from './mail-catcher.ts';
import type { Mailer } from '#domain/notifications/notification.ts';

export interface LocalStackOptions {
  port: number;
  host?: string;
  /** Keep DynamoDB data under this folder instead of in memory. */
  dataDir?: string | undefined;
  /** Build the site only when it is missing or older than its sources (default), always, or never. */
  build?: 'if-needed' | 'always' | 'never';
  /** Serve the site (default true); false serves the API and sign-in pages only (for `astro dev`). */
  serveSite?: boolean;
  seed?: boolean;
  /** A compiled commons to serve instead of the one compiled from content/ (a test's changed course). */
  commonsFile?: string | undefined;
  /** What the community calls this instance (INSTANCE_NAME): how other instances name it. */
  instanceName?: string | undefined;
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  progress?: (message: string) => void;
}

export interface LocalStack {
  url: string;
  poller: StreamPoller;
  dynamo: DynamoDbLocal;
  identity: DevIdentityProvider;
  env: Record<string, string>;
  /** The SMTP server that catches every mail (shown at /dev/mail/). */
  mail: MailCatcher;
  /** Sends to the catcher over SMTP, skipping suppressed addresses: what the notification consumer sends with. */
  mailer: Mailer;
  stop(): Promise<void>;
}

const root = resolve(import.meta.dirname, '../..');
const siteDir = join(root, 'site');

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const progress = options.progress ?? (() => undefined);
  const tableName = 'guildhall';

  progress('starting DynamoDB Local');
  const dynamo = await startDynamoDbLocal({
    cacheDir: join(root, '.cache/dynamodb-local'),
    ...(options.dataDir ? { dbPath: options.dataDir } : {}),
    onProgress: progress,
  });
  const cleanups: Array<() => Promise<void>> = [() => dynamo.stop()];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };

  try {
    progress(`DynamoDB Local answers at ${dynamo.endpoint} (pid ${dynamo.process.pid}); creating the table`);
    const admin = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const created = await ensureTable(admin, tableName);
    admin.destroy();
    progress(created ? `table "${tableName}" created` : `table "${tableName}" already there`);

    // Uploaded files (CVs) beside the table's data when it is kept, else in a folder removed at stop.
    const filesDir = options.dataDir
      ? join(dirname(resolve(options.dataDir)), 'files')
      : mkdtempSync(join(tmpdir(), 'guildhall-files-'));
    if (!options.dataDir) cleanups.push(async () => rmSync(filesDir, { recursive: true, force: true }));
    const mail = await startMailCatcher();
    cleanups.push(() => mail.stop());
    progress(`mail catcher listens at ${mail.url}; caught mail at /dev/mail/`);

    const identity = await createDevIdentityProvider(join(root, '.cache/dev-identity/signing-key.json'));
    const host = options.host ?? '127.0.0.1';
    const publicUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${options.port}`;
    const env: Record<string, string> = {
      STAGE: 'local',
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_EC2_METADATA_DISABLED: 'true',
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      FILES_DIR: filesDir,
      // DynamoDB Local (one JVM, transactions queued behind each other, sharing this machine) can take
      // seconds where DynamoDB takes milliseconds; the 2 s default is for AWS.
      STORE_TIMEOUT_MS: '10000',
      AUTH_ISSUER: identity.issuer,
      AUTH_AUDIENCE: identity.audience,
      AUTH_JWKS: JSON.stringify(identity.jwks),
      PUBLIC_URL: publicUrl,
      ...(options.instanceName ? { INSTANCE_NAME: options.instanceName } : {}),
      COMMONS_FILE: options.commonsFile ?? compileCommons(),
      OPENAPI_FILE: compileOpenApi(),
      CREDENTIAL_SIGNING_KEY: JSON.stringify(instanceKey(join(root, '.cache/instance-key/ed25519.json'))),
      // Kept like the instance key, so the unsubscribe links in caught mail work across restarts.
      EMAIL_LINK_KEY: emailLinkKey(join(root, '.cache/instance-key/email-link-key.txt')),
      SMTP_URL: mail.url,
      // The ActivityPub key stays in its file; the functions are told where it is.
      FEDERATION_KEY_FILE: federationKeyFile(join(root, '.cache/instance-key/federation-rsa.pem')),
      // Two instances on one machine reach each other on loopback; private and metadata addresses stay refused.
      FEDERATION_ALLOW_LOOPBACK: 'true',
      // The demo's steward, who granted the demo's accounts their credit (functions/local/demo-data/), and
      // any others given in STEWARDS.
      STEWARDS: [demoSteward, process.env.STEWARDS ?? ''].filter(Boolean).join(','),
      LOG_LEVEL: options.logLevel ?? 'warn',
      // The EMF lines (one per request and per write) would drown the console: they print at debug only.
      POWERTOOLS_METRICS_DISABLED: options.logLevel === 'debug' ? 'false' : 'true',
      // No X-Ray daemon listens here: the tracer is never even loaded.
      POWERTOOLS_TRACE_ENABLED: 'false',
      // As Lambda sets it: the first request each function answers logs `cold_start: true`.
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    };
    Object.assign(process.env, env);

    // Imported only now: handlers read their configuration once, at module scope, as in Lambda.
    const { getServices } = await import('#app/services.ts');
    const { getTokenVerifier } = await import('#app/token-verifier.ts');
    const services = getServices();
    const { emailServices } = await import('#app/email-services.ts');
    const { createSmtpMailer } = await import('#adapters/mail/smtp-mailer.ts');
    const { suppressingMailer } = await import('#domain/notifications/suppression.ts');
    const smtp = createSmtpMailer({ url: mail.url, from: services.config.EMAIL_FROM });
    cleanups.push(async () => smtp.close());
    const mailer = suppressingMailer(smtp, emailServices(services).suppressions, services.log);
    if (options.seed !== false) {
      const report = await seedDemoData(services);
      progress(
        `demo data loaded (${report.people} people, ${report.syndicates} syndicates, ${report.openings} openings; a second start adds nothing)`,
      );
    }

    // Registry-log entries written before subtree hashes were kept get them once (one read after that).
    // Reports settled before settlements were listed under their record are listed once too.
    const { backfillSubtrees } = await import('#adapters/dynamodb/registry-log-backfill.ts');
    const { backfillSettlementList } = await import('#adapters/dynamodb/settlement-list-backfill.ts');
    const { createDocumentClient } = await import('#adapters/dynamodb/client.ts');
    const logClient = createDocumentClient({
      region: env.AWS_REGION ?? 'eu-west-1',
      endpoint: dynamo.endpoint,
      timeoutMs: 30_000,
    });
    try {
      const backfill = await backfillSubtrees(logClient, tableName);
      if (!backfill.done) progress(`registry log: ${backfill.written} older entries given their subtree hashes`);
      const listing = await backfillSettlementList(logClient, tableName);
      if (!listing.done) progress(`registry log: ${listing.listed} older settlements listed under their records`);
      // The economy's figures, for lines stored before they were counted (a table kept from an older start).
      const { backfillEconomy } = await import('#adapters/dynamodb/economy-backfill.ts');
      const { foldEconomyDays } = await import('#adapters/dynamodb/economy-day-fold.ts');
      const { countStoredItems } = await import('#app/stream-economy.ts');
      // Days an older start kept an item each, into their months (once each; none left, one empty query).
      await foldEconomyDays(logClient, tableName);
      // Each month's totals, for months an older start counted before totals were kept (once each).
      const { buildEconomyMonthTotals } = await import('#adapters/dynamodb/economy-month-totals.ts');
      await buildEconomyMonthTotals(logClient, tableName);
      const economy = await backfillEconomy(logClient, tableName, countStoredItems(services));
      if (!economy.doneAlready) progress(`economy: ${economy.accounts} accounts’ lines counted`);
      // The standard periods' snapshots, over whatever the steps above counted.
      const { refreshEconomySnapshots } = await import('#domain/ledger/economy-use-cases.ts');
      await refreshEconomySnapshots(services);
    } finally {
      logClient.destroy();
    }

    // Search: the commons and the table indexed now, then every change through the stream, as in AWS.
    const { indexStreamRecords } = await import('#app/stream-indexer.ts');
    const { reindex, indexLookups } = await import('#app/search-sync.ts');
    const { createCurrentItems } = await import('#adapters/dynamodb/indexed-items.ts');
    // Shortages: rebuilt before the poller starts (a recompute must not race the stream consumer); the
    // records the poller then replays from the stream's start find nothing left to change.
    const { applyShortageRecords, earliestFailure } = await import('#app/stream-shortages.ts');
    const { notificationStreamDependencies, notifyStreamRecords } = await import('#app/stream-notifications.ts');
    const { countEconomyRecords } = await import('#app/stream-economy.ts');
    // Opening changes to the syndicates' fediverse followers, through the federation's in-process outbox.
    const { publishOpeningRecords } = await import('#app/stream-federation.ts');
    const { federationServices } = await import('#app/federation-services.ts');
    const federation = { outbox: federationServices(services).outbox, log: services.log };
    // The day's shortage snapshot to the commons' followers, as the shortage stream sends it in AWS.
    const { publishSnapshotRecords } = await import('#app/stream-catalogue.ts');
    const snapshots = { ...federation, commons: services.commons, origin: services.config.PUBLIC_URL };
    // Each notification newly stored is also mailed (to the catcher) where its person allows it.
    const { notificationEmailer } = await import('#app/mailer.ts');
    const sendEmail = notificationEmailer(services, mailer);
    const notifications = notificationStreamDependencies(services, sendEmail);
    const { recomputeIndex } = await import('#domain/shortages/recompute.ts');
    const recomputed = await recomputeIndex(services);
    progress(`shortage index rebuilt: ${recomputed.contributing} sources over ${recomputed.skills} skills`);
    const poller = await startStreamPoller({
      endpoint: dynamo.endpoint,
      region: env.AWS_REGION ?? 'eu-west-1',
      tableName,
      log: services.log,
      handler: async (records) =>
        earliestFailure(
          records,
          await indexStreamRecords(
            {
              search: services.search,
              log: services.log,
              lookups: indexLookups(services),
              items: createCurrentItems(services.storeClient, tableName),
            },
            records,
          ),
          await applyShortageRecords(services, records),
          await countEconomyRecords(services, records),
          await notifyStreamRecords(notifications, records),
          await publishOpeningRecords(federation, records),
          await publishSnapshotRecords(snapshots, records),
        ),
    });
    cleanups.push(() => poller.stop());
    // The poller replays the stream from its start, each item's past states in turn (a record's draft
    // INSERT takes its document out of search until its publishing MODIFY comes by). Let it catch up
    // before the reindex below writes every item's current state, so no page is served while a replayed
    // past state stands in search (a CI run's first browser test once found a published record missing).
    await poller.drain(120_000).catch(() => progress('the stream is still catching up: search may lag for a moment'));
    const { startExpirySweep } = await import('./expire-openings.ts');
    const sweep = await startExpirySweep(services, { sendEmail });
    cleanups.push(() => sweep.stop());
    // ESCO's skills too, for the skills picker: the data file is read here, never by the API's code.
    const { readEscoFile } = await import('#adapters/content/esco-file.ts');
    const indexed = await reindex(services, readEscoFile(join(root, 'content/esco/esco.json.gz')));
    progress(
      `search index built: ${indexed.indexed} documents (reconcile: ${indexed.missing.length + indexed.extra.length + indexed.stale.length} differences)`,
    );

    // Every route behind one router, with the handler code both API functions run in AWS.
    const api = processApiHandler(apiRoutes) as LambdaHandler;
    let site: LambdaHandler | undefined;
    const serveSite = options.serveSite !== false;
    if (serveSite) {
      await buildSiteIfNeeded(options.build ?? 'if-needed', progress, env);
      const entry = join(siteDir, 'dist/server/entry.mjs');
      site = (await import(pathToFileURL(entry).href)).handler as LambdaHandler;
    }

    const server: Server = createGateway({
      api,
      apiRoutes: compileRoutes(apiRoutes),
      ...(site
        ? {
            site,
            staticDir: join(siteDir, 'dist/client'),
            pagePolicies: readPrerenderedPolicies(join(siteDir, 'dist/server', prerenderedPoliciesFile)),
          }
        : {}),
      verifyToken: getTokenVerifier(),
      devIdentity: { provider: identity, people: demoPeople },
      devMail: mail,
      log: createLogger(options.logLevel ?? 'warn', 'gateway'),
    });
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        reject(
          error.code === 'EADDRINUSE'
            ? new Error(`Port ${options.port} is in use. Stop what holds it, or set PORT to another port.`)
            : error,
        );
      });
      server.listen(options.port, host, () => resolveListen());
    });
    server.keepAliveTimeout = 5_000;
    cleanups.push(
      () =>
        new Promise<void>((resolveClose) => {
          server.close(() => resolveClose());
          server.closeAllConnections();
        }),
    );
    // The catalogue's changes since the last start, to the commons' followers (in AWS the reindex after a
    // deploy that changed the commons does it): nothing on a start that changed no course. Once the server
    // listens, so a follower's fetch of the changed Document finds it answering (not refused, then retried
    // after the delivery's 30 s backoff).
    const outbox = federationServices(services).outbox;
    if (outbox) {
      const { announceCatalogue } = await import('#domain/federation/catalogue-publishing.ts');
      const { catalogueServices } = await import('#app/catalogue-services.ts');
      const { catalogueIds } = await import('#adapters/activitypub/paths.ts');
      const announced = await announceCatalogue({
        commons: services.commons,
        announcedCourses: catalogueServices(services).announcedCourses,
        outbox,
        ids: catalogueIds(services.config.PUBLIC_URL),
        now: services.now,
      });
      if (announced.Create + announced.Update + announced.Delete > 0) {
        progress(
          `catalogue announced: ${announced.Create} new, ${announced.Update} changed, ${announced.Delete} withdrawn`,
        );
      }
    }
    return { url: publicUrl, poller, dynamo, identity, env, mail, mailer, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Newest modification time below a folder, skipping build output and dependencies. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'dist' || name === 'node_modules' || name === '.astro') continue;
    latest = Math.max(latest, newest(join(path, name)));
  }
  return latest;
}

async function buildSiteIfNeeded(
  mode: 'if-needed' | 'always' | 'never',
  progress: (m: string) => void,
  env: Record<string, string>,
) {
  const entry = join(siteDir, 'dist/server/entry.mjs');
  const built = existsSync(entry) ? statSync(entry).mtimeMs : 0;
  const sources = Math.max(newest(siteDir), newest(join(root, 'content')), newest(join(root, 'functions')));
  if (mode === 'never' && built > 0) return;
  if (mode === 'if-needed' && built > sources) {
    progress('site is up to date');
    return;
  }
  progress('building the site (astro build)');
  const started = Date.now();
  await new Promise<void>((resolveBuild, reject) => {
    const child = spawn(
      process.execPath,
      [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', siteDir],
      {
        cwd: root,
        env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => (code === 0 ? resolveBuild() : reject(new Error(`astro build failed:\n${output}`))));
  });
  progress(`site built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
