// Per-identity limits on writes: a fixed window of `limit` writes per `windowSeconds`. The port keeps
// the count where every function instance sees it (DynamoDB in production), not in one instance's memory.
export interface RateLimiter {
  /** Counts one write for `key`; says whether it is allowed and, if not, when to retry. */
  take(key: string, now: Date): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;
}

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

export function windowOf(now: Date, windowSeconds: number): { index: number; endsAt: number } {
  const seconds = Math.floor(now.getTime() / 1000);
  const index = Math.floor(seconds / windowSeconds);
  return { index, endsAt: (index + 1) * windowSeconds };
}

/** For tests and single-process use: the same rule in memory. */
export function memoryRateLimiter(rate: RateLimit): RateLimiter {
  const counts = new Map<string, number>();
  return {
    async take(key, now) {
      const { index, endsAt } = windowOf(now, rate.windowSeconds);
      const slot = `${key}#${index}`;
      const count = counts.get(slot) ?? 0;
      if (count >= rate.limit)
        return { allowed: false, retryAfterSeconds: Math.max(1, endsAt - Math.floor(now.getTime() / 1000)) };
      counts.set(slot, count + 1);
      return { allowed: true };
    },
  };
}
