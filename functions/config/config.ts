// Configuration is read once, from the environment, and validated here. Adapters receive plain values
// from this object and never read `process.env` themselves. `infra/` sets these variables on each
// function; `functions/local/start.ts` sets them for the local stack. The README's table mirrors this.
import * as z from 'zod';

const optionalUrl = z.url().optional();
/** `true` or `false`, as environment variables spell them; unset stays undefined (a default by stage). */
const booleanText = z
  .enum(['true', 'false'])
  .transform((text) => text === 'true')
  .optional();

/** Where a secret lives (AWS): the functions read its value once per cold start (app/secrets.ts). */
const secretId = z.string().min(1).optional();

/** A value and the variable naming the secret that holds it: set one of the two, not both. */
export const secretBackedValues = [
  ['CREDENTIAL_SIGNING_KEY', 'CREDENTIAL_SIGNING_KEY_SECRET'],
  ['MEILISEARCH_KEY', 'MEILISEARCH_KEY_SECRET'],
  ['ORIGIN_VERIFY', 'ORIGIN_VERIFY_SECRET'],
] as const;

const ed25519JwkSchema = z.looseObject({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().min(20),
  d: z.string().min(20),
  kid: z.string().optional(),
});

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
  AUTH_HOSTED_UI_URL: optionalUrl.describe(
    'The user pool domain (Cognito hosted sign-in); set in AWS, where /auth/* signs people in with it.',
  ),
  MEILISEARCH_URL: optionalUrl.describe('Meilisearch host; unset means the embedded search engine.'),
  MEILISEARCH_KEY: z.string().optional().describe('Meilisearch key for the functions (never the master key).'),
  MEILISEARCH_KEY_SECRET: secretId.describe(
    'Secrets Manager name or ARN holding MEILISEARCH_KEY (AWS); read once per cold start, instead of the value.',
  ),
  REINDEX_QUEUE_URL: optionalUrl.describe(
    'The SQS FIFO queue of reindex steps (AWS, reindex function only): each step queues the next page there.',
  ),
  PUBLIC_URL: z
    .url()
    .default('http://localhost:3000')
    .transform((url) => url.replace(/\/+$/, ''))
    .describe('The public origin of the site; credentials and feeds link to it.'),
  COMMONS_FILE: z
    .string()
    .default('commons.json')
    .describe('The compiled commons (skills, courses, practices): see functions/local/compile-commons.ts.'),
  CREDENTIAL_SIGNING_KEY: z
    .string()
    .transform((text, context) => {
      try {
        return ed25519JwkSchema.parse(JSON.parse(text));
      } catch {
        context.addIssue({
          code: 'custom',
          message: 'must be an Ed25519 private JWK: {"kty":"OKP","crv":"Ed25519","x":…,"d":…}',
        });
        return z.NEVER;
      }
    })
    .optional()
    .describe(
      'The instance key that signs credentials and log heads (Ed25519 private JWK). Required in AWS where something is signed (API, site).',
    ),
  CREDENTIAL_SIGNING_KEY_SECRET: secretId.describe(
    'Secrets Manager name or ARN holding CREDENTIAL_SIGNING_KEY (AWS); read once per cold start, instead of the value.',
  ),
  ORIGIN_VERIFY: z
    .string()
    .min(32, 'must be at least 32 characters: it is all that keeps the API behind CloudFront')
    .optional()
    .describe(
      'The value CloudFront sends in the x-origin-verify header; the API and site answer 403 to a request without it. Unset: no check (local only).',
    ),
  ORIGIN_VERIFY_SECRET: secretId.describe(
    'Secrets Manager name or ARN holding ORIGIN_VERIFY (AWS); read on the first request, instead of the value.',
  ),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1_048_576)
    .default(65_536)
    .describe('Largest request body the API accepts (larger: 413).'),
  WRITE_RATE_LIMIT: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(120)
    .describe('Writes one person may make per minute before the API answers 429.'),
  ROYALTY_DISPUTE_WINDOW_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(14)
    .describe('Days inventors have to dispute a value report; an undisputed report then counts as confirmed.'),
  STEWARDS: z
    .string()
    .default('')
    .transform((text) => [...new Set(text.split(',').map((id) => id.trim()))].filter(Boolean))
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9._@-]{1,128}$/, 'must be person ids separated by commas')))
    .describe(
      'Person ids (comma-separated) of the instance stewards, who grant Bound credit limits above zero by a logged decision.',
    ),
  QUIZ_RETRY_WAIT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_080)
    .default(10)
    .describe('Minutes a learner waits after failing a course quiz twice in a row (at most a week).'),
  STORE_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(60_000)
    .default(2_000)
    .describe(
      'How long one attempt at a DynamoDB call may take (connecting: half of it); after a second attempt the request answers 503. At most 4000 in AWS, so both attempts fit in the functions’ 10 s.',
    ),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info').describe('Lowest log level written.'),
  // Powertools reads these names itself too; here they are validated and handed to it explicitly.
  POWERTOOLS_SERVICE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be a short name: letters, digits, dots, dashes')
    .default('guildhall')
    .describe('The `service` key of every log line and the `service` dimension of every metric.'),
  POWERTOOLS_METRICS_NAMESPACE: z
    .string()
    .regex(/^[A-Za-z0-9._/#:-]{1,255}$/, 'must be a CloudWatch namespace: letters, digits and . _ / # : -')
    .default('Guildhall')
    .describe('The CloudWatch namespace the metrics (EMF lines on stdout) are published under.'),
  POWERTOOLS_METRICS_DISABLED: booleanText.describe(
    '`true` writes no metrics. Unset: written in AWS, not elsewhere (`npm start` writes them at LOG_LEVEL=debug).',
  ),
  POWERTOOLS_TRACE_ENABLED: booleanText.describe(
    'X-Ray tracing: AWS SDK calls and outgoing HTTP requests become subsegments. Unset: on in AWS (the function needs active tracing and the Powertools layer, which carries the tracer), off elsewhere, where no X-Ray daemon listens.',
  ),
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
  for (const [value, secret] of secretBackedValues) {
    if (result.data[value] !== undefined && result.data[secret] !== undefined) {
      throw new ConfigError(
        `Invalid configuration:\n  ${value}: set it or ${secret} (the secret holding it), not both`,
      );
    }
  }
  if (result.data.STAGE === 'aws' && result.data.STORE_TIMEOUT_MS > maxStoreTimeoutInAws) {
    throw new ConfigError(
      `Invalid configuration:\n  STORE_TIMEOUT_MS: at most ${maxStoreTimeoutInAws} in AWS (two attempts must end inside the functions' 10 s timeout)`,
    );
  }
  return result.data;
}

/** Two attempts of 4 s and the SDK's backoff between them (≤ 1 s) end inside the functions' 10 s. */
const maxStoreTimeoutInAws = 4_000;

let cached: Config | undefined;

/** The process's configuration, read from the environment on first use. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
