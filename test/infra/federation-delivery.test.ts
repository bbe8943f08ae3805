// Federation deliveries in AWS: a standard SQS queue the federation function alone sends to, consumed
// by the delivery function alone with partial batch failures, retried as the domain's policy says,
// then parked in a watched dead-letter queue.
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { deliveryRetryPolicy } from '#domain/federation/delivery.ts';
import { functionId, guildhallFunctions, type Resource, synth } from './support.ts';

let app: Template;
let appStack: Template;
let queues: Record<string, Resource>;
let deliveries: string;
let deadLetters: string;
let consumer: string;
let producer: string;
beforeAll(() => {
  ({ federation: app, app: appStack } = synth());
  queues = app.findResources('AWS::SQS::Queue') as Record<string, Resource>;
  const queue = (prefix: string) => {
    const id = Object.keys(queues).find((key) => key.startsWith(prefix));
    if (!id) throw new Error(`no queue ${prefix}`);
    return id;
  };
  deliveries = queue('FederationDeliveryDeliveries');
  deadLetters = queue('FederationDeliveryDeadLetters');
  consumer = functionId(app, /^Guildhall deliveries:/);
  producer = functionId(app, /^Guildhall federation:/);
});

/** The SQS actions each of our functions' roles is allowed on a queue, by function id. */
function sqsActions(queue: string): Record<string, string[]> {
  const policies = Object.values(app.findResources('AWS::IAM::Policy')) as Resource[];
  const actions: Record<string, string[]> = {};
  for (const [id, fn] of guildhallFunctions(app)) {
    const role = fn.Properties.Role['Fn::GetAtt'][0];
    const allowed = policies
      .filter((policy) => policy.Properties.Roles.some((r: { Ref: string }) => r.Ref === role))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
      .filter((statement) => JSON.stringify(statement.Resource).includes(`"${queue}"`))
      .flatMap((statement) => [statement.Action].flat() as string[]);
    if (allowed.length > 0) actions[id] = [...new Set(allowed)].sort();
  }
  return actions;
}

