// The search index after a deploy. A FIFO queue of reindex steps drives the reindex function one
// message at a time: each step indexes one page of the table and queues the next with its cursor
// (functions/app/reindex-pages.ts), so no run reads more than a page, and a failed step is retried
// from its cursor, then kept in a dead-letter queue for a redrive that resumes it.
// The deploy queues a `start` only when the index version changes (its settings' fingerprint or
// the documents' version: functions/adapters/search/meilisearch/settings.ts), and a `commons` step
// (which queues ESCO's skills after it) only when the function's bundle (which carries the compiled
// commons and the ESCO data file) changes.
import { Duration, Stack } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { deployTimeLogs, GuildhallFunction, type GuildhallFunctionProps } from './guildhall-function.ts';
import type { Monitoring } from './monitoring.ts';

export interface SearchReindexProps {
  table: ITableV2;
  monitoring: Monitoring;
  /** The index version this deploy ships (`indexVersion()`). */
  indexVersion: string;
  /** Parallel scan segments: chains of pages that run side by side. */
  segments?: number;
  function: Pick<GuildhallFunctionProps, 'environment' | 'secrets'>;
}

/** A step gets this long; the queue hides a message six times as long, as Lambda advises for SQS. */
const stepTimeout = Duration.minutes(1);

export class SearchReindex extends Construct {
  readonly steps: Queue;
  readonly deadLetters: Queue;
  readonly function: GuildhallFunction;

  constructor(scope: Construct, id: string, props: SearchReindexProps) {
    super(scope, id);
    const queue = { fifo: true, encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true };
    this.deadLetters = new Queue(this, 'DeadLetters', { ...queue, retentionPeriod: Duration.days(14) });
    this.steps = new Queue(this, 'Steps', {
      ...queue,
      // A repeated step (a retry that had already queued its successor) is dropped within five minutes.
      contentBasedDeduplication: true,
      visibilityTimeout: Duration.seconds(stepTimeout.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: 5 },
    });
    this.function = new GuildhallFunction(scope, 'ReindexFunction', {
      entry: 'functions/handlers/reindex.ts',
      description: 'Guildhall reindex after deploy: one page of the table a step',
      timeout: stepTimeout,
      environment: { ...props.function.environment, REINDEX_QUEUE_URL: this.steps.queueUrl },
      // ESCO's skills, indexed by the `esco` steps: the data file beside this bundle alone (1.9 MB; no
      // API function carries it). A changed file changes the bundle's hash, so the commons step reruns.
      extraFiles: (inputDir, outputDir) => [`cp "${inputDir}/content/esco/esco.json.gz" "${outputDir}/esco.json.gz"`],
      ...(props.function.secrets ? { secrets: props.function.secrets } : {}),
    });
    props.table.grantReadData(this.function);
    this.steps.grantSendMessages(this.function);
    this.function.addEventSource(new SqsEventSource(this.steps, { batchSize: 1 }));

    const code = Stack.of(this).resolve((this.function.node.defaultChild as CfnFunction).code) as {
      s3Key?: string;
      S3Key?: string;
    };
    const bundleVersion = String(code.s3Key ?? code.S3Key ?? 'unknown');
    const start = this.queueOnChange('StartOnIndexVersion', 'start', {
      kind: 'start',
      version: props.indexVersion,
      segments: props.segments ?? 4,
    });
    const commons = this.queueOnChange('IndexCommonsOnDeploy', 'commons', { kind: 'commons', version: bundleVersion });
    // Queued only once the new code is live, so no old function takes a step meant for the new one.
    for (const resource of [start, commons]) resource.node.addDependency(this.function);

    props.monitoring.watchFunction('Reindex', this.function);
    props.monitoring.watchQueue(
      'ReindexDeadLetters',
      this.deadLetters,
      'a reindex step failed 5 times; redrive to resume',
    );
  }

  /** A message sent when the resource is created and whenever its body (so its version) changes. */
  private queueOnChange(id: string, group: string, step: Record<string, unknown> & { version: string }) {
    const send = {
      service: 'SQS',
      action: 'sendMessage',
      parameters: { QueueUrl: this.steps.queueUrl, MessageBody: JSON.stringify(step), MessageGroupId: group },
      physicalResourceId: PhysicalResourceId.of(`${group}-${step.version}`),
    };
    return new AwsCustomResource(this, id, {
      onCreate: send,
      onUpdate: send,
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.steps.queueArn] }),
      ]),
      installLatestAwsSdk: false,
      logGroup: deployTimeLogs(this),
    });
  }
}
