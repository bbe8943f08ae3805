// GuildhallApp: what holds a name, a key or a place that cannot move to another stack without being
// replaced (the user pool and everyone's accounts, the unsubscribe links' key, the origin value,
// CloudFront and its domain, the SES identity, the stream consumers' positions in the table's stream),
// the HTTP API with its stage and authorizer, the site, and the event-driven side: the search indexer,
// the shortage and notification consumer, the reindex after a deploy and the daily sweep. The API's
// route groups, their functions and routes live in the API stacks (api-stack.ts), which take what they
// need from `forApi`; nothing here refers to them, so they never form a cycle with this stack.
// Secrets are never placed in a function's environment: each function is told where the secrets it
// needs live and is granted to read those alone (constructs/guildhall-function.ts).
import { dirname, join } from 'node:path';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { announcedCourses } from '../functions/adapters/dynamodb/keys.ts';
import { indexVersion } from '../functions/adapters/search/meilisearch/settings.ts';
import { deliveryRetryPolicy } from '../functions/domain/federation/delivery.ts';
import { prerenderedPoliciesFile } from '../functions/http/prerendered-policies.ts';
import type { ApiFoundation } from './api-stack.ts';
import { GuildhallFunction, telemetryEnvironment } from './constructs/guildhall-function.ts';
import { GuildhallHttpApi } from './constructs/http-api.ts';
import { Identity } from './constructs/identity.ts';
import { meilisearchUrl, type SearchSettings } from './constructs/meilisearch-url.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { SearchReindex } from './constructs/search-reindex.ts';
import { SiteDistribution } from './constructs/site-distribution.ts';
import { Email } from './constructs/email.ts';
import { StreamConsumer } from './constructs/stream-consumer.ts';
import {
  acknowledgeCdkInternals,
  acknowledgeDeadLetterQueues,
  acknowledgeEdge,
  acknowledgeFileAccess,
  acknowledgeEmail,
  acknowledgeFunctions,
  acknowledgeReindexSource,
} from './nag-acknowledgements.ts';
import { grantPersonFiles, grantForgetSignIn } from './people-grants.ts';

export interface StatelessStackProps extends StackProps {
  table: ITableV2;
  /** The bucket of files people upload (CVs): the people API and the site's forms read and write it. */
  files: IBucket;
  /** API Gateway throttling for the whole stage (per-identity limits live in the API). */
  throttle: { rateLimit: number; burstLimit: number };
  /** The built site: `astro build` output (site/dist/client and site/dist/server/entry.mjs). */
  site: { clientDir: string; serverEntry: string };
  /** The site's public origin (a custom domain); credentials name it as their issuer. */
  publicUrl?: string | undefined;
  /** An ACM certificate (us-east-1) for the publicUrl's host: CloudFront then serves it with TLS 1.2+. */
  certificateArn?: string | undefined;
  /** STEWARDS: who grants credit limits above zero (see functions/config/config.ts). */
  stewards?: string | undefined;
  /** Prefix of the Cognito hosted sign-in domain: https://<prefix>.auth.<region>.amazoncognito.com */
  authDomainPrefix: string;
  /** Secrets Manager name of the credential signing key. */
  credentialKeySecretName: string;
  search: SearchSettings;
  /** The WAF WebACL for CloudFront (the edge stack's, in us-east-1). */
  webAclArn: string;
  /** Where alarms are sent by email, if anywhere. */
  alarmEmail?: string | undefined;
  /** The domain notification mail comes from (an SES identity); the publicUrl's host by default. */
  emailDomain?: string | undefined;
}

export class StatelessStack extends Stack {
  /** What the API stacks take from this one. */
  readonly forApi: ApiFoundation;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const publicUrl = props.publicUrl ?? 'https://example.invalid';
    const monitoring = new Monitoring(this, 'Monitoring', { alarmEmail: props.alarmEmail });
    monitoring.watchTable(props.table);
    const identity = new Identity(this, 'Identity', { domainPrefix: props.authDomainPrefix, publicUrl });

