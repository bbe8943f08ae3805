// Health of what the API depends on. The store is essential (503 without it); search is not:
// without it the API still serves and records everything, so it only makes the status "degraded". A
// dependency that answers but not as it should (search settings that differ from the declared ones) is
// itself "degraded", with a sentence saying what to do.

export interface DependencyProbe {
  name: string;
  essential: boolean;
  /**
   * Resolves with details on success, including `degraded` (a sentence a person can act on) when the
   * dependency works but not as it should; rejects when it is not usable.
   */
  probe(): Promise<Record<string, unknown>>;
}

export interface DependencyHealth {
  status: 'ok' | 'degraded' | 'down';
  latencyMs: number;
  detail?: string;
  [key: string]: unknown;
}

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  checks: Record<string, DependencyHealth>;
}

export async function checkHealth(probes: DependencyProbe[], timeoutMs = 2000): Promise<HealthReport> {
  const results = await Promise.all(
    probes.map(async (dependency) => {
      const started = performance.now();
      try {
        const { degraded, ...details } = await withTimeout(dependency.probe(), timeoutMs);
        const latencyMs = elapsed(started);
        if (typeof degraded === 'string') {
          return [dependency, { status: 'degraded', latencyMs, ...details, detail: degraded }] as const;
        }
        return [dependency, { status: 'ok', latencyMs, ...details }] as const;
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return [dependency, { status: 'down', latencyMs: elapsed(started), detail }] as const;
      }
    }),
  );
  const checks: Record<string, DependencyHealth> = {};
  let status: HealthReport['status'] = 'ok';
  for (const [dependency, health] of results) {
    checks[dependency.name] = health as DependencyHealth;
    if (health.status === 'down' && dependency.essential) status = 'down';
    else if (health.status !== 'ok' && status !== 'down') status = 'degraded';
  }
  return { status, checks };
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
