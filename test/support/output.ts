// What a piece of code writes to stdout and stderr, as a Lambda's log group would receive it: the test
// reads the JSON lines Powertools writes (log lines and EMF metrics) instead of mocking Powertools.
export interface Captured<T> {
  result: T;
  /** Every JSON line written, in order. */
  lines: Array<Record<string, unknown>>;
  /** Anything written that was not a JSON object on a line of its own. */
  other: string[];
}

export async function captureOutput<T>(run: () => Promise<T>): Promise<Captured<T>> {
  const chunks: string[] = [];
  const streams = [process.stdout, process.stderr];
  const writes = streams.map((stream) => stream.write);
  for (const stream of streams) {
    stream.write = ((chunk: string | Uint8Array) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof stream.write;
  }
  let result: T;
  try {
    result = await run();
  } finally {
    streams.forEach((stream, index) => {
      stream.write = writes[index] as typeof stream.write;
    });
  }
  const lines: Array<Record<string, unknown>> = [];
  const other: string[] = [];
  for (const line of chunks.join('').split('\n')) {
    if (line.trim() === '') continue;
    try {
      const parsed: unknown = JSON.parse(line);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) lines.push(parsed as Record<string, unknown>);
      else other.push(line);
    } catch {
      other.push(line);
    }
  }
  return { result, lines, other };
}

/** The EMF lines among them: the metrics CloudWatch would make of the output. */
export function emfLines(lines: Array<Record<string, unknown>>) {
  return lines.filter((line) => '_aws' in line) as Array<
    Record<string, unknown> & {
      _aws: {
        CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string }> }>;
      };
    }
  >;
}
