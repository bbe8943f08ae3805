// Metrics as CloudWatch's Embedded Metric Format: JSON lines on stdout that CloudWatch Logs turns into
// metrics, written by Powertools' Metrics, so no call to CloudWatch costs a request any time.
//
// Two kinds: the request metric (`requests`, by route and status), which the API's router and the site's
// adapter write once per request, each in its own line; and business counts (an application, a fill…),
// which commands add through the `count` port and the Lambda wrapper writes together at the end of the
// invocation. The use cases never see any of it.
import { MetricUnit, Metrics as PowertoolsMetrics } from '@aws-lambda-powertools/metrics';

/**
 * The business events counted, each a metric of the same name. Counting a new one is adding its name here
 * and `counts: 'name'` to the command that makes it (app/commands/command.ts); the dashboard can list them
 * from here.
 */
export const businessCounts = [
  'applications',
  'fills',
  'settlements',
  /** One per inventor a settlement paid: a transfer of Bound on the ledger. */
  'payments',
  'creditGrants',
  'quizPasses',
  'publications',
  /** One per vote cast or changed on a proposal (a vote sent again unchanged writes nothing). */
  'votes',
  /** One per notification stored in an inbox (a replayed stream record stores none). */
  'notifications',
  /** A stream record the notification producer failed on (retried; alarmed on in AWS). */
  'notificationFailures',
] as const;

export type BusinessCount = (typeof businessCounts)[number];

export interface Metrics {
  /** One more of a business event, written with the invocation's other counts when it ends. */
  count(name: BusinessCount): void;
  /** One request answered: `requests` with the route (its template, never the raw path) and the status. */
  request(route: string, status: number): void;
  /** The cold-start metric (`ColdStart` by function name), written on an instance's first invocation only. */
  coldStart(functionName: string | undefined): void;
  /** Writes the counts added since the last flush, if any. */
  flush(): void;
}

export interface MetricsOptions {
  namespace: string;
  service: string;
}

export function createMetrics(options: MetricsOptions): Metrics {
  const settings = { namespace: options.namespace, serviceName: options.service };
  // Separate instances: dimensions apply to a whole EMF line, and a business count must not be split by
  // the route and status of the request that made it.
  const counts = new PowertoolsMetrics(settings);
  const requests = new PowertoolsMetrics(settings);
  return {
    count: (name) => {
      counts.addMetric(name, MetricUnit.Count, 1);
    },
    request(route, status) {
      requests.addDimension('route', route);
      requests.addDimension('status', String(status));
      requests.addMetric('requests', MetricUnit.Count, 1);
      requests.publishStoredMetrics();
    },
    coldStart: (functionName) => counts.captureColdStartMetric(functionName),
    flush() {
      // Powertools warns on every empty flush; most invocations (reads) count nothing.
      if (counts.hasStoredMetrics()) counts.publishStoredMetrics();
    },
  };
}

/** Metrics off (tests; `npm start` below LOG_LEVEL=debug): nothing is kept or written. */
export const noMetrics: Metrics = {
  count: () => undefined,
  request: () => undefined,
  coldStart: () => undefined,
  flush: () => undefined,
};
