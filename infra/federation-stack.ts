// GuildhallFederation: ActivityPub (issue 20). Its own function, since Fedify alone is 2.7 MB
// (ARCHITECTURE.md, Federation), and its own stack, since what it talks to is other servers, not
// people: its routes (WebFinger, NodeInfo, actors, collections and inboxes), and what delivers its
// activities, live and are watched here.
import { Duration } from 'aws-cdk-lib';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { FilterPattern, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ApiStack, type ApiStackProps } from './api-stack.ts';
import { forkReportedLogLine } from '../functions/domain/federation/witness-reports.ts';
import { forkLogLine } from '../functions/domain/federation/witnessing.ts';
import { FederationDelivery } from './constructs/federation-delivery.ts';
import { GuildhallFunction, telemetryEnvironment } from './constructs/guildhall-function.ts';
import {
  acknowledgeDeadLetterQueues,
  acknowledgeFederationDelivery,
  acknowledgeFunctions,
} from './nag-acknowledgements.ts';

export interface FederationStackProps extends ApiStackProps {
  /**
   * Secrets Manager name of the instance's ActivityPub key (an RSA private key, PKCS#8 PEM; made once,
   * like the credential key): only the federation function may read it.
   */
  federationKeySecretName?: string | undefined;
}

export class FederationStack extends ApiStack {
  readonly federationApiFunction: GuildhallFunction;
  readonly witnessFunction: GuildhallFunction;

  constructor(scope: Construct, id: string, props: FederationStackProps) {
    super(scope, id, props);
    // It signs with the instance's ActivityPub key, read from its secret at run time.
    const federationKey = Secret.fromSecretNameV2(
      this,
      'FederationKey',
      props.federationKeySecretName ?? 'guildhall/federation-key',
    );
    const federationApiFunction = this.groupFunction(
      'federation-api',
      'FederationApi',
      'functions/handlers/federation-api.ts',
      'Guildhall federation: WebFinger, NodeInfo, ActivityPub actors and inboxes',
      { secrets: { ...this.signs(), FEDERATION_KEY_SECRET: federationKey } },
    );
    this.federationApiFunction = federationApiFunction;
    // A new follower of the commons (a Follow of the Service actor) is sent what exists already: its
    // backfill is queued on the outbox the delivery function consumes, never run in the inbox's request.
    // An unfollow or a block hands its removals to the outbox too, so no request runs thousands of them.
    federationApiFunction.addEnvironment('FEDERATION_OUTBOX_QUEUE_URL', this.foundation.federationOutbox.queueUrl);
    this.foundation.federationOutbox.grantSendMessages(federationApiFunction);
    // What it sends (signed Accepts, later Creates) goes through SQS to a delivery function that retries
    // with backoff and parks the last failure in a watched dead-letter queue.
    const federationDelivery = new FederationDelivery(this, 'FederationDelivery', {
      producer: federationApiFunction,
      monitoring: this.monitoring,
      function: { environment: this.foundation.environment, secrets: { FEDERATION_KEY_SECRET: federationKey } },
      // Opening changes from the app stack's stream function, fanned out to the followers here.
      outbox: this.foundation.federationOutbox,
    });
    // It reads the stewards' blocks before each send (a blocked instance is delivered nothing), and for
    // the outbox a syndicate and a page of its followers; the outbox's removal jobs (what an unfollow or a
    // block leaves: remote openings, follows, a blocked instance's followers) delete, a page per job.
    this.foundation.table.grantReadWriteData(federationDelivery.function);
    acknowledgeFunctions(this.foundation.table, { streamOrQueue: [federationDelivery.function] });
    acknowledgeFederationDelivery(federationDelivery);
    this.witnessFunction = this.witnessRun();
  }

  /**
   * The witness run (issue 20), every ten minutes: each registry log the stewards chose is fetched, judged,
   * and its cosignature or fork statement kept and sent (functions/handlers/witness.ts). It reads and writes
   * the table (the witnessed logs) and signs with this instance's log key, the credential key's secret
   * alone: the heads are fetched unsigned, so it is not given the ActivityPub key. A run that fails after
   * its two retries, or that EventBridge cannot deliver, is kept in a watched queue.
   *
   * A fork raises an alarm through a metric filter on the `registry-log fork` warn line the run already
   * logs, not an EMF metric: the line is there with the evidence beside it, the pure domain code that
   * decides a fork stays free of the metrics port, and the filter is a resource of this stack that needs no
   * redeploy of the code to change. The domain exports the line (`forkLogLine`), so the two cannot drift.
   */
  private witnessRun(): GuildhallFunction {
    const failures = new Queue(this, 'WitnessFailures', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    const credentialKey = this.signs()?.CREDENTIAL_SIGNING_KEY_SECRET;
    const witness = new GuildhallFunction(this, 'WitnessFunction', {
      entry: 'functions/handlers/witness.ts',
      description: 'Guildhall witness run: other instances’ registry logs, every 10 minutes',
      timeout: Duration.minutes(5),
      environment: this.foundation.environment,
      secrets: credentialKey ? { CREDENTIAL_SIGNING_KEY_SECRET: credentialKey } : {},
      deadLetterQueue: failures,
      retryAttempts: 2,
    });
    this.foundation.table.grantReadWriteData(witness);
    const rule = new Rule(this, 'WitnessRun', {
      description: 'Witnesses the registry logs the stewards chose, every 10 minutes',
      schedule: Schedule.rate(Duration.minutes(10)),
      targets: [
        new LambdaFunction(witness, {
          retryAttempts: 2,
          maxEventAge: Duration.minutes(10),
          deadLetterQueue: failures,
        }),
      ],
    });
    const forks = new MetricFilter(this, 'RegistryLogForks', {
      logGroup: witness.logGroup,
      filterPattern: FilterPattern.stringValue('$.message', '=', forkLogLine),
      metricNamespace: telemetryEnvironment.POWERTOOLS_METRICS_NAMESPACE,
      metricName: 'registryLogForks',
      metricValue: '1',
    });
    // The same count from the federation function, when a witness reports a fork in this instance's own
    // log and the report checks out (domain/federation/witness-reports.ts): the alarm on both instances.
    new MetricFilter(this, 'RegistryLogForksReported', {
      logGroup: this.federationApiFunction.logGroup,
      filterPattern: FilterPattern.stringValue('$.message', '=', forkReportedLogLine),
      metricNamespace: telemetryEnvironment.POWERTOOLS_METRICS_NAMESPACE,
      metricName: 'registryLogForks',
      metricValue: '1',
    });
    this.monitoring.alarm('RegistryLogFork', {
      metric: new Metric({
        namespace: forks.metric().namespace,
        metricName: forks.metric().metricName,
        period: Duration.minutes(10),
        statistic: 'Sum',
      }),
      threshold: 1,
      description:
        'Witnessing: a registry log this instance witnesses served a head inconsistent with one it signed before, or a witness reported (and this instance checked) a fork in its own log; the evidence is on the log page and in the witness or federation function’s log',
    });
    this.monitoring.watchFunction('Witness', witness);
    this.monitoring.watchRule('Witness', rule);
    this.monitoring.watchQueue('WitnessFailures', failures, 'a witness run failed after its retries; see its log');
    acknowledgeFunctions(this.foundation.table, { sweeps: [witness] });
    acknowledgeDeadLetterQueues([failures]);
    return witness;
  }
}