describe('federation deliveries in AWS', () => {
  it('retries a delivery as the domain’s policy says, then moves it to the dead-letter queue after the last try', () => {
    expect(queues[deliveries]?.Properties.FifoQueue).toBeUndefined();
    expect(queues[deliveries]?.Properties).toMatchObject({
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [deadLetters, 'Arn'] },
        maxReceiveCount: deliveryRetryPolicy.maxAttempts,
      },
      SqsManagedSseEnabled: true,
    });
    // Every try the policy allows fits in the queue's retention, and the dead letters stay two weeks.
    const tries = Array.from({ length: deliveryRetryPolicy.maxAttempts - 1 }, (_, i) =>
      Math.min(deliveryRetryPolicy.maxDelayMs, deliveryRetryPolicy.baseDelayMs * 2 ** i),
    );
    expect(queues[deliveries]?.Properties.MessageRetentionPeriod * 1000).toBeGreaterThan(
      tries.reduce((a, b) => a + b, 0) * 2,
    );
    expect(queues[deadLetters]?.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
  });

  it('hands the consumer batches it may answer in part, and hides a message six times the consumer’s timeout', () => {
    const fn = app.findResources('AWS::Lambda::Function')[consumer]?.Properties;
    app.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: consumer },
      EventSourceArn: { 'Fn::GetAtt': [deliveries, 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 10,
    });
    expect(queues[deliveries]?.Properties.VisibilityTimeout).toBe(fn.Timeout * 6);
    expect(fn.Environment.Variables.FEDERATION_DELIVERY_QUEUE_URL).toEqual({ Ref: deliveries });
  });

  it('lets only the federation function and the outbox (a page of followers’ deliveries) send deliveries, and only the delivery function receive them or delay their retries', () => {
    expect(sqsActions(deliveries)).toEqual({
      [producer]: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'],
      [consumer]: [
        'sqs:ChangeMessageVisibility',
        'sqs:DeleteMessage',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
        'sqs:ReceiveMessage',
        'sqs:SendMessage',
      ],
    });
    expect(sqsActions(deadLetters)).toEqual({});
    const fn = app.findResources('AWS::Lambda::Function')[producer]?.Properties;
    expect(fn.Environment.Variables.FEDERATION_DELIVERY_QUEUE_URL).toEqual({ Ref: deliveries });
    // Only over TLS, whoever asks.
    const policy = Object.values(app.findResources('AWS::SQS::QueuePolicy')).find((p) =>
      JSON.stringify(p.Properties.Queues).includes(deliveries),
    );
    expect(JSON.stringify(policy?.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
  });

  it('consumes the app stack’s federation outbox too, in batches it may answer in part', () => {
    const fn = app.findResources('AWS::Lambda::Function')[consumer]?.Properties;
    const mappings = Object.values(app.findResources('AWS::Lambda::EventSourceMapping')) as Resource[];
    const fromOutbox = mappings.filter(
      (mapping) =>
        mapping.Properties.FunctionName.Ref === consumer &&
        JSON.stringify(mapping.Properties.EventSourceArn).includes('FederationOutbox'),
    );
    expect(
      fromOutbox.map((mapping) => [mapping.Properties.BatchSize, mapping.Properties.FunctionResponseTypes]),
    ).toEqual([[10, ['ReportBatchItemFailures']]]);
    expect(JSON.stringify(fn.Environment.Variables.FEDERATION_OUTBOX_QUEUE_URL)).toContain('FederationOutbox');
  });

  it('lets the federation function queue a new commons follower’s backfill on the outbox, and only send there', () => {
    const fn = app.findResources('AWS::Lambda::Function')[producer]?.Properties;
    expect(JSON.stringify(fn.Environment.Variables.FEDERATION_OUTBOX_QUEUE_URL)).toContain('FederationOutbox');
    const role = fn.Role['Fn::GetAtt'][0];
    const onOutbox = (Object.values(app.findResources('AWS::IAM::Policy')) as Resource[])
      .filter((policy) => policy.Properties.Roles.some((r: { Ref: string }) => r.Ref === role))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
      .filter((statement) => JSON.stringify(statement.Resource).includes('FederationOutbox'))
      .flatMap((statement) => [statement.Action].flat() as string[]);
    expect([...new Set(onOutbox)].sort()).toEqual(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage']);
  });

  it('has the app stack’s stream function queue opening changes on the outbox, which retries as the policy says and parks in a watched dead-letter queue', () => {
    const appQueues = appStack.findResources('AWS::SQS::Queue') as Record<string, Resource>;
    const outbox = Object.keys(appQueues).find((id) => /^FederationOutbox(?!DeadLetters)/.test(id)) ?? '';
    const outboxDead = Object.keys(appQueues).find((id) => id.startsWith('FederationOutboxDeadLetters')) ?? '';
    expect(appQueues[outbox]?.Properties).toMatchObject({
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [outboxDead, 'Arn'] },
        maxReceiveCount: deliveryRetryPolicy.maxAttempts,
      },
      SqsManagedSseEnabled: true,
    });
    const stream = functionId(appStack, /^Guildhall shortages, notifications and economy/);
    const fn = appStack.findResources('AWS::Lambda::Function')[stream]?.Properties;
    expect(fn.Environment.Variables.FEDERATION_OUTBOX_QUEUE_URL).toEqual({ Ref: outbox });
    const alarms = Object.values(appStack.findResources('AWS::CloudWatch::Alarm')) as Resource[];
    expect(
      alarms
        .filter((a) => JSON.stringify(a.Properties.Dimensions ?? []).includes(outboxDead))
        .map((a) => [a.Properties.MetricName, a.Properties.Threshold]),
    ).toEqual([['ApproximateNumberOfMessagesVisible', 1]]);
  });

  it('lets the consumer read the table (the stewards’ blocks) but never write to it', () => {
    const fn = app.findResources('AWS::Lambda::Function')[consumer]?.Properties;
    const role = fn.Role['Fn::GetAtt'][0];
    const actions = (Object.values(app.findResources('AWS::IAM::Policy')) as Resource[])
      .filter((policy) => policy.Properties.Roles.some((r: { Ref: string }) => r.Ref === role))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
      .flatMap((statement) => [statement.Action].flat() as string[])
      .filter((action) => action.startsWith('dynamodb:'));
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:BatchGetItem', 'dynamodb:GetItem']));
    expect(actions.filter((action) => /Put|Update|Delete|Write/.test(action))).toEqual([]);
    expect(fn.Environment.Variables.TABLE_NAME).toBeDefined();
  });

  it('raises an alarm for a parked delivery, and for any error or throttle of the consumer', () => {
    const alarms = Object.values(app.findResources('AWS::CloudWatch::Alarm')) as Resource[];
    const on = (target: string) => alarms.filter((a) => JSON.stringify(a.Properties.Dimensions ?? []).includes(target));
    expect(on(deadLetters).map((a) => [a.Properties.MetricName, a.Properties.Threshold])).toEqual([
      ['ApproximateNumberOfMessagesVisible', 1],
    ]);
    expect(
      on(consumer)
        .map((a) => [a.Properties.MetricName, a.Properties.Threshold])
        .sort(),
    ).toEqual([
      ['Errors', 1],
      ['Throttles', 1],
    ]);
    for (const alarm of [...on(deadLetters), ...on(consumer)]) expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });
});
