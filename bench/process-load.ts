// What ran beside each call bench:scale times (Linux /proc): the CPU the emulator's JVM used (all its
// threads, and its VM thread alone: the serial collector's stop-the-world collections run there), the
// search process's main thread, how long this process's and the JVM's threads waited for a core (the
// run queue: other work on the machine), and how many tasks were runnable. Read before and after each
// call, outside the timed span, in nanoseconds (schedstat), so a 2 ms call's share is measured, not guessed.
// Also this process's heap just before and just after the call (`process.memoryUsage().heapUsed`): with no
// collection here during the call, what the call allocated. `around`'s `before` runs after the first
// snapshot (whose reads of /proc leave garbage of their own) and before the timed span.
import { readdirSync, readFileSync } from 'node:fs';

/** Nanoseconds a thread has run (schedstat's first field) or waited runnable for a core (its second). */
function runNs(path: string, field = 0): number {
  try {
    return Number(readFileSync(path, 'utf8').split(' ')[field] ?? 0);
  } catch {
    return 0;
  }
}

/** The threads of `pid` whose name is `name` (e.g. the JVM's "VM Thread"). */
function threadsNamed(pid: number, name: string): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`)
      .map(Number)
      .filter((tid) => {
        try {
          return readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim() === name;
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
}

/** Each thread's run time of `pid` (or, with field 1, its time waiting for a core), by thread id. */
function threadRunNs(pid: number, field = 0): Map<string, number> {
  try {
    return new Map(
      readdirSync(`/proc/${pid}/task`).map((tid) => [tid, runNs(`/proc/${pid}/task/${tid}/schedstat`, field)]),
    );
  } catch {
    return new Map();
  }
}

/** What the threads alive at both readings added between them: a thread that ended takes nothing away. */
function grown(before: Map<string, number>, after: Map<string, number>): number {
  let sum = 0;
  for (const [tid, ns] of after) sum += ns - (before.get(tid) ?? ns);
  return sum;
}

const processRunNs = (pid: number) => [...threadRunNs(pid).values()].reduce((a, b) => a + b, 0);

/** Tasks runnable on the machine now, this one included (procs_running). */
function runnable(): number {
  const line = readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('procs_running '));
  return Number(line?.split(' ')[1] ?? 0);
}

export interface Beside {
  /** The JVM's CPU during the call, all threads, ms. */
  jvmMs: number;
  /** Its VM thread's (the collector's pauses, safepoints), ms. */
  gcMs: number;
  /** The search process's main thread, ms (its work for the call, on the rows that search). */
  searchMs: number;
  /** How long this process's main thread waited for a core during the call, ms: the machine's other work. */
  ownWaitMs: number;
  /** How long the JVM's threads waited for a core, summed, ms. */
  jvmWaitMs: number;
  /** This process's own collections overlapping the call, ms (filled in after measuring). */
  ownGcMs: number;
  /** Runnable tasks on the machine when the call started (this one included; 2 cores). */
  runnable: number;
  /**
   * This process's heap after the call less before it, KB: what the call allocated when no collection
   * here overlapped it (`ownGcMs` 0); less, or negative, when one did.
   */
  heapKb: number;
}

/**
 * `jvmPids`: the emulators, `searchPids`: the search processes (one each per bench:scale world); what
 * they ran is summed.
 */
export function processProbe(jvmPids: readonly number[], searchPids: readonly number[]) {
  const vmThreads = jvmPids.flatMap((pid) => threadsNamed(pid, 'VM Thread').map((tid) => ({ pid, tid })));
  const merged = (field: number) =>
    new Map(jvmPids.flatMap((pid) => [...threadRunNs(pid, field)].map(([tid, ns]) => [`${pid}/${tid}`, ns] as const)));
  const snapshot = () => ({
    jvm: merged(0),
    gc: vmThreads.reduce((sum, { pid, tid }) => sum + runNs(`/proc/${pid}/task/${tid}/schedstat`), 0),
    search: searchPids.reduce((sum, pid) => sum + runNs(`/proc/${pid}/schedstat`), 0),
    ownWait: runNs(`/proc/${process.pid}/task/${process.pid}/schedstat`, 1),
    jvmWait: merged(1),
    runnable: runnable(),
  });
  return {
    vmThreadFound: vmThreads.length > 0,
    /** Runs `timed` between two snapshots: what ran beside it. */
    async around<T>(
      timed: () => Promise<T>,
      prepare?: () => void,
    ): Promise<{ result: T; beside: Beside; span: [number, number] }> {
      const before = snapshot();
      prepare?.();
      const heapBefore = process.memoryUsage().heapUsed;
      const start = performance.now();
      const result = await timed();
      const end = performance.now();
      const heapAfter = process.memoryUsage().heapUsed;
      const after = snapshot();
      return {
        result,
        span: [start, end],
        beside: {
          ownWaitMs: (after.ownWait - before.ownWait) / 1e6,
          jvmWaitMs: grown(before.jvmWait, after.jvmWait) / 1e6,
          ownGcMs: 0,
          jvmMs: grown(before.jvm, after.jvm) / 1e6,
          gcMs: (after.gc - before.gc) / 1e6,
          searchMs: (after.search - before.search) / 1e6,
          runnable: before.runnable,
          heapKb: (heapAfter - heapBefore) / 1024,
        },
      };
    },
    /** CPU ms the JVMs and the search processes used over the last `ms` (the settling wait's measure). */
    async busyOver(ms: number): Promise<{ jvmMs: number; searchMs: number }> {
      const searchRunNs = () => searchPids.reduce((sum, pid) => sum + processRunNs(pid), 0);
      // By thread, as `around` counts: a thread that ends in the second takes nothing away.
      const before = { jvm: merged(0), search: searchRunNs() };
      await new Promise((resolveWait) => setTimeout(resolveWait, ms));
      return {
        jvmMs: grown(before.jvm, merged(0)) / 1e6,
        searchMs: (searchRunNs() - before.search) / 1e6,
      };
    },
  };
}
