// What a function writes to its log group: one JSON line per request (its correlation id, route, status,
// the function and the cold start), its metrics as EMF lines, and nothing of either on one machine unless
// asked. Read from the real output of Powertools, through the real API handler.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiRoutes } from '#http/api.ts';
import { createApiHandler } from '#http/api-handler.ts';
import { buildEvent, lambdaContext } from '#local/gateway-event.ts';
import { createTelemetry, lambdaHandler } from '#platform/telemetry.ts';
import { captureOutput, emfLines } from '../../support/output.ts';
import { fakeServices, testConfig } from '../../support/services.ts';

const inAws = {
  ...testConfig,
  LOG_LEVEL: 'info',
  POWERTOOLS_METRICS_DISABLED: false,
  POWERTOOLS_TRACE_ENABLED: false,
} as const;

/** The API functions' handler, as handlers/*.ts build it, over fake services logging as in AWS. */
function apiHandler() {
  const services = fakeServices({ telemetry: createTelemetry(inAws) });
  return createApiHandler({ routes: apiRoutes, telemetry: services.telemetry, services: async () => services });
}

function get(url: string) {
  return buildEvent({
    method: 'GET',
    url,
    rawHeaders: ['Host', 'guildhall.test'],
    body: Buffer.alloc(0),
    sourceIp: '203.0.113.9',
  });
}

