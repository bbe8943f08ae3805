// What tells an operator something is wrong: one SNS topic (an email subscription when the
// `alarmEmail` context is set), an alarm for each failure that needs a person, and a dashboard holding
// every alarm. The app stack makes the topic and the `Guildhall` dashboard; each API stack watches its
// own functions on a dashboard of its own, sending to that one topic (a dashboard in one stack showing
// another's alarms would tie the two stacks both ways). Each `watch…` names what it watches and why
// the threshold is where it is.
import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type ITableV2, Operation } from 'aws-cdk-lib/aws-dynamodb';
import type { IRule } from 'aws-cdk-lib/aws-events';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { type ITopic, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface MonitoringProps {
  /** Where alarm notices go by email; none without it (subscribe to the topic another way). */
  alarmEmail?: string | undefined;
  /** Another stack's alarm topic to send to, instead of making one here. */
  topic?: ITopic | undefined;
  /** The dashboard's name: unique in the account and region. */
  dashboardName?: string | undefined;
}

export interface AlarmSpec {
  metric: IMetric;
  threshold: number;
  description: string;
  /** Periods (of the metric's period) that must breach, out of `datapointsToAlarm ?? evaluationPeriods`. */
  evaluationPeriods?: number;
  datapointsToAlarm?: number;
  comparison?: ComparisonOperator;
}

const fiveMinutes = Duration.minutes(5);

export class Monitoring extends Construct {
  readonly topic: ITopic;
  readonly dashboard: Dashboard;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: MonitoringProps = {}) {
    super(scope, id);
    if (props.topic) {
      this.topic = props.topic;
    } else {
      const topic = new Topic(this, 'Alarms', { displayName: 'Guildhall alarms', enforceSSL: true });
      if (props.alarmEmail) topic.addSubscription(new EmailSubscription(props.alarmEmail));
      this.topic = topic;
    }
    this.action = new SnsAction(this.topic);
    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: props.dashboardName ?? 'Guildhall' });
  }

  /** An alarm that notifies the topic, when it fires and when it clears, and shows on the dashboard. */
  alarm(id: string, spec: AlarmSpec): Alarm {
    const alarm = new Alarm(this, id, {
      metric: spec.metric,
      threshold: spec.threshold,
      evaluationPeriods: spec.evaluationPeriods ?? 1,
      datapointsToAlarm: spec.datapointsToAlarm ?? spec.evaluationPeriods ?? 1,
      comparisonOperator: spec.comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No data means nothing happened: no errors, no messages, no requests.
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: spec.description,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.dashboard.addWidgets(new AlarmWidget({ title: spec.description, alarm, width: 8, height: 5 }));
    return alarm;
  }

  /** Any error or throttle of a function: errors are bugs or outages (the router answers refusals itself). */
  watchFunction(id: string, fn: IFunction): void {
    this.alarm(`${id}Errors`, {
      metric: fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' }),
      threshold: 1,
      description: `${id}: a function error in 5 minutes`,
    });
    this.alarm(`${id}Throttles`, {
      metric: fn.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }),
      threshold: 1,
      description: `${id}: a throttled invocation in 5 minutes (concurrency exhausted)`,
    });
  }

  /** The front door: the share of 5xx answers, and the slowest 1% of requests, pages and API alike. */
  watchHttpApi(api: IHttpApi): void {
    const errors = api.metricServerError({ period: fiveMinutes, statistic: 'Sum' });
    const count = api.metricCount({ period: fiveMinutes, statistic: 'Sum' });
    this.alarm('Api5xxRate', {
      metric: new MathExpression({
        expression: 'IF(requests > 0, 100 * errors / requests, 0)',
        usingMetrics: { errors, requests: count },
        period: fiveMinutes,
        label: '5xx, % of requests',
      }),
      threshold: 5,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      description: 'API and pages: 5xx answers above 5% of requests in 2 of 3 five-minute periods',
    });
    this.alarm('ApiLatencyP99', {
      metric: api.metricLatency({ period: fiveMinutes, statistic: 'p99' }),
      threshold: 3000,
      evaluationPeriods: 3,
      description: 'API and pages: p99 latency above 3 s for 15 minutes',
    });
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Requests and 5xx', left: [count], right: [errors], width: 12 }),
      new GraphWidget({
        title: 'Latency p50 / p99 (ms)',
        left: [
          api.metricLatency({ period: fiveMinutes, statistic: 'p50' }),
          api.metricLatency({ period: fiveMinutes, statistic: 'p99' }),
        ],
        width: 12,
      }),
    );
  }

  /** Throttled requests on the table or its indexes: on demand, these mean a partition is too hot. */
  watchTable(table: ITableV2): void {
    this.alarm('TableThrottles', {
      // The operations Guildhall calls (a math alarm takes at most ten metrics).
      metric: table.metricThrottledRequestsForOperations({
        period: fiveMinutes,
        operations: [
          Operation.GET_ITEM,
          Operation.BATCH_GET_ITEM,
          Operation.QUERY,
          Operation.SCAN,
          Operation.PUT_ITEM,
          Operation.UPDATE_ITEM,
          Operation.DELETE_ITEM,
          Operation.BATCH_WRITE_ITEM,
          Operation.TRANSACT_WRITE_ITEMS,
          Operation.TRANSACT_GET_ITEMS,
        ],
      }),
      threshold: 1,
      description: 'DynamoDB: a throttled request in 5 minutes (a hot partition)',
    });
  }

  /** A scheduled rule whose target could not be invoked, even after EventBridge's retries. */
  watchRule(id: string, rule: IRule): void {
    this.alarm(`${id}FailedInvocations`, {
      metric: new Metric({
        namespace: 'AWS/Events',
        metricName: 'FailedInvocations',
        dimensionsMap: { RuleName: rule.ruleName },
        period: fiveMinutes,
        statistic: 'Sum',
      }),
      threshold: 1,
      description: `${id}: EventBridge could not invoke the target`,
    });
  }

  /** A queue that should be empty: anything in it waits for a person (a redrive, or a fix first). */
  watchQueue(id: string, queue: IQueue, what: string): void {
    this.alarm(`${id}Depth`, {
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
      threshold: 1,
      description: `${id}: ${what}`,
    });
  }
}
