// The delivery queue on one machine (SQS's part in AWS): a job runs on a later turn of the event loop,
// never inside the request that queued it; a failure is tried again after the policy's backoff, and a
// permanent one, or one past the last try, is parked (kept for a look, as SQS's dead-letter queue would).
import { afterFailure, type DeliveryJob, type RetryPolicy } from '#domain/federation/delivery.ts';
import type { Logger } from '#platform/log.ts';

export interface InProcessQueue<J extends { attempt: number } = DeliveryJob> {
  enqueue(job: J): Promise<void>;
  /** Settles when no job is running or waiting for a retry. */
  idle(): Promise<void>;
  /** Jobs given up, with the last error. */
  parked: Array<{ job: J; error: unknown }>;
  /** Drops the waiting retries (at the stack's stop). */
  stop(): void;
}

export function createInProcessQueue<J extends { attempt: number } = DeliveryJob>(options: {
  run: (job: J) => Promise<void>;
  policy: RetryPolicy;
  log: Pick<Logger, 'warn'>;
  random?: () => number;
  /** What the log says of a job given up (a delivery's inbox and activity by default). */
  about?: (job: J) => Record<string, unknown>;
}): InProcessQueue<J> {
  const about =
    options.about ??
    ((job: J) => {
      const delivery = job as unknown as Partial<DeliveryJob>;
      return { inbox: delivery.inbox, activity: delivery.activity?.id };
    });
  const random = options.random ?? Math.random;
  const timers = new Set<NodeJS.Timeout>();
  const parked: InProcessQueue<J>['parked'] = [];
  let pending = 0;
  let waiters: Array<() => void> = [];
  const settle = () => {
    pending -= 1;
    if (pending === 0) {
      for (const wake of waiters) wake();
      waiters = [];
    }
  };

  function schedule(job: J, delayMs: number) {
    pending += 1;
    const timer = setTimeout(() => {
      timers.delete(timer);
      void attempt(job).finally(settle);
    }, delayMs);
    timers.add(timer);
  }

  async function attempt(job: J) {
    const tried = { ...job, attempt: job.attempt + 1 };
    try {
      await options.run(tried);
    } catch (error) {
      const next = afterFailure(options.policy, tried.attempt, error, random());
      if ('giveUp' in next) {
        parked.push({ job: tried, error });
        options.log.warn('delivery given up', { ...about(tried), error });
        return;
      }
      schedule(tried, next.retryInMs);
    }
  }

  return {
    async enqueue(job) {
      schedule(job, 0);
    },
    idle: () => (pending === 0 ? Promise.resolve() : new Promise<void>((wake) => waiters.push(wake))),
    parked,
    stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      pending = 0;
      for (const wake of waiters) wake();
      waiters = [];
    },
  };
}