describe('telemetry of a function', () => {
  // Powertools reads these from the environment itself, beside the configuration this code hands it.
  // `npm test` runs the browser project's local stack in the same process tree, and that stack sets
  // POWERTOOLS_METRICS_DISABLED=true for its own quiet console: each test starts without them here.
  const readByPowertools = ['POWERTOOLS_METRICS_DISABLED', 'POWERTOOLS_DEV', 'POWERTOOLS_TRACE_ENABLED'];
  const saved = new Map<string, string | undefined>();
  beforeEach(() => {
    for (const name of readByPowertools) {
      saved.set(name, process.env[name]);
      delete process.env[name];
    }
    // Lambda sets this in a function started for a request; Powertools reads it when it is built.
    process.env.AWS_LAMBDA_INITIALIZATION_TYPE = 'on-demand';
  });
  afterEach(() => {
    delete process.env.AWS_LAMBDA_INITIALIZATION_TYPE;
    for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
  });

  it('logs one line per API request with its correlation id, route, status, function and cold start', async () => {
    const handler = apiHandler();
    const first = get('/api/health');
    const second = get('/api/no-such-thing?x=1');
    const { lines } = await captureOutput(async () => {
      await handler(first, lambdaContext('guildhall-api', first));
      await handler(second, lambdaContext('guildhall-api', second));
    });
    const requests = lines.filter((line) => line.message === 'request');
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({
      level: 'INFO',
      service: 'guildhall',
      correlation_id: first.requestContext.requestId,
      method: 'GET',
      path: '/api/health',
      route: 'GET /api/health',
      status: 200,
      function_name: 'guildhall-api',
      cold_start: true,
    });
    expect(requests[1]).toMatchObject({
      correlation_id: second.requestContext.requestId,
      route: 'unmatched',
      status: 404,
      cold_start: false,
    });
    expect(first.requestContext.requestId).not.toBe(second.requestContext.requestId);
    // Only JSON lines: the log group reads nothing else.
    expect(lines.filter((line) => line.message !== 'request' && !('_aws' in line))).toEqual([]);
  });

  it('writes each request as a `requests` metric by route and status, and the cold start once', async () => {
    const handler = apiHandler();
    const first = get('/api/health');
    const second = get('/api/no-such-thing');
    const { lines, other } = await captureOutput(async () => {
      await handler(first, lambdaContext('guildhall-api', first));
      await handler(second, lambdaContext('guildhall-api', second));
    });
    expect(other).toEqual([]);
    const emf = emfLines(lines);
    const requests = emf.filter((line) => 'requests' in line);
    expect(requests.map((line) => [line.route, line.status, line.requests])).toEqual([
      ['GET /api/health', '200', 1],
      ['unmatched', '404', 1],
    ]);
    for (const line of requests) {
      expect(line._aws.CloudWatchMetrics).toEqual([
        {
          Namespace: 'Guildhall',
          Dimensions: [['service', 'route', 'status']],
          Metrics: [{ Name: 'requests', Unit: 'Count' }],
        },
      ]);
    }
    const coldStarts = emf.filter((line) => 'ColdStart' in line);
    expect(coldStarts).toHaveLength(1);
    expect(coldStarts[0]).toMatchObject({ function_name: 'guildhall-api', ColdStart: 1 });
  });

  it('writes the business counts of an invocation in one line when it ends, and no line when there were none', async () => {
    const telemetry = createTelemetry(inAws);
    const { lines, other } = await captureOutput(async () => {
      await telemetry.invocation({}, async () => {
        telemetry.count('fills');
        telemetry.count('fills');
        telemetry.count('publications');
      });
      await telemetry.invocation({}, async () => undefined);
    });
    expect(other).toEqual([]);
    // Nothing else either: no warning about an invocation that counted nothing.
    expect(lines).toHaveLength(1);
    const [counts] = emfLines(lines);
    expect(counts?._aws.CloudWatchMetrics[0]?.Dimensions).toEqual([['service']]);
    expect(counts?._aws.CloudWatchMetrics[0]?.Metrics.map((metric) => metric.Name).sort()).toEqual([
      'fills',
      'publications',
    ]);
    // CloudWatch adds the values of one line: two fills, one publication.
    expect(counts).toMatchObject({ fills: [1, 1], publications: 1, service: 'guildhall' });
  });

  it('logs an error that escapes a handler once, with the correlation id, writes its counts, and throws it on', async () => {
    const telemetry = createTelemetry(inAws);
    const handler = lambdaHandler(
      telemetry,
      async (_event: { id: string }) => {
        telemetry.count('settlements');
        throw new TypeError('the table is gone');
      },
      { correlationId: (event) => event.id },
    );
    const { result, lines } = await captureOutput(() =>
      handler({ id: 'corr-1' }).then(
        () => undefined,
        (error: unknown) => error,
      ),
    );
    expect(result).toBeInstanceOf(TypeError);
    const failures = lines.filter((line) => line.message === 'invocation failed');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      level: 'ERROR',
      correlation_id: 'corr-1',
      error: { name: 'TypeError', message: 'the table is gone' },
    });
    expect(emfLines(lines).filter((line) => 'settlements' in line)).toHaveLength(1);
  });

  it('takes the correlation id off when the invocation ends, so the next line does not carry it', async () => {
    const telemetry = createTelemetry(inAws);
    const { lines } = await captureOutput(async () => {
      await telemetry.invocation({ correlationId: 'corr-2' }, async () => telemetry.log.info('inside'));
      telemetry.log.info('after');
    });
    expect(lines.find((line) => line.message === 'inside')).toMatchObject({ correlation_id: 'corr-2' });
    expect(lines.find((line) => line.message === 'after')).not.toHaveProperty('correlation_id');
  });

  it('writes no metrics and loads no tracer on one machine unless asked, and at LOG_LEVEL=warn no request lines', async () => {
    let loads = 0;
    const local = createTelemetry(
      { ...testConfig, STAGE: 'local', LOG_LEVEL: 'warn' },
      {
        loadTracer: async () => {
          loads++;
          throw new Error('no tracer here');
        },
      },
    );
    const { lines, other } = await captureOutput(() =>
      local.invocation({ correlationId: 'c' }, async () => {
        local.count('applications');
        local.requestServed({ correlationId: 'c', method: 'GET', path: '/', route: '/', status: 200, durationMs: 1 });
      }),
    );
    expect([lines, other, loads]).toEqual([[], [], 0]);

    const debugging = createTelemetry({
      ...testConfig,
      STAGE: 'local',
      LOG_LEVEL: 'debug',
      POWERTOOLS_METRICS_DISABLED: false,
    });
    const shown = await captureOutput(() => debugging.invocation({}, async () => debugging.count('applications')));
    expect(emfLines(shown.lines)).toHaveLength(1);
  });

  it('turns metrics and tracing on in AWS by default', async () => {
    let loads = 0;
    const aws = createTelemetry(
      { ...testConfig, STAGE: 'aws', LOG_LEVEL: 'silent' },
      {
        loadTracer: async () => {
          loads++;
          throw new Error('no layer in this test');
        },
      },
    );
    const { lines } = await captureOutput(() => aws.invocation({}, async () => aws.count('creditGrants')));
    expect(emfLines(lines)).toHaveLength(1);
    expect(loads).toBe(1);
  });
});