    // The secrets: the instance key that signs credentials and log heads (an Ed25519 private JWK the
    // operator stores once: `npm run credential-key`), the two Meilisearch keys, and the value
    // CloudFront sends to prove a request came through it (generated here).
    const credentialKey = Secret.fromSecretNameV2(this, 'CredentialKey', props.credentialKeySecretName);
    const searchKey = Secret.fromSecretNameV2(this, 'MeilisearchKey-search', props.search.searchKeySecretName);
    const documentsKey = Secret.fromSecretNameV2(this, 'MeilisearchKey-indexer', props.search.documentsKeySecretName);
    const originVerify = new Secret(this, 'OriginVerify', {
      description: 'Guildhall: the x-origin-verify value CloudFront sends; the API and site refuse requests without it',
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
    });
    const signs = (meilisearchKey: ISecret) => ({
      CREDENTIAL_SIGNING_KEY_SECRET: credentialKey,
      MEILISEARCH_KEY_SECRET: meilisearchKey,
      ORIGIN_VERIFY_SECRET: originVerify,
    });

    const environment = {
      STAGE: 'aws',
      PUBLIC_URL: publicUrl,
      COMMONS_FILE: 'commons.json',
      TABLE_NAME: props.table.tableName,
      AUTH_ISSUER: identity.issuer,
      AUTH_AUDIENCE: identity.client.userPoolClientId,
      AUTH_JWKS_URL: `${identity.issuer}/.well-known/jwks.json`,
      STEWARDS: props.stewards ?? '',
    };
    const withSearch = { ...environment, MEILISEARCH_URL: meilisearchUrl(this, props.search) };
    const email = new Email(this, 'Email', {
      table: props.table,
      monitoring,
      environment,
      senderDomain: props.emailDomain ?? new URL(publicUrl).host,
    });

    // The CVs and a sign-in account's deletion: the site runs the people API's account commands in its
    // forms and its CV downloads, so it is given what the people API is (work-api-stack.ts).
    const siteFunction = new GuildhallFunction(this, 'SiteFunction', {
      entry: props.site.serverEntry,
      description: 'Guildhall site: pages rendered on demand',
      environment: {
        ...withSearch,
        FILES_BUCKET: props.files.bucketName,
        USER_POOL_ID: identity.userPool.userPoolId,
        AUTH_HOSTED_UI_URL: identity.hostedUiUrl,
        AUTH_SIGN_IN_URL: '/auth/sign-in',
      },
      secrets: { ...signs(searchKey), EMAIL_LINK_KEY_SECRET: email.linkKey },
      // The prerendered pages the function serves itself (see site/adapter/server.ts), with their policies.
      extraFiles: (_inputDir, outputDir) => [
        `cp -r "${props.site.clientDir}" "${outputDir}/client"`,
        `cp "${join(dirname(props.site.serverEntry), prerenderedPoliciesFile)}" "${outputDir}/"`,
      ],
    });
    props.table.grantReadWriteData(siteFunction);
    grantPersonFiles(props.files, siteFunction);
    grantForgetSignIn(identity, siteFunction);
    monitoring.watchFunction('Site', siteFunction);

    // Search: the indexer follows the table's stream; failures are retried, bisected, then parked.
    const indexer = new GuildhallFunction(this, 'IndexerFunction', {
      entry: 'functions/handlers/indexer.ts',
      description: 'Guildhall indexer: table stream to search index',
      environment: withSearch,
      secrets: { MEILISEARCH_KEY_SECRET: documentsKey },
    });
    props.table.grantReadData(indexer);
    const indexing = new StreamConsumer(this, 'Indexer', {
      consumer: indexer,
      table: props.table,
      monitoring,
      purpose: 'search',
    });
    const reindex = new SearchReindex(this, 'Reindex', {
      table: props.table,
      monitoring,
      indexVersion: indexVersion(),
      function: { environment: withSearch, secrets: { MEILISEARCH_KEY_SECRET: documentsKey } },
    });

