// What an operator relies on: tracing, logs kept a bounded time, an alarm on every failure that
// needs a person (all sent to one topic and shown on one dashboard), and dead-letter queues that
// are watched.
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { configSchema } from '#config/config.ts';
import { powertoolsLayerParameter } from '../../infra/constructs/guildhall-function.ts';
import { exported, functionId, functionsOf, guildhallFunctions, type Resource, synth } from './support.ts';

let app: Template;
/** The app stack and the API stacks: every stack with functions, each watching its own. */
let stateless: Template[];
beforeAll(() => {
  ({ app, stateless } = synth());
});

const alarmsIn = (template: Template) =>
  Object.entries(template.findResources('AWS::CloudWatch::Alarm')) as Array<[string, Resource]>;
const alarms = () => alarmsIn(app);
/** The one alarm topic, the app stack's: an API stack's alarms name it by its export. */
const topicRef = () => ({
  Ref: Object.keys(app.findResources('AWS::SNS::Topic', { Properties: { DisplayName: 'Guildhall alarms' } }))[0],
});
const topicOf = (actions: unknown[] | undefined) => (actions ?? []).map((action) => exported(action, app));
const queueId = (pattern: RegExp) => {
  const found = Object.keys(app.findResources('AWS::SQS::Queue')).find((id) => pattern.test(id));
  if (!found) throw new Error(`no queue ${pattern}`);
  return found;
};
const ruleId = (pattern: RegExp) => {
  const found = Object.keys(app.findResources('AWS::Events::Rule')).find((id) => pattern.test(id));
  if (!found) throw new Error(`no rule ${pattern}`);
  return found;
};
/** Alarms on a plain metric with this dimension value (in the app stack, or the given one). */
const alarmsOn = (metric: string, dimension: unknown, template = app) =>
  alarmsIn(template).filter(
    ([, a]) =>
      a.Properties.MetricName === metric &&
      JSON.stringify(a.Properties.Dimensions ?? []).includes(JSON.stringify(dimension)),
  );

describe('every function', () => {
  it('runs on Node 24, arm64, with X-Ray tracing, logging to its own log group kept 30 days', () => {
    expect(stateless.flatMap(guildhallFunctions)).toHaveLength(20);
    for (const template of stateless) {
      const logGroups = template.findResources('AWS::Logs::LogGroup');
      for (const [id, fn] of guildhallFunctions(template)) {
        expect(fn.Properties, id).toMatchObject({
          Runtime: 'nodejs24.x',
          Architectures: ['arm64'],
          TracingConfig: { Mode: 'Active' },
        });
        const group = fn.Properties.LoggingConfig?.LogGroup?.Ref;
        expect(logGroups[group]?.Properties.RetentionInDays, id).toBe(30);
      }
    }
  });

  it('carries Powertools’ layer at the installed version, for the tracer its bundle leaves out', () => {
    // The layer's ARN is resolved at deploy time from the SSM parameter AWS publishes for that version,
    // by each stack for its own functions.
    expect(powertoolsLayerParameter).toMatch(/^\/aws\/service\/powertools\/typescript\/generic\/all\/\d+\.\d+\.\d+$/);
    for (const template of stateless) {
      const parameters = Object.entries(template.toJSON().Parameters ?? {}) as Array<[string, { Default?: string }]>;
      const layer = parameters.filter(([, p]) => p.Default === powertoolsLayerParameter);
      expect(layer).toHaveLength(1);
      for (const [id, fn] of guildhallFunctions(template)) {
        expect(fn.Properties.Layers, id).toEqual([{ Ref: layer[0]?.[0] }]);
      }
    }
  });

  it('logs JSON lines at info and up for the one service, with its metrics under the Guildhall namespace', () => {
    for (const [id, fn] of stateless.flatMap(guildhallFunctions)) {
      const variables = fn.Properties.Environment.Variables;
      expect(variables, id).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'guildhall',
        POWERTOOLS_METRICS_NAMESPACE: 'Guildhall',
        LOG_LEVEL: 'info',
      });
      // Nothing turns the metrics or the tracer off in AWS (config.ts: both on there unless told otherwise).
      expect(variables, id).not.toHaveProperty('POWERTOOLS_METRICS_DISABLED');
      expect(variables, id).not.toHaveProperty('POWERTOOLS_TRACE_ENABLED');
      // Each value passes the functions' own configuration schema, so no function fails its cold start on it.
      const telemetry = z.pick(configSchema(), {
        POWERTOOLS_SERVICE_NAME: true,
        POWERTOOLS_METRICS_NAMESPACE: true,
        LOG_LEVEL: true,
      });
      expect(telemetry.safeParse(variables).error?.issues, id).toBeUndefined();
    }
  });

  it('keeps no log group for ever, the API’s access logs included', () => {
    const groups = stateless.flatMap((template) => Object.entries(template.findResources('AWS::Logs::LogGroup')));
    expect(groups.length).toBeGreaterThanOrEqual(9);
    for (const [id, group] of groups) expect(group.Properties.RetentionInDays, id).toBeGreaterThan(0);
    const [stage] = Object.values(app.findResources('AWS::ApiGatewayV2::Stage'));
    const destination = stage?.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][0];
    expect(app.findResources('AWS::Logs::LogGroup')[destination]?.Properties.RetentionInDays).toBe(30);
    expect(JSON.parse(stage?.Properties.AccessLogSettings.Format)).toMatchObject({ requestId: '$context.requestId' });
  });

  it('gives CDK’s deploy-time functions (site upload, invalidation, reindex messages) a log group kept a week', () => {
    const groups = app.findResources('AWS::Logs::LogGroup');
    const deployTime = functionsOf(app).filter(([id]) => /^(AWS679f53fac|CustomCDKBucketDeployment)/.test(id));
    expect(deployTime).toHaveLength(2);
    for (const [id, fn] of deployTime) {
      expect(groups[fn.Properties.LoggingConfig?.LogGroup?.Ref]?.Properties.RetentionInDays, id).toBe(7);
    }
  });

  it('has an alarm on its errors and one on its throttles, each sent to the alarm topic', () => {
    for (const template of stateless) {
      for (const [id] of guildhallFunctions(template)) {
        for (const metric of ['Errors', 'Throttles']) {
          const found = alarmsOn(metric, { Name: 'FunctionName', Value: { Ref: id } }, template);
          expect(found, `${id} ${metric}`).toHaveLength(1);
          expect(found[0]?.[1].Properties).toMatchObject({ Threshold: 1 });
          expect(topicOf(found[0]?.[1].Properties.AlarmActions), id).toEqual([topicRef()]);
        }
      }
    }
  });
});

