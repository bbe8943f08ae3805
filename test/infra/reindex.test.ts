// The reindex after a deploy: queued only when the index version (or the shipped commons) changes,
// run a page a step from a FIFO queue whose dead-letter queue is watched.
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { indexSettingsVersion, indexVersion } from '#adapters/search/meilisearch/settings.ts';
import { functionId, type Resource, synth } from './support.ts';

let app: Template;
beforeAll(() => {
  ({ app } = synth());
});

const sdkCall = (prefix: string) => {
  const found = Object.entries(app.findResources('Custom::AWS')).find(([id]) => id.startsWith(prefix));
  if (!found) throw new Error(`no custom resource ${prefix}`);
  const [id, resource] = found as [string, Resource];
  // The SDK call is JSON with the queue's URL joined in; the rest is literal.
  const text = (resource.Properties.Update['Fn::Join'][1] as unknown[])
    .map((part) => (typeof part === 'string' ? part : 'QUEUE'))
    .join('');
  return { id, resource, call: JSON.parse(text), create: JSON.stringify(resource.Properties.Create) };
};

describe('the reindex after a deploy', () => {
  it('queues a start only when the index version changes: the version is the message and the resource’s identity', () => {
    const { resource, call, create } = sdkCall('ReindexStartOnIndexVersion');
    expect(indexVersion()).toMatch(new RegExp(`^${indexSettingsVersion}-[0-9a-f]{16}$`));
    expect(call).toMatchObject({
      service: 'SQS',
      action: 'sendMessage',
      parameters: { QueueUrl: 'QUEUE', MessageGroupId: 'start' },
      physicalResourceId: { id: `start-${indexVersion()}` },
    });
    expect(JSON.parse(call.parameters.MessageBody)).toEqual({ kind: 'start', version: indexVersion(), segments: 4 });
    // The same call on create; CloudFormation makes it again only when its properties (the version) change.
    expect(create).toBe(JSON.stringify(resource.Properties.Update));
  });

  it('indexes the commons when the reindex function’s bundle (which carries them) changes', () => {
    const reindex = functionId(app, /reindex after deploy/);
    const code = app.findResources('AWS::Lambda::Function')[reindex]?.Properties.Code.S3Key;
    const { call } = sdkCall('ReindexIndexCommonsOnDeploy');
    expect(JSON.parse(call.parameters.MessageBody)).toEqual({ kind: 'commons', version: code });
  });

  it('announces the catalogue through the federation outbox, writing only what it announced', () => {
    const reindex = functionId(app, /reindex after deploy/);
    const fn = app.findResources('AWS::Lambda::Function')[reindex]?.Properties;
    expect(Object.keys(fn.Environment.Variables)).toContain('FEDERATION_OUTBOX_QUEUE_URL');
    const role = fn.Role['Fn::GetAtt'][0];
    const statements = Object.values(app.findResources('AWS::IAM::Policy'))
      .filter((policy) => (policy as Resource).Properties.Roles.some((r: { Ref?: string }) => r.Ref === role))
      .flatMap((policy) => (policy as Resource).Properties.PolicyDocument.Statement);
    const writes = statements.filter((statement: { Action: string | string[] }) =>
      [statement.Action].flat().some((action) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(action)),
    );
    expect(writes).toEqual([
      expect.objectContaining({
        Action: 'dynamodb:PutItem',
        Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['ANNOUNCED-COURSES'] } },
      }),
    ]);
    expect(statements).toContainEqual(expect.objectContaining({ Action: expect.arrayContaining(['sqs:SendMessage']) }));
  });

  it('queues the steps only after the new reindex function is live, so the old code never takes them', () => {
    const reindex = functionId(app, /reindex after deploy/);
    for (const prefix of ['ReindexStartOnIndexVersion', 'ReindexIndexCommonsOnDeploy']) {
      expect(sdkCall(prefix).resource.DependsOn).toContain(reindex);
    }
  });

  it('runs one step a message from a FIFO queue that drops a repeated step, retries five times, then keeps it for a redrive', () => {
    const reindex = functionId(app, /reindex after deploy/);
    const queues = app.findResources('AWS::SQS::Queue');
    const steps = Object.keys(queues).find((id) => id.startsWith('ReindexSteps')) as string;
    const deadLetters = Object.keys(queues).find((id) => id.startsWith('ReindexDeadLetters')) as string;
    const fn = app.findResources('AWS::Lambda::Function')[reindex]?.Properties;
    expect(queues[steps]?.Properties).toMatchObject({
      FifoQueue: true,
      ContentBasedDeduplication: true,
      VisibilityTimeout: fn.Timeout * 6,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [deadLetters, 'Arn'] }, maxReceiveCount: 5 },
    });
    expect(queues[deadLetters]?.Properties).toMatchObject({ FifoQueue: true });
    app.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: reindex },
      EventSourceArn: { 'Fn::GetAtt': [steps, 'Arn'] },
      BatchSize: 1,
    });
    expect(fn.Environment.Variables.REINDEX_QUEUE_URL).toEqual({ Ref: steps });
    const alarm = Object.values(app.findResources('AWS::CloudWatch::Alarm')).find((a) =>
      JSON.stringify(a.Properties.Dimensions ?? []).includes(deadLetters),
    );
    expect(alarm?.Properties).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 });
  });

  it('no longer rebuilds the whole index on every deploy', () => {
    app.resourceCountIs('Custom::Trigger', 0);
  });
});
