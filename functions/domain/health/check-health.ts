// Health of what the API depends on. The store is essential (503 without it); search is not:
// without it the API still serves and records everything, so it only makes the status "degraded".

export interface DependencyProbe {
  name: string;
  essential: boolean;
  /** Resolves with details on success; rejects when the dependency is not usable. */
  probe(): Promise<Record<string, unknown>>;
}

export interface DependencyHealth {
  status: 'ok' | 'down';
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
        const details = await withTimeout(dependency.probe(), timeoutMs);
        return [dependency, { status: 'ok', latencyMs: elapsed(started), ...details }] as const;
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
    if (health.status === 'down') status = dependency.essential ? 'down' : status === 'down' ? 'down' : 'degraded';
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