describe('alarms', () => {
  it('notifies the topic when each alarm fires and when it clears, and shows every alarm on the one dashboard', () => {
    // Errors and throttles of 20 functions (eleven of them the API's, one the SES events', one federation's delivery, one the witness run's), 5xx rate and p99 latency, table
    // throttles, the sweep's and the alerts' failed invocations (their four rules) and dead-letter queue, each
    // stream consumer's iterator age and two queues, the reindex's dead-letter queue, the SES events' failure queue,
    // the notification producer's failures: each is asserted in these infra tests (email.test.ts for the SES queue).
    // A new alarm needs its test.
    // Each stack shows its own alarms on its own dashboard (the app stack's is `Guildhall`), all sending to
    // the app stack's one topic.
    // Federation's delivery adds three (its dead-letter depth, its consumer's errors and throttles: federation-delivery.test.ts).
    // The practical, ledger and hiring API functions and the saved-search alerts' (issue 14's budget) add
    // their errors and throttles; the proposals' and the daily alerts' rules their failed invocations.
    // The federation outbox's dead-letter depth adds one (federation-delivery.test.ts).
    // The witness run adds five: its errors and throttles, its rule's failed invocations, its failure
    // queue's depth and the registry-log fork (witness.test.ts).
    expect(stateless.flatMap(alarmsIn)).toHaveLength(28 + 2 + 1 + 2 + 1 + 2 * 3 + 1 + 1 + 1 + 3 + 4 * 2 + 2 + 1 + 5);
    for (const template of stateless) {
      for (const [id, alarm] of alarmsIn(template)) {
        expect(topicOf(alarm.Properties.AlarmActions), id).toEqual([topicRef()]);
        expect(topicOf(alarm.Properties.OKActions), id).toEqual([topicRef()]);
        expect(alarm.Properties.TreatMissingData, id).toBe('notBreaching');
      }
      template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
      const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
      const body = JSON.stringify(dashboard?.Properties.DashboardBody);
      for (const [id] of alarmsIn(template)) expect(body, id).toContain(id);
    }
    app.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'Guildhall' });
  });

  it('watches the share of 5xx answers and the p99 latency of the HTTP API', () => {
    const api = Object.keys(app.findResources('AWS::ApiGatewayV2::Api'))[0];
    const rate = alarms().find(([, a]) => JSON.stringify(a.Properties.Metrics ?? []).includes('"MetricName":"5xx"'));
    expect(rate?.[1].Properties).toMatchObject({ Threshold: 5, EvaluationPeriods: 3, DatapointsToAlarm: 2 });
    const metrics = rate?.[1].Properties.Metrics as Array<{ Id: string; Expression?: string; MetricStat?: unknown }>;
    expect(metrics.find((m) => m.Expression)?.Expression).toBe('IF(requests > 0, 100 * errors / requests, 0)');
    expect(metrics.find((m) => m.Id === 'requests')?.MetricStat).toMatchObject({
      Metric: { MetricName: 'Count', Dimensions: [{ Name: 'ApiId', Value: { Ref: api } }] },
      Stat: 'Sum',
    });
    const latency = alarmsOn('Latency', { Name: 'ApiId', Value: { Ref: api } });
    expect(latency).toHaveLength(1);
    expect(latency[0]?.[1].Properties).toMatchObject({ ExtendedStatistic: 'p99', Threshold: 3000 });
  });

  it('watches throttled requests on the table, across the operations the functions use', () => {
    const throttles = alarms().find(([, a]) =>
      JSON.stringify(a.Properties.Metrics ?? []).includes('ThrottledRequests'),
    );
    const metrics = throttles?.[1].Properties.Metrics as Array<{ MetricStat?: { Metric: { Dimensions: unknown[] } } }>;
    const operations = metrics.flatMap((m) => (m.MetricStat ? [JSON.stringify(m.MetricStat.Metric.Dimensions)] : []));
    for (const operation of ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'TransactWriteItems', 'BatchGetItem']) {
      expect(
        operations.some((d) => d.includes(`"${operation}"`)),
        operation,
      ).toBe(true);
    }
    expect(operations.every((d) => d.includes('TableName'))).toBe(true);
  });

  it('sends alarms by email only when an address is configured', () => {
    // The one subscription without an address is the SES events function's (email.test.ts).
    expect(JSON.stringify(app.findResources('AWS::SNS::Subscription'))).not.toContain('"Protocol":"email"');
    // The API stacks make no topic of their own: their alarms reach the same subscribers.
    for (const template of stateless.slice(1)) template.resourceCountIs('AWS::SNS::Topic', 0);
    const { app: withEmail } = synth({ alarmEmail: 'ops@example.org' });
    withEmail.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org' });
  });
});