    // Shortages, notifications and the economy: a second consumer of the same stream, for what needs the
    // table alone, keeps the skill-shortage index current, produces people's notifications and counts the
    // economy's figures (each with its own
    // partial batch failures; why one function rather than a fan-out: ARCHITECTURE.md, "A stream
    // record"). A stream shard serves two readers well; a third would need a fan-out (EventBridge Pipes).
    const shortageStream = new GuildhallFunction(this, 'ShortageStreamFunction', {
      entry: 'functions/handlers/shortage-stream.ts',
      description:
        "Guildhall shortages, notifications and economy: table stream to the skill-shortage index, people's inboxes and the economy's figures",
      // It mails each new notification its person allows (SES, through the configuration set).
      environment: { ...environment, ...email.sendingEnvironment },
      secrets: { EMAIL_LINK_KEY_SECRET: email.linkKey },
    });
    props.table.grantReadWriteData(shortageStream);
    email.grantSend(shortageStream);
    // The federation outbox (issue 20): the same consumer queues each opening change a syndicate's
    // fediverse followers must hear of (plain JSON; no ActivityPub code in this bundle). The federation
    // stack's delivery function consumes it (it builds, fans out, signs and sends), with the deliveries'
    // retry policy: after the last try the redrive parks a job in its dead-letter queue, which is watched.
    const outboxDeadLetters = new Queue(this, 'FederationOutboxDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    const federationOutbox = new Queue(this, 'FederationOutbox', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Six times the delivery function's 30 s, as Lambda advises for a queue it consumes.
      visibilityTimeout: Duration.seconds(180),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: outboxDeadLetters, maxReceiveCount: deliveryRetryPolicy.maxAttempts },
    });
    shortageStream.addEnvironment('FEDERATION_OUTBOX_QUEUE_URL', federationOutbox.queueUrl);
    federationOutbox.grantSendMessages(shortageStream);
    // The catalogue's announce (issue 20): the reindex's commons step, which a deploy that changed the
    // commons' bundle queues, queues a Create, Update or Delete of each changed course for the commons'
    // followers, and writes what it announced: PutItem under that one partition, nothing else of the table.
    reindex.function.addEnvironment('FEDERATION_OUTBOX_QUEUE_URL', federationOutbox.queueUrl);
    federationOutbox.grantSendMessages(reindex.function);
    reindex.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:PutItem'],
        resources: [props.table.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [announcedCourses.pk] } },
      }),
    );
    monitoring.watchQueue(
      'FederationOutboxDeadLetters',
      outboxDeadLetters,
      'an opening change was not published to its followers after every try (the delivery function or the table failed); redrive once fixed',
    );
    const shortages = new StreamConsumer(this, 'Shortages', {
      consumer: shortageStream,
      table: props.table,
      monitoring,
      purpose: 'the shortage index, the notifications and the economy’s figures',
    });
    // A record the notification producer failed on is retried (and the shortage index with it); failing
    // in three 5-minute periods running is an outage (the store, or mail once it is sent), not a blip.
    monitoring.alarm('NotificationFailures', {
      metric: new Metric({
        namespace: telemetryEnvironment.POWERTOOLS_METRICS_NAMESPACE,
        metricName: 'notificationFailures',
        dimensionsMap: { service: telemetryEnvironment.POWERTOOLS_SERVICE_NAME },
        period: Duration.minutes(5),
        statistic: 'Sum',
      }),
      threshold: 1,
      evaluationPeriods: 3,
      description:
        'Notifications: the producer failed on stream records for 15 minutes; they are retried, then parked in the Shortages failure queue',
    });

    // An opening past its date expires without a write; once a day the sweep writes it down (so the
    // stream carries it to search and the shortage index) and keeps the day's shortage snapshot; every ten
    // minutes it closes the proposals due. The saved-search alerts are a function of their own (its bundle
    // within 250 KB): it searches (the search-only key) and mails (SES); the sweep does neither. A run of
    // either that fails after its retries, or that EventBridge cannot deliver, is kept in the sweep's queue.
    const sweepFailures = new Queue(this, 'SweepFailures', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    const expireOpenings = new GuildhallFunction(this, 'ExpireOpeningsFunction', {
      entry: 'functions/handlers/expire-openings.ts',
      description: 'Guildhall daily expiry sweep, shortage snapshot and proposals closing',
      timeout: Duration.minutes(5),
      environment,
      deadLetterQueue: sweepFailures,
      retryAttempts: 2,
    });
    props.table.grantReadWriteData(expireOpenings);
    const alerts = new GuildhallFunction(this, 'SavedSearchAlertsFunction', {
      entry: 'functions/handlers/saved-search-alerts.ts',
      description: 'Guildhall saved-search alerts, instant and daily',
      timeout: Duration.minutes(5),
      environment: { ...withSearch, ...email.sendingEnvironment },
      secrets: { MEILISEARCH_KEY_SECRET: searchKey, EMAIL_LINK_KEY_SECRET: email.linkKey },
      deadLetterQueue: sweepFailures,
      retryAttempts: 2,
    });
    props.table.grantReadWriteData(alerts);
    email.grantSend(alerts);
    const sweep = new Rule(this, 'ExpireOpeningsDaily', {
      description: 'Marks expired openings and snapshots shortages, 00:15 UTC daily',
      schedule: Schedule.cron({ minute: '15', hour: '0' }),
      targets: [
        new LambdaFunction(expireOpenings, {
          retryAttempts: 2,
          maxEventAge: Duration.hours(2),
          deadLetterQueue: sweepFailures,
        }),
      ],
    });
    // The proposals whose window ended, closed within ten minutes: the same function, told by its input.
    const proposals = new Rule(this, 'ProposalsClosing', {
      description: 'Closes the proposals whose voting window ended, every 10 minutes',
      schedule: Schedule.rate(Duration.minutes(10)),
      targets: [
        new LambdaFunction(expireOpenings, {
          event: RuleTargetInput.fromObject({ run: 'proposals' }),
          retryAttempts: 2,
          maxEventAge: Duration.minutes(10),
          deadLetterQueue: sweepFailures,
        }),
      ],
    });
    // The daily alerts after the sweep has marked the night's expired openings (and the stream has taken
    // them off the index), so no alert offers an opening that closed overnight.
    const dailyAlerts = new Rule(this, 'SavedSearchAlertsDaily', {
      description: 'Sends the daily saved-search alerts, 00:45 UTC daily',
      schedule: Schedule.cron({ minute: '45', hour: '0' }),
      targets: [
        new LambdaFunction(alerts, {
          retryAttempts: 2,
          maxEventAge: Duration.hours(2),
          deadLetterQueue: sweepFailures,
        }),
      ],
    });
    const instantAlerts = new Rule(this, 'SavedSearchAlertsInstant', {
      description: 'Sends the instant saved-search alerts, every 10 minutes',
      schedule: Schedule.rate(Duration.minutes(10)),
      targets: [
        new LambdaFunction(alerts, {
          event: RuleTargetInput.fromObject({ alerts: 'instant' }),
          retryAttempts: 2,
          maxEventAge: Duration.minutes(10),
          deadLetterQueue: sweepFailures,
        }),
      ],
    });
    monitoring.watchFunction('Sweep', expireOpenings);
    monitoring.watchFunction('Alerts', alerts);
    monitoring.watchRule('Sweep', sweep);
    monitoring.watchRule('Proposals', proposals);
    monitoring.watchRule('DailyAlerts', dailyAlerts);
    monitoring.watchRule('InstantAlerts', instantAlerts);
    monitoring.watchQueue(
      'SweepFailures',
      sweepFailures,
      'a sweep (the daily one, the proposals closing, or a saved-search alert run) failed after its retries; run it again',
    );

    const api = new GuildhallHttpApi(this, 'Api', {
      siteFunction,
      issuer: identity.issuer,
      audience: identity.client.userPoolClientId,
      throttle: props.throttle,
    });
    monitoring.watchHttpApi(api.httpApi);

    const site = new SiteDistribution(this, 'Edge', {
      apiDomain: api.domain,
      originSecret: originVerify,
      siteFunction,
      clientDir: props.site.clientDir,
      webAclArn: props.webAclArn,
      domain:
        props.publicUrl && props.certificateArn
          ? {
              name: new URL(props.publicUrl).host,
              certificate: Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
            }
          : undefined,
    });

    acknowledgeFunctions(props.table, {
      synchronous: [siteFunction],
      streamOrQueue: [indexer, shortageStream, reindex.function],
      sweeps: [expireOpenings, alerts],
    });
    acknowledgeEmail(email);
    acknowledgeReindexSource(reindex.function);
    acknowledgeFileAccess(props.files, [siteFunction]);
    acknowledgeDeadLetterQueues([
      indexing.deadLetters,
      shortages.deadLetters,
      reindex.deadLetters,
      sweepFailures,
      email.failures,
      outboxDeadLetters,
    ]);
    acknowledgeEdge({
      distribution: site.distribution,
      originSecret: originVerify,
      logs: site.logs,
      customDomain: site.customDomain,
    });
    acknowledgeCdkInternals(this, site.assets);
    this.forApi = {
      table: props.table,
      files: props.files,
      identity,
      httpApi: api.httpApi,
      authorizer: api.authorizer,
      environment,
      search: props.search,
      credentialKeySecretName: props.credentialKeySecretName,
      originVerify,
      emailLinkKey: email.linkKey,
      alarms: monitoring.topic,
      federationOutbox,
    };
    new CfnOutput(this, 'SiteUrl', { value: `https://${site.distribution.distributionDomainName}` });
    new CfnOutput(this, 'UserPoolId', { value: identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: identity.client.userPoolClientId });
  }
}
