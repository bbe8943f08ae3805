// What the bundler settles at build time. The CDK app's bundling options (and `npm run bench:bundle`)
// define GUILDHALL_AWS_BUNDLE as `true` for every function's AWS bundle; anywhere else (tests, the local
// stack, the build's scripts) it is undeclared. esbuild folds the constant below and leaves out what it
// rules out. This module imports nothing, and must not: esbuild inlines a constant into other modules
// only from a module that imports nothing (no import could read it before it is set).
declare const GUILDHALL_AWS_BUNDLE: true | undefined;

/**
 * Whether the route table carries its documentation (summaries, response descriptions and schemas):
 * everywhere but the AWS bundles, where nothing reads it. The OpenAPI document is generated at build
 * time (functions/local/compile-openapi.ts), from the table as the build sees it.
 */
export const documented = typeof GUILDHALL_AWS_BUNDLE === 'undefined';

/**
 * What each function's AWS bundle defines beyond GUILDHALL_AWS_BUNDLE, by its handler's file name.
 * GUILDHALL_WITHOUT_REGISTRY leaves the innovation registry's, the ledger's and the registry log's
 * repositories out of the composition root (app/store-services.ts) where no route uses them: the `api`
 * function (jobs, learning, credentials, search, shortages), which keeps it within issue 14's 250 KB;
 * GUILDHALL_WITHOUT_HIRING leaves out the application threads', notes' and person-data repositories
 * where no route uses them (the `innovations-api` function); GUILDHALL_WITHOUT_INBOX the notifications'
 * repository and the proposal fan-out's reads from both and from reindex (the inbox's routes are
 * people-api's; the producer runs in the shortage stream);
 * GUILDHALL_WITHOUT_SAVED_SEARCHES the saved searches' from every function but people-api, the site and
 * the sweep (which sends their alerts);
 * GUILDHALL_WITHOUT_LEDGER the ledger's and the registry log's from people-api (a profile reads records,
 * never the ledger; the data download reads the person's account through the person-data repository),
 * and from the indexer and reindex (a search document is built from syndicates, openings, records and
 * listings: app/search-sync.ts);
 * GUILDHALL_WITHOUT_PAYMENTS the payments', orders' and work logs' from every function but bound-api, the
 * site and the sweep (which confirms the orders whose dispute window has passed);
 * GUILDHALL_WITHOUT_MARKET the offers' and wants' repository from the functions that read neither (the
 * market-api function, the site and the sweep, which expires them, keep it; so do bound-api and the
 * shortage stream, where orders and wants-as-demand are to read them);
 * GUILDHALL_WITHOUT_DECISIONS the proposals' and votes' from every function but decisions-api, the site
 * and the sweep (which closes the proposals whose window ended);
 * GUILDHALL_WITHOUT_ECONOMY the economy's figures from every function but bound-api (which shows them), the
 * shortage stream (which counts them), the sweep (which drops the days older than a year) and the site;
 * GUILDHALL_WITHOUT_ECONOMY_SNAPSHOTS the standard periods' snapshots (adapters/dynamodb/economy-snapshot-store.ts)
 * from the sweep, which only prunes the economy's days: it keeps the sweep within 250 KB;
 * GUILDHALL_WITHOUT_SEARCH the search client (the Meilisearch adapter, 31 KB) from bound-api and
 * decisions-api, whose routes (payments, work, orders, the economy; proposals and votes) search nothing
 * (app/search-index.ts);
 * GUILDHALL_WITHOUT_SHORTAGE_SOURCES the shortage repository's source reading (refresh, learners, the
 * expiry mark: the stream's, the sweep's and readiness's) from people-api and innovations-api (whose
 * routes read no shortage at all; it keeps innovations-api within 250 KB since wants became demand).
 * GUILDHALL_WITHOUT_SHORTAGES the shortage repository itself from innovations-api and ledger-api, whose
 * routes (the registry, the ledger, the log) read no shortage: it kept that function within its budget once
 * the credit policy and plain words came; from people-api and hiring-api (profiles, inboxes, saved
 * searches, accounts, the hiring loop: no route reads a shortage, and an account's deletion finds its
 * data by key); and from the indexer and reindex, whose documents read syndicates and records alone
 * (app/search-sync.ts `indexLookups`), as GUILDHALL_WITHOUT_HIRING and GUILDHALL_WITHOUT_LEARNING also
 * leave out there.
 * GUILDHALL_WITHOUT_LEARNING the enrolments', progress's and credentials' repository from the sweep, whose
 * jobs (expiries, the shortage fold and snapshot, closing proposals, confirming orders, alerts) read none;
 * with GUILDHALL_WITHOUT_HIRING it keeps the sweep within 250 KB once the restorative circle's settlement came.
 It also leaves the learning repository out of innovations-api and ledger-api (the registry, the ledger
 * and the log read no enrolment or credential): room for the refusals every function gives in Spanish
 * and Dutch (i18n/edge-refusals.ts, issue 19).
 * GUILDHALL_WITHOUT_OPENINGS the openings' and applications' repository (and the threads' it reads) from
 * innovations-api, ledger-api, decisions-api, market-api, learning-api and practical-api, whose routes read
 * no opening: the same room.
 * A define must be read where it is declared (`typeof X` in that module): esbuild drops an import only
 * when the code that used it is ruled out as the module is parsed, not when a constant imported from
 * another module is folded later, as it prints.
 */
