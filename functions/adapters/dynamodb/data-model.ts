// The one declaration of Guildhall's data model: every entity of the single table (its keys, the
// attributes it is found by, its indexes) and every access pattern by name (what it reads, through which
// key and index, whether it is paged, who uses it, and why one partition is acceptable where it uses
// one). `keys.ts` still writes every key string: each key below is what its builder returns for named
// placeholders (`<personId>`), so the catalogue cannot drift from the code, and the builders each entry
// touches are recorded as it is built. Nothing at run time imports this module (it costs no Lambda a
// byte): `npm run docs:data-model` prints it as docs/data-model.md, and test/unit/data-model.test.ts
// holds it to the code. It is one table, not logic, hence one file longer than most.
import * as keys from './keys.ts';

export type Builder = keyof typeof keys;
type Key = Readonly<Record<string, string | number | readonly string[]>>;

let touched = new Set<Builder>();
/** keys.ts, noting every builder or constant a declaration reads. */
const k = new Proxy(keys, {
  get(target, name: Builder) {
    touched.add(name);
    return target[name];
  },
}) as typeof keys;
function traced<T>(build: () => T): T & { builders: Builder[] } {
  touched = new Set();
  const declared = build();
  return { ...declared, builders: [...touched] };
}
/** A named placeholder where a key takes a value. */
const v = (name: string) => `<${name}>`;
/** A placeholder where keys.ts takes a number, zero-padded to `digits` where it pads (the name is longer). */
const n = (name: string, digits?: number) => v(digits ? `${name}, ${digits} digits` : name) as unknown as number;

export interface EntityDeclaration {
  about: string;
  /** Its key attributes as keys.ts writes them (gsi1pk/gsi1sk mean it is on gsi1). */
  keys: Key;
  /** The attributes it is found by: the values its key is made of. */
  foundBy: readonly string[];
  notes?: string;
}

const entity = (build: () => EntityDeclaration) => traced(build);

export const entities = {
  person: entity(() => ({
    about:
      'A person: name, contact, the language of their emails, availability, declared skills; gsi2 places them in the draw a restorative circle’s panel is drawn from.',
    keys: { ...k.personKeys(v('personId')), ...k.personDrawKeys(v('drawKey')) },
    foundBy: ['personId'],
    notes:
      '`<drawKey>` is SHA-256 of the person’s id (decisions/circle.ts `drawKey`), written at sign-up. People made before it was kept have none and are not drawn until `npm run people:draw-backfill` gives them one.',
  })),
  enrollment: entity(() => ({
    about: "A learner's enrollment in a course (progress, status); gsi1 lists a course's learners.",
    keys: k.enrollmentKeys(v('personId'), v('courseId')),
    foundBy: ['personId', 'courseId'],
  })),
  trainee: entity(() => ({
    about:
      'A learner in a filled training place for a course (the opening, its syndicate, the mentor): the shortage index counts their enrollment at the trainee weight.',
    keys: k.traineeKeys(v('personId'), v('courseId')),
    foundBy: ['personId', 'courseId'],
  })),
  attempt: entity(() => ({
    about: "One attempt at a course's quiz.",
    keys: k.attemptKeys(v('personId'), v('courseId'), n('attempt', 4)),
    foundBy: ['personId', 'courseId', 'attempt'],
  })),
  credential: entity(() => ({
    about: 'A signed credential; gsi1 lists a person’s credentials by issue date.',
    keys: k.credentialKeys(v('credentialId'), v('personId'), v('issuedAt')),
    foundBy: ['credentialId'],
  })),
  assessment: entity(() => ({
    about:
      "A learner's practical work on one course (evidence per task, the syndicate asked, reviews); gsi2 lists it under that syndicate while a task waits for review.",
    keys: k.assessmentKeys(v('personId'), v('courseId'), {
      syndicateId: v('syndicateId'),
      requestedAt: v('requestedAt'),
    }),
    foundBy: ['personId', 'courseId'],
    notes: 'Off gsi2 (no gsi2pk) until a syndicate is asked and while no task waits for review.',
  })),
  'held-skill': entity(() => ({
    about: 'A skill a person holds by credential; gsi1 lists a skill’s holders.',
    keys: k.heldSkillKeys(v('personId'), v('skillId')),
    foundBy: ['personId', 'skillId'],
  })),
  syndicate: entity(() => ({
    about: 'A syndicate (co-operative team) with its member and admin counts; gsi1 lists all by name.',
    keys: k.syndicateKeys(v('syndicateId'), v('name')),
    foundBy: ['syndicateId'],
    notes: '`<name>` is lower-cased in gsi1sk.',
  })),
  follower: entity(() => ({
    about: 'A remote ActivityPub actor following a syndicate’s Group actor, with its inbox (deliveries go there).',
    keys: {
      ...k.followerKeys(v('syndicateId'), v('actorDigest')),
      ...k.followerHostKeys(v('hostSortKey'), v('syndicateId'), v('actorDigest')),
    },
    foundBy: ['syndicateId', 'actorId'],
    notes:
      'actorDigest is the SHA-256 of the actor id (a URL, possibly longer than a sort key may be). `<hostSortKey>` is the actor’s host, labels from the top, then `/` and its port (`hostSortKey`, domain/federation/instance-block.ts): gsi1 finds the followers a block covers. Followers kept before gsi1 was written have none until `npm run followers:host-backfill`.',
  })),
  'person-follower': entity(() => ({
    about:
      'A remote ActivityPub actor following a person’s `Person` actor (`p.<personId>`), with its inbox; only while they show their profile to the fediverse.',
    keys: {
      ...k.personFollowerKeys(v('personId'), v('actorDigest')),
      ...k.followerHostKeys(v('hostSortKey'), v('personActor'), v('actorDigest')),
    },
    foundBy: ['personId', 'actorId'],
    notes:
      'actorDigest is the SHA-256 of the actor id. In the person’s partition: forgotten when they opt out, and with their account. On gsi1 by its actor’s host as a syndicate’s follower is (`personActor` is `p.<personId>`), so a block of that instance removes it too.',
  })),
  'fedify-kv': entity(() => ({
    about:
      'An entry of Fedify’s key-value store: a cached remote document or key, an inbox activity already seen; expires by TTL.',
    keys: k.fedifyKvKeys(v('namespace'), v('entry')),
    foundBy: ['namespace', 'entry'],
    notes:
      'namespace is the key’s first two parts, entry the rest, each URI-encoded and ended with `/`; an entry past 900 bytes is `#` and the SHA-256 of the whole key. The value is JSON (gzipped past 64 KB).',
  })),
  membership: entity(() => ({
    about: 'A person’s membership of (or request to join) a syndicate; gsi1 lists a person’s.',
    keys: k.membershipKeys(v('syndicateId'), v('personId')),
    foundBy: ['syndicateId', 'personId'],
  })),
  opening: entity(() => ({
    about: 'A job opening; gsi1 lists openings by status and date, gsi2 a syndicate’s.',
    keys: k.openingKeys({
      id: v('openingId'),
      syndicateId: v('syndicateId'),
      status: v('status'),
      datePosted: v('datePosted'),
      createdAt: v('createdAt'),
    }),
    foundBy: ['openingId'],
    notes: 'gsi1sk starts with `<createdAt>` while the opening has no `datePosted` (a draft).',
  })),
  'opening-skill': entity(() => ({
    about: 'An open opening under one skill it asks, beside it; gsi1 lists the open openings asking a skill.',
    keys: k.openingSkillKeys(
      { id: v('openingId'), datePosted: v('datePosted'), createdAt: v('createdAt') },
      v('skillId'),
    ),
    foundBy: ['openingId', 'skillId'],
    notes:
      'Written in the opening’s own transactions (opening-skill-index.ts): present exactly while the opening is open and not marked expired by the sweep.',
  })),
  application: entity(() => ({
    about:
      'A person’s application to an opening, with its last match: the key makes a second impossible; gsi2 ranks an opening’s standing applications.',
    keys: {
      ...k.applicationKeys(v('openingId'), v('personId'), v('createdAt')),
      ...k.applicantRankKeys(
        v('openingId'),
        { score: n('999 − score', 3), holds: n('999 − holds', 3) },
        v('createdAt'),
        v('personId'),
      ),
    },
    foundBy: ['openingId', 'personId'],
    notes:
      'gsi2 only while it stands (not withdrawn) and once scored: applications written before matches were kept have none until `npm run applicants:rescore`.',
  })),
  'application-note': entity(() => ({
    about: 'A private note of a syndicate’s admins on one application; gsi1 lists the application’s notes by time.',
    keys: k.applicationNoteKeys(v('openingId'), v('personId'), v('noteId'), v('at')),
    foundBy: ['openingId', 'personId', 'noteId'],
  })),
  'saved-search': entity(() => ({
    about:
      'A saved job-board search (name, query, alert, feed token, when matches were last sent) with its owner; gsi2 lists those with alerts on, by frequency.',
    keys: k.savedSearchKeys(v('personId'), v('savedSearchId'), 'daily'),
    foundBy: ['personId', 'savedSearchId'],
    notes: '`<alert>` is `instant` or `daily`; a saved search with alerts off has no gsi2 keys.',
  })),
  'saved-search-count': entity(() => ({
    about: 'How many saved searches a person keeps, for the limit of 50.',
    keys: k.savedSearchCountKeys(v('personId')),
    foundBy: ['personId'],
  })),
  'saved-search-feed': entity(() => ({
    about: 'A feed address: the SHA-256 of its token, naming the saved search it reads.',
    keys: k.feedTokenKeys(v('tokenHash')),
    foundBy: ['tokenHash'],
  })),
  'application-count': entity(() => ({
    about: 'How many applications an opening has taken (the cap), beside it.',
    keys: k.applicationCountKeys(v('openingId')),
    foundBy: ['openingId'],
  })),
  'application-message': entity(() => ({
    about: 'A message of an application’s thread, between the applicant and the syndicate’s admins.',
    keys: k.applicationMessageKeys(v('openingId'), v('applicantId'), v('at'), v('messageId')),
    foundBy: ['openingId', 'applicantId'],
    notes: 'A message sent with a stage change carries `stage`; the notification producer tells the other side.',
  })),
  'application-message-id': entity(() => ({
    about: 'A message id used in a thread, and when: a retried message is written once.',
    keys: k.applicationMessageIdKeys(v('openingId'), v('applicantId'), v('messageId')),
    foundBy: ['openingId', 'applicantId', 'messageId'],
  })),
  'rate-window': entity(() => ({
    about: 'Writes one identity made in one time window (the write limit); expires by TTL.',
    keys: k.rateWindowKeys(v('identity'), n('window')),
    foundBy: ['identity', 'window'],
  })),
  'health-probe': entity(() => ({
    about: 'A key nothing is stored under: the store’s health check reads it.',
    keys: k.healthProbeKeys,
    foundBy: [],
  })),
  cv: entity(() => ({
    about: 'What is kept about a person’s CV (size, when it came); the PDF itself is in the file store.',
    keys: k.cvKeys(v('personId')),
    foundBy: ['personId'],
  })),
  'account-deletion': entity(() => ({
    about: 'Says a person’s account was deleted, or is being deleted (a cut-short deletion resumes from it).',
    keys: k.accountDeletionKeys(v('personId')),
    foundBy: ['personId'],
    notes: 'Outlives everything else in the person’s partition: a later sign-in with the same id is told.',
  })),
  'idempotency-key': entity(() => ({
    about: 'One idempotency key of one person for one command, with its first answer; expires by TTL.',
    keys: k.idempotencyKeys(v('personId'), v('command'), v('key')),
    foundBy: ['personId', 'command', 'key'],
  })),
  innovation: entity(() => ({
    about: 'An innovation record; gsi1 lists published records by first publication.',
    keys: k.innovationKeys({ id: v('innovationId'), status: 'published', publishedAt: v('publishedAt') }),
    foundBy: ['innovationId'],
    notes: 'Only a published record has gsi1 keys: drafts are in no list.',
  })),
  'innovation-version': entity(() => ({
    about: 'One version of a record, kept with it.',
    keys: k.innovationVersionKeys(v('innovationId'), n('version', 4)),
    foundBy: ['innovationId', 'version'],
  })),
  'inventor-link': entity(() => ({
    about: 'Links a record to each inventor; gsi1 lists a person’s records, drafts included.',
    keys: k.inventorLinkKeys(v('innovationId'), v('personId'), v('createdAt')),
    foundBy: ['innovationId', 'personId'],
  })),
  adoption: entity(() => ({
    about: 'A syndicate’s adoption of a record (one per pair); gsi1 lists a syndicate’s.',
    keys: k.adoptionKeys(v('innovationId'), v('syndicateId'), v('adoptedAt')),
    foundBy: ['innovationId', 'syndicateId'],
  })),
  'value-report': entity(() => ({
    about:
      'A value report on an adoption, kept with the record; gsi1 lists a syndicate’s by date, gsi2 a record’s settled ones by settlement.',
    keys: k.valueReportKeys({
      innovationId: v('innovationId'),
      id: v('reportId'),
      syndicateId: v('syndicateId'),
      reportedAt: v('reportedAt'),
      settlement: { settledAt: v('settledAt') },
    }),
    foundBy: ['innovationId', 'reportId'],
    notes:
      'Only a settled report has gsi2 keys, given by the settlement’s transaction, which also adds its value to the record’s `valueListed`. Reports settled before gsi2 was written have none: their record’s `valueListed` falls short of its `valueSettled`, and its statement reads through its log (`reports-of-record`).',
  })),
  account: entity(() => ({
    about: 'A Bound account (`person:<id>` or `syndicate:<id>`): balance and credit limit.',
    keys: k.accountKeys(v('accountId')),
    foundBy: ['accountId'],
  })),
  'ledger-totals': entity(() => ({
    about: 'The ledger’s totals (sum of balances, settlements, payments, Bound moved), kept by every movement.',
    keys: k.ledgerTotalsKeys,
    foundBy: [],
  })),
  'credit-policy': entity(() => ({
    about:
      'The commons’ credit policy (default credit, tiers earned by months since a first trade, its version), written by the closing of a passed `credit-policy` proposal.',
    keys: k.creditPolicyKeys,
    foundBy: [],
  })),
  'instance-block': entity(() => ({
    about:
      'A remote instance the stewards blocked (its host, why, who, when): its inbox posts are refused and nothing is delivered to it.',
    keys: k.instanceBlockKeys(v('host')),
    foundBy: ['host'],
    notes: '`<host>` is a hostname, lower case, with a port only when the block names one.',
  })),
  'remote-follow': entity(() => ({
    about:
      'A remote syndicate (a Group actor on another instance) the stewards follow: its actor, inbox, host, and whether its Accept came (pending or accepted).',
    keys: k.remoteFollowKeys(v('followId')),
    foundBy: ['followId', 'actorId'],
    notes: '`<followId>` is the SHA-256 of the actor id, base64url, its first 22 characters.',
  })),
  'remote-opening': entity(() => ({
    about:
      'An opening a followed remote syndicate published (its Note fetched again and read): title, summary as plain text, place, pay text, skills, kind, validThrough, its origin URL and host.',
    keys: k.remoteOpeningKeys(v('followId'), v('noteDigest')),
    foundBy: ['followId', 'noteId'],
    notes: '`<noteDigest>` is the SHA-256 of the Note id (a URL); kept under its follow, so an unfollow removes it.',
  })),
  'remote-record': entity(() => ({
    about:
      'An innovation record a followed remote commons published (its Document fetched again and read): title, summary as plain text, trade, skills, licence, inventors’ names, adoptions, its origin URL and host.',
    keys: k.remoteRecordKeys(v('followId'), v('objectDigest')),
    foundBy: ['followId', 'objectId'],
    notes:
      '`<objectDigest>` is the SHA-256 of the Document id (a URL); kept under its follow, so an unfollow removes it.',
  })),
  'remote-course': entity(() => ({
    about:
      'A course or practice guide a followed commons published (its Document fetched again and read): kind, title, summary as plain text, trade, skills with ESCO URIs, licence, languages, hours, its origin URL and host.',
    keys: k.remoteCourseKeys(v('followId'), v('objectDigest')),
    foundBy: ['followId', 'objectId'],
    notes:
      '`<objectDigest>` is the SHA-256 of the Document id (a URL); every followed commons’ courses share one partition, under their follow in the sort key, so an unfollow removes them by prefix.',
  })),
  'remote-shortage-snapshot': entity(() => ({
    about:
      'The newest daily shortage snapshot a followed commons published: its day, members, open positions and its 100 scarcest skills.',
    keys: k.remoteShortageKeys(v('followId')),
    foundBy: ['followId'],
  })),
  'announced-course': entity(() => ({
    about:
      'What this commons last announced to its followers of one catalogue entry: the digest of its Document and since when (its `updated`), or that it left the catalogue.',
    keys: k.announcedCourseKeys(v('slug')),
    foundBy: ['slug'],
  })),
  'witnessed-log': entity(() => ({
    about:
      'A registry log this instance witnesses (issue 20): its host, the key pinned when a steward added it, the last head accepted with this instance’s cosignature, or the fork evidence; `lastSize` is what a run’s write is conditional on.',
    keys: k.witnessedLogKeys(v('host')),
    foundBy: ['host'],
    notes: '`<host>` is a hostname, lower case, with a port only when the steward named one.',
  })),
  'received-cosignature': entity(() => ({
    about:
      'Another instance’s cosignature of this log’s head of one size, checked against its published key and this log’s own head before it is kept.',
    keys: k.receivedCosignatureKeys(n('treeSize'), v('witness')),
    foundBy: ['treeSize', 'witness'],
  })),
  'fork-report': entity(() => ({
    about:
      'Another instance’s signed report of two heads of this log that conflict, both signed with this log’s key, kept only when this log’s own proof does not refute it.',
    keys: k.forkReportKeys(v('witness')),
    foundBy: ['witness'],
  })),
  'steward-removals': entity(() => ({
    about:
      'The bootstrap stewards the commons removed (who, by which proposal, when, at which log entry), written by the closing of a passed `remove-steward` proposal.',
    keys: k.stewardRemovalsKeys,
    foundBy: [],
  })),
  'ledger-entry': entity(() => ({
    about: 'A statement line of an account, in time order: a royalty, an implementer’s share or a payment.',
    keys: k.ledgerEntryKeys(v('accountId'), v('at'), v('sourceId'), n('sequence', 3)),
    foundBy: ['accountId'],
    notes: '`<sourceId>` is the value report’s id for a settlement’s lines, the payment’s id for a payment’s.',
  })),
  payment: entity(() => ({
    about: 'A payment in Bound (from, to, amount, memo, who made it), written once in its own transaction.',
    keys: k.paymentKeys(v('paymentId')),
    foundBy: ['paymentId'],
  })),
  'payment-request': entity(() => ({
    about: 'A payee’s request to be paid; gsi1 lists an account’s received requests, gsi2 its sent ones.',
    keys: k.paymentRequestKeys({
      id: v('requestId'),
      payer: v('payerAccountId'),
      payee: v('payeeAccountId'),
      createdAt: v('createdAt'),
    }),
    foundBy: ['requestId'],
  })),
  offer: entity(() => ({
    about:
      'An offer on the marketplace (seller, title, kind, unit, price in minor units, skills, trade, status, expiry); gsi1 lists it under its seller (a person’s listing: their deletion and export find it), gsi2 holds it while open, by expiry.',
    keys: k.offerKeys({
      id: v('offerId'),
      seller: v('sellerAccountId'),
      createdAt: v('createdAt'),
      status: 'open',
      expiresAt: v('expiresAt'),
    }),
    foundBy: ['offerId'],
    notes:
      'Read by id through `offerKey` (orders do). Only an open offer carries the gsi2 keys; withdrawn or expired, it is put whole without them. `expiresAt` is an ISO string, never a number: it is the table’s TTL attribute.',
  })),
  want: entity(() => ({
    about:
      'A want on the marketplace (buyer, title, skills, trade, unit, quantity, demandHours, status, expiry); gsi1 lists it under its buyer (a person’s listing: their deletion and export find it), gsi2 holds it while open, by expiry.',
    keys: k.wantKeys({
      id: v('wantId'),
      buyer: v('buyerAccountId'),
      createdAt: v('createdAt'),
      status: 'open',
      expiresAt: v('expiresAt'),
    }),
    foundBy: ['wantId'],
    notes:
      'Read by id through `wantKey`. `demandHours` of open wants is demand for the shortage index. Only an open want carries the gsi2 keys. `expiresAt` is an ISO string (the TTL attribute counts only numbers).',
  })),
  'work-log': entity(() => ({
    about:
      'Hours a member logged for their syndicate (awaiting approval, approved and paid, or rejected); gsi1 lists a member’s, gsi2 a syndicate’s awaiting approval.',
    keys: k.workLogKeys(
      { id: v('workLogId'), personId: v('personId'), syndicateId: v('syndicateId'), createdAt: v('createdAt') },
      true,
    ),
    foundBy: ['workLogId'],
    notes: 'gsi2pk and gsi2sk are written only while it awaits approval: the awaiting list holds nothing decided.',
  })),
  'work-day': entity(() => ({
    about: 'The quarter hours a member logged (and did not have rejected) for one day: at most 96.',
    keys: k.workDayKeys(v('personId'), v('date')),
    foundBy: ['personId', 'date'],
  })),
  'commons-members': entity(() => ({
    about:
      'How many members the commons has: kept with every person made or removed, read when a commons proposal opens.',
    keys: k.commonsMembersKeys,
    foundBy: [],
  })),
  'commons-credentials': entity(() => ({
    about:
      'How many credentials the commons has issued: one more in the transaction that stores each, read by the home page.',
    keys: k.commonsCredentialsKeys,
    foundBy: [],
  })),
  proposal: entity(() => ({
    about:
      'A proposal to the commons or a syndicate: its kind and typed change, window, eligible count, tally and outcome; gsi1 lists it by scope and status (or its author’s drafts), gsi2 holds it while open, by closing time.',
    keys: k.proposalKeys({
      id: v('proposalId'),
      scope: v('scope'),
      status: 'open',
      createdBy: v('personId'),
      createdAt: v('createdAt'),
      closesAt: v('closesAt'),
    }),
    foundBy: ['proposalId'],
    notes:
      '`<scope>` is `commons` or `syndicate:<id>`. A draft is listed on gsi1 under its author by `<createdAt>`; a closed proposal under its scope’s closed list by `<closedAt>`, and has no gsi2 keys.',
  })),
  'proposal-notice': entity(() => ({
    about:
      'Where a syndicate proposal’s notification fan-out has got to, one per stage (opened, closing soon, decided): its page number and the cursor of its next page of members; each write carries that page to the stream.',
    keys: k.proposalNoticeKeys(v('proposalId'), v('stage')),
    foundBy: ['proposalId', 'stage'],
    notes: 'Written only forwards (conditional on a lower page): a replayed record cannot fork the chain.',
  })),
  vote: entity(() => ({
    about:
      'One person’s vote on one proposal (yes, no or abstain, a reason), beside it: the key allows one; gsi1 lists it under its voter.',
    keys: k.voteItemKeys(v('proposalId'), v('personId')),
    foundBy: ['proposalId', 'personId'],
  })),
  order: entity(() => ({
    about:
      'An order of an offer, with the offer’s terms as ordered and its status; gsi1 lists an account’s orders as buyer, gsi2 as seller.',
    keys: k.orderKeys({
      id: v('orderId'),
      buyer: v('buyerAccountId'),
      seller: v('sellerAccountId'),
      createdAt: v('createdAt'),
    }),
    foundBy: ['orderId'],
  })),
  'order-due': entity(() => ({
    about:
      'A delivered order in the due list, by when its dispute window passes: present exactly while it is delivered.',
    keys: k.orderDueKeys(v('dueAt'), v('orderId')),
    foundBy: ['dueAt', 'orderId'],
  })),
  'credit-limit-change': entity(() => ({
    about: 'One change of an account’s credit limit, in time order.',
    keys: k.creditLimitChangeKeys(v('accountId'), v('at'), n('logIndex', 12)),
    foundBy: ['accountId'],
  })),
  'log-entry': entity(() => ({
    about: 'A registry-log entry with its leaf hash and the subtree hashes it completes.',
    keys: k.logEntryKeys(n('index', 12), v('innovationId')),
    foundBy: ['index'],
    notes: 'An entry about no record has no gsi1 keys.',
  })),
  'log-head': entity(() => ({
    about: 'The registry log’s head (size, root hash): the one item every logged write is conditional on.',
    keys: k.logHeadKeys,
    foundBy: [],
  })),
  'log-subtrees-mark': entity(() => ({
    about: 'Says every entry below its `treeSize` keeps its subtree hashes: the backfill’s mark, written once.',
    keys: k.logSubtreesMarkKeys,
    foundBy: [],
  })),
  'settlements-listed-mark': entity(() => ({
    about:
      'Says every settlement logged below its `treeSize` lists its report under its record (gsi2): the backfill’s mark, written once.',
    keys: k.settlementsListedMarkKeys,
    foundBy: [],
  })),
  'economy-summary': entity(() => ({
    about:
      'The economy’s figures over every account (accounts, positive balances, accounts near their limit, the balance histogram), kept from the stream.',
    keys: k.economySummaryKeys,
    foundBy: [],
  })),
  'economy-month': entity(() => ({
    about:
      'One UTC month of the economy, a day’s figures as flat attributes (`d06_movements`, `d06_volume`, `d06_realValue`, `d06_lastActive`, `d06_trade_<trade>`): movements, volume (by trade), real value created, accounts last active that day.',
    keys: k.economyMonthKeys(v('month')),
    foundBy: ['month'],
    notes:
      'At most 17 numbers a day (12 trades and “other”), about 21.5 KB for 31 days: each count rewrites the item, which DynamoDB charges by size, and a year in one item would be ~253 KB (economy-items.ts). Months wholly older than the longest period (366 days) are pruned by the daily sweep.',
  })),
  'economy-month-total': entity(() => ({
    about:
      'One UTC month’s totals: the sum of its days’ figures (`movements`, `volume`, `realValue`, `lastActive`, `trade_<trade>`), counted in the same transaction as the days; `built` when the backfill made it from the days.',
    keys: k.economyMonthTotalKeys(v('month')),
    foundBy: ['month'],
    notes:
      'At most 17 numbers, under 800 bytes: a period longer than a month reads the months it covers whole as these (economy-months.ts), so a year reads 11 or 12 of them and at most two months of days.',
  })),
  'economy-snapshot': entity(() => ({
    about:
      'A standard period’s figures (7, 30, 90 or 365 days: domain/ledger/economy-snapshot.ts) as the API answers them, one JSON string, with the day the period ends on and the summary’s revision they were computed at.',
    keys: k.economySnapshotKeys(n('days', 3)),
    foundBy: ['days'],
    notes:
      'Recomputed whole after each stream batch that counted anything, and on the first read of a day none has reached yet; kept only over an earlier day, or the same day at an earlier revision. A few KB at most (30 days of per-day rows).',
  })),
  'economy-day': entity(() => ({
    about:
      'One UTC day of the economy as the figures’ first version kept it; the economy backfill moves each into its month (economy-day-fold.ts) and nothing writes one any more.',
    keys: k.economyLegacyDayKeys(v('day')),
    foundBy: [],
  })),
  'economy-account': entity(() => ({
    about: 'An account’s figures as the economy counted them: latest balance and limit, by log index, and a revision.',
    keys: k.economyAccountKeys(v('accountId')),
    foundBy: ['accountId'],
  })),
  'economy-line-mark': entity(() => ({
    about: 'Says a statement line was counted into the economy’s figures: written once, with its increments.',
    keys: k.economyLineMarkKeys(v('accountId'), v('at'), v('sourceId'), n('sequence', 3)),
    foundBy: ['accountId', 'at', 'sourceId', 'sequence'],
  })),
  'economy-backfill-mark': entity(() => ({
    about: 'How far the economy’s backfill went: the last account whose lines it counted, or done.',
    keys: k.economyBackfillMarkKeys,
    foundBy: [],
  })),
  shortage: entity(() => ({
    about: 'One skill’s shortage aggregate (demand and supply tallies); gsi1 lists every aggregate.',
    keys: k.shortageKeys(v('skillId')),
    foundBy: ['skillId'],
    notes:
      'Demand arrives per posted day (`demand:<day>`, added by the stream); the daily sweep folds the days up to its own into one faded sum (`faded:<day>`, `foldedHours`), so an aggregate holds a few counters however many days of demand it has seen.',
  })),
  'shortage-holder': entity(() => ({
    about: 'An available person holding a skill, beside the skill’s aggregate.',
    keys: k.shortageHolderKeys(v('skillId'), v('personId')),
    foundBy: ['skillId', 'personId'],
  })),
  'shortage-source': entity(() => ({
    about: 'What the shortage index last applied for one source (an opening, an enrollment, a person).',
    keys: k.shortageSourceKeys(v('sourceKey')),
    foundBy: ['sourceKey'],
  })),
  notification: entity(() => ({
    about:
      'One notification in a person’s inbox; its id (the event’s time and a digest of its event key) makes a replay a no-op.',
    keys: k.notificationKeys(v('personId'), v('notificationId')),
    foundBy: ['personId', 'notificationId'],
  })),
  'inbox-counter': entity(() => ({
    about: 'A person’s unread count, and the mark below which "mark all read" made every notification read.',
    keys: k.inboxCounterKeys(v('personId')),
    foundBy: ['personId'],
  })),
  'shortage-snapshot': entity(() => ({
    about: 'One day’s shortage scores, for the trend.',
    keys: k.shortageSnapshotKeys(v('day')),
    foundBy: ['day'],
  })),
  'opening-readiness': entity(() => ({
    about: 'An opening’s readiness counts as last made, with when: they answer for a few minutes, beside it.',
    keys: k.openingReadinessKeys(v('openingId')),
    foundBy: ['openingId'],
    notes: 'Expires by TTL a day after it was counted; a call past `readinessMaxAgeMs` counts again and replaces it.',
  })),
  'email-preferences': entity(() => ({
    about: 'Which kinds of notification a person gets by email (absent: on), beside their profile.',
    keys: k.emailPreferencesKeys(v('personId')),
    foundBy: ['personId'],
    notes: 'Not part of the versioned profile: a one-click unsubscribe never conflicts with a profile edit.',
  })),
  'email-suppression': entity(() => ({
    about: 'An address that bounced (permanently) or complained: no mail is sent to it again.',
    keys: k.emailSuppressionKeys(v('address')),
    foundBy: ['address'],
    notes: '`<address>` is in lower case.',
  })),
};

