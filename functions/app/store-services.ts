// The part of the composition root every function needs: configuration, the log, the commons and the
// repositories over the one table. The stream consumers and the daily sweep start here, so their bundles
// carry no token verifier, credential signer or search client; the API and the site add those in
// services.ts.
import { generateKeyPairSync, type JsonWebKey, randomBytes, randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { readCommonsFile } from '#adapters/content/commons-file.ts';
import { createApplicationNoteRepository } from '#adapters/dynamodb/application-note-repository.ts';
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { createDecisionRepository } from '#adapters/dynamodb/decision-repository.ts';
import { createInnovationRepository } from '#adapters/dynamodb/innovation-repository.ts';
import { createEconomyRepository } from '#adapters/dynamodb/economy-repository.ts';
import { createAssessmentRepository } from '#adapters/dynamodb/assessment-repository.ts';
import { createLearningRepository } from '#adapters/dynamodb/learning-repository.ts';
import { createLedgerRepository } from '#adapters/dynamodb/ledger-repository.ts';
import { createInstanceBlockRepository } from '#adapters/dynamodb/instance-block-repository.ts';
import { createWitnessedLogRepository, createWitnessReportRepository } from '#adapters/dynamodb/witness-repository.ts';
import type { WitnessReportRepository } from '#domain/federation/witness-reports.ts';
import type { RemoteLogs, WitnessedLogRepository } from '#domain/federation/witnessing.ts';
import { createMarketRepository } from '#adapters/dynamodb/market-repository.ts';
import { createNotificationRepository } from '#adapters/dynamodb/notification-repository.ts';
import { createProposalNoticeRepository } from '#adapters/dynamodb/proposal-notice-repository.ts';
import { createOpeningRepository } from '#adapters/dynamodb/opening-repository.ts';
import { createOfferLookup, createOrderRepository } from '#adapters/dynamodb/order-repository.ts';
import { createPaymentRepository } from '#adapters/dynamodb/payment-repository.ts';
import { createWorkLogRepository } from '#adapters/dynamodb/work-log-repository.ts';
import { createPeopleRepository } from '#adapters/dynamodb/people-repository.ts';
import { createPersonDataRepository } from '#adapters/dynamodb/person-data-repository.ts';
import { createSavedSearchRepository } from '#adapters/dynamodb/saved-search-repository.ts';
import { createRegistryLogRepository } from '#adapters/dynamodb/registry-log-repository.ts';
import { createShortageRepository } from '#adapters/dynamodb/shortage-repository.ts';
import { createSyndicateRepository } from '#adapters/dynamodb/syndicate-repository.ts';
import { createThreadRepository } from '#adapters/dynamodb/thread-repository.ts';
import { probeStore } from '#adapters/dynamodb/store-probe.ts';
import { type Config, ConfigError, getConfig } from '#config/config.ts';
import type { Commons } from '#domain/content/commons.ts';
import type { DependencyProbe } from '#domain/health/check-health.ts';
import type {
  InnovationRepository,
  LedgerRepository,
  RegistryLogRepository,
} from '#domain/innovations/innovation-repository.ts';
import { type LogSigner, logSignerFromJwk } from '#domain/innovations/log-head.ts';
import type { EconomyRepository } from '#domain/ledger/economy-use-cases.ts';
import type { InstanceBlockRepository } from '#domain/federation/instance-block.ts';
import type { PaymentRepository } from '#domain/ledger/payment-repository.ts';
import type { WorkLogRepository } from '#domain/work/work-log.ts';
import type { DecisionRepository } from '#domain/decisions/proposal.ts';
import type { ProposalNoticeRepository } from '#domain/notifications/proposal-fanout.ts';
import type { OfferLookup } from '#domain/orders/order.ts';
import type { OrderRepository } from '#domain/orders/order-repository.ts';
import type { LearningRepository } from '#domain/learning/learning-repository.ts';
import type { AssessmentRepository } from '#domain/learning/practical-repository.ts';
import type { MarketRepository } from '#domain/market/market-repository.ts';
import type { ThreadRepository } from '#domain/openings/application-thread.ts';
import type { ApplicationNoteRepository } from '#domain/openings/application-notes.ts';
import type { NotificationRepository } from '#domain/notifications/notification-repository.ts';
import type { OpeningRepository } from '#domain/openings/opening-repository.ts';
import type { SavedSearchRepository } from '#domain/openings/saved-search.ts';
import type { PeopleRepository } from '#domain/people/person.ts';
import type { PersonDataRepository } from '#domain/people/person-data.ts';
import type { ShortageRepository } from '#domain/shortages/shortage-repository.ts';
import type { SyndicateRepository } from '#domain/syndicates/syndicate.ts';
import type { Logger } from '#platform/log.ts';
import type { EmailServices } from './email-services.ts';
import type { FederationServices } from './federation-services.ts';
import type { BusinessCount } from '#platform/metrics.ts';
import { createTelemetry, type Telemetry } from '#platform/telemetry.ts';

/** Defined `true` in the bundles whose routes use no registry, ledger or log repository (config/bundle.ts). */
declare const GUILDHALL_WITHOUT_REGISTRY: true | undefined;
/** Defined `true` in the bundles whose routes use no hiring thread, note or person-data repository (config/bundle.ts). */
declare const GUILDHALL_WITHOUT_HIRING: true | undefined;
/** Defined `true` in the bundles whose routes use no ledger or registry log repository (config/bundle.ts). */
declare const GUILDHALL_WITHOUT_LEDGER: true | undefined;
/** Defined `true` in the bundles whose routes use no inbox (config/bundle.ts). */
declare const GUILDHALL_WITHOUT_INBOX: true | undefined;
/** Defined `true` in the bundles whose routes use no saved search (config/bundle.ts). */
declare const GUILDHALL_WITHOUT_SAVED_SEARCHES: true | undefined;
/** Defined `true` in the bundles whose routes make no payment (config/bundle.ts). */
declare const GUILDHALL_WITHOUT_PAYMENTS: true | undefined;
/** Defined `true` in the bundles whose routes and jobs read no offer or want (config/bundle.ts). */
declare const GUILDHALL_WITHOUT_MARKET: true | undefined;
/** Defined `true` in the bundles whose routes neither propose, vote nor close (config/bundle.ts). */
declare const GUILDHALL_WITHOUT_DECISIONS: true | undefined;
/** Defined `true` in the bundles that neither count nor show the economy's figures (config/bundle.ts). */
declare const GUILDHALL_WITHOUT_ECONOMY: true | undefined;
/** Defined `true` in the bundles whose routes read no shortage (config/bundle.ts). */
declare const GUILDHALL_WITHOUT_SHORTAGES: true | undefined;
/** Defined `true` in the bundles that read no enrolment, progress or credential (config/bundle.ts). */
declare const GUILDHALL_WITHOUT_LEARNING: true | undefined;
/** Defined `true` in the bundles whose routes read no practical work (config/bundle.ts). */
declare const GUILDHALL_WITHOUT_PRACTICAL: true | undefined;
/** Defined `true` in the bundles whose routes read no opening or application (config/bundle.ts). */
declare const GUILDHALL_WITHOUT_OPENINGS: true | undefined;

export interface StoreServices {
  config: Config;
  log: Logger;
  /** One more of a business event (an application, a fill…): a metric in AWS. Commands call it. */
  count: (name: BusinessCount) => void;
  /** Logs, metrics and traces as the Lambda handlers and the router use them (platform/telemetry.ts). */
  telemetry: Telemetry;
  commons: Commons;
  people: PeopleRepository;
  /** A person's data as a whole, by key: the export and the account deletion; and their CV's record. */
  personData: PersonDataRepository;
  learning: LearningRepository;
  /** Practical work on courses: evidence, the syndicate asked, reviews (issue 18). */
  assessments: AssessmentRepository;
  syndicates: SyndicateRepository;
  openings: OpeningRepository;
  /** Each application's message thread between the applicant and the syndicate's admins. */
  threads: ThreadRepository;
  /** The syndicate admins' private notes on applications. */
  applicationNotes: ApplicationNoteRepository;
  /** Saved job-board searches, their feed addresses and alert marks. */
  savedSearches: SavedSearchRepository;
  /** The skill-shortage index, its sources and snapshots. */
  shortages: ShortageRepository;
  innovations: InnovationRepository;
  ledger: LedgerRepository;
  /** The remote instances the stewards blocked (the federation function and the delivery consumer). */
  instanceBlocks: InstanceBlockRepository;
  /** The registry logs this instance witnesses (issue 20). */
  witnessedLogs: WitnessedLogRepository;
  /** Cosignatures and fork reports other instances' witnesses sent about this log. */
  witnessReports: WitnessReportRepository;
  /** Other instances' registry logs, when a test passes its own (otherwise app/witness.ts builds them on first use). */
  remoteLogs?: RemoteLogs | undefined;
  /** Payments and payment requests in Bound. */
  payments: PaymentRepository;
  /** Offers and wants on the marketplace. */
  market: MarketRepository;
  /** Hours members logged for their syndicates, awaiting approval, approved (paid) or rejected. */
  workLogs: WorkLogRepository;
  /** Orders of offers in the market, paid through the payments. */
  orders: OrderRepository;
  /** The offers' terms as an order reads them. */
  offers: OfferLookup;
  /** The economy's figures, counted from the stream and read by the public economy page. */
  economy: EconomyRepository;
  registryLog: RegistryLogRepository;
  /** Proposals and votes: what the commons and the syndicates decide together. */
  decisions: DecisionRepository;
  /** People's inboxes: notifications and unread counts. */
  notifications: NotificationRepository;
  /** What the stream's fan-out of a syndicate proposal's notifications reads, and its place in the members. */
  proposalNotices: ProposalNoticeRepository;
  /** Signs the registry log's tree heads with the instance key (the one that signs credentials). */
  logSigner: LogSigner;
  /** The table's client, for the parts of the composition root only some functions import (email-services.ts). */
  storeClient: DynamoDBDocumentClient;
  /** The email services, when a test passes its own (otherwise email-services.ts builds them on first use). */
  email?: EmailServices | undefined;
  /** The federation services, when a test passes its own (otherwise federation-services.ts builds them on first use). */
  federation?: FederationServices | undefined;
  /** Whether the table answers: the one essential dependency. */
  storeProbe: DependencyProbe;
  /** New ids for things people create (openings): short, random, URL-safe. */
  newId: () => string;
  /** A secret for an address that works without signing in (a feed): 32 random bytes, base64url. */
  newSecret: () => string;
  /** A uniform whole number below `maxExclusive`, from the operating system's cryptographic source. */
  randomInt: (maxExclusive: number) => number;
  now: () => Date;
}

let processTelemetry: Telemetry | undefined;

/**
 * The process's logs, metrics and traces, from configuration alone: they need no secret, so a handler
 * wraps even its first invocation in them, before its services (and their secrets) are loaded. The
 * process's services share them, so the counts their commands make are written by that wrapper.
 */
export function getTelemetry(): Telemetry {
  processTelemetry ??= createTelemetry(getConfig());
  return processTelemetry;
}

let processStoreServices: StoreServices | undefined;

/** The process's store services, built on first use from the environment's configuration. */
export function getStoreServices(): StoreServices {
  processStoreServices ??= createStoreServices(getConfig(), { telemetry: getTelemetry() });
  return processStoreServices;
}

export function createStoreServices(
  config: Config,
  overrides: Partial<StoreServices> = {},
  client: DynamoDBDocumentClient = createDocumentClient({
    region: config.AWS_REGION,
    endpoint: config.DYNAMODB_ENDPOINT,
    timeoutMs: config.STORE_TIMEOUT_MS,
  }),
): StoreServices {
  const telemetry = overrides.telemetry ?? createTelemetry(config);
  telemetry.traceAwsClient(client);
  return {
    config,
    log: telemetry.log,
    count: (name) => telemetry.count(name),
    telemetry,
    // Read on first use: handlers that never read the commons skip the cost.
    get commons() {
      return readCommonsFile(resolve(config.COMMONS_FILE));
    },
    people: createPeopleRepository(client, config.TABLE_NAME),
    // Each `typeof GUILDHALL_…` below leaves a repository out of the bundles whose routes use none of it
    // (config/bundle.ts): esbuild drops the branch and, with it, the module. The check must stay inline:
    // a helper taking a flag would keep the factory referenced, and the module with it.
    personData:
      typeof GUILDHALL_WITHOUT_HIRING === 'undefined'
        ? createPersonDataRepository(client, config.TABLE_NAME)
        : notCarried('personData'),
    learning:
      typeof GUILDHALL_WITHOUT_LEARNING === 'undefined'
        ? createLearningRepository(client, config.TABLE_NAME)
        : notCarried('learning'),
    assessments:
      typeof GUILDHALL_WITHOUT_PRACTICAL === 'undefined'
        ? createAssessmentRepository(client, config.TABLE_NAME)
        : notCarried('assessments'),
    syndicates: createSyndicateRepository(client, config.TABLE_NAME),
    openings:
      typeof GUILDHALL_WITHOUT_OPENINGS === 'undefined'
        ? createOpeningRepository(client, config.TABLE_NAME)
        : notCarried('openings'),
    threads:
      typeof GUILDHALL_WITHOUT_HIRING === 'undefined'
        ? createThreadRepository(client, config.TABLE_NAME)
        : notCarried('threads'),
    applicationNotes:
      typeof GUILDHALL_WITHOUT_HIRING === 'undefined'
        ? createApplicationNoteRepository(client, config.TABLE_NAME)
        : notCarried('applicationNotes'),
    savedSearches:
      typeof GUILDHALL_WITHOUT_SAVED_SEARCHES === 'undefined'
        ? createSavedSearchRepository(client, config.TABLE_NAME)
        : notCarried('savedSearches'),
    shortages:
      typeof GUILDHALL_WITHOUT_SHORTAGES === 'undefined'
        ? createShortageRepository(client, config.TABLE_NAME)
        : notCarried('shortages'),
    innovations:
      typeof GUILDHALL_WITHOUT_REGISTRY === 'undefined'
        ? createInnovationRepository(client, config.TABLE_NAME)
        : notCarried('innovations'),
    ledger:
      typeof GUILDHALL_WITHOUT_REGISTRY === 'undefined' && typeof GUILDHALL_WITHOUT_LEDGER === 'undefined'
        ? createLedgerRepository(client, config.TABLE_NAME)
        : notCarried('ledger'),
    instanceBlocks: createInstanceBlockRepository(client, config.TABLE_NAME),
    // With the registry log: the functions that leave it out neither witness nor take reports.
    witnessedLogs:
      typeof GUILDHALL_WITHOUT_REGISTRY === 'undefined' && typeof GUILDHALL_WITHOUT_LEDGER === 'undefined'
        ? createWitnessedLogRepository(client, config.TABLE_NAME)
        : notCarried('witnessedLogs'),
    witnessReports:
      typeof GUILDHALL_WITHOUT_REGISTRY === 'undefined' && typeof GUILDHALL_WITHOUT_LEDGER === 'undefined'
        ? createWitnessReportRepository(client, config.TABLE_NAME)
        : notCarried('witnessReports'),
    payments:
      typeof GUILDHALL_WITHOUT_PAYMENTS === 'undefined'
        ? createPaymentRepository(client, config.TABLE_NAME)
        : notCarried('payments'),
    market:
      typeof GUILDHALL_WITHOUT_MARKET === 'undefined'
        ? createMarketRepository(client, config.TABLE_NAME)
        : notCarried('market'),
    workLogs:
      typeof GUILDHALL_WITHOUT_PAYMENTS === 'undefined'
        ? createWorkLogRepository(client, config.TABLE_NAME)
        : notCarried('workLogs'),
    orders:
      typeof GUILDHALL_WITHOUT_PAYMENTS === 'undefined'
        ? createOrderRepository(client, config.TABLE_NAME)
        : notCarried('orders'),
    offers:
      typeof GUILDHALL_WITHOUT_PAYMENTS === 'undefined'
        ? createOfferLookup(client, config.TABLE_NAME)
        : notCarried('offers'),
    economy:
      typeof GUILDHALL_WITHOUT_ECONOMY === 'undefined'
        ? createEconomyRepository(client, config.TABLE_NAME)
        : notCarried('economy'),
    registryLog:
      typeof GUILDHALL_WITHOUT_REGISTRY === 'undefined' && typeof GUILDHALL_WITHOUT_LEDGER === 'undefined'
        ? createRegistryLogRepository(client, config.TABLE_NAME)
        : notCarried('registryLog'),
    decisions:
      typeof GUILDHALL_WITHOUT_DECISIONS === 'undefined'
        ? createDecisionRepository(client, config.TABLE_NAME)
        : notCarried('decisions'),
    notifications:
      typeof GUILDHALL_WITHOUT_INBOX === 'undefined'
        ? createNotificationRepository(client, config.TABLE_NAME)
        : notCarried('notifications'),
    proposalNotices:
      typeof GUILDHALL_WITHOUT_INBOX === 'undefined'
        ? createProposalNoticeRepository(client, config.TABLE_NAME)
        : notCarried('proposalNotices'),
    // Every use of the log's key appends to or reads the registry log, so a bundle without the log has no
    // use for it (the tree head's signing and checking: ~2 KB of `api` and people-api).
    logSigner:
      typeof GUILDHALL_WITHOUT_REGISTRY === 'undefined' && typeof GUILDHALL_WITHOUT_LEDGER === 'undefined'
        ? lazyLogSigner(config)
        : notCarried('logSigner'),
    storeClient: client,
    storeProbe: {
      name: 'store',
      essential: true,
      async probe() {
        await probeStore(client, config.TABLE_NAME);
        return { table: config.TABLE_NAME };
      },
    },
    newId: () =>
      randomBytes(9)
        .toString('base64url')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, 'x'),
    newSecret: () => randomBytes(32).toString('base64url'),
    // Quiz draws: Math.random is predictable enough to replay a draw; this is not.
    randomInt: (maxExclusive) => randomInt(maxExclusive),
    now: () => new Date(),
    ...overrides,
  };
}

/**
 * Built on first use: the stream consumers and the sweep sign nothing and are given no key. Without a
 * key (tests and the local stack only) heads verify until restart; in AWS that is refused.
 */
function lazyLogSigner(config: Config): LogSigner {
  let built: LogSigner | undefined;
  const signer = () => {
    if (!built) {
      if (!config.CREDENTIAL_SIGNING_KEY && config.STAGE === 'aws') {
        throw new ConfigError('Invalid configuration:\n  CREDENTIAL_SIGNING_KEY: required in AWS to sign log heads');
      }
      built = logSignerFromJwk(
        config.CREDENTIAL_SIGNING_KEY ??
          (generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }) as JsonWebKey),
      );
    }
    return built;
  };
  return {
    sign: (head) => signer().sign(head),
    withPrivateKey: (use) => signer().withPrivateKey(use),
    get publicJwk() {
      return signer().publicJwk;
    },
  };
}

/** Stands in for a repository this function's bundle leaves out: any use of it is a wiring mistake, said plainly. */
export function notCarried<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get() {
      throw new Error(`The ${name} repository is not in this function's bundle (functions/config/bundle.ts).`);
    },
  });
}
