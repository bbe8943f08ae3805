// X-Ray tracing through Powertools' Tracer, imported on the first invocation instead of at cold start.
//
// Why lazily: the tracer brings the X-Ray SDK (aws-xray-sdk-core, semver, cls-hooked): 127 KB minified,
// and tens of milliseconds to import (`npm run bench:bundle` prints the figure), against an API whose own
// code must import in 20 ms. It comes from the Powertools layer (lambda-externals.ts) and is imported only
// where tracing is on, when the first invocation starts; the AWS SDK clients registered before that are
// captured then, and outgoing HTTP requests (the Meilisearch transport) become subsegments through the
// tracer's own capture of `http`/`https`. Where tracing is off (on one machine: no X-Ray daemon listens)
// nothing is imported at all.
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { Logger } from './log.ts';

/** The parts of Powertools' Tracer used here (a test passes a fake). */
export type TracerPort = Pick<
  Tracer,
  | 'captureAWSv3Client'
  | 'getSegment'
  | 'setSegment'
  | 'annotateColdStart'
  | 'addServiceNameAnnotation'
  | 'addErrorAsMetadata'
>;

/** An AWS SDK v3 client (or document client): what the tracer instruments, through its middleware stack. */
export type AwsClient = Parameters<Tracer['captureAWSv3Client']>[0];

export interface Tracing {
  /** Captures the client's calls as subsegments once tracing has started (at once, if it has). */
  captureAwsClient(client: AwsClient): void;
  /** Runs one invocation inside a `## name` subsegment, annotated with the cold start and the service. */
  invocation<R>(name: string, run: () => Promise<R>): Promise<R>;
}

export interface TracingOptions {
  enabled: boolean;
  service: string;
  log: Logger;
  /** How the tracer is loaded: Powertools' own, by default. */
  load?: (service: string) => Promise<TracerPort>;
}

async function loadPowertoolsTracer(service: string): Promise<TracerPort> {
  const { Tracer } = await import('@aws-lambda-powertools/tracer');
  // Responses are not recorded: they carry people's names and answers, and a segment holds 64 KB.
  return new Tracer({ serviceName: service, enabled: true, captureHTTPsRequests: true });
}

export function createTracing(options: TracingOptions): Tracing {
  if (!options.enabled) return { captureAwsClient: () => undefined, invocation: (_name, run) => run() };
  const load = options.load ?? loadPowertoolsTracer;
  const clients: AwsClient[] = [];
  let loaded: TracerPort | undefined;
  let loading: Promise<TracerPort | undefined> | undefined;

  const start = () => {
    loading ??= load(options.service).then(
      (tracer) => {
        for (const client of clients) tracer.captureAWSv3Client(client);
        loaded = tracer;
        return tracer;
      },
      (error: unknown) => {
        // Tracing is an aid, not a dependency: a function whose layer is missing still answers.
        options.log.warn('tracing is on but the tracer could not be loaded; running without it', { error });
        return undefined;
      },
    );
    return loading;
  };

  return {
    captureAwsClient(client) {
      if (loaded) loaded.captureAWSv3Client(client);
      else clients.push(client);
    },
    async invocation(name, run) {
      const tracer = await start();
      const parent = tracer?.getSegment();
      if (!tracer || !parent) return run();
      const segment = parent.addNewSubsegment(`## ${name}`);
      tracer.setSegment(segment);
      tracer.annotateColdStart();
      tracer.addServiceNameAnnotation();
      try {
        return await run();
      } catch (error) {
        if (error instanceof Error) tracer.addErrorAsMetadata(error);
        throw error;
      } finally {
        segment.close();
        tracer.setSegment(parent);
      }
    },
  };
}