/** What `learning-api` (learning, credentials) and `practical-api` leave out: what `api` does, and the openings. */
const learningAndPractical = {
  GUILDHALL_WITHOUT_OPENINGS: 'true',
  GUILDHALL_WITHOUT_MARKET: 'true',
  GUILDHALL_WITHOUT_REGISTRY: 'true',
  GUILDHALL_WITHOUT_INBOX: 'true',
  GUILDHALL_WITHOUT_SAVED_SEARCHES: 'true',
  GUILDHALL_WITHOUT_PAYMENTS: 'true',
  GUILDHALL_WITHOUT_DECISIONS: 'true',
  GUILDHALL_WITHOUT_ECONOMY: 'true',
};

const definesByFunction: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // GUILDHALL_WITHOUT_CREDENTIALS (app/services.ts) leaves the credential signer (compact JWS, ~2.5 KB)
  // out of every API function but learning-api and practical-api (which issue, verify and publish the
  // key) and the federation's: no other route signs or verifies a credential. The room went to the
  // rules' refusals in Spanish and Dutch (the training place's, logged hours', a recommendation's reason).
  // (Written out, not spread: a spread may run a getter, so esbuild would keep this table in every bundle.)
  api: {
    GUILDHALL_WITHOUT_MARKET: 'true',
    GUILDHALL_WITHOUT_REGISTRY: 'true',
    GUILDHALL_WITHOUT_INBOX: 'true',
    GUILDHALL_WITHOUT_SAVED_SEARCHES: 'true',
    GUILDHALL_WITHOUT_PAYMENTS: 'true',
    GUILDHALL_WITHOUT_DECISIONS: 'true',
    GUILDHALL_WITHOUT_ECONOMY: 'true',
    GUILDHALL_WITHOUT_CREDENTIALS: 'true',
  },
  // Learning and credentials: enrolments, quizzes, the credentials they issue; no listing, payment,
  // proposal, inbox or opening (they were `api`'s routes until it reached its 250 KB).
  'learning-api': learningAndPractical,
  // Practical sign-off: a learner's tasks and evidence, a syndicate's reviews (learning's, until learning-api
  // reached its 250 KB); the same repositories as learning, and practical work's besides.
  'practical-api': learningAndPractical,
  'innovations-api': {
    GUILDHALL_WITHOUT_OPENINGS: 'true',
    GUILDHALL_WITHOUT_LEARNING: 'true',
    GUILDHALL_WITHOUT_SHORTAGES: 'true',
    GUILDHALL_WITHOUT_MARKET: 'true',
    GUILDHALL_WITHOUT_HIRING: 'true',
    GUILDHALL_WITHOUT_INBOX: 'true',
    GUILDHALL_WITHOUT_SAVED_SEARCHES: 'true',
    GUILDHALL_WITHOUT_PAYMENTS: 'true',
    GUILDHALL_WITHOUT_SHORTAGE_SOURCES: 'true',
    GUILDHALL_WITHOUT_DECISIONS: 'true',
    GUILDHALL_WITHOUT_ECONOMY: 'true',
    GUILDHALL_WITHOUT_CREDENTIALS: 'true',
  },
  'ledger-api': {
    GUILDHALL_WITHOUT_OPENINGS: 'true',
    GUILDHALL_WITHOUT_LEARNING: 'true',
    GUILDHALL_WITHOUT_SHORTAGES: 'true',
    GUILDHALL_WITHOUT_MARKET: 'true',
    GUILDHALL_WITHOUT_HIRING: 'true',
    GUILDHALL_WITHOUT_INBOX: 'true',
    GUILDHALL_WITHOUT_SAVED_SEARCHES: 'true',
    GUILDHALL_WITHOUT_PAYMENTS: 'true',
    GUILDHALL_WITHOUT_SHORTAGE_SOURCES: 'true',
    GUILDHALL_WITHOUT_DECISIONS: 'true',
    GUILDHALL_WITHOUT_ECONOMY: 'true',
    GUILDHALL_WITHOUT_CREDENTIALS: 'true',
  },
  'people-api': {
    GUILDHALL_WITHOUT_SHORTAGES: 'true',
    GUILDHALL_WITHOUT_MARKET: 'true',
    GUILDHALL_WITHOUT_LEDGER: 'true',
    GUILDHALL_WITHOUT_PAYMENTS: 'true',
    GUILDHALL_WITHOUT_SHORTAGE_SOURCES: 'true',
    GUILDHALL_WITHOUT_DECISIONS: 'true',
    GUILDHALL_WITHOUT_ECONOMY: 'true',
    GUILDHALL_WITHOUT_CREDENTIALS: 'true',
  },
  // The hiring loop and CVs: openings, syndicates, people and their profiles as an admin sees them
  // (credentials, enrolments, records), threads, notes and CVs; no inbox (the stream writes it), saved
  // search, shortage, ledger, listing, payment or proposal.
  'hiring-api': {
    GUILDHALL_WITHOUT_SHORTAGES: 'true',
    GUILDHALL_WITHOUT_SHORTAGE_SOURCES: 'true',
    GUILDHALL_WITHOUT_INBOX: 'true',
    GUILDHALL_WITHOUT_SAVED_SEARCHES: 'true',
    GUILDHALL_WITHOUT_MARKET: 'true',
    GUILDHALL_WITHOUT_LEDGER: 'true',
    GUILDHALL_WITHOUT_PAYMENTS: 'true',
    GUILDHALL_WITHOUT_DECISIONS: 'true',
    GUILDHALL_WITHOUT_ECONOMY: 'true',
    GUILDHALL_WITHOUT_CREDENTIALS: 'true',
  },
  // Payments, work, orders and the economy read no shortage, enrolment or credential: leaving those
  // repositories out (9.6 and 2.6 KB) made room for the orders' and payments' refusals in Spanish and
  // Dutch (issue 19).
  'bound-api': {
    GUILDHALL_WITHOUT_SHORTAGES: 'true',
    GUILDHALL_WITHOUT_SHORTAGE_SOURCES: 'true',
    GUILDHALL_WITHOUT_LEARNING: 'true',
    GUILDHALL_WITHOUT_SEARCH: 'true',
    GUILDHALL_WITHOUT_HIRING: 'true',
    GUILDHALL_WITHOUT_INBOX: 'true',
    GUILDHALL_WITHOUT_SAVED_SEARCHES: 'true',
    GUILDHALL_WITHOUT_DECISIONS: 'true',
    GUILDHALL_WITHOUT_CREDENTIALS: 'true',
  },
  'market-api': {
    GUILDHALL_WITHOUT_OPENINGS: 'true',
    GUILDHALL_WITHOUT_HIRING: 'true',
    GUILDHALL_WITHOUT_INBOX: 'true',
    GUILDHALL_WITHOUT_SAVED_SEARCHES: 'true',
    GUILDHALL_WITHOUT_PAYMENTS: 'true',
    GUILDHALL_WITHOUT_REGISTRY: 'true',
    GUILDHALL_WITHOUT_DECISIONS: 'true',
    GUILDHALL_WITHOUT_ECONOMY: 'true',
    GUILDHALL_WITHOUT_CREDENTIALS: 'true',
  },
  // Proposals read people, syndicates and accounts, and enact rate cards, memberships and credit limits.
  'decisions-api': {
    GUILDHALL_WITHOUT_OPENINGS: 'true',
    GUILDHALL_WITHOUT_SEARCH: 'true',
    GUILDHALL_WITHOUT_HIRING: 'true',
    GUILDHALL_WITHOUT_INBOX: 'true',
    GUILDHALL_WITHOUT_SAVED_SEARCHES: 'true',
    GUILDHALL_WITHOUT_PAYMENTS: 'true',
    GUILDHALL_WITHOUT_MARKET: 'true',
    GUILDHALL_WITHOUT_ECONOMY: 'true',
    GUILDHALL_WITHOUT_CREDENTIALS: 'true',
  },
  indexer: {
    GUILDHALL_WITHOUT_HIRING: 'true',
    GUILDHALL_WITHOUT_LEARNING: 'true',
    GUILDHALL_WITHOUT_SHORTAGES: 'true',
    GUILDHALL_WITHOUT_SHORTAGE_SOURCES: 'true',
    GUILDHALL_WITHOUT_LEDGER: 'true',
    GUILDHALL_WITHOUT_SAVED_SEARCHES: 'true',
    GUILDHALL_WITHOUT_PAYMENTS: 'true',
    GUILDHALL_WITHOUT_MARKET: 'true',
    GUILDHALL_WITHOUT_DECISIONS: 'true',
    GUILDHALL_WITHOUT_ECONOMY: 'true',
  },
  reindex: {
    GUILDHALL_WITHOUT_HIRING: 'true',
    GUILDHALL_WITHOUT_LEARNING: 'true',
    GUILDHALL_WITHOUT_SHORTAGES: 'true',
    GUILDHALL_WITHOUT_SHORTAGE_SOURCES: 'true',
    GUILDHALL_WITHOUT_LEDGER: 'true',
    GUILDHALL_WITHOUT_INBOX: 'true',
    GUILDHALL_WITHOUT_SAVED_SEARCHES: 'true',
    GUILDHALL_WITHOUT_PAYMENTS: 'true',
    GUILDHALL_WITHOUT_MARKET: 'true',
    GUILDHALL_WITHOUT_DECISIONS: 'true',
    GUILDHALL_WITHOUT_ECONOMY: 'true',
  },
  'shortage-stream': {
    GUILDHALL_WITHOUT_SAVED_SEARCHES: 'true',
    GUILDHALL_WITHOUT_PAYMENTS: 'true',
    GUILDHALL_WITHOUT_DECISIONS: 'true',
  },
  // The sweep closes the proposals due, confirms (pays) the orders due and prunes the economy's days: it
  // keeps those repositories and the payments'. No hiring thread, note or person's data, no learning,
  // and no saved search or inbox since the alerts have their own function: none of its jobs reads them.
  'expire-openings': {
    GUILDHALL_WITHOUT_ECONOMY_SNAPSHOTS: 'true',
    GUILDHALL_WITHOUT_HIRING: 'true',
    GUILDHALL_WITHOUT_LEARNING: 'true',
    GUILDHALL_WITHOUT_SAVED_SEARCHES: 'true',
    GUILDHALL_WITHOUT_INBOX: 'true',
  },
  // The saved-search alerts: saved searches, the openings they match (searched), their syndicates, the
  // inbox they land in and the people they mail. Nothing of the registry, the ledger or the economy.
  'saved-search-alerts': {
    GUILDHALL_WITHOUT_HIRING: 'true',
    GUILDHALL_WITHOUT_LEARNING: 'true',
    GUILDHALL_WITHOUT_SHORTAGES: 'true',
    GUILDHALL_WITHOUT_SHORTAGE_SOURCES: 'true',
    GUILDHALL_WITHOUT_REGISTRY: 'true',
    GUILDHALL_WITHOUT_PAYMENTS: 'true',
    GUILDHALL_WITHOUT_MARKET: 'true',
    GUILDHALL_WITHOUT_DECISIONS: 'true',
    GUILDHALL_WITHOUT_ECONOMY: 'true',
  },
  // The witness run: the witnessed logs, the ledger's steward removals and this instance's log key; the
  // guarded fetch. Nothing of hiring, learning, shortages, listings, payments, proposals or the inbox.
  witness: {
    GUILDHALL_WITHOUT_HIRING: 'true',
    GUILDHALL_WITHOUT_LEARNING: 'true',
    GUILDHALL_WITHOUT_SHORTAGES: 'true',
    GUILDHALL_WITHOUT_SHORTAGE_SOURCES: 'true',
    GUILDHALL_WITHOUT_INBOX: 'true',
    GUILDHALL_WITHOUT_SAVED_SEARCHES: 'true',
    GUILDHALL_WITHOUT_PAYMENTS: 'true',
    GUILDHALL_WITHOUT_MARKET: 'true',
    GUILDHALL_WITHOUT_DECISIONS: 'true',
    GUILDHALL_WITHOUT_ECONOMY: 'true',
  },
  'email-events': {
    GUILDHALL_WITHOUT_SAVED_SEARCHES: 'true',
    GUILDHALL_WITHOUT_PAYMENTS: 'true',
    GUILDHALL_WITHOUT_MARKET: 'true',
    GUILDHALL_WITHOUT_DECISIONS: 'true',
    GUILDHALL_WITHOUT_ECONOMY: 'true',
  },
};

/**
 * GUILDHALL_WITHOUT_PRACTICAL leaves practical sign-off's repository (issue 18) out of every function but
 * practical-api (its routes): no other function reads practical work (an account's deletion finds it by
 * key), and the `api` bundle and the sweep's were within a few KB of their budget.
 */
const carryPractical = new Set(['practical-api']);
function withPracticalDefine(): Readonly<Record<string, Readonly<Record<string, string>>>> {
  return Object.fromEntries(
    Object.entries(definesByFunction).map(([name, defines]) => [
      name,
      carryPractical.has(name) ? defines : { ...defines, GUILDHALL_WITHOUT_PRACTICAL: 'true' },
    ]),
  );
}
// Built by a call marked pure, with no arguments: the route modules import `documented` from here, and
// esbuild drops a pure call only with its arguments, so this table (2.6 KB) stays out of every bundle.
export const bundleDefines = /* @__PURE__ */ withPracticalDefine();
