// The composition root: builds every adapter from configuration once per cold start and hands the
// use cases their ports. The API Lambda, the site's server and the local stack all start here.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { loadCommons } from '#adapters/content/load-commons.ts';
import { createCredentialSigner } from '#adapters/credentials/jose-signer.ts';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { createLearningRepository } from '#adapters/dynamodb/learning-repository.ts';
import { createOpeningRepository } from '#adapters/dynamodb/opening-repository.ts';
import { createPeopleRepository } from '#adapters/dynamodb/people-repository.ts';
import { createDynamoRateLimiter } from '#adapters/dynamodb/rate-limiter.ts';
import { createSyndicateRepository } from '#adapters/dynamodb/syndicate-repository.ts';
import { createShortageRepository } from '#adapters/dynamodb/shortage-repository.ts';
import { createEmbeddedSearch } from '#adapters/search/embedded-search.ts';
import { createMeilisearchIndex } from '#adapters/search/meilisearch/meilisearch-index.ts';
import { createInnovationRepository } from '#adapters/dynamodb/innovation-repository.ts';
import { createLedgerRepository } from '#adapters/dynamodb/ledger-repository.ts';
import { createRegistryLogRepository } from '#adapters/dynamodb/registry-log-repository.ts';
import type {
  InnovationRepository,
  LedgerRepository,
  RegistryLogRepository,
} from '#domain/innovations/innovation-repository.ts';
import { type LogSigner, logSignerFromJwk } from '#domain/innovations/log-head.ts';
import { type Config, getConfig } from '#config/config.ts';
import type { Commons } from '#domain/content/commons.ts';
import type { DependencyProbe } from '#domain/health/check-health.ts';
import type { CredentialSigner } from '#domain/learning/credential.ts';
import type { RateLimiter } from '#domain/limits/rate-limiter.ts';
import type { LearningRepository } from '#domain/learning/learning-repository.ts';
import type { OpeningRepository } from '#domain/openings/opening-repository.ts';
import type { PeopleRepository } from '#domain/people/person.ts';
import type { SyndicateRepository } from '#domain/syndicates/syndicate.ts';
import type { ShortageRepository } from '#domain/shortages/shortage-repository.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';
import { createLogger, type Logger } from '#http/log.ts';
import { createTokenVerifier, type TokenVerifier } from '#http/token-verifier.ts';
import type { JWK } from 'jose';

export interface Services {
  config: Config;
  log: Logger;
  commons: Commons;
  people: PeopleRepository;
  learning: LearningRepository;
  syndicates: SyndicateRepository;
  openings: OpeningRepository;
  /** The skill-shortage index, its sources and snapshots. */
  shortages: ShortageRepository;
  innovations: InnovationRepository;
  ledger: LedgerRepository;
  registryLog: RegistryLogRepository;
  /** Signs the registry log's tree heads with the instance key (the one that signs credentials). */
  logSigner: LogSigner;
  /** New ids for things people create (openings): short, random, URL-safe. */
  newId: () => string;
  /** Per-identity write limit; the router asks it before every protected write. */
  rateLimiter?: RateLimiter | undefined;
  signer: CredentialSigner & { publicJwk(): Promise<JWK> };
  siteUrl: string;
  search: SearchIndex;
  healthProbes: DependencyProbe[];
  verifyToken: TokenVerifier;
  now: () => Date;
}

let processServices: Services | undefined;

/** The process's services, built on first use from the environment's configuration. */
export function getServices(): Services {
  processServices ??= createServices(getConfig());
  return processServices;
}

export function createServices(config: Config, overrides: Partial<Services> = {}): Services {
  const log = overrides.log ?? createLogger(config.LOG_LEVEL, { service: 'guildhall' });
  const client = createDocumentClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  // Meilisearch when a host is configured; otherwise the embedded engine, in this process.
  const search =
    overrides.search ??
    (config.MEILISEARCH_URL
      ? createMeilisearchIndex({ host: config.MEILISEARCH_URL, apiKey: config.MEILISEARCH_KEY })
      : createEmbeddedSearch());
  const healthProbes: DependencyProbe[] = [
    {
      name: 'store',
      essential: true,
      async probe() {
        const table = await client.send(new DescribeTableCommand({ TableName: config.TABLE_NAME }));
        return { table: config.TABLE_NAME, tableStatus: table.Table?.TableStatus };
      },
    },
    { name: 'search', essential: false, probe: async () => ({ ...(await search.health()) }) },
  ];
  return {
    config,
    log,
    // Parsed on first use: handlers that never read the commons (the stream consumers) skip the cost.
    get commons() {
      return loadCommons(resolve(config.CONTENT_DIR));
    },
    people: createPeopleRepository(client, config.TABLE_NAME),
    learning: createLearningRepository(client, config.TABLE_NAME),
    syndicates: createSyndicateRepository(client, config.TABLE_NAME),
    openings: createOpeningRepository(client, config.TABLE_NAME),
    shortages: createShortageRepository(client, config.TABLE_NAME),
    innovations: createInnovationRepository(client, config.TABLE_NAME),
    ledger: createLedgerRepository(client, config.TABLE_NAME),
    registryLog: createRegistryLogRepository(client, config.TABLE_NAME),
    // Without a configured key (tests only: AWS refuses to start without one) heads verify until restart.
    logSigner: logSignerFromJwk(
      config.CREDENTIAL_SIGNING_KEY ?? (generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }) as JWK),
    ),
    newId: () =>
      randomBytes(9)
        .toString('base64url')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, 'x'),
    rateLimiter: createDynamoRateLimiter(client, config.TABLE_NAME, {
      limit: config.WRITE_RATE_LIMIT,
      windowSeconds: 60,
    }),
    signer: lazySigner(config, log),
    siteUrl: config.PUBLIC_URL,
    search,
    healthProbes,
    verifyToken: createTokenVerifier({
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      keys: config.AUTH_JWKS ? { jwks: config.AUTH_JWKS } : { jwksUrl: config.AUTH_JWKS_URL ?? '' },
    }),
    now: () => new Date(),
    ...overrides,
  };
}

/** Importing the key is async; the signer is built on first use so cold starts do not wait for it. */
function lazySigner(config: Config, log: Logger): Services['signer'] {
  const issuer = { id: `${config.PUBLIC_URL}/credentials/issuer`, name: 'Guildhall' };
  let privateJwk: JWK | undefined = config.CREDENTIAL_SIGNING_KEY;
  if (!privateJwk) {
    // Only outside AWS (config refuses a missing key there): credentials then verify until restart.
    log.warn('CREDENTIAL_SIGNING_KEY is not set; using a key that lasts only as long as this process');
    privateJwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }) as JWK;
  }
  const jwk = privateJwk;
  let built: ReturnType<typeof createCredentialSigner> | undefined;
  const signer = () => {
    built ??= createCredentialSigner({ privateJwk: jwk, issuer });
    return built;
  };
  return {
    issuer,
    sign: async (credential, claims) => (await signer()).sign(credential, claims),
    verify: async (jws) => (await signer()).verify(jws),
    publicJwk: async () => (await signer()).publicJwk,
  };
}
