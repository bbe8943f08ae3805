// The composition root: builds every adapter from configuration once per cold start and hands the
// use cases their ports. The API Lambda, the site's server and the local stack start here; the
// functions that need only the table start at store-services.ts.
import { generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { createCredentialSigner } from '#adapters/credentials/credential-signer.ts';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { createAccountDeletions } from '#adapters/dynamodb/account-deletions.ts';
import { createDynamoIdempotencyStore } from '#adapters/dynamodb/idempotency-store.ts';
import { createDynamoRateLimiter } from '#adapters/dynamodb/rate-limiter.ts';
import { createCognitoDirectory } from '#adapters/auth/cognito-directory.ts';
import { createDiskFileStore } from '#adapters/files/disk-file-store.ts';
import { createMemoryFileStore } from '#adapters/files/memory-file-store.ts';
import { createS3FileStore } from '#adapters/files/s3-file-store.ts';
import { type Config, ConfigError, getConfig } from '#config/config.ts';
import type { FileStore } from '#domain/files/file-store.ts';
import type { SignInDirectory } from '#domain/people/sign-in-directory.ts';
import type { DependencyProbe } from '#domain/health/check-health.ts';
import type { CredentialSigner } from '#domain/learning/credential.ts';
import type { IdempotencyStore } from '#domain/limits/idempotency.ts';
import type { AccountDeletions } from '#domain/people/person-data.ts';
import type { RateLimiter } from '#domain/limits/rate-limiter.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';
import type { Logger } from '#platform/log.ts';
import { createSearchIndex, hasSearch } from './search-index.ts';
import { hasUnreadSecrets, loadConfig, once } from './secrets.ts';
import { createStoreServices, getTelemetry, notCarried, type StoreServices } from './store-services.ts';

/** Defined `true` in the bundles whose routes neither sign nor verify a credential (config/bundle.ts). */
declare const GUILDHALL_WITHOUT_CREDENTIALS: true | undefined;

export interface Services extends StoreServices {
  /** Per-identity write limit; every command (API route or site form) asks it first. */
  rateLimiter?: RateLimiter | undefined;
  /** The first answer to each idempotency key, kept 24 hours (see app/commands/command.ts). */
  idempotency: IdempotencyStore;
  /** Whether an identity's account was deleted: every command asks it first (a unit test's may not). */
  accountDeletions?: AccountDeletions | undefined;
  signer: CredentialSigner & { publicJwk(): Promise<JsonWebKey> };
  siteUrl: string;
  search: SearchIndex;
  /** Files people upload (CVs): S3 in AWS, a folder on one machine. */
  files: FileStore;
  /** People's sign-in accounts (Cognito in AWS), forgotten when an account is deleted. */
  signIns: SignInDirectory;
  healthProbes: DependencyProbe[];
}

/** Defined `true` in every function's AWS bundle (config/bundle.ts): what runs only off AWS is left out. */
declare const GUILDHALL_AWS_BUNDLE: true | undefined;

let processServices: Services | undefined;

/**
 * The process's services, built on first use from the environment's configuration. Where secrets are
 * read at run time (AWS), the handler awaits `loadServices()` before its first request; until then
 * this refuses rather than run without them.
 */
export function getServices(): Services {
  processServices ??= createServices(getConfig(), { telemetry: getTelemetry() });
  return processServices;
}

/** The process's services with their secrets read (in AWS, from Secrets Manager), once per cold start. */
export const loadServices = once(async () => {
  processServices ??= createServices(await loadConfig(), { telemetry: getTelemetry() });
  return processServices;
});

export function createServices(config: Config, overrides: Partial<Services> = {}): Services {
  if (hasUnreadSecrets(config)) {
    throw new ConfigError('The secrets this configuration names are not read yet: await loadServices() first.');
  }
  if (config.STAGE === 'aws' && !config.CREDENTIAL_SIGNING_KEY && !overrides.signer) {
    throw new ConfigError(
      'Invalid configuration:\n  CREDENTIAL_SIGNING_KEY: required in AWS, or CREDENTIAL_SIGNING_KEY_SECRET (credentials must verify across restarts)',
    );
  }
  const client = createDocumentClient({
    region: config.AWS_REGION,
    endpoint: config.DYNAMODB_ENDPOINT,
    timeoutMs: config.STORE_TIMEOUT_MS,
  });
  const store = createStoreServices(config, overrides, client);
  const search = overrides.search ?? createSearchIndex(config);
  // Assigned onto the store services, not spread: spreading would read the lazy commons now.
  return Object.assign(
    store,
    {
      healthProbes: [
        store.storeProbe,
        ...(hasSearch
          ? [{ name: 'search', essential: false, probe: async () => ({ ...(await search.health()) }) }]
          : []),
      ],
      idempotency: createDynamoIdempotencyStore(client, config.TABLE_NAME),
      accountDeletions: createAccountDeletions(client, config.TABLE_NAME),
      rateLimiter: createDynamoRateLimiter(client, config.TABLE_NAME, {
        limit: config.WRITE_RATE_LIMIT,
        windowSeconds: 60,
      }),
      signer:
        typeof GUILDHALL_WITHOUT_CREDENTIALS === 'undefined'
          ? lazySigner(config, store.log)
          : notCarried<Services['signer']>('signer'),
      siteUrl: config.PUBLIC_URL,
      search,
      files: overrides.files ?? fileStore(config, store.log),
      signIns: signInDirectory(config),
    } satisfies Omit<Services, keyof StoreServices>,
    overrides,
  );
}

/**
 * Where uploaded files go: the bucket in AWS, a folder, or memory (tests; warned elsewhere). Built on
 * first use: only the functions that serve files are given a bucket, and the others never ask.
 */
function fileStore(config: Config, log: Logger): FileStore {
  let built: FileStore | undefined;
  const build = (): FileStore => {
    if (config.FILES_BUCKET) return createS3FileStore({ bucket: config.FILES_BUCKET, region: config.AWS_REGION });
    // A folder or memory only off AWS: an AWS bundle leaves both out (config/bundle.ts).
    if (typeof GUILDHALL_AWS_BUNDLE === 'undefined' && config.STAGE !== 'aws') {
      if (config.FILES_DIR) return createDiskFileStore(config.FILES_DIR);
      if (config.STAGE !== 'test') log.warn('FILES_DIR is not set; uploaded files last only as long as this process');
      return createMemoryFileStore();
    }
    throw new ConfigError('Invalid configuration:\n  FILES_BUCKET: required in AWS where files are read or written');
  };
  const store = () => {
    built ??= build();
    return built;
  };
  return {
    put: (key, bytes, contentType) => store().put(key, bytes, contentType),
    get: (key) => store().get(key),
    delete: (key) => store().delete(key),
  };
}

/**
 * People's sign-in accounts: the user pool in AWS, asked only by the functions that delete accounts (the
 * only ones given its id and the grant). One machine's development sign-in keeps no accounts to forget.
 */
function signInDirectory(config: Config): SignInDirectory {
  if (config.USER_POOL_ID)
    return createCognitoDirectory({ userPoolId: config.USER_POOL_ID, region: config.AWS_REGION });
  return {
    async forget() {
      if (config.STAGE === 'aws') {
        throw new ConfigError('Invalid configuration:\n  USER_POOL_ID: required in AWS where accounts are deleted');
      }
    },
  };
}

/** The signer is built on first use (importing the key), so cold starts do not wait for it. */
function lazySigner(config: Config, log: Logger): Services['signer'] {
  const issuer = { id: `${config.PUBLIC_URL}/credentials/issuer`, name: 'Guildhall' };
  let privateJwk: JsonWebKey | undefined = config.CREDENTIAL_SIGNING_KEY;
  if (!privateJwk) {
    // Only outside AWS (config refuses a missing key there): credentials then verify until restart.
    log.warn('CREDENTIAL_SIGNING_KEY is not set; using a key that lasts only as long as this process');
    privateJwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  }
  const jwk = privateJwk;
  let built: ReturnType<typeof createCredentialSigner> | undefined;
  const signer = () => {
    built ??= createCredentialSigner({ privateJwk: jwk, issuer });
    return built;
  };
  return {
    issuer,
    sign: async (credential, claims) => signer().sign(credential, claims),
    verify: async (jws) => signer().verify(jws),
    publicJwk: async () => signer().publicJwk,
  };
}
