// Secrets are read at run time, never placed in a function's environment: in AWS a function is told
// where a secret lives (CREDENTIAL_SIGNING_KEY_SECRET, MEILISEARCH_KEY_SECRET, ORIGIN_VERIFY_SECRET) and
// reads it once per cold start, on first need; only the functions granted a secret can read it. On one
// machine the values stay in the environment, as before, and nothing is fetched.
import { createSecretsManagerReader } from '#adapters/secrets/secrets-manager.ts';
import { type Config, ConfigError, configSchema, getConfig, secretBackedValues } from '#config/config.ts';

/** A secret's text by name or ARN; `fresh` skips the cache (a rotated value). */
export type SecretReader = (secretId: string, options?: { fresh?: boolean }) => Promise<string>;

/** Remembers each secret's text for the life of the process; a failed read is tried again next time. */
export function cachedSecretReader(read: (secretId: string) => Promise<string>): SecretReader {
  const cache = new Map<string, Promise<string>>();
  return (secretId, options) => {
    let text = options?.fresh ? undefined : cache.get(secretId);
    if (!text) {
      text = read(secretId);
      cache.set(secretId, text);
      text.catch(() => {
        if (cache.get(secretId) === text) cache.delete(secretId);
      });
    }
    return text;
  };
}

/**
 * The configuration with each named secret read and validated exactly as its inline value would be
 * (a malformed signing key fails here, naming the variable and the secret, never the value).
 */
export async function withSecrets(config: Config, read: SecretReader): Promise<Config> {
  const resolved: Partial<Config> = {};
  await Promise.all(
    secretBackedValues.map(async ([value, secret]) => {
      const secretId = config[secret];
      if (secretId === undefined) return;
      const parsed = configSchema().shape[value].safeParse(await read(secretId));
      if (!parsed.success) {
        const message = parsed.error.issues.map((issue) => issue.message).join('; ');
        throw new ConfigError(
          `Invalid configuration:\n  ${value} (from the secret ${secretId} named by ${secret}): ${message}`,
        );
      }
      Object.assign(resolved, { [value]: parsed.data });
    }),
  );
  return { ...config, ...resolved };
}

/** Whether the configuration names a secret that has not been read into it yet. */
export function hasUnreadSecrets(config: Config): boolean {
  return secretBackedValues.some(([value, secret]) => config[secret] !== undefined && config[value] === undefined);
}

/** Runs `load` once; while it succeeds, every caller shares its result, and after a failure the next call tries again. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

let processReader: SecretReader | undefined;

/** The process's reader: Secrets Manager in the configured region, cached. */
export function getSecretReader(): SecretReader {
  processReader ??= cachedSecretReader(createSecretsManagerReader(getConfig().AWS_REGION));
  return processReader;
}

/** The process's configuration with its secrets read: once per cold start, on first need. */
export const loadConfig = once(() => withSecrets(getConfig(), getSecretReader()));