describe('the daily sweep', () => {
  it('retries twice, keeps a run that still fails in its dead-letter queue, and alarms on failed invocations and on that queue', () => {
    const sweep = functionId(app, /expiry sweep/);
    const failures = queueId(/^SweepFailures/);
    app.hasResourceProperties('AWS::Events::Rule', {
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [sweep, 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [failures, 'Arn'] } },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 7200 },
        }),
      ],
    });
    app.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: sweep },
      MaximumRetryAttempts: 2,
    });
    expect(guildhallFunctions(app).find(([id]) => id === sweep)?.[1].Properties.DeadLetterConfig).toEqual({
      TargetArn: { 'Fn::GetAtt': [failures, 'Arn'] },
    });
    const rule = ruleId(/^ExpireOpeningsDaily/);
    expect(alarmsOn('FailedInvocations', { Name: 'RuleName', Value: { Ref: rule } })).toHaveLength(1);
    expect(
      alarmsOn('ApproximateNumberOfMessagesVisible', {
        Name: 'QueueName',
        Value: { 'Fn::GetAtt': [failures, 'QueueName'] },
      }),
    ).toHaveLength(1);
  });
});

describe('the saved-search alerts and the proposals closing', () => {
  const target = (rule: RegExp) => app.findResources('AWS::Events::Rule')[ruleId(rule)]?.Properties;
  it('run the alerts every 10 minutes with an input that asks for the instant ones, retried, kept in the sweep’s queue when they still fail, and alarmed', () => {
    const alerts = functionId(app, /saved-search alerts/);
    expect(target(/^SavedSearchAlertsInstant/)).toMatchObject({
      ScheduleExpression: 'rate(10 minutes)',
      Targets: [
        {
          Arn: { 'Fn::GetAtt': [alerts, 'Arn'] },
          Input: JSON.stringify({ alerts: 'instant' }),
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId(/^SweepFailures/), 'Arn'] } },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 600 },
        },
      ],
    });
    // The daily alerts give no input (the handler reads that as daily), half an hour after the sweep's expiries.
    expect(target(/^SavedSearchAlertsDaily/)).toMatchObject({
      ScheduleExpression: 'cron(45 0 * * ? *)',
      Targets: [{ Arn: { 'Fn::GetAtt': [alerts, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 2 } }],
    });
    expect(target(/^SavedSearchAlertsDaily/)?.Targets[0].Input).toBe(undefined);
    expect(guildhallFunctions(app).find(([id]) => id === alerts)?.[1].Properties.DeadLetterConfig).toEqual({
      TargetArn: { 'Fn::GetAtt': [queueId(/^SweepFailures/), 'Arn'] },
    });
    for (const rule of [/^SavedSearchAlertsInstant/, /^SavedSearchAlertsDaily/]) {
      expect(alarmsOn('FailedInvocations', { Name: 'RuleName', Value: { Ref: ruleId(rule) } })).toHaveLength(1);
    }
  });

  it('close the proposals due every 10 minutes through the sweep, told by its input to do that alone, and alarmed', () => {
    const sweep = functionId(app, /expiry sweep/);
    expect(target(/^ProposalsClosing/)).toMatchObject({
      ScheduleExpression: 'rate(10 minutes)',
      Targets: [
        {
          Arn: { 'Fn::GetAtt': [sweep, 'Arn'] },
          Input: JSON.stringify({ run: 'proposals' }),
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId(/^SweepFailures/), 'Arn'] } },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 600 },
        },
      ],
    });
    expect(
      alarmsOn('FailedInvocations', { Name: 'RuleName', Value: { Ref: ruleId(/^ProposalsClosing/) } }),
    ).toHaveLength(1);
    // The daily run gives no input: the handler reads that as the daily sweep.
    expect(target(/^ExpireOpeningsDaily/)?.Targets[0].Input).toBe(undefined);
  });

  it('let the alerts search with the search-only key and mail through SES, and give the sweep neither', () => {
    const variablesOf = (description: RegExp) =>
      guildhallFunctions(app).find(([id]) => id === functionId(app, description))?.[1].Properties.Environment
        .Variables ?? {};
    const searchAndMail = ['MEILISEARCH_URL', 'MEILISEARCH_KEY_SECRET', 'EMAIL_FROM', 'SES_CONFIGURATION_SET'];
    expect(Object.keys(variablesOf(/saved-search alerts/))).toEqual(expect.arrayContaining(searchAndMail));
    expect(Object.keys(variablesOf(/expiry sweep/)).filter((name) => searchAndMail.includes(name))).toEqual([]);
  });
});

