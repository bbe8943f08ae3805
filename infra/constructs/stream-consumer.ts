// A consumer of the table's stream: partial batch responses (the handlers report the first failing
// record), bisect on error, bounded retries and record age, and what still fails parked in a failure
// queue, which has its own dead-letter queue for messages a redrive could not place. Alarms on the
// iterator age (the consumer falls behind), its errors, and anything waiting in either queue.
import { Duration } from 'aws-cdk-lib';
import { ComparisonOperator } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Monitoring } from './monitoring.ts';

export interface StreamConsumerProps {
  consumer: IFunction;
  table: ITableV2;
  monitoring: Monitoring;
  /** What the consumer keeps current, for the alarm descriptions. */
  purpose: string;
}

/** Records older than this are given up on (and parked); the stream keeps them 24 hours. */
export const maxRecordAge = Duration.hours(6);

export class StreamConsumer extends Construct {
  readonly failures: Queue;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: StreamConsumerProps) {
    super(scope, id);
    const queue = { retentionPeriod: Duration.days(14), encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true };
    this.deadLetters = new Queue(this, 'DeadLetters', queue);
    this.failures = new Queue(this, 'Failures', {
      ...queue,
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: 3 },
    });
    props.consumer.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.failures),
      }),
    );
    const monitoring = props.monitoring;
    monitoring.alarm(`${id}IteratorAge`, {
      metric: props.consumer.metric('IteratorAge', { period: Duration.minutes(5), statistic: 'Maximum' }),
      // Half of maxRecordAge: an operator has hours to act before records are parked.
      threshold: maxRecordAge.toMilliseconds() / 2,
      comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
      description: `${id}: ${props.purpose} is more than 3 hours behind the table`,
    });
    monitoring.watchFunction(id, props.consumer);
    monitoring.watchQueue(
      `${id}Failures`,
      this.failures,
      `stream records ${props.purpose} gave up on, awaiting a redrive`,
    );
    monitoring.watchQueue(`${id}DeadLetters`, this.deadLetters, 'failure notices a redrive could not place');
  }
}
