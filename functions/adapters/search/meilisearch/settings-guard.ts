// Keeps an index's settings what settings.ts declares, from whichever process writes first (issue 13,
// D10: `npm start` once filled an index that never received its settings, and every search answered 503
// until someone ran the reindex by hand). Before its first write a process compares the stored settings
// with the declared ones and sends them only when they differ, since Meilisearch re-indexes every
// document on a settings update: one read per process (per cold start in Lambda) when nothing changed.
// Health asks the same question, cached for a short time so that a monitor polling health costs one read
// every `checkTtlMs`, not one per poll.
import { settingsDrift } from './settings-drift.ts';

export interface SettingsGuardDependencies {
  /** The declared settings. */
  declared: () => object;
  /** The stored settings, or `undefined` when the index does not exist yet. Throws a translated error. */
  read: () => Promise<unknown>;
  /** Sends the declared settings and resolves once they apply. */
  apply: () => Promise<void>;
  /** How long a health check's comparison is reused, in milliseconds. Default 30,000. */
  checkTtlMs?: number | undefined;
  now?: (() => number) | undefined;
}

export interface SettingsGuard {
  /** Compares, and sends the declared settings when they differ; resolves with what differed. */
  ensure(): Promise<string[]>;
  /** `ensure()` once for this process; a failed attempt is tried again by the next write. */
  beforeWrite(): Promise<void>;
  /** A sentence a person can act on when the stored settings differ (or cannot be read); else undefined. */
  problem(): Promise<string | undefined>;
}

export const missingIndex = 'the index itself, which does not exist yet';

export function createSettingsGuard(deps: SettingsGuardDependencies): SettingsGuard {
  const ttl = deps.checkTtlMs ?? 30_000;
  const now = deps.now ?? Date.now;
  let ready: Promise<unknown> | undefined;
  let checked: { at: number; drift: Promise<string[]> } | undefined;

  async function drift(): Promise<string[]> {
    const stored = await deps.read();
    return stored === undefined ? [missingIndex] : settingsDrift(deps.declared(), stored);
  }

  async function ensure(): Promise<string[]> {
    const differing = await drift();
    if (differing.length > 0) await deps.apply();
    checked = { at: now(), drift: Promise.resolve([]) };
    return differing;
  }

  return {
    ensure,
    async beforeWrite() {
      ready ??= ensure().catch((error: unknown) => {
        ready = undefined;
        throw error;
      });
      await ready;
    },
    async problem() {
      let current = checked;
      if (!current || now() - current.at >= ttl) {
        const attempt = { at: now(), drift: drift() };
        current = checked = attempt;
        // Only a comparison is remembered: after a failure (the engine was down) the next check asks again.
        attempt.drift.catch(() => {
          if (checked === attempt) checked = undefined;
        });
      }
      try {
        const differing = await current.drift;
        if (differing.length === 0) return undefined;
        return (
          `The index settings differ from the declared ones (${differing.join(', ')}), so searches may fail or ` +
          'rank differently. Apply them with `npm run reindex` (MEILISEARCH_URL and a key with settings.update) or ' +
          'by redeploying, whose reindex applies them.'
        );
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return `Could not compare the index settings with the declared ones: ${reason} Reading them needs the settings.get action on the key.`;
      }
    },
  };
}
