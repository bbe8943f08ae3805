// The witness run in AWS (issue 20): a function of the federation stack, invoked every ten minutes by an
// EventBridge rule, retried and then parked in a watched queue; granted the table and this instance's
// log key alone; and a fork, logged at warn as the domain's fork line, counted by a metric filter that
// raises an alarm.
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { forkReportedLogLine } from '#domain/federation/witness-reports.ts';
import { forkLogLine } from '#domain/federation/witnessing.ts';
import { functionId, guildhallFunctions, type Resource, synth } from './support.ts';

let federation: Template;
let witness: string;
let failures: string;
beforeAll(() => {
  ({ federation } = synth());
  witness = functionId(federation, /^Guildhall witness run/);
  failures =
    Object.keys(federation.findResources('AWS::SQS::Queue')).find((id) => id.startsWith('WitnessFailures')) ?? '';
});

const alarms = () => Object.values(federation.findResources('AWS::CloudWatch::Alarm')) as Resource[];
const fn = () => guildhallFunctions(federation).find(([id]) => id === witness)?.[1] as Resource;
/** Every statement of the policies attached to the witness function's role. */
function statements() {
  const role = fn().Properties.Role['Fn::GetAtt'][0];
  return (Object.values(federation.findResources('AWS::IAM::Policy')) as Resource[])
    .filter((policy) => policy.Properties.Roles.some((r: { Ref: string }) => r.Ref === role))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement) as Array<{
    Action: string | string[];
    Resource: unknown;
  }>;
}

describe('the witness run in AWS', () => {
  it('runs every 10 minutes from an EventBridge rule, retried twice, then kept in its own failure queue', () => {
    const rules = Object.entries(federation.findResources('AWS::Events::Rule')) as Array<[string, Resource]>;
    const [ruleId, rule] = rules.find(([id]) => id.startsWith('WitnessRun')) ?? [];
    expect(rule?.Properties).toMatchObject({
      ScheduleExpression: 'rate(10 minutes)',
      State: 'ENABLED',
      Targets: [
        {
          Arn: { 'Fn::GetAtt': [witness, 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [failures, 'Arn'] } },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 600 },
        },
      ],
    });
    expect(fn().Properties.DeadLetterConfig).toEqual({ TargetArn: { 'Fn::GetAtt': [failures, 'Arn'] } });
    federation.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: witness },
      MaximumRetryAttempts: 2,
    });
    federation.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [witness, 'Arn'] },
      Principal: 'events.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
    });
    // A run of a hundred logs, each with two fetches of at most 5 s, fits its timeout.
    expect(fn().Properties.Timeout).toBe(300);
  });

  it('alarms when EventBridge cannot invoke it, when it fails or is throttled, and when a run is parked', () => {
    const rule = Object.keys(federation.findResources('AWS::Events::Rule')).find((id) => id.startsWith('WitnessRun'));
    const on = (metric: string, dimension: unknown) =>
      alarms().filter(
        (a) =>
          a.Properties.MetricName === metric &&
          JSON.stringify(a.Properties.Dimensions ?? []).includes(JSON.stringify(dimension)),
      );
    expect(on('FailedInvocations', { Name: 'RuleName', Value: { Ref: rule } })).toHaveLength(1);
    expect(on('Errors', { Name: 'FunctionName', Value: { Ref: witness } })).toHaveLength(1);
    expect(on('Throttles', { Name: 'FunctionName', Value: { Ref: witness } })).toHaveLength(1);
    expect(
      on('ApproximateNumberOfMessagesVisible', { Name: 'QueueName', Value: { 'Fn::GetAtt': [failures, 'QueueName'] } }),
    ).toHaveLength(1);
  });

  it('counts the fork line the run logs in its own log group, and a checked fork report about this log, and alarms on the first', () => {
    const filters = Object.values(federation.findResources('AWS::Logs::MetricFilter')) as Resource[];
    const group = fn().Properties.LoggingConfig.LogGroup.Ref;
    const forks = filters.filter((filter) => filter.Properties.LogGroupName?.Ref === group);
    expect(forks).toHaveLength(1);
    const filter = forks[0]?.Properties;
    expect(filter.FilterPattern).toBe(`{ $.message = "${forkLogLine}" }`);
    expect(filter.MetricTransformations).toEqual([
      { MetricNamespace: 'Guildhall', MetricName: 'registryLogForks', MetricValue: '1' },
    ]);
    // The federation function counts a checked fork report about this instance's own log the same way.
    const api = functionId(federation, /^Guildhall federation:/);
    const apiGroup = guildhallFunctions(federation).find(([id]) => id === api)?.[1].Properties.LoggingConfig.LogGroup
      .Ref;
    const reported = filters.filter((candidate) => candidate.Properties.LogGroupName?.Ref === apiGroup);
    expect(
      reported.map((candidate) => [candidate.Properties.FilterPattern, candidate.Properties.MetricTransformations]),
    ).toEqual([[`{ $.message = "${forkReportedLogLine}" }`, filter.MetricTransformations]]);
    const alarm = alarms().filter((a) => a.Properties.MetricName === 'registryLogForks');
    expect(alarm).toHaveLength(1);
    expect(alarm[0]?.Properties).toMatchObject({
      Namespace: 'Guildhall',
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
    expect(alarm[0]?.Properties.AlarmActions).toHaveLength(1);
  });

  it('reads and writes the table and reads the log key’s secret, and nothing else: no ActivityPub key, no queue to send to', () => {
    const all = statements();
    const actions = all.flatMap((statement) => [statement.Action].flat());
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:GetItem']));
    const secrets = all.filter((statement) => [statement.Action].flat().includes('secretsmanager:GetSecretValue'));
    expect(secrets).toHaveLength(1);
    expect(JSON.stringify(secrets[0]?.Resource)).toContain('secret:guildhall/credential-signing-key');
    expect(JSON.stringify(all)).not.toContain('federation-key');
    // Sending to its own failure queue (Lambda's dead-letter delivery) is the only SQS action.
    expect(actions.filter((action) => action.startsWith('sqs:'))).toEqual(['sqs:SendMessage']);
    const variables = fn().Properties.Environment.Variables;
    expect(Object.keys(variables).filter((name) => name.endsWith('_SECRET'))).toEqual([
      'CREDENTIAL_SIGNING_KEY_SECRET',
    ]);
    expect(variables.TABLE_NAME).toBeDefined();
    expect(variables.PUBLIC_URL).toBeDefined();
  });
});
