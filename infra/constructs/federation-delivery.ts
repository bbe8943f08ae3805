// Federation deliveries in AWS (issue 20): the federation function queues each signed activity for
// each inbox on a standard SQS queue; the delivery function consumes it, signs with Fedify and sends
// through the SSRF guard (functions/app/federation-delivery.ts). A failed try hides its message for
// the backoff's delay, so a message's receive count is its attempt count; after the policy's last try
// the queue's redrive parks it in the dead-letter queue, which an alarm watches. Only the federation
// function may send to the queue and only the delivery function receives from it.
import { Duration } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { type IQueue, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deliveryRetryPolicy } from '../../functions/domain/federation/delivery.ts';
import { GuildhallFunction, type GuildhallFunctionProps } from './guildhall-function.ts';
import type { Monitoring } from './monitoring.ts';

export interface FederationDeliveryProps {
  /** The federation function: it queues the deliveries, and is the only function that may. */
  producer: GuildhallFunction;
  monitoring: Monitoring;
  /** The delivery function's settings (the base environment) and the instance key's secret it signs with. */
  function: Pick<GuildhallFunctionProps, 'environment' | 'secrets'>;
  /**
   * The federation outbox (the app stack's: its stream function queues opening changes there): this
   * function consumes it too, queuing each page of followers' deliveries here and the next page there.
   */
  outbox?: IQueue | undefined;
}

/** A batch's deliveries run side by side, each within the guard's 5 s; the queue hides a message six times as long, as Lambda advises. */
const batchTimeout = Duration.seconds(30);

export class FederationDelivery extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly function: GuildhallFunction;

  constructor(scope: Construct, id: string, props: FederationDeliveryProps) {
    super(scope, id);
    const queue = { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true };
    this.deadLetters = new Queue(this, 'DeadLetters', { ...queue, retentionPeriod: Duration.days(14) });
    this.queue = new Queue(this, 'Deliveries', {
      ...queue,
      visibilityTimeout: Duration.seconds(batchTimeout.toSeconds() * 6),
      // The policy's ten tries span about four hours; a day's outage of the consumer loses nothing.
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: deliveryRetryPolicy.maxAttempts },
    });
    const queueUrl = {
      FEDERATION_DELIVERY_QUEUE_URL: this.queue.queueUrl,
      ...(props.outbox ? { FEDERATION_OUTBOX_QUEUE_URL: props.outbox.queueUrl } : {}),
    };
    this.function = new GuildhallFunction(scope, 'FederationDeliveryFunction', {
      entry: 'functions/handlers/federation-delivery.ts',
      description: 'Guildhall deliveries: signed ActivityPub activities from the federation queue to remote inboxes',
      timeout: batchTimeout,
      environment: { ...props.function.environment, ...queueUrl },
      ...(props.function.secrets ? { secrets: props.function.secrets } : {}),
    });
    this.function.addEventSource(new SqsEventSource(this.queue, { batchSize: 10, reportBatchItemFailures: true }));
    if (props.outbox) {
      // An outbox job reads a page of followers and queues up to 100 deliveries and the next page.
      this.function.addEventSource(new SqsEventSource(props.outbox, { batchSize: 10, reportBatchItemFailures: true }));
      props.outbox.grantSendMessages(this.function);
      this.queue.grantSendMessages(this.function);
    }
    props.producer.addEnvironment('FEDERATION_DELIVERY_QUEUE_URL', this.queue.queueUrl);
    this.queue.grantSendMessages(props.producer);

    props.monitoring.watchFunction('FederationDelivery', this.function);
    props.monitoring.watchQueue(
      'FederationDeadLetters',
      this.deadLetters,
      'a federation delivery failed all its tries (the peer was down for hours, or the consumer fails); redrive once it is back',
    );
  }
}
