// The app is split into stacks so that none meets CloudFormation's 500 resources (issue 14): the API's
// route groups, whose routes grow with every feature, live in the API stacks; what holds state or a
// name that cannot move stays where it was. These guard the split: the size of each stack, that the
// stacks refer to each other one way only, and that nothing stateful was given a new logical id.
import { App, CfnOutput } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { standInSite } from './support.ts';

const build = () => buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), standInSite());
const resourcesOf = (template: unknown) =>
  (template as { Resources?: Record<string, { Type: string }> }).Resources ?? {};

/**
 * CloudFormation refuses a stack past 500 resources, and it says so only when the deploy is under way.
 * A feature has cost up to ~60 (a route group: its function, alarms and two routes a path), so a stack
 * past 400 is split, or a group moved to another API stack, before the next feature, not during it.
 */
const resourcesPerStack = 400;

describe('the split into stacks', () => {
  it(`keeps every stack within ${resourcesPerStack} of CloudFormation's 500 resources, so the next feature cannot meet the limit`, () => {
    const { app } = build();
    const counts = Object.fromEntries(
      app.synth().stacks.map((stack) => [stack.stackName, Object.keys(resourcesOf(stack.template)).length]),
    );
    expect(Object.keys(counts).sort()).toEqual([
      'GuildhallApp',
      'GuildhallData',
      'GuildhallEconomyApi',
      'GuildhallEdge',
      'GuildhallFederation',
      'GuildhallWorkApi',
    ]);
    for (const [stack, count] of Object.entries(counts)) expect(count, stack).toBeLessThanOrEqual(resourcesPerStack);
  });

  it('synthesizes the whole app with references one way only: the API stacks take from the app stack, never back', () => {
    const built = build();
    const assembly = built.app.synth();
    expect(assembly.stacks).toHaveLength(6);
    const apiStacks = built.apis.map((stack) => stack.stackName);
    for (const stack of built.apis) {
      expect(stack.dependencies.map((dependency) => dependency.stackName).sort(), stack.stackName).toEqual([
        'GuildhallApp',
        'GuildhallData',
      ]);
    }
    const appDependsOn = built.stateless.dependencies.map((dependency) => dependency.stackName);
    expect(appDependsOn.filter((name) => apiStacks.includes(name))).toEqual([]);
  });

  it('refuses a reference from the app stack back to an API stack, which would make the two a cycle', () => {
    const built = build();
    const api = built.workApi.groupFunctions.api;
    expect(api).toBeDefined();
    if (api) new CfnOutput(built.stateless, 'BackReference', { value: api.functionArn });
    expect(() => built.app.synth()).toThrow(/cycl/i);
  });

  it('keeps the logical ids of what holds state or a name that cannot move, so the split replaces none of it', () => {
    const built = build();
    const assembly = built.app.synth();
    const template = (name: string) => resourcesOf(assembly.getStackByName(name).template);
    // Taken from the app as it was before the split (one stack held the API's groups too).
    const kept: Record<string, Record<string, string>> = {
      GuildhallData: {
        TableCD117FA1: 'AWS::DynamoDB::GlobalTable',
        PeopleFiles8157B563: 'AWS::S3::Bucket',
        FileAccessLogs13D3DDB8: 'AWS::S3::Bucket',
      },
      GuildhallApp: {
        // Everyone's sign-in accounts, the hosted sign-in's domain and the site's client.
        PeopleE38C8D03: 'AWS::Cognito::UserPool',
        PeopleSignIn04123EA7: 'AWS::Cognito::UserPoolDomain',
        SiteClientAB9C2F01: 'AWS::Cognito::UserPoolClient',
        // Signs every unsubscribe link already mailed; the value CloudFront sends.
        EmailLinkKey0146BBEE: 'AWS::SecretsManager::Secret',
        OriginVerifyED6A82E8: 'AWS::SecretsManager::Secret',
        EmailSender09A0BF4D: 'AWS::SES::EmailIdentity',
        EmailConfigurationSet6A762543: 'AWS::SES::ConfigurationSet',
        // CloudFront and its domain name; the API it sends to, its stage and authorizer.
        SiteE53D7754: 'AWS::CloudFront::Distribution',
        HttpApiF5A9A8A7: 'AWS::ApiGatewayV2::Api',
        DefaultStageEE28A986: 'AWS::ApiGatewayV2::Stage',
        HttpApiJwt21C2E32E: 'AWS::ApiGatewayV2::Authorizer',
        // Where each consumer is in the table's stream: a new mapping would start again 24 hours back.
        IndexerFunctionDynamoDBEventSourceGuildhallDataTableFE1CBF27B110ECDC: 'AWS::Lambda::EventSourceMapping',
        ShortageStreamFunctionDynamoDBEventSourceGuildhallDataTableFE1CBF270417B63F: 'AWS::Lambda::EventSourceMapping',
        // Messages waiting for a person or a step: the failure queues and the reindex's steps.
        IndexerFailures8431ABB9: 'AWS::SQS::Queue',
        ShortagesFailuresBE6CBF6F: 'AWS::SQS::Queue',
        SweepFailuresF1C812B3: 'AWS::SQS::Queue',
        ReindexStepsCDC3E812: 'AWS::SQS::Queue',
        EmailFailures809FD3A4: 'AWS::SQS::Queue',
        // The alarm topic and its subscribers, and the dashboard an operator has bookmarked.
        MonitoringAlarms66989066: 'AWS::SNS::Topic',
        MonitoringDashboard0C3675C6: 'AWS::CloudWatch::Dashboard',
      },
    };
    for (const [stack, resources] of Object.entries(kept)) {
      const actual = template(stack);
      for (const [id, type] of Object.entries(resources)) expect(actual[id]?.Type, `${stack} ${id}`).toBe(type);
    }
  });
});
