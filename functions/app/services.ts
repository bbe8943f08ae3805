// The composition root: builds every adapter from configuration once per cold start and hands the
// use cases their ports. The API Lambda, the site's server and the local stack all start here.
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { createPeopleRepository } from '#adapters/dynamodb/people-repository.ts';
import { createEmbeddedSearch } from '#adapters/search/embedded-search.ts';
import { type Config, getConfig } from '#config/config.ts';
import type { DependencyProbe } from '#domain/health/check-health.ts';
import type { PeopleRepository } from '#domain/people/person.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { createLogger, type Logger } from '#http/log.ts';
import { createTokenVerifier, type TokenVerifier } from '#http/token-verifier.ts';

export interface Services {
  config: Config;
  log: Logger;
  people: PeopleRepository;
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
  const search = overrides.search ?? createEmbeddedSearch();
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
    people: createPeopleRepository(client, config.TABLE_NAME),
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
