// Mail in AWS: the sender identity and configuration set in CDK, and the path by which a bounce or a
// complaint reaches the suppression list (SES → encrypted SNS topic → a function with a failure queue).
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import type { Email } from '../../infra/constructs/email.ts';
import { functionId, guildhallFunctions, type Resource, standInSite, synth } from './support.ts';

let app: Template;
let stateless: Template[];
beforeAll(() => {
  ({ app, stateless } = synth({ publicUrl: 'https://guildhall.example.org' }));
});

const only = (type: string): Resource => {
  const found = Object.values(app.findResources(type)) as Resource[];
  expect(found, type).toHaveLength(1);
  return found[0] as Resource;
};
const logicalId = (type: string) => Object.keys(app.findResources(type))[0] ?? '';

describe('mail in AWS', () => {
  it('declares the sender identity for the site’s domain, DKIM-signed, sending through the configuration set', () => {
    app.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'guildhall.example.org',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: logicalId('AWS::SES::ConfigurationSet') } },
    });
    expect(only('AWS::SES::EmailIdentity').Properties.DkimAttributes?.SigningEnabled ?? true).toBe(true);
  });

  it('takes the sender domain from the emailDomain context when it is set', () => {
    const { app: other } = synth({ publicUrl: 'https://guildhall.example.org', emailDomain: 'mail.example.org' });
    other.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'mail.example.org' });
  });

  it('has SES itself suppress bounces and complaints in the configuration set, with reputation metrics', () => {
    app.hasResourceProperties('AWS::SES::ConfigurationSet', {
      SuppressionOptions: { SuppressedReasons: Match.arrayWith(['BOUNCE', 'COMPLAINT']) },
      ReputationOptions: { ReputationMetricsEnabled: true },
      SendingOptions: { SendingEnabled: true },
    });
  });

  it('publishes only bounces and complaints, to an SNS topic encrypted with a rotating key SES may use', () => {
    const destination = only('AWS::SES::ConfigurationSetEventDestination').Properties;
    expect(destination.EventDestination.MatchingEventTypes.sort()).toEqual(['bounce', 'complaint']);
    const topicId = destination.EventDestination.SnsDestination.TopicARN.Ref;
    const topic = (app.findResources('AWS::SNS::Topic')[topicId] as Resource).Properties;
    expect(topic.DisplayName).toBe('Guildhall SES bounces and complaints');
    const keyId = topic.KmsMasterKeyId['Fn::GetAtt'][0];
    const key = (app.findResources('AWS::KMS::Key')[keyId] as Resource).Properties;
    expect(key.EnableKeyRotation).toBe(true);
    expect(key.KeyPolicy.Statement).toContainEqual(
      expect.objectContaining({
        Principal: { Service: 'ses.amazonaws.com' },
        Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      }),
    );
  });

  it('lets SES publish to the topic only for this account’s configuration set, and only over TLS', () => {
    const topicId = only('AWS::SES::ConfigurationSetEventDestination').Properties.EventDestination.SnsDestination
      .TopicARN.Ref;
    const policy = (Object.values(app.findResources('AWS::SNS::TopicPolicy')) as Resource[]).find((p) =>
      p.Properties.Topics.some((t: { Ref: string }) => t.Ref === topicId),
    );
    const statements = policy?.Properties.PolicyDocument.Statement as Array<
      Record<string, unknown> & { Principal?: { Service?: string } }
    >;
    const ses = statements.find((s) => s.Principal?.Service === 'ses.amazonaws.com');
    expect(ses?.Action).toBe('sns:Publish');
    expect(JSON.stringify(ses?.Condition)).toContain('configuration-set/');
    expect(
      statements.some((s) => s.Effect === 'Deny' && JSON.stringify(s.Condition).includes('aws:SecureTransport')),
    ).toBe(true);
  });

  it('delivers each event to the suppression function, with a failure queue for SNS and for Lambda alike', () => {
    const fn = functionId(app, /^Guildhall email: SES bounces/);
    const queue =
      logicalId('AWS::SQS::Queue') &&
      Object.keys(app.findResources('AWS::SQS::Queue')).find((id) => id.startsWith('EmailFailures'));
    expect(queue).toBeDefined();
    app.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      Endpoint: { 'Fn::GetAtt': [fn, 'Arn'] },
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [queue, 'Arn'] } },
    });
    const props = (app.findResources('AWS::Lambda::Function')[fn] as Resource).Properties;
    expect(props.DeadLetterConfig.TargetArn).toEqual({ 'Fn::GetAtt': [queue, 'Arn'] });
    app.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fn },
      MaximumRetryAttempts: 2,
    });
    app.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Dimensions: Match.arrayWith([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }]),
    });
  });

  it('lets the suppression function put items in the table and nothing else there', () => {
    const fn = functionId(app, /^Guildhall email: SES bounces/);
    const role = (app.findResources('AWS::Lambda::Function')[fn] as Resource).Properties.Role['Fn::GetAtt'][0];
    const statements = (Object.values(app.findResources('AWS::IAM::Policy')) as Resource[])
      .filter((policy) => policy.Properties.Roles.some((r: { Ref: string }) => r.Ref === role))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    const dynamo = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('dynamodb:')));
    expect(dynamo).toHaveLength(1);
    expect(dynamo[0].Action).toBe('dynamodb:PutItem');
    expect(JSON.stringify(dynamo[0].Resource)).not.toContain('index');
  });

  it('gives sending functions the sender and configuration set, and lets them send only as that sender through it', () => {
    const built = buildApp(
      new App({ context: { 'aws:cdk:bundling-stacks': [], publicUrl: 'https://guildhall.example.org' } }),
      standInSite(),
    );
    const email = built.stateless.node.findChild('Email') as Email;
    expect(email.sendingEnvironment.EMAIL_FROM).toBe('Guildhall <notifications@guildhall.example.org>');
    email.grantSend(email.eventsFunction);
    const template = Template.fromStack(built.stateless);
    const send = (Object.values(template.findResources('AWS::IAM::Policy')) as Resource[])
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
      .find((s) => s.Action === 'ses:SendEmail');
    expect(send.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'notifications@guildhall.example.org' } });
    const resources = JSON.stringify(send.Resource);
    const identity = Object.keys(template.findResources('AWS::SES::EmailIdentity'))[0];
    expect(resources).toContain(`:identity/",{"Ref":"${identity}"}`);
    expect(resources).toContain(':configuration-set/');
  });

  it('sends mail from the notification producer and the saved-search alerts alone: no API function, nor the site, nor the sweep may call SES', () => {
    // In every stack with functions: the API stacks' too.
    const policies = stateless.flatMap((template) => Object.entries(template.findResources('AWS::IAM::Policy')));
    const sending = policies.filter(([, policy]) => JSON.stringify(policy).includes('ses:SendEmail'));
    expect(sending.map(([id]) => id).sort()).toEqual([
      expect.stringMatching(/^SavedSearchAlertsFunction/),
      expect.stringMatching(/^ShortageStreamFunction/),
    ]);
    expect(guildhallFunctions(app).length).toBeGreaterThan(5);
  });
});
