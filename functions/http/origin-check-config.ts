// Which origin check a function runs, from configuration: in AWS the value CloudFront sends, read from
// Secrets Manager on the first request; on one machine (no CloudFront) none. AWS without a value is
// refused, so the API can never be left open at its execute-api URL by a missing setting.
import { type Config, ConfigError, configSchema } from '#config/config.ts';
import type { SecretReader } from '#app/secrets.ts';
import { anyOrigin, createOriginCheck, type OriginCheck } from './origin-check.ts';

export function originCheckFrom(config: Config, reader: () => SecretReader): OriginCheck {
  const inline = config.ORIGIN_VERIFY;
  if (inline !== undefined) return createOriginCheck({ expected: async () => inline });
  const secretId = config.ORIGIN_VERIFY_SECRET;
  if (secretId !== undefined) {
    return createOriginCheck({
      expected: async (options) => {
        const parsed = configSchema().shape.ORIGIN_VERIFY.safeParse(await reader()(secretId, options));
        if (!parsed.success || parsed.data === undefined) {
          throw new ConfigError(
            `Invalid configuration:\n  ORIGIN_VERIFY (from the secret ${secretId}): ${parsed.error?.issues[0]?.message ?? 'empty'}`,
          );
        }
        return parsed.data;
      },
    });
  }
  if (config.STAGE === 'aws') {
    throw new ConfigError(
      'Invalid configuration:\n  ORIGIN_VERIFY_SECRET: required in AWS, so the API and site answer only through CloudFront',
    );
  }
  return anyOrigin;
}

/** Built on the first request, so importing a handler reads no configuration. */
export function lazyOriginCheck(config: () => Config, reader: () => SecretReader): OriginCheck {
  let check: OriginCheck | undefined;
  return (headers) => {
    check ??= originCheckFrom(config(), reader);
    return check(headers);
  };
}
