// Configuration is read once, from the environment, and validated here. Adapters receive plain values
// from this object and never read `process.env` themselves. `infra/` sets these variables on each
// function; `functions/local/start.ts` sets them for the local stack. The README's table mirrors this.
// Each variable's line of doc is a comment, not a `describe()`: nothing reads it at run time, and every
// function parses this schema at its cold start.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';

/** A value and the variable naming the secret that holds it: set one of the two, not both. */
export const secretBackedValues = [
  ['CREDENTIAL_SIGNING_KEY', 'CREDENTIAL_SIGNING_KEY_SECRET'],
  ['MEILISEARCH_KEY', 'MEILISEARCH_KEY_SECRET'],
  ['ORIGIN_VERIFY', 'ORIGIN_VERIFY_SECRET'],
  ['EMAIL_LINK_KEY', 'EMAIL_LINK_KEY_SECRET'],
] as const;

const ed25519JwkSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: z.string().check(z.minLength(20)),
    d: z.string().check(z.minLength(20)),
    kid: z.optional(z.string()),
  }),
);

const jwksSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({ keys: z.array(z.looseObject({ kty: z.string() })).check(z.minLength(1)) }),
);

/**
 * Built when first parsed (lazySchema), not when a handler's imports are evaluated: every function
 * parses it once, on its first invocation, and a module that only names `Config` builds nothing.
 */