export type EntityName = keyof typeof entities;

/** Who reads or writes through a pattern besides the API's routes (`GET /api/…`) and pages (`page /…/`). */
export const jobs = {
  'stream: search indexer': 'functions/app/stream-indexer.ts',
  'stream: shortage consumer': 'functions/app/stream-shortages.ts',
  'stream: notifications': 'functions/app/stream-notifications.ts',
  'sweep: expire openings': 'functions/handlers/expire-openings.ts',
  'sweep: close proposals': 'functions/domain/decisions/close-proposal.ts',
  'sweep: proposals closing soon': 'functions/domain/decisions/closing-soon.ts',
  'job: reindex': 'functions/app/reindex-pages.ts',
  'job: shortage recompute': 'functions/local/shortage-recompute.ts',
  'job: verify log': 'functions/local/verify-log.ts',
  'job: log backfill': 'functions/local/backfill-log.ts',
  'job: skill-index backfill': 'functions/local/backfill-skill-index.ts',
  'job: people draw backfill': 'functions/local/backfill-people-draw.ts',
  'job: follower hosts backfill': 'functions/local/backfill-follower-hosts.ts',
  'job: rescore applicants': 'functions/local/rescore-applicants.ts',
  'stream: economy': 'functions/app/stream-economy.ts',
  'job: economy backfill': 'functions/local/backfill-economy.ts',
  'every write': 'functions/app/commands/command.ts',
  'mail: notification email': 'functions/domain/notifications/email-notification.ts',
  'mail: suppressing mailer': 'functions/domain/notifications/suppression.ts',
  'ses events: suppression': 'functions/handlers/email-events.ts',
  // newMatchesSince there; the sweep that calls it is the notification work's.
  'job: saved-search alerts': 'functions/domain/openings/saved-search-use-cases.ts',
  'job: federation outbox': 'functions/domain/federation/outbox.ts',
  'sweep: witness run': 'functions/domain/federation/witnessing.ts',
  'job: catalogue announce': 'functions/domain/federation/catalogue-publishing.ts',
} as const;
export type Job = keyof typeof jobs;
type User = Job | `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /api/${string}` | `page /${string}`;

/**
 * How much one use reads: one item; items named by key (BatchGetItem); a page (cursor in, `next` out);
 * a bounded set (the whole key range, small by a rule named in `bound`); every item of a key range that
 * grows with use (named in `bound`, so it shows in the catalogue); the whole table (jobs only).
 */
export type Reads = 'one item' | 'items by key' | 'a page' | 'a bounded set' | 'every item' | 'the table' | 'writes';

export interface AccessPattern {
  /** What it reads or writes: an entity, several (one per kind of source), or any (a Scan). */
  entity: EntityName | readonly EntityName[] | 'any';
  /** What it answers, in a line. */
  does: string;
  operation:
    | 'GetItem'
    | 'BatchGetItem'
    | 'Query'
    | 'Scan'
    | 'PutItem'
    | 'UpdateItem'
    | 'DeleteItem'
    | 'BatchWriteItem'
    | 'TransactGetItems'
    | 'TransactWriteItems';
  /** The key it goes through, from keys.ts: `pk`/`sk` the table, `gsi1pk`… an index; `prefix`: the sort keys that start with it. */
  key: Key;
  reads: Reads;
  /** For a bounded set, items by key or every item: how many, and why. */
  bound?: string;
  /** Where a request walks every page of a paged read after all: who, and what grows. */
  walkedWholeBy?: string;
  usedBy: readonly User[];
  /** Where every user of the pattern shares one partition: why one is acceptable, or how it is sharded. */
  partition?: { single: string } | { sharded: string };
}

