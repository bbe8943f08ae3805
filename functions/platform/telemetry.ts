// Logs, metrics and traces for one function, built once per cold start from configuration, and the
// wrapper every Lambda handler is made with. Steps of an invocation: the Lambda context (function name,
// cold start, request id) and the request's correlation id go on every log line; the cold-start metric
// is written on the first one; the work runs inside a trace subsegment where tracing is on; an error
// that escapes is logged once with all of that; the business counts are written; the correlation id is
// taken off again, so the next invocation starts clean.
import type { Context } from 'aws-lambda';
import type { Config } from '#config/config.ts';
import { type Logger, loggerOf, powertoolsLogger } from './log.ts';
import { type BusinessCount, createMetrics, noMetrics } from './metrics.ts';
import { type AwsClient, createTracing, type TracingOptions } from './tracing.ts';

/** What the one line and the one metric of a served request say (the API's router, the site's adapter). */
export interface RequestServed {
  correlationId: string;
  method: string;
  path: string;
  /** The route's template (`GET /api/openings/{openingId}`, `/jobs/[id]`), never the raw path. */
  route: string;
  status: number;
  durationMs: number;
  personId?: string | undefined;
}

export interface InvocationStart {
  /** Absent when a handler is called outside Lambda without one (scripts, some tests). */
  context?: Context | undefined;
  correlationId?: string | undefined;
}

export interface Telemetry {
  log: Logger;
  /** One more of a business event (the `count` port of the services). */
  count(name: BusinessCount): void;
  /** Logs the request's line and writes its `requests` metric, by route and status. */
  requestServed(request: RequestServed): void;
  /** Traces an AWS SDK client's calls (from the first invocation on, where tracing is on). */
  traceAwsClient(client: AwsClient): void;
  invocation<R>(start: InvocationStart, run: () => Promise<R>): Promise<R>;
}

export type TelemetryConfig = Pick<
  Config,
  | 'STAGE'
  | 'LOG_LEVEL'
  | 'POWERTOOLS_SERVICE_NAME'
  | 'POWERTOOLS_METRICS_NAMESPACE'
  | 'POWERTOOLS_METRICS_DISABLED'
  | 'POWERTOOLS_TRACE_ENABLED'
>;

export interface TelemetryOptions {
  /** Loads the tracer (a test passes a fake); Powertools' Tracer by default. */
  loadTracer?: TracingOptions['load'];
}

export function createTelemetry(config: TelemetryConfig, options: TelemetryOptions = {}): Telemetry {
  const service = config.POWERTOOLS_SERVICE_NAME;
  const logger = powertoolsLogger(config.LOG_LEVEL, service);
  const log = loggerOf(logger);
  // On one machine the EMF lines would drown the console; `npm start` turns them on at LOG_LEVEL=debug.
  const metricsOn =
    config.POWERTOOLS_METRICS_DISABLED === undefined ? config.STAGE === 'aws' : !config.POWERTOOLS_METRICS_DISABLED;
  const metrics = metricsOn ? createMetrics({ namespace: config.POWERTOOLS_METRICS_NAMESPACE, service }) : noMetrics;
  const tracing = createTracing({
    enabled: config.POWERTOOLS_TRACE_ENABLED ?? config.STAGE === 'aws',
    service,
    log,
    ...(options.loadTracer ? { load: options.loadTracer } : {}),
  });
  return {
    log,
    count: (name) => metrics.count(name),
    requestServed({ correlationId, ...fields }) {
      // Given on the line itself, not only as the invocation's key: one machine serves requests
      // concurrently through one logger, where the key may already belong to the next request.
      log.info('request', { correlation_id: correlationId, ...fields });
      metrics.request(fields.route, fields.status);
    },
    traceAwsClient: (client) => tracing.captureAwsClient(client),
    async invocation({ context, correlationId }, run) {
      if (context) {
        logger.addContext(context);
        metrics.coldStart(context.functionName);
      }
      if (correlationId) logger.appendKeys({ correlation_id: correlationId });
      try {
        return await tracing.invocation(context?.functionName ?? 'handler', run);
      } catch (error) {
        log.error('invocation failed', { error });
        throw error;
      } finally {
        metrics.flush();
        logger.resetKeys();
      }
    },
  };
}

export interface HandlerOptions<E> {
  /** The request's id, for the correlation id of every line (API Gateway's request id). */
  correlationId?: (event: E) => string | undefined;
}

/**
 * A Lambda handler with logs, metrics and tracing around it. Telemetry may be given as a function, for
 * a handler whose services are built on first use (the site's, whose module Astro also loads to build).
 */
export function lambdaHandler<E, R>(
  telemetry: Telemetry | (() => Telemetry),
  handler: (event: E, context?: Context) => Promise<R>,
  options: HandlerOptions<E> = {},
): (event: E, context?: Context) => Promise<R> {
  return (event, context) => {
    const current = typeof telemetry === 'function' ? telemetry() : telemetry;
    return current.invocation({ context, correlationId: options.correlationId?.(event) }, () =>
      handler(event, context),
    );
  };
}
