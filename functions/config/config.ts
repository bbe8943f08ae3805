// Configuration is read once, from the environment, and validated here. Adapters receive plain values
// from this object and never read `process.env` themselves. `infra/` sets these variables on each
// function; `functions/local/start.ts` sets them for the local stack. The README's table mirrors this.
import { z } from 'zod';

const optionalUrl = z.url().optional();

const jwksSchema = z.object({
  keys: z.array(z.looseObject({ kty: z.string() })).min(1),
});

export const configSchema = z.object({
  STAGE: z
    .enum(['local', 'test', 'aws'])
    .default('aws')
    .describe('Where this runs. `local` adds error details to 500 responses; never set it in AWS.'),
  AWS_REGION: z.string().min(1).default('eu-west-1').describe('AWS region of the table.'),
  TABLE_NAME: z.string().min(3).default('guildhall').describe('The single DynamoDB table.'),
  DYNAMODB_ENDPOINT: optionalUrl.describe('DynamoDB endpoint; set only for DynamoDB Local.'),
  AUTH_ISSUER: z.string().min(1).describe('Issuer (`iss`) every accepted token must carry.'),
  AUTH_AUDIENCE: z.string().min(1).describe('Audience: the app client id tokens are issued to.'),
  AUTH_JWKS_URL: optionalUrl.describe('Where the issuer publishes its signing keys (Cognito).'),
  AUTH_JWKS: z
    .string()
    .transform((text, context) => {
      try {
        return jwksSchema.parse(JSON.parse(text));
      } catch {
        context.addIssue({ code: 'custom', message: 'must be a JSON Web Key Set: {"keys":[…]}' });
        return z.NEVER;
      }
    })
    .optional()
    .describe('The signing keys inline, as JWKS JSON (the local development identity provider).'),
  AUTH_SIGN_IN_URL: z.string().default('/auth/sign-in').describe('Where the site sends people to sign in.'),
  MEILISEARCH_URL: optionalUrl.describe('Meilisearch host; unset means the embedded search engine.'),
  MEILISEARCH_KEY: z.string().optional().describe('Meilisearch key for the functions (never the master key).'),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1_048_576)
    .default(65_536)
    .describe('Largest request body the API accepts (larger: 413).'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info').describe('Lowest log level written.'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (!result.data.AUTH_JWKS_URL && !result.data.AUTH_JWKS) {
    throw new ConfigError('Invalid configuration:\n  AUTH_JWKS_URL: set it, or AUTH_JWKS for local keys');
  }
  return result.data;
}

let cached: Config | undefined;

/** The process's configuration, read from the environment on first use. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
