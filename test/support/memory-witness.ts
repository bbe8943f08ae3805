// The witnessed logs and the witness reports in memory, in the order the table keeps them.
import type { ReceivedCosignature, ReceivedFork, WitnessReportRepository } from '#domain/federation/witness-reports.ts';
import type { WitnessedLog, WitnessedLogRepository } from '#domain/federation/witnessing.ts';
import { pagedFrom } from './memory-pages.ts';

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

export function memoryWitnessedLogs(): WitnessedLogRepository & { all(): WitnessedLog[] } {
  const logs = new Map<string, WitnessedLog>();
  const all = () => [...logs.values()].sort(byKey((log) => log.host));
  return {
    add: async (log) => {
      const existing = logs.get(log.host);
      if (existing) return existing;
      logs.set(log.host, structuredClone(log));
      return log;
    },
    get: async (host) => structuredClone(logs.get(host)) ?? null,
    remove: async (host) => logs.delete(host),
    page: pagedFrom(all),
    record: async (log, expectedSize) => {
      const existing = logs.get(log.host);
      if (!existing || (existing.lastHead?.treeSize ?? 0) !== expectedSize) return false;
      logs.set(log.host, structuredClone(log));
      return true;
    },
    all,
  };
}

export function memoryWitnessReports(): WitnessReportRepository {
  const cosignatures = new Map<string, ReceivedCosignature>();
  const forks = new Map<string, ReceivedFork>();
  return {
    putCosignature: async (cosignature) =>
      void cosignatures.set(`${cosignature.treeSize}#${cosignature.witness}`, { ...cosignature }),
    cosignatures: (treeSize, request) =>
      pagedFrom(() =>
        [...cosignatures.values()]
          .filter((cosignature) => cosignature.treeSize === treeSize)
          .sort(byKey((cosignature) => cosignature.witness)),
      )(request),
    putFork: async (fork) => void forks.set(fork.witness, { ...fork }),
    forks: pagedFrom(() => [...forks.values()].sort(byKey((fork) => fork.witness))),
  };
}