const pattern = (build: () => AccessPattern) => traced(build);

export const accessPatterns = {
  // People and learning.
  'person-by-id': pattern(() => ({
    entity: 'person',
    does: 'A person by id.',
    operation: 'GetItem',
    key: k.personKeys(v('personId')),
    reads: 'one item',
    usedBy: [
      'GET /api/me',
      'PATCH /api/me',
      'GET /api/people/{id}',
      'page /me/',
      'page /me/profile/',
      'page /people/[id]/',
      'page /ledger/',
      'page /innovations/[id]/',
      // Whether the person shows their profile as a Person actor (domain/federation/person-actor.ts).
      'GET /api/federation/actors/{identifier}',
      'POST /api/federation/actors/{identifier}/inbox',
      'POST /api/federation/inbox',
    ],
  })),
  'people-in-draw-order': pattern(() => ({
    entity: 'person',
    does: 'A few people after a place in the draw order (ids and keys only): a restorative circle draws its panel from a random place.',
    operation: 'Query',
    key: k.peopleDraw,
    reads: 'a bounded set',
    bound: 'at most 60 people a circle (decisions/circle.ts `maxDrawn`), 12 a query, however large the commons',
    usedBy: ['POST /api/proposals', 'POST /api/proposals/{proposalId}/opening', 'page /decisions/new/'],
    partition: {
      single:
        'one index partition for everyone, written once per person made or removed (a pace people set by hand) and read a dozen keys at a time when a circle opens',
    },
  })),
  'people-by-ids': pattern(() => ({
    entity: 'person',
    does: 'People by id, batched: a page of members, the applicants of an opening.',
    operation: 'BatchGetItem',
    key: k.personKeys(v('personId')),
    reads: 'items by key',
    bound: 'the ids of one page (at most its page size)',
    usedBy: [
      'GET /api/syndicates/{syndicateId}/members',
      'GET /api/openings/{openingId}/applicants',
      'GET /api/openings/{openingId}/applicants/{personId}/notes',
    ],
  })),
  'person-create-once': pattern(() => ({
    entity: 'person',
    does: 'Creates a person at first sign-in; a repeat returns the stored one (attribute_not_exists).',
    operation: 'PutItem',
    key: k.personKeys(v('personId')),
    reads: 'writes',
    usedBy: ['GET /api/me', 'page /me/'],
  })),
  'person-save-profile': pattern(() => ({
    entity: 'person',
    does: 'Writes a person’s profile fields over the version the change was made from (optimistic concurrency); other attributes stay.',
    operation: 'UpdateItem',
    key: k.personKeys(v('personId')),
    reads: 'writes',
    usedBy: [
      'PATCH /api/me',
      'PUT /api/me/skills/{skillId}',
      'DELETE /api/me/skills/{skillId}',
      'PUT /api/me/goal',
      'page /me/profile/',
      'page /me/profile/goal/',
    ],
  })),
  'email-preferences-of-person': pattern(() => ({
    entity: 'email-preferences',
    does: 'A person’s email preferences (none stored: every kind on).',
    operation: 'GetItem',
    key: k.emailPreferencesKeys(v('personId')),
    reads: 'one item',
    usedBy: ['GET /api/me/email-preferences', 'page /me/email/', 'mail: notification email'],
  })),
  'email-preferences-set': pattern(() => ({
    entity: 'email-preferences',
    does: 'Sets the kinds named, leaving the others, with no read first (two changes at once both hold).',
    operation: 'UpdateItem',
    key: k.emailPreferencesKeys(v('personId')),
    reads: 'writes',
    usedBy: [
      'PATCH /api/me/email-preferences',
      'POST /api/unsubscribe/{token}',
      'page /me/email/',
      'page /unsubscribe/[token]/',
    ],
  })),
  'email-suppression-by-address': pattern(() => ({
    entity: 'email-suppression',
    does: 'Whether an address bounced or complained, checked before every mail.',
    operation: 'GetItem',
    key: k.emailSuppressionKeys(v('address')),
    reads: 'one item',
    usedBy: ['mail: suppressing mailer'],
  })),
  'email-suppress': pattern(() => ({
    entity: 'email-suppression',
    does: 'Adds an address from an SES bounce or complaint event; a replayed event writes the same item.',
    operation: 'PutItem',
    key: k.emailSuppressionKeys(v('address')),
    reads: 'writes',
    usedBy: ['ses events: suppression'],
  })),
  'enrollment-by-person-and-course': pattern(() => ({
    entity: 'enrollment',
    does: 'One learner’s enrollment in one course.',
    operation: 'GetItem',
    key: k.enrollmentKeys(v('personId'), v('courseId')),
    reads: 'one item',
    usedBy: [
      'PUT /api/me/enrollments/{courseId}/lessons/{lessonId}',
      'GET /api/me/enrollments/{courseId}/quiz',
      'POST /api/me/enrollments/{courseId}/quiz-attempts',
      'page /learn/[course]/quiz',
      'page /learn/[course]/quiz/result',
    ],
  })),
  'enrollments-of-person': pattern(() => ({
    entity: 'enrollment',
    does: 'A learner’s enrollments.',
    operation: 'Query',
    key: k.enrollmentsOf(v('personId')),
    reads: 'a bounded set',
    bound: 'one per course of the commons a person enrolled in (the commons has 15)',
    usedBy: [
      'GET /api/me/learning',
      'GET /api/me/recommendations',
      'page /me/',
      'GET /api/people/{id}',
      'page /people/[id]/',
    ],
  })),
  'enroll-once': pattern(() => ({
    entity: 'enrollment',
    does: 'Enrolls once; a retry returns the stored enrollment.',
    operation: 'PutItem',
    key: k.enrollmentKeys(v('personId'), v('courseId')),
    reads: 'writes',
    usedBy: ['POST /api/me/enrollments'],
  })),
  'attempts-of-learner': pattern(() => ({
    entity: 'attempt',
    does: 'A learner’s attempts at one quiz, newest first.',
    operation: 'Query',
    key: k.attemptList(v('personId'), v('courseId')),
    reads: 'a page',
    usedBy: ['page /learn/[course]/quiz/result'],
  })),
  'credential-by-id': pattern(() => ({
    entity: 'credential',
    does: 'A credential by id: its earner’s download; its public page, badges and answer when shared.',
    operation: 'GetItem',
    key: k.credentialLookup(v('credentialId')),
    reads: 'one item',
    usedBy: [
      'GET /api/me/credentials/{credentialId}',
      'GET /api/credentials/{credentialId}',
      'page /me/credentials/[id]',
      'page /credentials/[id]/',
    ],
  })),
  'commons-credentials': pattern(() => ({
    entity: 'commons-credentials',
    does: 'How many credentials the commons has issued: one more with each pass, in its transaction; read for the home page’s figures.',
    operation: 'TransactWriteItems',
    key: k.commonsCredentialsKeys,
    reads: 'one item',
    usedBy: ['POST /api/me/enrollments/{courseId}/quiz-attempts', 'page /learn/[course]/quiz', 'page /'],
    partition: {
      single:
        'one counter, written once per credential issued (a learner passing a quiz, a pace people set by hand, far under one item’s 1,000 writes a second); its reads are one item',
    },
  })),
  'credentials-of-person': pattern(() => ({
    entity: 'credential',
    does: 'A person’s credentials, oldest first.',
    operation: 'Query',
    key: k.credentialsOf(v('personId')),
    reads: 'a bounded set',
    bound: 'one per course passed (the commons has 15)',
    usedBy: ['GET /api/me/learning', 'page /me/', 'GET /api/people/{id}', 'page /people/[id]/'],
  })),
  'assessment-by-learner-and-course': pattern(() => ({
    entity: 'assessment',
    does: 'One learner’s practical work on one course.',
    operation: 'GetItem',
    key: k.assessmentLookup(v('personId'), v('courseId')),
    reads: 'one item',
    usedBy: [
      'GET /api/me/enrollments/{courseId}/practical',
      'PUT /api/me/enrollments/{courseId}/practical/{taskId}/evidence',
      'POST /api/me/enrollments/{courseId}/practical/{taskId}/images',
      'DELETE /api/me/enrollments/{courseId}/practical/{taskId}/images/{imageId}',
      'POST /api/me/enrollments/{courseId}/practical/assessment-request',
      'GET /api/practical-work/{personId}/{courseId}',
      'POST /api/practical-work/{personId}/{courseId}/tasks/{taskId}/reviews',
      'GET /api/practical-work/{personId}/{courseId}/tasks/{taskId}/images/{imageId}',
    ],
  })),
  'assessment-save': pattern(() => ({
    entity: 'assessment',
    does: 'Saves a learner’s evidence or request over the version read (version 1 creates).',
    operation: 'PutItem',
    key: k.assessmentKeys(v('personId'), v('courseId'), {
      syndicateId: v('syndicateId'),
      requestedAt: v('requestedAt'),
    }),
    reads: 'writes',
    usedBy: [
      'PUT /api/me/enrollments/{courseId}/practical/{taskId}/evidence',
      'POST /api/me/enrollments/{courseId}/practical/{taskId}/images',
      'DELETE /api/me/enrollments/{courseId}/practical/{taskId}/images/{imageId}',
      'POST /api/me/enrollments/{courseId}/practical/assessment-request',
    ],
  })),
  'assessment-review': pattern(() => ({
    entity: ['assessment', 'membership', 'held-skill', 'enrollment', 'credential', 'commons-credentials'],
    does: 'A review over the version read, checking the assessor’s membership and credentials and the learner’s request to join; the last sign-off issues the credential in it.',
    operation: 'TransactWriteItems',
    key: k.assessmentKeys(v('personId'), v('courseId'), {
      syndicateId: v('syndicateId'),
      requestedAt: v('requestedAt'),
    }),
    reads: 'writes',
    usedBy: ['POST /api/practical-work/{personId}/{courseId}/tasks/{taskId}/reviews'],
  })),
  'assessments-waiting-for-syndicate': pattern(() => ({
    entity: 'assessment',
    does: 'The practical work waiting for one syndicate’s assessors, oldest request first.',
    operation: 'Query',
    key: k.assessmentsWaitingFor(v('syndicateId')),
    reads: 'a page',
    usedBy: ['GET /api/syndicates/{syndicateId}/practical-work'],
  })),
  'held-skills-of-person': pattern(() => ({
    entity: 'held-skill',
    does: 'The skills a person holds by credential.',
    operation: 'Query',
    key: k.heldSkillsOf(v('personId')),
    reads: 'a bounded set',
    bound: 'at most the skills of the commons (128 today)',
    usedBy: [
      'GET /api/me/learning',
      'GET /api/me/recommendations',
      'GET /api/me/best-matches',
      'page /me/',
      'page /jobs/',
      'page /jobs/[id]/',
      'stream: shortage consumer',
    ],
  })),
  'held-skills-by-pairs': pattern(() => ({
    entity: 'held-skill',
    does: 'Some people’s credentialed skills among some skills, by key: every pair.',
    operation: 'BatchGetItem',
    key: k.heldSkillKeys(v('personId'), v('skillId')),
    reads: 'items by key',
    bound: 'one page of an opening’s applicants (at most its page size) × its required skills (at most 12)',
    usedBy: [
      'GET /api/openings/{openingId}/applicants',
      'PUT /api/openings/{openingId}/applications/me',
      'page /jobs/[id]/applicants',
      'job: rescore applicants',
    ],
  })),
  'learners-of-course': pattern(() => ({
    entity: 'enrollment',
    does: 'A course’s learners part-way through it (filtered on status), a page at a time.',
    operation: 'Query',
    key: k.courseEnrollmentsKey(v('courseId')),
    reads: 'a page',
    usedBy: ['GET /api/openings/{openingId}/readiness'],
  })),

  // Syndicates.
  'syndicate-by-id': pattern(() => ({
    entity: 'syndicate',
    does: 'A syndicate by id.',
    operation: 'GetItem',
    key: k.syndicateLookup(v('syndicateId')),
    reads: 'one item',
    usedBy: [
      'GET /api/syndicates/{syndicateId}',
      'page /syndicates/[id]/',
      'stream: search indexer',
      'stream: notifications',
    ],
  })),
  'syndicates-by-ids': pattern(() => ({
    entity: 'syndicate',
    does: 'Syndicates by id, batched: the names on a page of openings.',
    operation: 'BatchGetItem',
    key: k.syndicateLookup(v('syndicateId')),
    reads: 'items by key',
    bound: 'the syndicates of one page of openings (at most its page size)',
    usedBy: ['GET /api/openings', 'page /jobs/', 'page /me/', 'GET /api/people/{id}', 'page /people/[id]/'],
  })),
  'indexed-items-by-key': pattern(() => ({
    entity: ['opening', 'syndicate', 'innovation', 'offer', 'want'],
    does: 'The current state of the items a batch of stream records names, strongly consistent: the index follows the table, not the order records arrive in.',
    operation: 'BatchGetItem',
    key: k.syndicateLookup(v('syndicateId')),
    reads: 'items by key',
    bound: 'the distinct items of one stream batch (at most its batch size)',
    usedBy: ['stream: search indexer'],
  })),
  'syndicates-by-name': pattern(() => ({
    entity: 'syndicate',
    does: 'Every syndicate by name, a page at a time.',
    operation: 'Query',
    key: k.syndicateList(),
    reads: 'a page',
    usedBy: ['GET /api/syndicates', 'page /syndicates/', 'page /sitemap.xml', 'job: reindex'],
    partition: {
      single:
        'its writes are syndicates founded, edited and joined (a join rewrites the count on the syndicate item), a pace people set by hand, far below the 1,000 writes a second one partition of an index takes; reads are pages, so its size never reaches a request',
    },
  })),
  'membership-by-syndicate-and-person': pattern(() => ({
    entity: 'membership',
    does: 'One person’s membership of one syndicate: every admin check.',
    operation: 'GetItem',
    key: k.membershipKeys(v('syndicateId'), v('personId')),
    reads: 'one item',
    usedBy: [
      'PUT /api/syndicates/{syndicateId}/members/{personId}',
      'DELETE /api/syndicates/{syndicateId}/membership',
      'PUT /api/innovations/{innovationId}/adoptions/{syndicateId}',
      'page /syndicates/[id]/',
    ],
  })),
  'follower-by-syndicate-and-actor': pattern(() => ({
    entity: 'follower',
    does: 'One remote follower of a syndicate: kept on Follow, removed on Undo.',
    operation: 'GetItem',
    key: k.followerKeys(v('syndicateId'), v('actorDigest')),
    reads: 'one item',
    usedBy: ['POST /api/federation/actors/{identifier}/inbox', 'POST /api/federation/inbox'],
  })),
  'follower-by-person-and-actor': pattern(() => ({
    entity: 'person-follower',
    does: 'One remote follower of a person’s actor: kept on Follow, removed on Undo.',
    operation: 'GetItem',
    key: k.personFollowerKeys(v('personId'), v('actorDigest')),
    reads: 'one item',
    usedBy: ['POST /api/federation/actors/{identifier}/inbox', 'POST /api/federation/inbox'],
  })),
  'followers-of-person-count': pattern(() => ({
    entity: 'person-follower',
    does: 'How many remote actors follow a person’s actor (its followers collection’s total).',
    operation: 'Query',
    key: k.personFollowers(v('personId')),
    reads: 'a bounded set',
    bound: 'counted with Select COUNT and a Limit of 10,000: past that the collection says 10,000',
    usedBy: ['GET /api/federation/actors/{identifier}/followers'],
  })),
  'followers-of-person-paged': pattern(() => ({
    entity: 'person-follower',
    does: 'A person’s followers, a page at a time: read and removed by key when they stop showing their profile to the fediverse.',
    operation: 'Query',
    key: k.personFollowers(v('personId')),
    reads: 'a page',
    usedBy: ['PATCH /api/me', 'page /me/profile/'],
  })),
  'fedify-kv-entry': pattern(() => ({
    entity: 'fedify-kv',
    does: 'One entry of Fedify’s key-value store: read, written (with its TTL) or deleted by key.',
    operation: 'GetItem',
    key: k.fedifyKvKeys(v('namespace'), v('entry')),
    reads: 'one item',
    usedBy: ['POST /api/federation/actors/{identifier}/inbox', 'POST /api/federation/inbox'],
    partition: {
      single:
        'one partition per namespace (remote documents, public keys, activities seen): inbox traffic from other servers, at most a few writes a second per namespace here, far under a partition’s 1,000; DynamoDB splits a hot one by sort key',
    },
  })),
  'fedify-kv-entries-by-prefix': pattern(() => ({
    entity: 'fedify-kv',
    does: 'Fedify’s `list`: the entries of a namespace whose key starts with a prefix (its circuit breaker’s hosts).',
    operation: 'Query',
    key: k.fedifyKvEntries(v('namespace'), v('entryPrefix')),
    reads: 'a bounded set',
    bound:
      'the hosts Fedify’s outbound circuit breaker tracks; Guildhall delivers through its own queue, so none today',
    usedBy: ['POST /api/federation/inbox'],
  })),
  'followers-of-syndicate-count': pattern(() => ({
    entity: 'follower',
    does: 'How many remote actors follow a syndicate (its followers collection’s total).',
    operation: 'Query',
    key: k.syndicateFollowers(v('syndicateId')),
    reads: 'a bounded set',
    bound: 'counted with Select COUNT and a Limit of 10,000: past that the collection says 10,000',
    usedBy: ['GET /api/federation/actors/{identifier}/followers'],
  })),
  'followers-of-syndicate-paged': pattern(() => ({
    entity: 'follower',
    does: 'A syndicate’s followers, a page at a time: the inboxes an opening’s Create, Update or Delete is delivered to.',
    operation: 'Query',
    key: k.syndicateFollowers(v('syndicateId')),
    reads: 'a page',
    usedBy: ['job: federation outbox'],
  })),
  'followers-on-hosts-paged': pattern(() => ({
    entity: ['follower', 'person-follower'],
    does: 'The followers on the hosts a block covers, by a prefix of their host’s sort key, a page at a time: each page removed by a job of its own.',
    operation: 'Query',
    key: k.followersOnHosts(v('hostPrefix')),
    reads: 'a page',
    usedBy: ['job: federation outbox'],
    partition: {
      single:
        'one index partition for every follower of every syndicate, written once per Follow and Undo from other servers (a pace people set by hand, far under the 1,000 writes a second one partition of an index takes); read only by a block’s removal, a page per job',
    },
  })),
  'members-of-syndicate-paged': pattern(() => ({
    entity: 'membership',
    does: 'A syndicate’s members and requests, a page at a time, by person id.',
    operation: 'Query',
    key: k.syndicateMembers(v('syndicateId')),
    reads: 'a page',
    usedBy: [
      'GET /api/syndicates/{syndicateId}/members',
      'page /syndicates/[id]/',
      'page /innovations/[id]/adopt',
      'stream: notifications',
    ],
  })),
  'memberships-by-people': pattern(() => ({
    entity: 'membership',
    does: 'Some people’s memberships of one syndicate, batched.',
    operation: 'BatchGetItem',
    key: k.membershipKeys(v('syndicateId'), v('personId')),
    reads: 'items by key',
    bound: 'the people asked about (the domain’s port; no caller yet)',
    usedBy: [],
  })),
  'memberships-of-person-paged': pattern(() => ({
    entity: 'membership',
    does: 'A person’s memberships, a page at a time, by syndicate id (the adopt page keeps the ones they admin).',
    operation: 'Query',
    key: k.membershipsOf(v('personId')),
    reads: 'a page',
    usedBy: ['page /me/', 'page /innovations/[id]/adopt', 'GET /api/people/{id}', 'page /people/[id]/'],
  })),

  // Openings and applications.
  'opening-by-id': pattern(() => ({
    entity: 'opening',
    does: 'An opening by id.',
    operation: 'GetItem',
    key: k.openingLookup(v('openingId')),
    reads: 'one item',
    usedBy: ['GET /api/openings/{openingId}', 'page /jobs/[id]/', 'stream: shortage consumer', 'stream: notifications'],
  })),
  'openings-by-ids': pattern(() => ({
    entity: 'opening',
    does: 'Openings by id, batched: search hits, a person’s applications.',
    operation: 'BatchGetItem',
    key: k.openingLookup(v('openingId')),
    reads: 'items by key',
    bound: 'one page of hits or applications (at most its page size)',
    usedBy: ['GET /api/me/applications', 'GET /api/me/best-matches', 'page /jobs/', 'page /me/'],
  })),
  'openings-of-syndicate': pattern(() => ({
    entity: 'opening',
    does: 'A syndicate’s openings, any status, newest first, a page at a time.',
    operation: 'Query',
    key: k.syndicateOpenings(v('syndicateId')),
    reads: 'a page',
    usedBy: ['GET /api/syndicates/{syndicateId}/openings', 'page /syndicates/[id]/'],
  })),
  'openings-by-status': pattern(() => ({
    entity: 'opening',
    does: 'Openings in one status, newest posted first, a page at a time: the board.',
    operation: 'Query',
    key: k.openingsInStatus(v('status')),
    reads: 'a page',
    usedBy: [
      'GET /api/openings',
      'GET /api/me/recommendations',
      'page /jobs/',
      'page /sitemap.xml',
      'sweep: expire openings',
      'job: reindex',
      'job: skill-index backfill',
      'job: rescore applicants',
    ],
    partition: {
      single:
        'one partition per status: its writes are openings posted, edited, filled and swept as expired, each syndicate’s admins by hand, far below the 1,000 writes a second one partition of an index takes; reads are pages, so its size never reaches a request',
    },
  })),
  'open-openings-asking-skill': pattern(() => ({
    entity: 'opening-skill',
    does: 'The open openings asking one skill, newest posted first, a page at a time; their openings by key.',
    operation: 'Query',
    key: k.openOpeningsAsking(v('skillId')),
    reads: 'a page',
    usedBy: ['GET /api/openings', 'page /jobs/', 'page /jobs/feed.xml'],
  })),
  'opening-write': pattern(() => ({
    entity: ['opening', 'opening-skill'],
    does: 'An opening and its skill-index items, in one transaction (one put when it has none to change).',
    operation: 'TransactWriteItems',
    key: k.openingSkillKeys(
      { id: v('openingId'), datePosted: v('datePosted'), createdAt: v('createdAt') },
      v('skillId'),
    ),
    reads: 'writes',
    usedBy: [
      'POST /api/syndicates/{syndicateId}/openings',
      'PUT /api/openings/{openingId}',
      'PUT /api/openings/{openingId}/status',
      'PUT /api/openings/{openingId}/applications/me/offer',
      'sweep: expire openings',
      'job: skill-index backfill',
    ],
  })),
  'application-by-opening-and-person': pattern(() => ({
    entity: 'application',
    does: 'One person’s application to one opening.',
    operation: 'GetItem',
    key: k.applicationLookup(v('openingId'), v('personId')),
    reads: 'one item',
    usedBy: [
      'PUT /api/openings/{openingId}/applications/me',
      'POST /api/work-logs',
      'DELETE /api/openings/{openingId}/applications/me',
      'PUT /api/openings/{openingId}/applicants/{personId}/stage',
      'PUT /api/openings/{openingId}/applications/me/offer',
      'GET /api/openings/{openingId}/applications/{personId}/messages',
      'POST /api/openings/{openingId}/applications/{personId}/messages',
      'page /jobs/[id]/applications/[personId]',
      'GET /api/openings/{openingId}/applicants/{personId}/profile',
      'GET /api/openings/{openingId}/applicants/{personId}/notes',
      'POST /api/openings/{openingId}/applicants/{personId}/notes',
    ],
  })),
  'move-application': pattern(() => ({
    entity: ['application', 'application-message', 'application-message-id'],
    does: 'The application over the stage it was read at; with a message, the message too, in one transaction.',
    operation: 'TransactWriteItems',
    key: k.applicationKeys(v('openingId'), v('personId'), v('createdAt')),
    reads: 'writes',
    usedBy: [
      'PUT /api/openings/{openingId}/applicants/{personId}/stage',
      'PUT /api/openings/{openingId}/applications/me/offer',
      'DELETE /api/openings/{openingId}/applications/me',
      'PUT /api/openings/{openingId}/applications/me',
      'page /jobs/[id]/applications/[personId]',
    ],
  })),
  'accept-offer': pattern(() => ({
    entity: ['application', 'opening', 'application-message', 'application-message-id', 'trainee'],
    does: 'The offer accepted and the opening one position fuller over the version read, in one transaction; for a training place, the learner marked as its trainee.',
    operation: 'TransactWriteItems',
    key: k.applicationKeys(v('openingId'), v('personId'), v('createdAt')),
    reads: 'writes',
    usedBy: ['PUT /api/openings/{openingId}/applications/me/offer', 'page /jobs/[id]/applications/[personId]'],
  })),
  'messages-of-application': pattern(() => ({
    entity: 'application-message',
    does: 'An application’s thread, newest first, a page at a time.',
    operation: 'Query',
    key: k.applicationThread(v('openingId'), v('applicantId')),
    reads: 'a page',
    usedBy: [
      'GET /api/openings/{openingId}/applications/{personId}/messages',
      'page /jobs/[id]/applications/[personId]',
    ],
  })),
  'post-message-once': pattern(() => ({
    entity: ['application-message', 'application-message-id'],
    does: 'A message and its id in one transaction, only if the id is new; a repeat reads the first back.',
    operation: 'TransactWriteItems',
    key: k.applicationMessageIdKeys(v('openingId'), v('applicantId'), v('messageId')),
    reads: 'writes',
    usedBy: [
      'POST /api/openings/{openingId}/applications/{personId}/messages',
      'page /jobs/[id]/applications/[personId]',
    ],
  })),
  'apply-once': pattern(() => ({
    entity: 'application',
    does: 'One transaction puts the application (unless already there) and counts it (unless the opening is full).',
    operation: 'TransactWriteItems',
    key: k.applicationKeys(v('openingId'), v('personId'), v('createdAt')),
    reads: 'writes',
    usedBy: ['PUT /api/openings/{openingId}/applications/me'],
  })),
  'applicants-ranked': pattern(() => ({
    entity: 'application',
    does: 'An opening’s standing applications, best stored match first, then who applied first, a page at a time.',
    operation: 'Query',
    key: k.rankedApplicantsOf(v('openingId')),
    reads: 'a page',
    usedBy: ['GET /api/openings/{openingId}/applicants', 'page /jobs/[id]/applicants'],
  })),
  'applicant-match-refresh': pattern(() => ({
    entity: 'application',
    does: 'A newer match and ranking key on one application, over the status read (an update of those alone).',
    operation: 'UpdateItem',
    key: k.applicationLookup(v('openingId'), v('personId')),
    reads: 'writes',
    usedBy: ['GET /api/openings/{openingId}/applicants', 'page /jobs/[id]/applicants', 'job: rescore applicants'],
  })),
  'applications-of-opening': pattern(() => ({
    entity: 'application',
    does: 'An opening’s applications, all of them, to score those written before matches were kept.',
    operation: 'Query',
    key: k.openingApplications(v('openingId')),
    reads: 'a bounded set',
    bound: 'at most 200 an opening (maxApplicationsPerOpening, kept by apply-once)',
    usedBy: ['job: rescore applicants'],
  })),
  'add-application-note': pattern(() => ({
    entity: 'application-note',
    does: 'One note, once: its id (derived from the idempotency key) is in its key.',
    operation: 'PutItem',
    key: k.applicationNoteKeys(v('openingId'), v('personId'), v('noteId'), v('at')),
    reads: 'writes',
    usedBy: ['POST /api/openings/{openingId}/applicants/{personId}/notes', 'page /jobs/[id]/applicants/[personId]/'],
  })),
  'notes-of-application': pattern(() => ({
    entity: 'application-note',
    does: 'One application’s notes, newest first, a page at a time.',
    operation: 'Query',
    key: k.applicationNotesOf(v('openingId'), v('personId')),
    reads: 'a page',
    usedBy: ['GET /api/openings/{openingId}/applicants/{personId}/notes', 'page /jobs/[id]/applicants/[personId]/'],
  })),
  'applications-of-person': pattern(() => ({
    entity: 'application',
    does: 'A person’s applications, newest first, a page at a time.',
    operation: 'Query',
    key: k.applicationsOf(v('personId')),
    reads: 'a page',
    usedBy: ['GET /api/me/applications', 'page /me/', 'GET /api/me/export', 'page /me/data.json'],
  })),

  // Saved job-board searches.
  'saved-search-create': pattern(() => ({
    entity: ['saved-search', 'saved-search-feed', 'saved-search-count'],
    does: 'Saves a search with its feed address and counts it against the person’s 50, all or nothing.',
    operation: 'TransactWriteItems',
    key: k.savedSearchKeys(v('personId'), v('savedSearchId')),
    reads: 'writes',
    usedBy: ['POST /api/me/saved-searches', 'page /me/saved-searches/'],
  })),
  'saved-search-by-id': pattern(() => ({
    entity: 'saved-search',
    does: 'One of a person’s saved searches.',
    operation: 'GetItem',
    key: k.savedSearchLookup(v('personId'), v('savedSearchId')),
    reads: 'one item',
    usedBy: [
      'PUT /api/me/saved-searches/{savedSearchId}',
      'DELETE /api/me/saved-searches/{savedSearchId}',
      'POST /api/me/saved-searches/{savedSearchId}/feed-address',
      'page /me/saved-searches/',
      'page /jobs/saved/[token]/feed.xml',
    ],
  })),
  'saved-searches-of-person': pattern(() => ({
    entity: 'saved-search',
    does: 'A person’s saved searches, by id, a page at a time.',
    operation: 'Query',
    key: k.savedSearchesOf(v('personId')),
    reads: 'a page',
    usedBy: ['GET /api/me/saved-searches', 'page /me/saved-searches/'],
  })),
  'saved-search-change': pattern(() => ({
    entity: 'saved-search',
    does: 'Rewrites a saved search (name, alert and its gsi2 keys) over the copy read.',
    operation: 'TransactWriteItems',
    key: k.savedSearchLookup(v('personId'), v('savedSearchId')),
    reads: 'writes',
    usedBy: ['PUT /api/me/saved-searches/{savedSearchId}', 'page /me/saved-searches/'],
  })),
  'saved-search-remove': pattern(() => ({
    entity: ['saved-search', 'saved-search-feed', 'saved-search-count'],
    does: 'Deletes a saved search and its feed address and counts it off, all or nothing.',
    operation: 'TransactWriteItems',
    key: k.savedSearchLookup(v('personId'), v('savedSearchId')),
    reads: 'writes',
    usedBy: ['DELETE /api/me/saved-searches/{savedSearchId}', 'page /me/saved-searches/'],
  })),
  'saved-search-feed-renew': pattern(() => ({
    entity: ['saved-search', 'saved-search-feed'],
    does: 'Puts a new feed address and deletes the old one with the token on the saved search, all or nothing.',
    operation: 'TransactWriteItems',
    key: k.savedSearchLookup(v('personId'), v('savedSearchId')),
    reads: 'writes',
    usedBy: ['POST /api/me/saved-searches/{savedSearchId}/feed-address', 'page /me/saved-searches/'],
  })),
  'saved-search-by-feed': pattern(() => ({
    entity: 'saved-search-feed',
    does: 'The saved search a feed address names (then saved-search-by-id); no sign-in: the token is the key.',
    operation: 'GetItem',
    key: k.feedTokenKeys(v('tokenHash')),
    reads: 'one item',
    usedBy: ['page /jobs/saved/[token]/feed.xml'],
  })),
  'saved-searches-with-alert': pattern(() => ({
    entity: 'saved-search',
    does: 'Saved searches alerted at one frequency (instant or daily), a page at a time, for the alert sweeps.',
    operation: 'Query',
    key: k.savedSearchAlerts('daily'),
    reads: 'a page',
    usedBy: ['job: saved-search alerts'],
    partition: {
      single:
        'one partition per frequency: its writes are people saving, changing and deleting searches by hand, far below the 1,000 writes a second one partition of an index takes; the sweep reads it a page at a time',
    },
  })),
  'saved-search-mark-sent': pattern(() => ({
    entity: 'saved-search',
    does: 'Records when a saved search’s matches were last sent; never moves back.',
    operation: 'UpdateItem',
    key: k.savedSearchLookup(v('personId'), v('savedSearchId')),
    reads: 'writes',
    usedBy: ['job: saved-search alerts'],
  })),

  // Innovation records, adoptions and value reports.
  'record-by-id': pattern(() => ({
    entity: 'innovation',
    does: 'A record by id.',
    operation: 'GetItem',
    key: k.innovationLookup(v('innovationId')),
    reads: 'one item',
    usedBy: [
      'GET /api/innovations/{innovationId}',
      'page /innovations/[id]/',
      'stream: search indexer',
      'stream: notifications',
    ],
  })),
  'records-by-ids': pattern(() => ({
    entity: 'innovation',
    does: 'Records by id, batched: a page of the registry, of a person’s records, of statement lines.',
    operation: 'BatchGetItem',
    key: k.innovationLookup(v('innovationId')),
    reads: 'items by key',
    bound: 'the records of one page (at most its page size)',
    usedBy: [
      'GET /api/innovations',
      'GET /api/me/innovations',
      'GET /api/me/statement',
      'page /innovations/',
      'GET /api/people/{id}',
      'page /people/[id]/',
    ],
  })),
  registry: pattern(() => ({
    entity: 'innovation',
    does: 'The registry: published records, newest first, a page at a time (the table’s fallback while search is down).',
    operation: 'Query',
    key: k.publishedRecordsKey,
    reads: 'a page',
    usedBy: ['GET /api/innovations', 'page /innovations/', 'job: reindex'],
    partition: {
      single:
        'a record enters it once, at its first publication; later writes to a published record (adoption counts, totals) rewrite its index entry at the pace of adoptions and settlements, which the registry log’s head holds to a few dozen a second; reads are pages',
    },
  })),
  'version-by-number': pattern(() => ({
    entity: 'innovation-version',
    does: 'One version of a record.',
    operation: 'GetItem',
    key: k.innovationVersionKeys(v('innovationId'), n('version', 4)),
    reads: 'one item',
    usedBy: [
      'GET /api/innovations/{innovationId}/draft',
      'PUT /api/innovations/{innovationId}/draft',
      'POST /api/innovations/{innovationId}/publication',
      'PUT /api/innovations/{innovationId}/adoptions/{syndicateId}',
      'stream: search indexer',
    ],
  })),
  'versions-by-refs': pattern(() => ({
    entity: 'innovation-version',
    does: 'Versions by record and number, batched: consent requests, the audit, the reindex.',
    operation: 'BatchGetItem',
    key: k.innovationVersionKeys(v('innovationId'), n('version', 4)),
    reads: 'items by key',
    bound: 'the versions one page or one audit window names',
    usedBy: ['GET /api/me/innovations', 'page /innovations/log/', 'job: verify log', 'job: reindex'],
  })),
  'versions-of-record': pattern(() => ({
    entity: 'innovation-version',
    does: 'A record’s versions, oldest first.',
    operation: 'Query',
    key: k.recordItemsKey(v('innovationId'), 'versions'),
    reads: 'a bounded set',
    bound: 'at most 50 published versions and a draft (maxVersions)',
    usedBy: [
      'GET /api/innovations/{innovationId}',
      'GET /api/innovations/{innovationId}/versions/{version}',
      'page /innovations/[id]/',
      'page /innovations/[id]/versions/[version]',
    ],
  })),
  'records-of-inventor': pattern(() => ({
    entity: 'inventor-link',
    does: 'The ids of a person’s records through their inventor links, newest first, a page at a time.',
    operation: 'Query',
    key: k.inventorRecordsKey(v('personId')),
    reads: 'a page',
    usedBy: ['GET /api/me/innovations', 'page /me/', 'GET /api/people/{id}', 'page /people/[id]/'],
  })),
  'adoption-by-record-and-syndicate': pattern(() => ({
    entity: 'adoption',
    does: 'One syndicate’s adoption of one record.',
    operation: 'GetItem',
    key: k.adoptionLookup(v('innovationId'), v('syndicateId')),
    reads: 'one item',
    usedBy: [
      'PUT /api/innovations/{innovationId}/adoptions/{syndicateId}',
      'POST /api/innovations/{innovationId}/adoptions/{syndicateId}/reports',
      'page /innovations/[id]/adopt',
      'page /innovations/[id]/report',
      'stream: notifications',
    ],
  })),
  'adoptions-by-refs': pattern(() => ({
    entity: 'adoption',
    does: 'Adoptions by record and syndicate, batched.',
    operation: 'BatchGetItem',
    key: k.adoptionLookup(v('innovationId'), v('syndicateId')),
    reads: 'items by key',
    bound: 'the adoptions one page names',
    usedBy: ['GET /api/me/innovations'],
  })),
  'adoptions-of-record': pattern(() => ({
    entity: 'adoption',
    does: 'A record’s adoptions, a page at a time, by syndicate id.',
    operation: 'Query',
    key: k.recordItemsKey(v('innovationId'), 'adoptions'),
    reads: 'a page',
    usedBy: ['GET /api/innovations/{innovationId}/adoptions', 'page /innovations/[id]/'],
  })),
  'adoptions-of-syndicate': pattern(() => ({
    entity: 'adoption',
    does: 'A syndicate’s adoptions, newest first, a page at a time.',
    operation: 'Query',
    key: k.syndicateInnovationItemsKey(v('syndicateId'), 'adoptions'),
    reads: 'a page',
    usedBy: ['GET /api/syndicates/{syndicateId}/adoptions'],
  })),
  'report-by-id': pattern(() => ({
    entity: 'value-report',
    does: 'One value report.',
    operation: 'GetItem',
    key: k.valueReportLookup(v('innovationId'), v('reportId')),
    reads: 'one item',
    usedBy: [
      'PUT /api/innovations/{innovationId}/reports/{reportId}/decision',
      'POST /api/innovations/{innovationId}/reports/{reportId}/settlement',
    ],
  })),
  'reports-of-record': pattern(() => ({
    entity: 'value-report',
    does: 'A record’s value reports, newest first, a page at a time, through its log entries (each report and settlement was logged when it happened); a statement reads it, filtered on settlements, only for a record settled before `settlements-of-record` was kept.',
    operation: 'Query',
    key: k.recordLogEntriesKey(v('innovationId')),
    reads: 'a page',
    usedBy: [
      'GET /api/innovations/{innovationId}/reports',
      'GET /api/innovations/{innovationId}/statement',
      'GET /api/me/innovations',
      'page /innovations/[id]/',
      'page /innovations/[id]/statement',
    ],
  })),
  'settlements-of-record': pattern(() => ({
    entity: 'value-report',
    does: 'A record’s settled reports, newest settlement first, a page at a time: settlements alone, whatever else its log holds.',
    operation: 'Query',
    key: k.recordSettlementsKey(v('innovationId')),
    reads: 'a page',
    usedBy: ['GET /api/innovations/{innovationId}/statement', 'page /innovations/[id]/statement'],
  })),
  'reports-of-syndicate': pattern(() => ({
    entity: 'value-report',
    does: 'A syndicate’s value reports, newest first, a page at a time.',
    operation: 'Query',
    key: k.syndicateInnovationItemsKey(v('syndicateId'), 'reports'),
    reads: 'a page',
    usedBy: ['GET /api/syndicates/{syndicateId}/reports'],
  })),

  // The Bound ledger.
  'accounts-by-ids': pattern(() => ({
    entity: 'account',
    does: 'Several accounts at once, strongly consistent: a settlement plans from them.',
    operation: 'BatchGetItem',
    key: k.accountLookup(v('accountId')),
    reads: 'items by key',
    bound: 'a settlement’s parties (at most 21 accounts), or one page of the ledger',
    usedBy: [
      'POST /api/innovations/{innovationId}/reports/{reportId}/settlement',
      'PUT /api/syndicates/{id}/credit-limit',
      'PUT /api/people/{id}/credit-limit',
      'GET /api/ledger',
      'POST /api/payments',
      'PUT /api/payment-requests/{requestId}/decision',
      'PUT /api/work-logs/{workLogId}/decision',
      'page /me/pay/',
      'page /me/payment-requests/',
    ],
  })),
  accounts: pattern(() => ({
    entity: 'account',
    does: 'Every account by id, a page at a time: the ledger.',
    operation: 'Query',
    key: k.accountsListKey,
    reads: 'a page',
    usedBy: ['GET /api/ledger', 'page /ledger/', 'job: economy backfill'],
    partition: {
      single:
        'an account’s index entry is rewritten only when a settlement, a payment or a credit grant changes it, and all three are registry-log writes, which the log’s head holds to a few dozen a second with at most 21 accounts each, far under a partition’s 1,000 writes a second; reads are pages',
    },
  })),
  'ledger-totals': pattern(() => ({
    entity: 'ledger-totals',
    does: 'The ledger’s totals, one item kept by every settlement and payment (strongly consistent).',
    operation: 'GetItem',
    key: k.ledgerTotalsKeys,
    reads: 'one item',
    usedBy: ['GET /api/ledger', 'page /ledger/'],
    partition: {
      single:
        'one item, written only inside settlements and payments, which the registry log’s head already serialises: it adds no limit of its own',
    },
  })),
  'block-instance': pattern(() => ({
    entity: 'instance-block',
    does: 'Keeps a steward’s block of a host, replacing an earlier one of the same host.',
    operation: 'PutItem',
    key: k.instanceBlockKeys(v('host')),
    reads: 'writes',
    usedBy: ['PUT /api/federation/blocks/{host}'],
    partition: {
      single:
        'one partition for every block: stewards write a block by hand, and each inbox post and delivery reads two or three keys of it, well under a partition’s 3,000 reads a second at the inboxes’ limits',
    },
  })),
  'unblock-instance': pattern(() => ({
    entity: 'instance-block',
    does: 'Removes a host’s block.',
    operation: 'DeleteItem',
    key: k.instanceBlockKeys(v('host')),
    reads: 'writes',
    usedBy: ['DELETE /api/federation/blocks/{host}'],
    partition: {
      single:
        'one partition for every block: stewards write a block by hand, and each inbox post and delivery reads two or three keys of it, well under a partition’s 3,000 reads a second at the inboxes’ limits',
    },
  })),
  'instance-blocked': pattern(() => ({
    entity: 'instance-block',
    does: 'Whether a post’s or a delivery’s hosts (its host with the port, its hostname) are blocked.',
    operation: 'BatchGetItem',
    key: k.instanceBlockKeys(v('host')),
    reads: 'items by key',
    bound: 'the hostnames a post names (its keyId’s and its actor’s), each with and without its port: four at most',
    usedBy: ['POST /api/federation/actors/{identifier}/inbox', 'POST /api/federation/inbox'],
    partition: {
      single:
        'one partition for every block: stewards write a block by hand, and each inbox post and delivery reads two or three keys of it, well under a partition’s 3,000 reads a second at the inboxes’ limits',
    },
  })),
  'instance-blocks': pattern(() => ({
    entity: 'instance-block',
    does: 'The blocked instances, by host, a page at a time.',
    operation: 'Query',
    key: k.instanceBlocksOf,
    reads: 'a page',
    usedBy: ['GET /api/federation/blocks'],
    partition: {
      single:
        'one partition for every block: stewards write a block by hand, and each inbox post and delivery reads two or three keys of it, well under a partition’s 3,000 reads a second at the inboxes’ limits',
    },
  })),
  'remote-follow': pattern(() => ({
    entity: 'remote-follow',
    does: 'One remote follow by its id (the actor id’s digest): kept, marked accepted, read for each activity from its actor, removed.',
    operation: 'GetItem',
    key: k.remoteFollowKeys(v('followId')),
    reads: 'one item',
    usedBy: [
      'POST /api/federation/follows',
      'DELETE /api/federation/follows/{id}',
      'POST /api/federation/actors/{identifier}/inbox',
      'POST /api/federation/inbox',
    ],
    partition: {
      single:
        'one partition for every follow: stewards follow a remote syndicate by hand, and each inbox post from a followed Group reads one key of it',
    },
  })),
  'remote-follows': pattern(() => ({
    entity: 'remote-follow',
    does: 'The remote syndicates this instance follows, a page at a time (and a block’s end of its host’s follows, a page per outbox job).',
    operation: 'Query',
    key: k.remoteFollowsOf,
    reads: 'a page',
    usedBy: ['GET /api/federation/follows', 'job: federation outbox'],
    partition: {
      single:
        'one partition for every follow: stewards follow a remote syndicate by hand, and each inbox post from a followed Group reads one key of it',
    },
  })),
  'remote-opening': pattern(() => ({
    entity: 'remote-opening',
    does: 'One remote opening: kept if newer (a conditional put on `updated`), removed by a Delete.',
    operation: 'GetItem',
    key: k.remoteOpeningKeys(v('followId'), v('noteDigest')),
    reads: 'one item',
    usedBy: ['POST /api/federation/actors/{identifier}/inbox', 'POST /api/federation/inbox'],
  })),
  'remote-openings-of-follow': pattern(() => ({
    entity: 'remote-opening',
    does: 'The openings a follow brought, their keys a page of 100 at a time, removed with the follow: the first page in the unfollow, each further page by an outbox job of its own.',
    operation: 'Query',
    key: k.remoteOpeningsOf(v('followId')),
    reads: 'a page',
    usedBy: ['DELETE /api/federation/follows/{id}', 'job: federation outbox'],
  })),
  'remote-record': pattern(() => ({
    entity: 'remote-record',
    does: 'One remote innovation record: kept if newer (a conditional put on `updated`), removed by a Delete.',
    operation: 'GetItem',
    key: k.remoteRecordKeys(v('followId'), v('objectDigest')),
    reads: 'one item',
    usedBy: ['POST /api/federation/actors/{identifier}/inbox', 'POST /api/federation/inbox'],
  })),
  'remote-records-of-follow': pattern(() => ({
    entity: 'remote-record',
    does: 'The records a commons follow brought, their keys a page of 100 at a time, removed with the follow: the first page in the unfollow, each further page by an outbox job of its own.',
    operation: 'Query',
    key: k.remoteRecordsOf(v('followId')),
    reads: 'a page',
    usedBy: ['DELETE /api/federation/follows/{id}', 'job: federation outbox'],
  })),
  'remote-course': pattern(() => ({
    entity: 'remote-course',
    does: 'One remote course: kept if newer (a conditional put on `updated`), removed by a Delete.',
    operation: 'PutItem',
    key: k.remoteCourseKeys(v('followId'), v('objectDigest')),
    reads: 'writes',
    usedBy: ['POST /api/federation/actors/{identifier}/inbox', 'POST /api/federation/inbox'],
    partition: {
      single:
        'one partition for every followed commons’ courses: a commons has tens of courses, and they change at its deploys',
    },
  })),
  'remote-courses': pattern(() => ({
    entity: 'remote-course',
    does: 'Every followed commons’ courses, by follow, a page at a time: the catalogue’s remote part.',
    operation: 'Query',
    key: k.remoteCourses,
    reads: 'a page',
    usedBy: ['GET /api/federation/remote-courses', 'page /learn/'],
    partition: { single: 'read a page at a time; written only when a followed commons deploys a changed course' },
  })),
  'remote-courses-of-follow': pattern(() => ({
    entity: 'remote-course',
    does: 'The courses one follow brought, their keys a page of 100 at a time, removed with the follow.',
    operation: 'Query',
    key: k.remoteCoursesOf(v('followId')),
    reads: 'a page',
    usedBy: ['DELETE /api/federation/follows/{id}', 'PUT /api/federation/blocks/{host}'],
    partition: { single: 'as `remote-courses`' },
  })),
  'remote-shortage-snapshot': pattern(() => ({
    entity: 'remote-shortage-snapshot',
    does: 'A followed commons’ snapshot, replaced only by a later day’s; removed with the follow.',
    operation: 'PutItem',
    key: k.remoteShortageKeys(v('followId')),
    reads: 'writes',
    usedBy: ['POST /api/federation/actors/{identifier}/inbox', 'POST /api/federation/inbox'],
    partition: { single: 'one item per followed commons, written once a day by each' },
  })),
  'remote-shortage-of-follow': pattern(() => ({
    entity: 'remote-shortage-snapshot',
    does: 'A follow’s snapshot by its key as a prefix (follow ids are all one length), removed with the follow.',
    operation: 'Query',
    key: k.remoteShortageOf(v('followId')),
    reads: 'a bounded set',
    bound: 'one item: a follow keeps one snapshot',
    usedBy: ['DELETE /api/federation/follows/{id}', 'PUT /api/federation/blocks/{host}'],
    partition: { single: 'as `remote-shortage-snapshots`' },
  })),
  'remote-shortage-snapshots': pattern(() => ({
    entity: 'remote-shortage-snapshot',
    does: 'The newest snapshot of each followed commons, a page at a time: the shortages page’s region.',
    operation: 'Query',
    key: k.remoteShortages,
    reads: 'a page',
    usedBy: ['GET /api/federation/remote-shortages', 'page /shortages/'],
    partition: { single: 'one item per followed commons' },
  })),
  'announced-course': pattern(() => ({
    entity: 'announced-course',
    does: 'What was last announced of one entry: the `updated` its Document carries, or its Tombstone.',
    operation: 'GetItem',
    key: k.announcedCourseKeys(v('slug')),
    reads: 'one item',
    usedBy: ['GET /api/federation/courses/{slug}', 'job: catalogue announce'],
    partition: { single: 'one item per catalogue entry; read by key, written only when a deploy changes one' },
  })),
  'announced-courses': pattern(() => ({
    entity: 'announced-course',
    does: 'Everything announced, against the catalogue’s digests at a start or deploy.',
    operation: 'Query',
    key: k.announcedCourses,
    reads: 'a bounded set',
    bound: 'one item per course or practice guide the commons has had (tens)',
    usedBy: ['job: catalogue announce'],
    partition: { single: 'one item per catalogue entry, written when a deploy changes it' },
  })),
  'add-witnessed-log': pattern(() => ({
    entity: 'witnessed-log',
    does: 'Starts witnessing a host’s log, only when it is not witnessed yet (its pinned key never changes).',
    operation: 'PutItem',
    key: k.witnessedLogKeys(v('host')),
    reads: 'writes',
    usedBy: ['PUT /api/federation/witnessed-logs/{host}'],
    partition: {
      single:
        'one partition for every witnessed log: stewards add a log by hand, and the witness run reads it a page at a time every ten minutes',
    },
  })),
  'witnessed-log': pattern(() => ({
    entity: 'witnessed-log',
    does: 'A witnessed log by host, strongly consistent: adding it again answers what is kept.',
    operation: 'GetItem',
    key: k.witnessedLogKeys(v('host')),
    reads: 'one item',
    usedBy: ['PUT /api/federation/witnessed-logs/{host}'],
    partition: {
      single:
        'one partition for every witnessed log: stewards add a log by hand, and the witness run reads it a page at a time every ten minutes',
    },
  })),
  'remove-witnessed-log': pattern(() => ({
    entity: 'witnessed-log',
    does: 'Stops witnessing a host’s log.',
    operation: 'DeleteItem',
    key: k.witnessedLogKeys(v('host')),
    reads: 'writes',
    usedBy: ['DELETE /api/federation/witnessed-logs/{host}'],
    partition: {
      single:
        'one partition for every witnessed log: stewards add a log by hand, and the witness run reads it a page at a time every ten minutes',
    },
  })),
  'witnessed-logs': pattern(() => ({
    entity: 'witnessed-log',
    does: 'The witnessed logs with their last cosignature or fork, by host, a page at a time.',
    operation: 'Query',
    key: k.witnessedLogsOf,
    reads: 'a page',
    usedBy: ['GET /api/federation/witnessed-logs', 'GET /api/registry-log/witnesses', 'sweep: witness run'],
    partition: {
      single:
        'one partition for every witnessed log: stewards add a log by hand, and the witness run reads it a page at a time every ten minutes',
    },
  })),
  'record-witness-run': pattern(() => ({
    entity: 'witnessed-log',
    does: 'Writes a run’s result over a witnessed log, only while its last head is still the size the run read.',
    operation: 'PutItem',
    key: k.witnessedLogKeys(v('host')),
    reads: 'writes',
    usedBy: ['sweep: witness run'],
    partition: {
      single:
        'one partition for every witnessed log: stewards add a log by hand, and the witness run reads it a page at a time every ten minutes',
    },
  })),
  'keep-cosignature': pattern(() => ({
    entity: 'received-cosignature',
    does: 'Keeps a witness’s checked cosignature of one size, replacing its earlier one of that size.',
    operation: 'PutItem',
    key: k.receivedCosignatureKeys(n('treeSize'), v('witness')),
    reads: 'writes',
    usedBy: ['POST /api/registry-log/cosignatures'],
  })),
  'cosignatures-of-size': pattern(() => ({
    entity: 'received-cosignature',
    does: 'The cosignatures of this log’s head of one size, by witness, a page at a time.',
    operation: 'Query',
    key: k.receivedCosignaturesOf(n('treeSize')),
    reads: 'a page',
    usedBy: ['GET /api/registry-log/cosignatures'],
  })),
  'keep-fork-report': pattern(() => ({
    entity: 'fork-report',
    does: 'Keeps a witness’s checked fork report, replacing its earlier one.',
    operation: 'PutItem',
    key: k.forkReportKeys(v('witness')),
    reads: 'writes',
    usedBy: ['POST /api/registry-log/cosignatures'],
    partition: {
      single:
        'one partition for every fork report: one per witness, and only a log whose key signed two conflicting heads has any',
    },
  })),
  'fork-reports': pattern(() => ({
    entity: 'fork-report',
    does: 'The forks witnesses reported in this log, by witness, a page at a time.',
    operation: 'Query',
    key: k.forkReportsOf,
    reads: 'a page',
    usedBy: ['GET /api/registry-log/cosignatures'],
    partition: {
      single:
        'one partition for every fork report: one per witness, and only a log whose key signed two conflicting heads has any',
    },
  })),
  'steward-removals': pattern(() => ({
    entity: 'steward-removals',
    does: 'The stewards the commons removed, strongly consistent: a grant is refused to one of them, and its write conditions on it.',
    operation: 'GetItem',
    key: k.stewardRemovalsKeys,
    reads: 'one item',
    usedBy: [
      'PUT /api/people/{id}/credit-limit',
      'PUT /api/syndicates/{id}/credit-limit',
      'POST /api/proposals',
      'POST /api/proposals/{proposalId}/closing',
      'GET /api/ledger',
      'page /ledger/',
    ],
    partition: {
      single:
        'one item, written only when a `remove-steward` proposal is enacted (a vote of at least three days), read by stewards’ grants (a handful) and the ledger page: reads of one item, which a partition serves at 3,000 a second',
    },
  })),
  'credit-policy': pattern(() => ({
    entity: 'credit-policy',
    does: 'The commons’ credit policy, strongly consistent: every payment checks its limit by it and conditions on its version.',
    operation: 'GetItem',
    key: k.creditPolicyKeys,
    reads: 'one item',
    usedBy: [
      'POST /api/payments',
      'POST /api/proposals/{proposalId}/closing',
      'GET /api/ledger',
      'GET /api/me/statement',
      'page /ledger/',
      'page /me/pay/',
    ],
    partition: {
      single:
        'one item, written only when a `credit-policy` proposal is enacted (a vote of at least three days), read by payments: reads of one item, which a partition serves at 3,000 a second',
    },
  })),
  'entries-of-account': pattern(() => ({
    entity: 'ledger-entry',
    does: 'An account’s statement lines, oldest first, a page at a time.',
    operation: 'Query',
    key: k.accountEntriesKey(v('accountId')),
    reads: 'a page',
    usedBy: [
      'GET /api/me/statement',
      'GET /api/syndicates/{syndicateId}/statement',
      'page /ledger/me/',
      'page /ledger/syndicates/[id]/',
    ],
  })),
  'payment-by-id': pattern(() => ({
    entity: 'payment',
    does: 'One payment, strongly consistent: a payment that runs again finds itself made and pays nothing.',
    operation: 'GetItem',
    key: k.paymentKeys(v('paymentId')),
    reads: 'one item',
    usedBy: [
      'POST /api/payments',
      'PUT /api/payment-requests/{requestId}/decision',
      'PUT /api/work-logs/{workLogId}/decision',
      'page /me/pay/',
    ],
  })),
  'payment-request-by-id': pattern(() => ({
    entity: 'payment-request',
    does: 'One payment request, strongly consistent: an answer decides from it.',
    operation: 'GetItem',
    key: k.paymentRequestLookup(v('requestId')),
    reads: 'one item',
    usedBy: [
      'GET /api/payment-requests/{requestId}',
      'PUT /api/payment-requests/{requestId}/decision',
      'POST /api/payment-requests',
      'page /me/payment-requests/',
    ],
  })),
  'requests-of-account': pattern(() => ({
    entity: 'payment-request',
    does: 'An account’s payment requests, received (gsi1) or sent (gsi2), newest first, a page at a time.',
    operation: 'Query',
    key: k.accountRequestsKey(v('accountId'), 'received'),
    reads: 'a page',
    usedBy: ['GET /api/me/payment-requests', 'GET /api/syndicates/{syndicateId}/payment-requests'],
  })),
  // The marketplace.
  'offer-by-id': pattern(() => ({
    entity: 'offer',
    does: 'One offer, strongly consistent: a retried listing finds what it made, a withdrawal decides from it.',
    operation: 'GetItem',
    key: k.offerKey(v('offerId')),
    reads: 'one item',
    usedBy: [
      'POST /api/offers',
      'GET /api/offers/{offerId}',
      'GET /api/offers/{offerId}/matches',
      'POST /api/offers/{offerId}/withdraw',
      'page /market/offers/[id]/',
      'page /me/market/',
      'page /me/market/new/',
    ],
  })),
  'want-by-id': pattern(() => ({
    entity: 'want',
    does: 'One want, strongly consistent: a retried listing finds what it made, a withdrawal decides from it.',
    operation: 'GetItem',
    key: k.wantKey(v('wantId')),
    reads: 'one item',
    usedBy: [
      'POST /api/wants',
      'GET /api/wants/{wantId}',
      'GET /api/wants/{wantId}/matches',
      'POST /api/wants/{wantId}/withdraw',
      'page /market/wants/[id]/',
      'page /me/market/',
      'page /me/market/new/',
    ],
  })),
  'offers-of-account': pattern(() => ({
    entity: 'offer',
    does: 'An account’s offers, any status, newest first, a page at a time (under the person’s or syndicate’s own gsi1 listing).',
    operation: 'Query',
    key: k.accountOffersKey(v('accountId')),
    reads: 'a page',
    usedBy: ['GET /api/me/offers', 'GET /api/syndicates/{syndicateId}/offers', 'page /me/market/'],
  })),
  'wants-of-account': pattern(() => ({
    entity: 'want',
    does: 'An account’s wants, any status, newest first, a page at a time (under the person’s or syndicate’s own gsi1 listing).',
    operation: 'Query',
    key: k.accountWantsKey(v('accountId')),
    reads: 'a page',
    usedBy: ['GET /api/me/wants', 'GET /api/syndicates/{syndicateId}/wants', 'page /me/market/'],
  })),
  'open-offers-by-expiry': pattern(() => ({
    entity: 'offer',
    does: 'Open offers that expired by now (gsi2sk before now), soonest first, a page at a time: the sweep marks them.',
    operation: 'Query',
    key: k.openOffersByExpiry,
    reads: 'a page',
    usedBy: ['sweep: expire openings'],
    partition: {
      single:
        'its writes are offers listed, withdrawn and expired, by people at the pace they trade, far below the 1,000 writes a second one partition of an index takes; the sweep reads only what expired, a page at a time, at most 50 pages a run',
    },
  })),
  'open-wants-by-expiry': pattern(() => ({
    entity: 'want',
    does: 'Open wants that expired by now (gsi2sk before now), soonest first, a page at a time: the sweep marks them.',
    operation: 'Query',
    key: k.openWantsByExpiry,
    reads: 'a page',
    usedBy: ['sweep: expire openings'],
    partition: {
      single:
        'its writes are wants listed, withdrawn, fulfilled and expired, by people at the pace they trade, far below the 1,000 writes a second one partition of an index takes; the sweep reads only what expired, a page at a time, at most 50 pages a run',
    },
  })),
  'listing-create-once': pattern(() => ({
    entity: ['offer', 'want'],
    does: 'Lists an offer or a want once per id (attribute_not_exists): the id comes from the Idempotency-Key.',
    operation: 'PutItem',
    key: k.offerKey(v('offerId')),
    reads: 'writes',
    usedBy: ['POST /api/offers', 'POST /api/wants', 'page /me/market/new/'],
  })),
  'listing-close': pattern(() => ({
    entity: ['offer', 'want'],
    does: 'Puts a withdrawn or expired listing whole, without its gsi2 keys, on condition it is still open.',
    operation: 'PutItem',
    key: k.wantKey(v('wantId')),
    reads: 'writes',
    usedBy: [
      'POST /api/offers/{offerId}/withdraw',
      'POST /api/wants/{wantId}/withdraw',
      'page /me/market/',
      'sweep: expire openings',
    ],
  })),
  'work-log-by-id': pattern(() => ({
    entity: 'work-log',
    does: 'One work log, strongly consistent: a decision decides from it, and a retried log finds it made.',
    operation: 'GetItem',
    key: k.workLogLookup(v('workLogId')),
    reads: 'one item',
    usedBy: ['GET /api/work-logs/{workLogId}', 'PUT /api/work-logs/{workLogId}/decision', 'POST /api/work-logs'],
  })),
  'work-log-write': pattern(() => ({
    entity: ['work-log', 'work-day'],
    does: 'A new log (once per id) with its day’s hours (never past 96 quarters), or a rejection (only while it awaits approval) that gives them back. Approval is written in the payment’s transaction.',
    operation: 'TransactWriteItems',
    key: k.workDayKeys(v('personId'), v('date')),
    reads: 'writes',
    usedBy: ['POST /api/work-logs', 'PUT /api/work-logs/{workLogId}/decision'],
  })),
  'work-day': pattern(() => ({
    entity: 'work-day',
    does: 'The hours a member logged for one day: the sentence a refusal past 24 hours names.',
    operation: 'GetItem',
    key: k.workDayKeys(v('personId'), v('date')),
    reads: 'one item',
    usedBy: ['POST /api/work-logs'],
  })),
  'work-logs-of-person': pattern(() => ({
    entity: 'work-log',
    does: 'A member’s work logs, newest first, a page at a time (gsi1).',
    operation: 'Query',
    key: k.workLogsOfPerson(v('personId')),
    reads: 'a page',
    usedBy: ['GET /api/me/work-logs'],
  })),
  'work-logs-awaiting': pattern(() => ({
    entity: 'work-log',
    does: 'A syndicate’s work logs awaiting approval, oldest first, a page at a time (gsi2, which holds only those).',
    operation: 'Query',
    key: k.workLogsAwaiting(v('syndicateId')),
    reads: 'a page',
    usedBy: ['GET /api/syndicates/{syndicateId}/work-logs'],
  })),
  'offer-terms-by-id': pattern(() => ({
    entity: 'offer',
    does: 'One offer’s terms, strongly consistent: an order snapshots them.',
    operation: 'GetItem',
    key: k.offerKey(v('offerId')),
    reads: 'one item',
    usedBy: ['POST /api/orders', 'page /me/orders/new/'],
  })),
  'order-by-id': pattern(() => ({
    entity: 'order',
    does: 'One order, strongly consistent: a step decides from it.',
    operation: 'GetItem',
    key: k.orderLookup(v('orderId')),
    reads: 'one item',
    usedBy: [
      'POST /api/orders',
      'GET /api/orders/{orderId}',
      'PUT /api/orders/{orderId}/step',
      'page /me/orders/[id]/',
      'sweep: expire openings',
    ],
  })),
  'order-step': pattern(() => ({
    entity: ['order', 'order-due'],
    does: 'An order after a step, on condition of the status it was decided from, with its due-list item added or deleted.',
    operation: 'TransactWriteItems',
    key: k.orderDueKeys(v('dueAt'), v('orderId')),
    reads: 'writes',
    usedBy: ['PUT /api/orders/{orderId}/step', 'page /me/orders/[id]/', 'sweep: expire openings'],
    partition: {
      single:
        'the due list is one partition: an item is written at a delivery and deleted when the order leaves delivered, each a person’s step or a payment (which the registry log’s head holds to a few dozen a second), far under a partition’s 1,000 writes a second',
    },
  })),
  'orders-of-account': pattern(() => ({
    entity: 'order',
    does: 'An account’s orders as buyer (gsi1) or seller (gsi2), newest first, a page at a time.',
    operation: 'Query',
    key: k.accountOrdersKey(v('accountId'), 'buying'),
    reads: 'a page',
    usedBy: [
      'GET /api/me/orders',
      'GET /api/syndicates/{syndicateId}/orders',
      'page /me/orders/',
      'GET /api/me/export',
      'DELETE /api/me',
      'page /me/data.json',
      'page /me/delete/',
    ],
  })),
  'orders-due': pattern(() => ({
    entity: 'order-due',
    does: 'The delivered orders whose dispute window has passed, the longest due first, a page at a time.',
    operation: 'Query',
    key: { pk: k.ordersDuePartition },
    reads: 'a page',
    walkedWholeBy: 'the sweep, at most 40 pages of 25 a run (it starts again from the longest due the next run)',
    usedBy: ['sweep: expire openings'],
    partition: {
      single:
        'one partition: its writes are deliveries, confirmations, disputes and refunds, each a person’s step (a payment’s among them, which the registry log’s head holds to a few dozen a second), far under a partition’s 1,000 writes a second; the sweep reads it a page at a time',
    },
  })),
  'limit-changes-of-account': pattern(() => ({
    entity: 'credit-limit-change',
    does: 'An account’s credit-limit changes, oldest first.',
    operation: 'Query',
    key: k.limitChangesOf(v('accountId')),
    reads: 'every item',
    bound: 'every change of the account’s limit (the domain’s port; no caller yet)',
    usedBy: [],
  })),

  // Deciding together.
  'commons-members': pattern(() => ({
    entity: 'commons-members',
    does: 'The commons’ member count: one more with each person made, one fewer with each removed, read (strongly consistent) when a commons proposal opens.',
    operation: 'TransactWriteItems',
    key: k.commonsMembersKeys,
    reads: 'one item',
    usedBy: [
      'GET /api/me',
      'DELETE /api/me',
      'POST /api/proposals',
      'POST /api/proposals/{proposalId}/opening',
      'page /',
    ],
    partition: {
      single:
        'one counter, written once per person made or removed (sign-ups and account deletions, a pace people set by hand); its reads are one item',
    },
  })),
  'proposal-by-id': pattern(() => ({
    entity: 'proposal',
    does: 'One proposal with its tally, strongly consistent: a vote or a closing decides from it.',
    operation: 'GetItem',
    key: k.proposalLookup(v('proposalId')),
    reads: 'one item',
    usedBy: [
      'GET /api/proposals/{proposalId}',
      'PUT /api/proposals/{proposalId}',
      'GET /api/proposals/{proposalId}/tally',
      'PUT /api/proposals/{proposalId}/votes/me',
      'POST /api/proposals/{proposalId}/closing',
      'POST /api/proposals/{proposalId}/opening',
      'page /decisions/[id]/',
      'page /decisions/[id]/edit/',
      'sweep: close proposals',
      'stream: notifications',
    ],
  })),
  'vote-by-proposal-and-person': pattern(() => ({
    entity: 'vote',
    does: 'One person’s vote on one proposal, strongly consistent: a changed vote moves the count it read.',
    operation: 'GetItem',
    key: k.voteKeys(v('proposalId'), v('personId')),
    reads: 'one item',
    usedBy: [
      'PUT /api/proposals/{proposalId}/votes/me',
      'GET /api/proposals/{proposalId}/votes/me',
      'page /decisions/[id]/',
    ],
  })),
  'votes-of-proposal': pattern(() => ({
    entity: 'vote',
    does: 'A proposal’s votes, by person id, a page at a time: who voted how, and why.',
    operation: 'Query',
    key: k.votesOf(v('proposalId')),
    reads: 'a page',
    usedBy: ['GET /api/proposals/{proposalId}/votes', 'page /decisions/[id]/'],
  })),
  'votes-of-person': pattern(() => ({
    entity: 'vote',
    does: 'The votes one person cast, by proposal, a page at a time: their data download, and the account deletion taking each reason out.',
    operation: 'Query',
    key: k.votesByPerson(v('personId')),
    reads: 'a page',
    usedBy: ['GET /api/me/export', 'DELETE /api/me', 'page /me/data.json', 'page /me/delete/'],
  })),
  'proposals-listed': pattern(() => ({
    entity: 'proposal',
    does: 'A scope’s open proposals (closing soonest first) or closed ones (newest first), or a person’s drafts, a page at a time.',
    operation: 'Query',
    key: k.proposalList({ scope: v('scope'), status: 'open' }),
    reads: 'a page',
    usedBy: [
      'GET /api/proposals',
      'GET /api/me/proposal-drafts',
      'page /decisions/',
      'page /decisions/feed.xml',
      'GET /api/me/export',
      'DELETE /api/me',
      'page /me/data.json',
      'page /me/delete/',
    ],
    partition: {
      single:
        'the index copies each change of a proposal’s item: its opening, each vote (the tally) and its closing, at the pace people vote (a commons of 100,000 voting over three days averages under one a second), far below the 1,000 writes a second an index partition takes; reads are pages',
    },
  })),
  'proposals-due': pattern(() => ({
    entity: 'proposal',
    does: 'The open proposals whose window has ended, soonest first, a page at a time: the sweep closes them.',
    operation: 'Query',
    key: k.dueProposals,
    reads: 'a page',
    usedBy: ['sweep: close proposals'],
    partition: {
      single:
        'every open proposal of every scope: written as one opens and as each vote changes its item (gsi2 copies it), a pace of people voting; the sweep reads pages of 25, at most 8 a run',
    },
  })),
  'proposal-close': pattern(() => ({
    entity: 'proposal',
    does: 'Closes a proposal over its status and tally as read, with its change (a rate card, a credit limit, a membership) and its log entry, in one transaction.',
    operation: 'TransactWriteItems',
    key: k.proposalLookup(v('proposalId')),
    reads: 'writes',
    usedBy: ['POST /api/proposals/{proposalId}/closing', 'sweep: close proposals'],
  })),
  'proposal-draft-save': pattern(() => ({
    entity: 'proposal',
    does: 'Saves its author’s edit of a draft over the draft as read: still a draft, at the version the edit was made from.',
    operation: 'PutItem',
    key: k.proposalLookup(v('proposalId')),
    reads: 'writes',
    usedBy: ['PUT /api/proposals/{proposalId}', 'page /decisions/[id]/edit/'],
  })),
  'votes-of-people': pattern(() => ({
    entity: 'vote',
    does: 'The votes of one page of a syndicate’s members on one proposal, batched: the reminder skips those who voted.',
    operation: 'BatchGetItem',
    key: k.voteKeys(v('proposalId'), v('personId')),
    reads: 'items by key',
    bound: 'one page of members (100)',
    usedBy: ['stream: notifications'],
  })),
  'proposals-closing': pattern(() => ({
    entity: 'proposal',
    does: 'The open proposals whose window ends within the next day, soonest first, a page at a time: the sweep flags them.',
    operation: 'Query',
    key: k.dueProposals,
    reads: 'a page',
    usedBy: ['sweep: proposals closing soon'],
    partition: {
      single:
        'the same gsi2 partition as `proposals-due`, read by the same sweep: pages of 25 not yet flagged (a filter reads past those flagged), at most 8 a run',
    },
  })),
  'proposal-closing-soon': pattern(() => ({
    entity: 'proposal',
    does: 'Flags an open proposal as closing within a day, once (conditional on the flag being absent): the stream reminds who has not voted.',
    operation: 'UpdateItem',
    key: k.proposalLookup(v('proposalId')),
    reads: 'writes',
    usedBy: ['sweep: proposals closing soon'],
  })),
  'proposal-notice': pattern(() => ({
    entity: 'proposal-notice',
    does: 'Moves a proposal’s notification fan-out to its next page of members, only forwards.',
    operation: 'PutItem',
    key: k.proposalNoticeKeys(v('proposalId'), v('stage')),
    reads: 'writes',
    usedBy: ['stream: notifications'],
  })),

  // The registry log.
  'log-head': pattern(() => ({
    entity: 'log-head',
    does: 'The log’s head, strongly consistent: every append starts from it.',
    operation: 'GetItem',
    key: k.logHeadKeys,
    reads: 'one item',
    usedBy: [
      'GET /api/registry-log/head',
      'GET /api/registry-log/proofs/inclusion',
      'GET /api/registry-log/proofs/consistency',
      'GET /api/innovations/{innovationId}/log',
      'page /innovations/log/',
      'job: verify log',
    ],
    partition: { single: 'the serialisation point of every logged write: see below' },
  })),
  'log-append': pattern(() => ({
    entity: 'log-entry',
    does: 'Appends an entry: one transaction with the write it logs, conditional on the head’s size.',
    operation: 'TransactWriteItems',
    key: k.logEntryKeys(n('index', 12), v('innovationId')),
    reads: 'writes',
    usedBy: [
      'POST /api/innovations/{innovationId}/publication',
      'PUT /api/innovations/{innovationId}/adoptions/{syndicateId}',
      'POST /api/innovations/{innovationId}/adoptions/{syndicateId}/reports',
      'POST /api/innovations/{innovationId}/reports/{reportId}/settlement',
      'PUT /api/syndicates/{id}/credit-limit',
      'PUT /api/people/{id}/credit-limit',
    ],
    partition: { single: 'appends are serialised by the head on purpose: see below' },
  })),
  'log-entry-by-index': pattern(() => ({
    entity: 'log-entry',
    does: 'One entry by index.',
    operation: 'GetItem',
    key: k.logEntryLookup(n('index', 12)),
    reads: 'one item',
    usedBy: ['page /innovations/log/', 'job: verify log'],
    partition: { single: 'one entry of the log’s one partition (see log-entries-range)' },
  })),
  'log-entries-range': pattern(() => ({
    entity: 'log-entry',
    does: 'A range of entries in index order (the index is its own cursor).',
    operation: 'Query',
    key: {
      pk: k.registryLogPartition,
      between: [k.logEntryLookup(n('start', 12)).sk, k.logEntryLookup(n('end', 12)).sk],
    },
    reads: 'a page',
    bound: 'at most 1,000 entries a read (maxEntriesRead)',
    usedBy: ['GET /api/registry-log/entries', 'page /innovations/log/', 'job: verify log', 'job: log backfill'],
    partition: {
      single:
        'the log is one append-only sequence: entries are written one at a time through the head, and read as windows of at most 1,000',
    },
  })),
  'log-subtree-nodes': pattern(() => ({
    entity: 'log-entry',
    does: 'Stored subtree hashes for a proof, read from the entries that completed them.',
    operation: 'BatchGetItem',
    key: k.logEntryLookup(n('index', 12)),
    reads: 'items by key',
    bound: 'O(log n) entries a proof',
    partition: { single: 'entries of the log’s one partition, by key (see log-entries-range)' },
    usedBy: [
      'GET /api/registry-log/proofs/inclusion',
      'GET /api/registry-log/proofs/consistency',
      'GET /api/innovations/{innovationId}/log',
      'POST /api/innovations/{innovationId}/publication',
    ],
  })),
  'log-subtrees-mark': pattern(() => ({
    entity: 'log-subtrees-mark',
    does: 'Whether the backfill has given every older entry its subtree hashes: one read, then nothing to do.',
    operation: 'GetItem',
    key: k.logSubtreesMarkKeys,
    reads: 'one item',
    usedBy: ['job: log backfill'],
    partition: { single: 'one item of the log’s one partition, read once a start and written once' },
  })),
  'settlements-listed-mark': pattern(() => ({
    entity: 'settlements-listed-mark',
    does: 'Whether the backfill has listed every settled report under its record: one read, then nothing to do.',
    operation: 'GetItem',
    key: k.settlementsListedMarkKeys,
    reads: 'one item',
    usedBy: ['job: log backfill'],
    partition: { single: 'one item of the log’s one partition, read once a start and written once' },
  })),
  'settlement-listing': pattern(() => ({
    entity: ['value-report', 'innovation'],
    does: 'Lists a report settled before settlements were listed (its gsi2 keys) and adds its value to its record’s `valueListed`, in one transaction, unless it is listed already.',
    operation: 'TransactWriteItems',
    key: k.settledReportKeys(v('innovationId'), v('reportId'), v('settledAt')),
    reads: 'writes',
    usedBy: ['job: log backfill'],
  })),
  'log-entries-of-record': pattern(() => ({
    entity: 'log-entry',
    does: 'The entries about one record, oldest first, a page at a time.',
    operation: 'Query',
    key: k.recordLogEntriesKey(v('innovationId')),
    reads: 'a page',
    usedBy: ['GET /api/innovations/{innovationId}/log', 'page /innovations/[id]/'],
  })),

  // The economy's figures (derived from the stream).
  'economy-account-figures': pattern(() => ({
    entity: 'economy-account',
    does: 'An account’s economy figures, strongly consistent: the count of its next line is conditional on them.',
    operation: 'GetItem',
    key: k.economyAccountKeys(v('accountId')),
    reads: 'one item',
    usedBy: ['stream: economy', 'job: economy backfill'],
  })),
  'economy-count': pattern(() => ({
    entity: ['economy-line-mark', 'economy-account', 'economy-summary', 'economy-month', 'economy-month-total'],
    does: 'Counts one line: its mark once, the account’s figures over their revision, the summary’s and its days’ months’ increments, and those months’ totals.',
    operation: 'TransactWriteItems',
    key: k.economyLineMarkKeys(v('accountId'), v('at'), v('sourceId'), n('sequence', 3)),
    reads: 'writes',
    usedBy: ['stream: economy', 'job: economy backfill'],
    partition: {
      single:
        'the summary, the day’s month and its totals are one item each, written once per counted line (the month at up to ~17 write units, its size); lines come from payments and settlements, which the registry log’s head holds to a few dozen a second, under an item’s 1,000 write units a second',
    },
  })),
  'economy-period': pattern(() => ({
    entity: ['economy-summary', 'ledger-totals', 'economy-month', 'economy-month-total'],
    does: 'The economy’s summary, the ledger’s totals and the months of a period (at most 13 for a year: the totals of those it covers whole, the days of the others), in one BatchGetItem.',
    operation: 'BatchGetItem',
    key: k.economyMonthKeys(v('month')),
    reads: 'items by key',
    bound: 'the months the period touches (at most 13 for 366 days), with the summary and the totals',
    usedBy: ['GET /api/economy', 'page /economy/'],
    partition: {
      single:
        'the summary and one item a month, each written once per counted line (lines come from payments and settlements, which the registry log’s head holds to a few dozen a second); a read is at most 15 items by key',
    },
  })),
  'economy-snapshot': pattern(() => ({
    entity: 'economy-snapshot',
    does: 'A standard period’s figures as last kept: the whole answer of GET /api/economy for 7, 30, 90 or 365 days while its day is today.',
    operation: 'GetItem',
    key: k.economySnapshotKeys(n('days', 3)),
    reads: 'one item',
    usedBy: ['GET /api/economy', 'page /economy/'],
    partition: {
      single:
        'four small items read by every visitor, each rewritten once per stream batch that counted anything (the registry log’s head holds lines to a few dozen a second) and the answer cached a minute (`max-age=60`): far under an item’s 3,000 reads a second',
    },
  })),
  'economy-snapshot-read': pattern(() => ({
    entity: ['economy-summary', 'ledger-totals', 'economy-month', 'economy-month-total'],
    does: 'What the standard periods’ snapshots are computed from, serializably with the summary’s revision: the summary, the ledger’s totals, the days of their edge months and the totals of the months a year covers whole.',
    operation: 'TransactGetItems',
    key: k.economyMonthKeys(v('month')),
    reads: 'items by key',
    bound: 'at most 17: the summary, the totals, four months of days and twelve months’ totals',
    usedBy: ['stream: economy', 'GET /api/economy', 'page /economy/', 'job: economy backfill'],
    partition: {
      single: 'once per stream batch that counted anything, and once a day on a read when no batch came since midnight',
    },
  })),
  'economy-snapshot-keep': pattern(() => ({
    entity: 'economy-snapshot',
    does: 'Keeps a standard period’s snapshot over one of an earlier day, or of the same day at an earlier revision.',
    operation: 'PutItem',
    key: k.economySnapshotKeys(n('days', 3)),
    reads: 'writes',
    usedBy: ['stream: economy', 'GET /api/economy', 'page /economy/', 'job: economy backfill'],
    partition: { single: 'four items, each written once per stream batch that counted anything, and once a day' },
  })),
  'economy-prune': pattern(() => ({
    entity: ['economy-month', 'economy-month-total'],
    does: 'The months (days and totals) wholly before the longest period a reader may ask (366 days), deleted once a day.',
    operation: 'Query',
    key: k.economyMonthsThrough(v('month')),
    reads: 'a bounded set',
    bound: 'the months past a year: none on most days, one on the first after a month leaves the year',
    usedBy: ['sweep: expire openings'],
    partition: {
      single: 'one query a day of a few keys, beside the counts’ writes',
    },
  })),
  'economy-months': pattern(() => ({
    entity: ['economy-month', 'economy-month-total'],
    does: 'Every stored month’s days and totals, for the backfill to build the totals a month lacks.',
    operation: 'Query',
    key: k.economyMonths,
    reads: 'a bounded set',
    bound: 'the months a year’s period reaches (at most 14 with their totals, 28 items): the sweep prunes the rest',
    usedBy: ['job: economy backfill'],
    partition: { single: 'a job run by hand, a few dozen items at most' },
  })),
  'economy-legacy-days': pattern(() => ({
    entity: 'economy-day',
    does: 'The days the figures’ first version kept an item each, for the backfill to move into their months.',
    operation: 'Query',
    key: k.economyLegacyDays,
    reads: 'a bounded set',
    bound: 'the days counted before months held them (none once moved): nothing writes them any more',
    usedBy: ['job: economy backfill'],
    partition: { single: 'a job run by hand, once, deleting what it reads' },
  })),
  'economy-backfill-mark': pattern(() => ({
    entity: 'economy-backfill-mark',
    does: 'Where the economy’s backfill stopped, so a run resumes there and a finished one is one read.',
    operation: 'GetItem',
    key: k.economyBackfillMarkKeys,
    reads: 'one item',
    usedBy: ['job: economy backfill'],
    partition: { single: 'one item, written once an account by a job run by hand' },
  })),

  // The shortage index (derived from the stream) and the write limits.
  'shortage-source-applied': pattern(() => ({
    entity: 'shortage-source',
    does: 'What the index last applied for one source, strongly consistent: it guards the next change.',
    operation: 'GetItem',
    key: k.shortageSourceKeys(v('sourceKey')),
    reads: 'one item',
    usedBy: ['stream: shortage consumer'],
  })),
  'shortage-source-state': pattern(() => ({
    entity: ['opening', 'person', 'enrollment', 'trainee'],
    does: 'One source’s current state (an opening, a person, an enrollment with its trainee mark, or a want or an order by the key its stream record carried), strongly consistent.',
    operation: 'GetItem',
    key: k.openingLookup(v('openingId')),
    reads: 'one item',
    usedBy: ['stream: shortage consumer'],
  })),
  'shortage-aggregates': pattern(() => ({
    entity: 'shortage',
    does: 'Every skill’s aggregate, in one query: the ranking.',
    operation: 'Query',
    key: { gsi1pk: k.shortageListKey },
    reads: 'a bounded set',
    bound:
      'one item per skill of the commons (compiled at deploy, 128 today), however many openings, people and enrollments the table holds; each item a few counters, the days of demand folded daily by the sweep',
    usedBy: [
      'GET /api/shortages',
      'GET /api/me/recommendations',
      'GET /api/me/best-matches',
      'page /jobs/',
      'page /shortages/',
      'sweep: expire openings',
      'job: shortage recompute',
    ],
    partition: {
      single:
        'only the shortage stream consumer writes it, one transaction per source change, so a burst waits in the stream rather than refusing a person’s write, at the pace of people’s edits, far below the 1,000 writes a second one partition of an index takes',
    },
  })),
  'shortage-fold': pattern(() => ({
    entity: 'shortage',
    does: 'Folds one skill’s demand days into its faded sum, on condition that what it replaces is as read (fold.ts).',
    operation: 'UpdateItem',
    key: k.shortageKeys(v('skillId')),
    reads: 'writes',
    usedBy: ['sweep: expire openings', 'job: shortage recompute'],
  })),
  'holders-of-skill': pattern(() => ({
    entity: 'shortage-holder',
    does: 'The available people holding a skill, a page at a time, by person id.',
    operation: 'Query',
    key: { pk: k.shortageLookup(v('skillId')).pk, prefix: k.shortageHolderPrefix },
    reads: 'a page',
    usedBy: ['GET /api/openings/{openingId}/readiness'],
  })),
  'holders-among': pattern(() => ({
    entity: 'shortage-holder',
    does: 'Which of some people hold a skill, by key, batched: readiness checks a page of the rarest skill’s holders against the others.',
    operation: 'BatchGetItem',
    key: k.shortageHolderKeys(v('skillId'), v('personId')),
    reads: 'items by key',
    bound: 'one page of the rarest skill’s holders (at most 100), at most 5 pages a request (readinessCap 500)',
    usedBy: ['GET /api/openings/{openingId}/readiness'],
  })),
  'readiness-of-opening': pattern(() => ({
    entity: 'opening-readiness',
    does: 'An opening’s kept readiness counts: they answer while younger than a few minutes.',
    operation: 'GetItem',
    key: k.openingReadinessKeys(v('openingId')),
    reads: 'one item',
    usedBy: ['GET /api/openings/{openingId}/readiness', 'page /jobs/[id]/'],
  })),
  'keep-readiness': pattern(() => ({
    entity: 'opening-readiness',
    does: 'Keeps an opening’s readiness counts, just made, in place of the last.',
    operation: 'PutItem',
    key: k.openingReadinessKeys(v('openingId')),
    reads: 'writes',
    usedBy: ['GET /api/openings/{openingId}/readiness', 'page /jobs/[id]/'],
  })),
  'shortage-snapshot': pattern(() => ({
    entity: 'shortage-snapshot',
    does: 'One day’s snapshot: what its federated Document says.',
    operation: 'GetItem',
    key: k.shortageSnapshotKeys(v('day')),
    reads: 'one item',
    usedBy: ['GET /api/federation/shortages/{date}'],
    partition: { single: 'one item a day, written once a day by the sweep; read by key' },
  })),
  'latest-shortage-snapshot': pattern(() => ({
    entity: 'shortage-snapshot',
    does: 'The newest snapshot: the partition read backwards, one item.',
    operation: 'Query',
    key: { pk: k.shortageSnapshotPartition },
    reads: 'a bounded set',
    bound: 'one item: the query reads backwards with a limit of 1',
    usedBy: ['GET /api/federation/shortages/{date}'],
    partition: { single: 'one item a day, written once a day by the sweep' },
  })),
  'shortage-snapshots': pattern(() => ({
    entity: 'shortage-snapshot',
    does: 'The daily snapshots from a day on, oldest first: the trend.',
    operation: 'Query',
    key: { pk: k.shortageSnapshotPartition, from: k.shortageSnapshotKeys(v('fromDay')).sk },
    reads: 'a bounded set',
    bound: 'one item a day, at most 366 days',
    usedBy: ['GET /api/shortages/trend', 'page /shortages/'],
    partition: { single: 'one item a day, written once a day by the sweep' },
  })),
  'store-probe': pattern(() => ({
    entity: 'health-probe',
    does: 'Whether the table answers reads: one read by a key nothing is stored under.',
    operation: 'GetItem',
    key: k.healthProbeKeys,
    reads: 'one item',
    usedBy: ['GET /api/health'],
    partition: {
      single:
        'nothing is written there, and monitors call /api/health a few times a minute, far under the 3,000 reads a second one partition takes',
    },
  })),
  'write-limit': pattern(() => ({
    entity: 'rate-window',
    does: 'Counts a write against the person’s limit, refused past it (one conditional update).',
    operation: 'UpdateItem',
    key: k.rateWindowKeys(v('identity'), n('window')),
    reads: 'writes',
    usedBy: ['every write'],
  })),
  // A person's data as a whole: their CV, the export and the account deletion.
  'cv-by-person': pattern(() => ({
    entity: 'cv',
    does: 'What is kept about a person’s CV.',
    operation: 'GetItem',
    key: k.cvKeys(v('personId')),
    reads: 'one item',
    usedBy: [
      'GET /api/me/cv',
      'DELETE /api/me/cv',
      'GET /api/openings/{openingId}/applications/{personId}/cv',
      'PUT /api/openings/{openingId}/applications/me',
      'page /me/profile/cv/',
      'page /me/profile/cv.pdf',
      'page /jobs/[id]/',
      'page /jobs/[id]/applicants/[personId]/cv.pdf',
    ],
  })),
  'cv-save': pattern(() => ({
    entity: 'cv',
    does: 'Records a person’s CV, replacing the one before.',
    operation: 'PutItem',
    key: k.cvKeys(v('personId')),
    reads: 'writes',
    usedBy: ['PUT /api/me/cv', 'page /me/profile/cv/'],
  })),
  'cv-remove': pattern(() => ({
    entity: 'cv',
    does: 'Forgets a person’s CV.',
    operation: 'DeleteItem',
    key: k.cvKeys(v('personId')),
    reads: 'writes',
    usedBy: ['DELETE /api/me/cv', 'page /me/profile/cv/'],
  })),
  'person-partition-paged': pattern(() => ({
    entity: 'any',
    does: 'Everything under a person’s own partition (profile, CV, enrollments, attempts, held skills…), a page at a time.',
    operation: 'Query',
    key: k.personPartition(v('personId')),
    reads: 'a page',
    usedBy: ['GET /api/me/export', 'DELETE /api/me', 'page /me/data.json', 'page /me/delete/'],
  })),
  'inbox-partition-paged': pattern(() => ({
    entity: ['notification', 'inbox-counter'],
    does: 'Everything in a person’s inbox partition (notifications and the unread count), a page at a time.',
    operation: 'Query',
    key: k.inboxPartition(v('personId')),
    reads: 'a page',
    usedBy: ['GET /api/me/export', 'DELETE /api/me', 'page /me/data.json', 'page /me/delete/'],
  })),
  'person-listing-paged': pattern(() => ({
    entity: 'any',
    does: 'Everything gsi1 lists under a person (credentials, memberships, applications, inventor links…), a page at a time.',
    operation: 'Query',
    key: k.personListing(v('personId')),
    reads: 'a page',
    usedBy: ['GET /api/me/export', 'DELETE /api/me', 'page /me/data.json', 'page /me/delete/'],
  })),
  'idempotency-of-person-paged': pattern(() => ({
    entity: 'idempotency-key',
    does: 'The first answers kept for a person’s idempotency keys, a page at a time.',
    operation: 'Query',
    key: k.idempotencyOf(v('personId')),
    reads: 'a page',
    usedBy: ['GET /api/me/export', 'DELETE /api/me', 'page /me/data.json', 'page /me/delete/'],
  })),
  'account-partition-paged': pattern(() => ({
    entity: ['account', 'ledger-entry', 'credit-limit-change'],
    does: 'A Bound account with its entries and credit-limit changes, a page at a time.',
    operation: 'Query',
    key: k.accountPartition(v('accountId')),
    reads: 'a page',
    usedBy: ['GET /api/me/export', 'page /me/data.json', 'job: economy backfill'],
  })),
  'below-application-paged': pattern(() => ({
    entity: 'any',
    does: 'What is kept below one application’s key (a thread, notes), a page at a time.',
    operation: 'Query',
    key: k.applicationScope(v('openingId'), v('personId')),
    reads: 'a page',
    usedBy: ['DELETE /api/me', 'page /me/delete/'],
  })),
  'thread-partition-paged': pattern(() => ({
    entity: ['application-message', 'application-message-id'],
    does: 'An application’s whole thread partition, a page at a time, for the data download and the account deletion.',
    operation: 'Query',
    key: k.applicationThreadPartition(v('openingId'), v('personId')),
    reads: 'a page',
    usedBy: ['GET /api/me/export', 'DELETE /api/me', 'page /me/data.json', 'page /me/delete/'],
  })),
  'notes-partition-paged': pattern(() => ({
    entity: 'application-note',
    does: 'An application’s notes partition, a page at a time, for the account deletion.',
    operation: 'Query',
    key: k.applicationNotesPartition(v('openingId'), v('personId')),
    reads: 'a page',
    usedBy: ['DELETE /api/me', 'page /me/delete/'],
  })),
  'person-remove': pattern(() => ({
    entity: 'person',
    does: 'Removes a person’s profile item: the first step of an account deletion.',
    operation: 'DeleteItem',
    key: k.personKeys(v('personId')),
    reads: 'writes',
    usedBy: ['DELETE /api/me', 'page /me/delete/'],
  })),
  'person-data-remove': pattern(() => ({
    entity: 'any',
    does: 'Removes a person’s items by key, 25 to a batch: the account deletion.',
    operation: 'BatchWriteItem',
    key: {},
    reads: 'writes',
    usedBy: ['DELETE /api/me', 'page /me/delete/'],
  })),
  'person-data-remove-fields': pattern(() => ({
    entity: ['order', 'vote'],
    does: 'Takes the person’s own words out of a record others share (an order’s dispute reason, a vote’s reason), if it is still there: the account deletion.',
    operation: 'UpdateItem',
    key: {},
    reads: 'writes',
    usedBy: ['DELETE /api/me', 'page /me/delete/'],
  })),
  'saved-search-feed-remove': pattern(() => ({
    entity: 'saved-search-feed',
    does: 'Removes a saved search’s feed address, named by the token on the saved search, before the saved search itself: the account deletion.',
    operation: 'BatchWriteItem',
    key: k.feedTokenKeys(v('tokenHash')),
    reads: 'writes',
    usedBy: ['DELETE /api/me', 'page /me/delete/'],
  })),
  'account-deletion-by-person': pattern(() => ({
    entity: 'account-deletion',
    does: 'Whether, and how far, a person’s account was deleted (strongly consistent).',
    operation: 'GetItem',
    key: k.accountDeletionKeys(v('personId')),
    reads: 'one item',
    usedBy: ['DELETE /api/me', 'GET /api/me', 'page /me/delete/', 'every write'],
  })),
  'account-deletion-start': pattern(() => ({
    entity: 'account-deletion',
    does: 'Records that a deletion started, once; a second start finds the first.',
    operation: 'PutItem',
    key: k.accountDeletionKeys(v('personId')),
    reads: 'writes',
    usedBy: ['DELETE /api/me', 'page /me/delete/'],
  })),
  'account-deletion-finish': pattern(() => ({
    entity: 'account-deletion',
    does: 'Marks a deletion done.',
    operation: 'UpdateItem',
    key: k.accountDeletionKeys(v('personId')),
    reads: 'writes',
    usedBy: ['DELETE /api/me', 'page /me/delete/'],
  })),

  'idempotency-claim': pattern(() => ({
    entity: 'idempotency-key',
    does: 'Claims an idempotency key, or hands back the first answer in the same round trip.',
    operation: 'PutItem',
    key: k.idempotencyKeys(v('personId'), v('command'), v('key')),
    reads: 'writes',
    usedBy: ['every write'],
  })),

  // Jobs: never behind a request.
  'reindex-scan': pattern(() => ({
    entity: 'any',
    does: 'A parallel Scan of the whole table, a page at a time, resumable: the reindex after a deploy.',
    operation: 'Scan',
    key: {},
    reads: 'the table',
    usedBy: ['job: reindex'],
  })),
  'people-draw-backfill-scan': pattern(() => ({
    entity: 'person',
    does: 'Every profile without a place in the panel draw, by Scan, each given one: the draw backfill, once after a deploy.',
    operation: 'Scan',
    key: {},
    reads: 'the table',
    usedBy: ['job: people draw backfill'],
  })),
  'follower-hosts-backfill-scan': pattern(() => ({
    entity: 'follower',
    does: 'Every follower without the host index (kept before it), by Scan, each put on it: the follower-hosts backfill, once after a deploy.',
    operation: 'Scan',
    key: {},
    reads: 'the table',
    usedBy: ['job: follower hosts backfill'],
  })),
  'shortage-recompute-scan': pattern(() => ({
    entity: 'any',
    does: 'Every source and every stored contribution, by Scan: the shortage recompute and its check.',
    operation: 'Scan',
    key: {},
    reads: 'the table',
    usedBy: ['job: shortage recompute'],
  })),
  // Notifications: each person's inbox partition (notifications and the unread counter).
  'notification-add-once': pattern(() => ({
    entity: ['notification', 'inbox-counter'],
    does: 'Stores a notification unless its id is taken (a replayed stream record), and counts it unread, in one transaction; one older than the read mark is stored read, uncounted.',
    operation: 'TransactWriteItems',
    key: k.notificationKeys(v('personId'), v('notificationId')),
    reads: 'writes',
    usedBy: ['stream: notifications'],
  })),
  'notification-mark-mailed': pattern(() => ({
    entity: 'notification',
    does: 'Records that a notification’s email went out, so a retry never sends it again.',
    operation: 'UpdateItem',
    key: k.notificationKeys(v('personId'), v('notificationId')),
    reads: 'writes',
    usedBy: ['stream: notifications'],
  })),
  'notification-by-id': pattern(() => ({
    entity: 'notification',
    does: 'One notification of one person: whether a mark-read missed it or it was read already.',
    operation: 'GetItem',
    key: k.notificationKeys(v('personId'), v('notificationId')),
    reads: 'one item',
    usedBy: ['PUT /api/me/notifications/{notificationId}/read', 'stream: notifications'],
  })),
  'inbox-of-person': pattern(() => ({
    entity: 'notification',
    does: 'A person’s notifications, newest first, a page at a time.',
    operation: 'Query',
    key: k.inboxOf(v('personId')),
    reads: 'a page',
    usedBy: ['GET /api/me/notifications', 'POST /api/me/notifications/read-all', 'page /me/notifications/'],
  })),
  'inbox-first-page': pattern(() => ({
    entity: ['inbox-counter', 'notification'],
    does: 'The first page of a person’s inbox and its counter in one Query (the counter’s key sorts after every notification’s), newest first.',
    operation: 'Query',
    key: k.inboxOf(v('personId')),
    reads: 'a page',
    usedBy: ['GET /api/me/notifications', 'page /me/notifications/'],
  })),
  'inbox-counter': pattern(() => ({
    entity: 'inbox-counter',
    does: 'A person’s unread count and read mark: the header’s count, and the read state of a page.',
    operation: 'GetItem',
    key: k.inboxCounterKeys(v('personId')),
    reads: 'one item',
    usedBy: [
      'GET /api/me/notifications',
      'GET /api/me/notifications/unread-count',
      'page /me/notifications/',
      'stream: notifications',
    ],
  })),
  'notification-mark-read': pattern(() => ({
    entity: ['notification', 'inbox-counter'],
    does: 'Marks one notification read and the count one less, together; the count never goes below zero.',
    operation: 'TransactWriteItems',
    key: k.notificationKeys(v('personId'), v('notificationId')),
    reads: 'writes',
    usedBy: ['PUT /api/me/notifications/{notificationId}/read', 'page /me/notifications/'],
  })),
  'inbox-mark-all-read': pattern(() => ({
    entity: 'inbox-counter',
    does: 'Sets the read mark at the newest notification and the count to zero, conditional on the count read: one write, whatever the inbox holds.',
    operation: 'UpdateItem',
    key: k.inboxCounterKeys(v('personId')),
    reads: 'writes',
    usedBy: ['POST /api/me/notifications/read-all', 'page /me/notifications/'],
  })),
  'admins-of-syndicate': pattern(() => ({
    entity: 'membership',
    does: 'The active admins of a syndicate, for the notifications they receive (a filter on its memberships).',
    operation: 'Query',
    key: k.syndicateMembers(v('syndicateId')),
    reads: 'a bounded set',
    bound: 'at most 5 reads of 1 MB (thousands of memberships) and 100 admins: an event is not a broadcast',
    usedBy: ['stream: notifications'],
  })),
};