describe('the stream consumers', () => {
  it('park what fails in a failure queue that has its own dead-letter queue, and alarm on iterator age and both queues', () => {
    for (const [name, description] of [
      ['Indexer', /search index/],
      ['Shortages', /skill-shortage index, people's inboxes and the economy's figures/],
    ] as const) {
      const consumer = functionId(app, description);
      const failures = queueId(new RegExp(`^${name}Failures`));
      const deadLetters = queueId(new RegExp(`^${name}DeadLetters`));
      app.hasResourceProperties('AWS::SQS::Queue', {
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [deadLetters, 'Arn'] }, maxReceiveCount: 3 },
      });
      const mapping = Object.values(app.findResources('AWS::Lambda::EventSourceMapping')).find(
        (m) => m.Properties.FunctionName.Ref === consumer,
      );
      expect(mapping?.Properties).toMatchObject({
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 5,
        MaximumRecordAgeInSeconds: 21_600,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [failures, 'Arn'] } } },
      });
      const age = alarmsOn('IteratorAge', { Name: 'FunctionName', Value: { Ref: consumer } });
      expect(age, name).toHaveLength(1);
      expect(age[0]?.[1].Properties).toMatchObject({ Statistic: 'Maximum', Threshold: 10_800_000 });
      for (const queue of [failures, deadLetters]) {
        expect(
          alarmsOn('ApproximateNumberOfMessagesVisible', {
            Name: 'QueueName',
            Value: { 'Fn::GetAtt': [queue, 'QueueName'] },
          }),
          queue,
        ).toHaveLength(1);
      }
    }
  });
});

describe('the notifications', () => {
  it('are produced by the table-only stream function and alarm when the producer keeps failing', () => {
    const [, consumer] = guildhallFunctions(app).find(([id]) => id === functionId(app, /people's inboxes/)) ?? [];
    // The same handler as the shortage index: the stream keeps two readers, the table its one grant.
    expect(JSON.stringify(consumer?.Properties.Description)).toContain('notifications');
    const failing = alarmsOn('notificationFailures', { Name: 'service', Value: 'guildhall' });
    expect(failing).toHaveLength(1);
    expect(failing[0]?.[1].Properties).toMatchObject({
      Namespace: 'Guildhall',
      Statistic: 'Sum',
      Threshold: 1,
      EvaluationPeriods: 3,
      Period: 300,
    });
  });
});