export const configSchema = /* @__PURE__ */ lazySchema(() => {
  const optionalUrl = z.optional(z.url());

  /** Where a secret lives (AWS): the functions read its value once per cold start (app/secrets.ts). */
  const secretId = z.optional(z.string().check(z.minLength(1)));

  /** `true` or `false`, as environment variables spell them; unset stays undefined (a default by stage). */
  const booleanText = z.optional(
    z.pipe(
      z.enum(['true', 'false']),
      z.transform((text) => text === 'true'),
    ),
  );

  return z.object({
    /** Where this runs. `local` adds error details to 500 responses; never set it in AWS. */
    STAGE: z._default(z.enum(['local', 'test', 'aws']), 'aws'),
    /** AWS region of the table. */
    AWS_REGION: z._default(z.string().check(z.minLength(1)), 'eu-west-1'),
    /** The single DynamoDB table. */
    TABLE_NAME: z._default(z.string().check(z.minLength(3)), 'guildhall'),
    /** DynamoDB endpoint; set only for DynamoDB Local. */
    DYNAMODB_ENDPOINT: optionalUrl,
    /** Issuer (`iss`) every accepted token must carry. */
    AUTH_ISSUER: z.string().check(z.minLength(1)),
    /** Audience: the app client id tokens are issued to. */
    AUTH_AUDIENCE: z.string().check(z.minLength(1)),
    /** Where the issuer publishes its signing keys (Cognito). */
    AUTH_JWKS_URL: optionalUrl,
    /** The signing keys inline, as JWKS JSON (the local development identity provider). */
    AUTH_JWKS: z.optional(
      z.pipe(
        z.string(),
        z.transform((text, context) => {
          try {
            return jwksSchema().parse(JSON.parse(text));
          } catch {
            context.issues.push({ code: 'custom', message: 'Give a JSON Web Key Set: {"keys":[…]}.', input: text });
            return z.NEVER;
          }
        }),
      ),
    ),
    /** Where the site sends people to sign in. */
    AUTH_SIGN_IN_URL: z._default(z.string(), '/auth/sign-in'),
    /** The user pool domain (Cognito hosted sign-in); set in AWS, where /auth/* signs people in with it. */
    AUTH_HOSTED_UI_URL: optionalUrl,
    /** Meilisearch host; unset means the embedded search engine. */
    MEILISEARCH_URL: optionalUrl,
    /** Meilisearch key for the functions (never the master key). */
    MEILISEARCH_KEY: z.optional(z.string()),
    /** Secrets Manager name or ARN holding MEILISEARCH_KEY (AWS); read once per cold start, instead of the value. */
    MEILISEARCH_KEY_SECRET: secretId,
    /** The SQS FIFO queue of reindex steps (AWS, reindex function only): each step queues the next page there. */
    REINDEX_QUEUE_URL: optionalUrl,
    /**
     * The SQS queue of federation deliveries (AWS: the federation function sends to it, the delivery
     * function consumes it). Unset on one machine, where the federation function's in-process queue runs them.
     */
    FEDERATION_DELIVERY_QUEUE_URL: optionalUrl,
    /**
     * The SQS queue of the federation outbox (AWS: the table-only stream function queues opening changes
     * there, the delivery function consumes them and queues each page's deliveries). Unset on one machine,
     * where the local stack runs the outbox in process.
     */
    FEDERATION_OUTBOX_QUEUE_URL: optionalUrl,
    /** The public origin of the site; credentials and feeds link to it. */
    PUBLIC_URL: z.pipe(
      z._default(z.url(), 'http://localhost:3000'),
      z.transform((url) => url.replace(/\/+$/, '')),
    ),
    /**
     * What the community calls this instance ("Guildhall Valencia"): the name other instances and
     * fediverse software show for it (its Service actor, NodeInfo). Absent: "Guildhall at <host>".
     */
    INSTANCE_NAME: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(80))),
    /** The compiled commons (skills, courses, practices): see functions/local/compile-commons.ts. */
    COMMONS_FILE: z._default(z.string(), 'commons.json'),
    /** The API’s OpenAPI document, generated at build time: see functions/local/compile-openapi.ts. */
    OPENAPI_FILE: z._default(z.string(), 'openapi.json'),
    /**
     * The instance key that signs credentials and log heads (Ed25519 private JWK). Required in AWS where
     * something is signed (API, site).
     */
    CREDENTIAL_SIGNING_KEY: z.optional(
      z.pipe(
        z.string(),
        z.transform((text, context) => {
          try {
            return ed25519JwkSchema().parse(JSON.parse(text));
          } catch {
            context.issues.push({
              code: 'custom',
              message: 'Give an Ed25519 private JWK: {"kty":"OKP","crv":"Ed25519","x":…,"d":…}.',
              input: text,
            });
            return z.NEVER;
          }
        }),
      ),
    ),
    /** Secrets Manager name or ARN holding CREDENTIAL_SIGNING_KEY (AWS); read once per cold start, instead of the value. */
    CREDENTIAL_SIGNING_KEY_SECRET: secretId,
    /**
     * The value CloudFront sends in the x-origin-verify header; the API and site answer 403 to a request
     * without it. Unset: no check (local only).
     */
    ORIGIN_VERIFY: z.optional(
      z
        .string()
        .check(z.minLength(32, 'must be at least 32 characters: it is all that keeps the API behind CloudFront')),
    ),
    /** Secrets Manager name or ARN holding ORIGIN_VERIFY (AWS); read on the first request, instead of the value. */
    ORIGIN_VERIFY_SECRET: secretId,
    /**
     * The private S3 bucket that holds files people upload (CVs), in AWS. Unset: FILES_DIR, or, outside
     * AWS only, memory that lasts as long as the process.
     */
    FILES_BUCKET: z.optional(
      z
        .string()
        .check(
          z.regex(
            /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
            'Use an S3 bucket name: 3 to 63 lowercase letters, digits, dots and hyphens.',
          ),
        ),
    ),
    /** The folder that holds uploaded files on one machine (the local stack sets it under its data folder). */
    FILES_DIR: z.optional(z.string().check(z.minLength(1))),
    /**
     * The Cognito user pool people sign in with, in AWS, where an account deletion forgets their sign-in
     * account (the people API and the site, which run that command). Unset on one machine: its development
     * sign-in keeps no accounts.
     */
    USER_POOL_ID: z.optional(
      z
        .string()
        .check(z.regex(/^[a-z]{2}-[a-z]+-\d_[0-9A-Za-z]+$/, 'Use a Cognito user pool id, such as eu-west-1_AbC123.')),
    ),
    /**
     * The key that signs the one-click unsubscribe link in every email (HMAC-SHA256). Required in AWS where
     * mail is sent or a link is followed (people API, site, notifications); unset elsewhere, a key lasts as
     * long as the process.
     */
    EMAIL_LINK_KEY: z.optional(
      z
        .string()
        .check(z.minLength(32, 'must be at least 32 characters: it is all that keeps unsubscribe links unforgeable')),
    ),
    /** Secrets Manager name or ARN holding EMAIL_LINK_KEY (AWS); read once per cold start, instead of the value. */
    EMAIL_LINK_KEY_SECRET: secretId,
    /**
     * The instance's ActivityPub key (an RSA private key, PKCS#8 PEM) is kept by the instance, never in an
     * environment: locally in this file (functions/local/instance-keys.ts makes it), in AWS in the secret
     * FEDERATION_KEY_SECRET names (federation function only), read on its first request.
     */
    FEDERATION_KEY_FILE: secretId,
    /** Secrets Manager name or ARN holding the instance's ActivityPub key (AWS, federation function only). */
    FEDERATION_KEY_SECRET: secretId,
    /**
     * Whether remote fetches may reach loopback addresses (two instances on one machine). Only the local
     * stack and the tests set it; the federation function refuses it in AWS
     * (app/federation-services.ts, so no other bundle carries the check). Private, link-local and metadata addresses stay refused.
     */
    FEDERATION_ALLOW_LOOPBACK: booleanText,
    /** Who notification emails come from, e.g. `Guildhall <notifications@guildhall.example>` (the SES identity's domain). */
    EMAIL_FROM: z._default(
      z.string().check(z.minLength(3), z.maxLength(320)),
      'Guildhall <notifications@guildhall.localhost>',
    ),
    /** The SES configuration set every mail is sent with: it publishes bounces and complaints (AWS). */
    SES_CONFIGURATION_SET: z.optional(
      z
        .string()
        .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Use an SES configuration set name: letters, digits, _ and -.')),
    ),
    /** Where the local stack's mail catcher listens (`smtp://127.0.0.1:<port>`); set by the local stack only. */
    SMTP_URL: optionalUrl,
    /** Largest request body the API accepts (larger: 413). */
    MAX_BODY_BYTES: z._default(z.coerce.number().check(z.int(), z.minimum(1024), z.maximum(1_048_576)), 65_536),
    /** Writes one person may make per minute before the API answers 429. */
    WRITE_RATE_LIMIT: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(10_000)), 120),
    /** Inbox posts one remote instance (by host) may make per minute before its inboxes answer 429. */
    INBOX_RATE_LIMIT: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000)), 300),
    /** Days inventors have to dispute a value report; an undisputed report then counts as confirmed. */
    ROYALTY_DISPUTE_WINDOW_DAYS: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(365)), 14),
    /** Days a buyer has to dispute a delivered order; undisputed, it then counts as confirmed and is paid. */
    ORDER_DISPUTE_WINDOW_DAYS: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(365)), 7),
    /**
     * The commons' agreed hourly rate: minor units of Bound one hour of agreed work is worth. Every price
     * on the marketplace is also shown in hours at this rate, and a rate card's rate in hours is priced by it.
     */
    AGREED_HOURLY_RATE: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000_000)), 2_000),
    /**
     * Person ids (comma-separated) of the instance stewards, who grant Bound credit limits above zero by a
     * logged decision: the bootstrap of a new instance. A steward the commons removed by vote (a
     * `remove-steward` proposal) stays removed even if still listed here.
     */
    STEWARDS: z.pipe(
      z.pipe(
        z._default(z.string(), ''),
        z.transform((text) => [...new Set(text.split(',').map((id) => id.trim()))].filter(Boolean)),
      ),
      z.array(z.string().check(z.regex(/^[A-Za-z0-9._@-]{1,128}$/, 'List person ids separated by commas.'))),
    ),
    /** Minutes a learner waits after failing a course quiz twice in a row (at most a week). */
    QUIZ_RETRY_WAIT_MINUTES: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(10_080)), 10),
    /**
     * How long one attempt at a DynamoDB call may take (connecting: half of it); after a second attempt the
     * request answers 503. At most 4000 in AWS, so both attempts fit in the functions’ 10 s.
     */
    STORE_TIMEOUT_MS: z._default(z.coerce.number().check(z.int(), z.minimum(100), z.maximum(60_000)), 2_000),
    /** Lowest log level written. */
    LOG_LEVEL: z._default(z.enum(['debug', 'info', 'warn', 'error', 'silent']), 'info'),
    // Powertools reads these names itself too; here they are validated and handed to it explicitly.
    /** The `service` key of every log line and the `service` dimension of every metric. */
    POWERTOOLS_SERVICE_NAME: z._default(
      z.string().check(z.regex(/^[A-Za-z0-9._-]{1,64}$/, 'Use a short name: letters, digits, dots and dashes.')),
      'guildhall',
    ),
    /** The CloudWatch namespace the metrics (EMF lines on stdout) are published under. */
    POWERTOOLS_METRICS_NAMESPACE: z._default(
      z
        .string()
        .check(z.regex(/^[A-Za-z0-9._/#:-]{1,255}$/, 'Use a CloudWatch namespace: letters, digits and . _ / # : -')),
      'Guildhall',
    ),
    /** `true` writes no metrics. Unset: written in AWS, not elsewhere (`npm start` writes them at LOG_LEVEL=debug). */
    POWERTOOLS_METRICS_DISABLED: booleanText,
    /**
     * X-Ray tracing: AWS SDK calls and outgoing HTTP requests become subsegments. Unset: on in AWS (the
     * function needs active tracing and the Powertools layer, which carries the tracer), off elsewhere,
     * where no X-Ray daemon listens.
     */
    POWERTOOLS_TRACE_ENABLED: booleanText,
  });
});

export type Config = z.infer<ReturnType<typeof configSchema>>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema().safeParse(env);
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