export type PatternName = keyof typeof accessPatterns;

/**
 * Items every writer of some kind must pass through one at a time, on purpose. Each is a limit on
 * throughput that no index or shard lifts; it is written here with what was measured.
 */
export const serialisationPoints = {
  'registry-log-head': traced(() => ({
    item: k.logHeadKeys,
    why: 'Every logged write (publication, adoption, value report, settlement, credit-limit change, payment) is one transaction conditional on the head’s size, so the log never forks and its entries keep one order: appends happen one at a time, whatever else the transaction writes. A loser re-reads the head and retries with exponential backoff and full jitter, inside a time budget under the functions’ timeout, then answers 503 busy having written nothing.',
    limit:
      'measured on DynamoDB Local (`npm run bench:log-head`, README benchmarks; one machine whose 2 cores other jobs shared): 69 appends a second from one writer (p95 40 ms), 29 a second with 10 racing (p95 1.7 s, 2.4 tries an append), 22 a second with 50 (p95 4.6 s; 16 of 200 ran out of the 6 s retry budget and were refused with a 503, nothing written). On DynamoDB one item takes at most 1,000 writes a second and a transaction ~10–25 ms, so the head passes about 40–100 logged writes a second at best: far above the pace of publications and settlements a commons makes, and the reason nothing frequent (applications, enrollments) is ever logged. Payments are logged (issue 16: every movement of Bound is in the log), so the commons’ whole trade shares this ceiling: a trading day of a few thousand members fits, a Sardex-sized one (thousands of payments an hour at peak) is near it, and past it the log would need appends batched.',
  })),
};
