// Tracing starts on the first invocation (the tracer is too heavy to import at every cold start), captures
// the AWS SDK clients registered before and after, puts each invocation in its own subsegment, and never
// stops a function from answering: off, it loads nothing; failing to load, it says so once and steps aside.
import { describe, expect, it } from 'vitest';
import { createLogger, type Logger } from '#platform/log.ts';
import { type AwsClient, createTracing, type TracerPort } from '#platform/tracing.ts';

interface FakeSegment {
  name: string;
  closed: boolean;
  children: FakeSegment[];
  addNewSubsegment(name: string): FakeSegment;
  close(): void;
}

function segment(name: string): FakeSegment {
  const made: FakeSegment = {
    name,
    closed: false,
    children: [],
    addNewSubsegment(child) {
      const sub = segment(child);
      made.children.push(sub);
      return sub;
    },
    close() {
      made.closed = true;
    },
  };
  return made;
}

/** A tracer that records what it is asked, over a facade segment like Lambda's. */
function fakeTracer(facade: FakeSegment | null = segment('facade')) {
  let current = facade ?? undefined;
  const seen = { captured: [] as unknown[], coldStarts: 0, errors: [] as Error[], activeDuringRun: [] as string[] };
  const tracer = {
    captureAWSv3Client: <T>(client: T) => {
      seen.captured.push(client);
      return client;
    },
    getSegment: () => current,
    setSegment: (next: FakeSegment) => {
      current = next;
    },
    annotateColdStart: () => {
      seen.coldStarts++;
    },
    addServiceNameAnnotation: () => undefined,
    addErrorAsMetadata: (error: Error) => {
      seen.errors.push(error);
    },
  } as unknown as TracerPort;
  return { tracer, seen, facade: facade as FakeSegment, current: () => current };
}

const client = (name: string) => ({ name }) as unknown as AwsClient;

function recordingLog(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { ...createLogger('silent'), warn: (message) => warnings.push(message), warnings };
}

describe('tracing', () => {
  it('loads the tracer once, on the first invocation, and captures the clients registered before and after', async () => {
    const fake = fakeTracer();
    let loads = 0;
    const tracing = createTracing({
      enabled: true,
      service: 'guildhall',
      log: recordingLog(),
      load: async () => {
        loads++;
        return fake.tracer;
      },
    });
    const table = client('table');
    tracing.captureAwsClient(table);
    expect(loads).toBe(0);
    await tracing.invocation('api', async () => undefined);
    const late = client('late');
    tracing.captureAwsClient(late);
    await tracing.invocation('api', async () => undefined);
    expect(loads).toBe(1);
    expect(fake.seen.captured).toEqual([table, late]);
  });

  it('runs each invocation in its own subsegment, closed afterwards, and keeps an error it throws', async () => {
    const fake = fakeTracer();
    const tracing = createTracing({
      enabled: true,
      service: 'guildhall',
      log: recordingLog(),
      load: async () => fake.tracer,
    });
    const inside = await tracing.invocation('guildhall-api', async () => (fake.current() as FakeSegment).name);
    const failure = new Error('store down');
    await expect(
      tracing.invocation('guildhall-api', async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(inside).toBe('## guildhall-api');
    expect(fake.facade.children.map((child) => [child.name, child.closed])).toEqual([
      ['## guildhall-api', true],
      ['## guildhall-api', true],
    ]);
    expect(fake.current()).toBe(fake.facade);
    expect(fake.seen.errors).toEqual([failure]);
    expect(fake.seen.coldStarts).toBe(2);
  });

  it('answers without tracing, saying so once, when the tracer cannot be loaded', async () => {
    const log = recordingLog();
    let loads = 0;
    const tracing = createTracing({
      enabled: true,
      service: 'guildhall',
      log,
      load: async () => {
        loads++;
        throw new Error("Cannot find package '@aws-lambda-powertools/tracer'");
      },
    });
    expect(await tracing.invocation('api', async () => 'answered')).toBe('answered');
    expect(await tracing.invocation('api', async () => 'again')).toBe('again');
    expect([loads, log.warnings]).toEqual([
      1,
      ['tracing is on but the tracer could not be loaded; running without it'],
    ]);
  });

  it('loads nothing when tracing is off', async () => {
    let loads = 0;
    const tracing = createTracing({
      enabled: false,
      service: 'guildhall',
      log: recordingLog(),
      load: async () => {
        loads++;
        return fakeTracer().tracer;
      },
    });
    tracing.captureAwsClient(client('table'));
    expect(await tracing.invocation('api', async () => 'answered')).toBe('answered');
    expect(loads).toBe(0);
  });

  it('runs an invocation that has no segment to hang from as it is', async () => {
    const fake = fakeTracer(null);
    const tracing = createTracing({
      enabled: true,
      service: 'guildhall',
      log: recordingLog(),
      load: async () => fake.tracer,
    });
    expect(await tracing.invocation('api', async () => 'answered')).toBe('answered');
    expect(fake.current()).toBeUndefined();
  });
});
