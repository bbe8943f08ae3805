// Key composition for every entity in the single table, in one place. Each access pattern in the
// repositories uses these builders; nothing else writes a key string.

export const personKeys = (personId: string) => ({ pk: `PERSON#${personId}`, sk: 'PROFILE' });

/** A person's CV: what is kept beside the file (its size and when it came); the file is in the file store. */
export const cvKeys = (personId: string) => ({ pk: `PERSON#${personId}`, sk: 'CV' });

/**
 * Says a person's account was deleted (or is being deleted): kept under their partition after
 * everything else there is gone, so a deletion that was cut short resumes and a later sign-in is told.
 */
export const accountDeletionKeys = (personId: string) => ({ pk: `PERSON#${personId}`, sk: 'DELETED' });

/** Everything under a person's own partition: profile, CV, enrollments, attempts, held skills, and more. */
export const personPartition = (personId: string) => ({ pk: `PERSON#${personId}` });
/** Everything gsi1 lists under a person: credentials, memberships, applications, inventor links, and more. */
export const personListing = (personId: string) => ({ gsi1pk: `PERSON#${personId}` });
/** A person's kept idempotency answers (the first answer to each key they sent), any command. */
export const idempotencyOf = (personId: string) => ({ pk: `IDEMPOTENCY#${personId}` });
/**
 * Items kept below one application's key (`APPLY#<personId>#…`: a thread, notes), not the application
 * itself: the `#` after the id keeps another person whose id starts the same out.
 */
export const applicationScope = (openingId: string, personId: string) => ({
  pk: `OPENING#${openingId}`,
  prefix: `APPLY#${personId}#`,
});
/** Everything under a ledger account: the account, its entries and its credit-limit changes. */
export const accountPartition = (accountId: string) => ({ pk: `ACCOUNT#${accountId}` });

/** An enrollment lives with its learner; gsi1 lists a course's learners (supply for shortages). */
export const enrollmentKeys = (personId: string, courseId: string) => ({
  pk: `PERSON#${personId}`,
  sk: `ENROLL#${courseId}`,
  gsi1pk: `COURSE#${courseId}`,
  gsi1sk: `ENROLL#${personId}`,
});
const enrollmentPrefix = 'ENROLL#';
/**
 * A learner in a filled training place for a course (openings/training-place.ts): one per learner and
 * course, beside their enrollment, so the shortage index reads both by key and counts them once.
 */
export const traineeKeys = (personId: string, courseId: string) => ({
  pk: `PERSON#${personId}`,
  sk: `TRAINEE#${courseId}`,
});
/** A learner's enrollments, by course id: one person's partition. */
export const enrollmentsOf = (personId: string) => ({ pk: `PERSON#${personId}`, prefix: enrollmentPrefix });

/** Attempts sort by number within a course, zero-padded so string order is numeric order. */
export const attemptKeys = (personId: string, courseId: string, attempt: number) => ({
  pk: `PERSON#${personId}`,
  sk: `ATTEMPT#${courseId}#${String(attempt).padStart(4, '0')}`,
});
/** A learner's attempts at one course's quiz, by number: one person's partition, read a page at a time. */
export const attemptList = (personId: string, courseId: string) => ({
  pk: `PERSON#${personId}`,
  prefix: `ATTEMPT#${courseId}#`,
});

/** A credential by id; gsi1 lists a person's credentials by issue date. */
export const credentialKeys = (credentialId: string, personId: string, issuedAt: string) => ({
  pk: `CRED#${credentialId}`,
  sk: 'CRED',
  gsi1pk: `PERSON#${personId}`,
  gsi1sk: `CRED#${issuedAt}`,
});
export const credentialLookup = (credentialId: string) => ({ pk: `CRED#${credentialId}`, sk: 'CRED' });
/** A person's credentials (gsi1), by issue date. */
export const credentialsOf = (personId: string) => ({ gsi1pk: `PERSON#${personId}`, prefix: 'CRED#' });

/**
 * A learner's practical work on one course (evidence, the syndicate asked, reviews), with the learner. While
 * a syndicate is asked and tasks wait, gsi2 lists it under that syndicate (its assessors' queue), oldest first.
 */
export const assessmentKeys = (
  personId: string,
  courseId: string,
  waiting?: { syndicateId: string; requestedAt: string } | undefined,
) => ({
  pk: `PERSON#${personId}`,
  sk: `PRACTICAL#${courseId}`,
  ...(waiting
    ? { gsi2pk: `ASSESS#${waiting.syndicateId}`, gsi2sk: `${waiting.requestedAt}#${personId}#${courseId}` }
    : {}),
});
export const assessmentLookup = (personId: string, courseId: string) => ({
  pk: `PERSON#${personId}`,
  sk: `PRACTICAL#${courseId}`,
});
/** The practical work waiting for one syndicate's assessors (gsi2), oldest request first. */
export const assessmentsWaitingFor = (syndicateId: string) => ({ gsi2pk: `ASSESS#${syndicateId}` });

/** A skill a person holds by credential; gsi1 lists a skill's holders (supply for shortages). */
export const heldSkillKeys = (personId: string, skillId: string) => ({
  pk: `PERSON#${personId}`,
  sk: `SKILL#${skillId}`,
  gsi1pk: `SKILL#${skillId}`,
  gsi1sk: `PERSON#${personId}`,
});
const heldSkillPrefix = 'SKILL#';
/** The skills a person holds by credential, by skill id: one person's partition. */
export const heldSkillsOf = (personId: string) => ({ pk: `PERSON#${personId}`, prefix: heldSkillPrefix });

/** Marks what an item is; the stream indexer dispatches on it. */
export type EntityType =
  | 'person'
  | 'enrollment'
  | 'attempt'
  | 'credential'
  | 'assessment'
  | 'held-skill'
  | 'syndicate'
  | 'membership'
  | 'opening'
  | 'opening-readiness'
  | 'opening-skill'
  | 'application'
  | 'application-count'
  | 'application-message'
  | 'application-message-id'
  | 'application-note'
  | 'email-preferences'
  | 'email-suppression'
  | 'saved-search'
  | 'saved-search-count'
  | 'saved-search-feed'
  | 'follower'
  | 'person-follower'
  | 'fedify-kv';

/** A syndicate; gsi1 lists all syndicates by name. */
export const syndicateKeys = (syndicateId: string, name: string) => ({
  pk: `SYND#${syndicateId}`,
  sk: 'SYND',
  gsi1pk: 'SYNDICATES',
  gsi1sk: `${name.toLowerCase()}#${syndicateId}`,
});
export const syndicateLookup = (syndicateId: string) => ({ pk: `SYND#${syndicateId}`, sk: 'SYND' });
/** Every syndicate, by name (gsi1): one partition, read a page at a time. */
export const syndicateList = () => ({ gsi1pk: 'SYNDICATES' });

/** A membership lives with its syndicate; gsi1 lists a person's memberships. */
export const membershipKeys = (syndicateId: string, personId: string) => ({
  pk: `SYND#${syndicateId}`,
  sk: `MEMBER#${personId}`,
  gsi1pk: `PERSON#${personId}`,
  gsi1sk: `MEMBER#${syndicateId}`,
});

/**
 * A remote actor following a syndicate's Group actor, kept with the syndicate. Actor ids are URLs (up to
 * 2 KB, past a sort key's limit), so the key holds their SHA-256 (`actorDigest`, base64url).
 */
export const followerKeys = (syndicateId: string, actorDigest: string) => ({
  pk: `SYND#${syndicateId}`,
  sk: `FOLLOWER#${actorDigest}`,
});
/** A syndicate's remote followers. */
export const syndicateFollowers = (syndicateId: string) => ({ pk: `SYND#${syndicateId}`, prefix: 'FOLLOWER#' });
/**
 * gsi1 of a follower: every syndicate's followers in one index partition, by their actor's host as
 * `hostSortKey` writes it (domain/federation/instance-block.ts), so a block finds the followers on the
 * hosts it covers by a prefix of it, without a scan.
 */
export const followerHostKeys = (hostSortKey: string, syndicateId: string, actorDigest: string) => ({
  gsi1pk: 'FOLLOWER-HOSTS',
  gsi1sk: `${hostSortKey}#${syndicateId}#${actorDigest}`,
});
/** The followers whose host's sort key starts with `prefix` (gsi1). */
export const followersOnHosts = (prefix: string) => ({ gsi1pk: 'FOLLOWER-HOSTS', prefix });

/**
 * A remote actor following a person's `Person` actor (domain/federation/person-actor.ts), kept in the
 * person's partition: forgotten when they stop showing their profile, and with their account.
 */
export const personFollowerKeys = (personId: string, actorDigest: string) => ({
  pk: `PERSON#${personId}`,
  sk: `FOLLOWER#${actorDigest}`,
});
/** A person's remote followers. */
export const personFollowers = (personId: string) => ({ pk: `PERSON#${personId}`, prefix: 'FOLLOWER#' });

/**
 * One entry of Fedify's key-value store (its cache of remote documents and keys, its inbox's record of
 * activities seen), under its namespace (the key's first two parts) and its entry (the rest), both
 * encoded by adapters/dynamodb/fedify-kv-store.ts; expires by TTL where Fedify gives one.
 */
export const fedifyKvKeys = (namespace: string, entry: string) => ({ pk: `FEDKV#${namespace}`, sk: `KV#${entry}` });
/** The entries of one namespace whose entry starts with `entryPrefix` (Fedify's `list`). */
export const fedifyKvEntries = (namespace: string, entryPrefix: string) => ({
  pk: `FEDKV#${namespace}`,
  prefix: `KV#${entryPrefix}`,
});

/** A syndicate's memberships, members and requests, by person id. */
export const syndicateMembers = (syndicateId: string) => ({ pk: `SYND#${syndicateId}`, prefix: 'MEMBER#' });
/** A person's memberships (gsi1), by syndicate id. */
export const membershipsOf = (personId: string) => ({ gsi1pk: `PERSON#${personId}`, prefix: 'MEMBER#' });

/** An opening; gsi1 lists openings by status and date, gsi2 a syndicate's openings. */
export const openingKeys = (opening: {
  id: string;
  syndicateId: string;
  status: string;
  datePosted?: string | undefined;
  createdAt: string;
}) => ({
  pk: `OPENING#${opening.id}`,
  sk: 'OPENING',
  gsi1pk: `OPENINGS#${opening.status}`,
  gsi1sk: `${opening.datePosted ?? opening.createdAt}#${opening.id}`,
  gsi2pk: `SYND#${opening.syndicateId}`,
  gsi2sk: `OPENING#${opening.createdAt}#${opening.id}`,
});
export const openingLookup = (openingId: string) => ({ pk: `OPENING#${openingId}`, sk: 'OPENING' });
/** The openings in one status (gsi1), newest posted first: the board. One partition per status. */
export const openingsInStatus = (status: string) => ({ gsi1pk: `OPENINGS#${status}` });
/** A syndicate's openings, any status (gsi2), by creation. */
export const syndicateOpenings = (syndicateId: string) => ({ gsi2pk: `SYND#${syndicateId}`, prefix: 'OPENING#' });

/**
 * An open opening under one skill it asks, beside the opening (outside the `APPLY#` prefix); gsi1 lists
 * the open openings asking one skill, newest posted first, as the board sorts (opening-skill-index.ts).
 */
export const openingSkillKeys = (
  opening: { id: string; datePosted?: string | undefined; createdAt: string },
  skillId: string,
) => ({
  pk: `OPENING#${opening.id}`,
  sk: `ASKS#${skillId}`,
  gsi1pk: `OPEN-ASKING#${skillId}`,
  gsi1sk: `${opening.datePosted ?? opening.createdAt}#${opening.id}`,
});
/** The open openings asking one skill (gsi1), newest posted first: the board filtered by skill. */
export const openOpeningsAsking = (skillId: string) => ({ gsi1pk: `OPEN-ASKING#${skillId}` });

/**
 * An opening's readiness counts as last computed, beside it (outside the `APPLY#` prefix): kept a few
 * minutes and then counted again (domain/shortages/opening-readiness.ts); TTL removes a forgotten one.
 */
export const openingReadinessKeys = (openingId: string) => ({ pk: `OPENING#${openingId}`, sk: 'READINESS' });

/** One application per person and opening: the key itself makes a second impossible. */
export const applicationKeys = (openingId: string, personId: string, createdAt: string) => ({
  pk: `OPENING#${openingId}`,
  sk: `APPLY#${personId}`,
  gsi1pk: `PERSON#${personId}`,
  gsi1sk: `APPLY#${createdAt}#${openingId}`,
});
export const applicationLookup = (openingId: string, personId: string) => ({
  pk: `OPENING#${openingId}`,
  sk: `APPLY#${personId}`,
});
/** An opening's applications, by person id. */
export const openingApplications = (openingId: string) => ({ pk: `OPENING#${openingId}`, prefix: 'APPLY#' });
/** A person's applications (gsi1), by date. */
export const applicationsOf = (personId: string) => ({ gsi1pk: `PERSON#${personId}`, prefix: 'APPLY#' });
/** How many applications an opening has taken, kept beside it (outside the `APPLY#` prefix): the cap. */
export const applicationCountKeys = (openingId: string) => ({ pk: `OPENING#${openingId}`, sk: 'APPLICATIONS' });

/** An application's thread is its own partition: a message sorts by time, then id. */
const threadPartition = (openingId: string, applicantId: string) => `THREAD#${openingId}#${applicantId}`;
export const applicationMessageKeys = (openingId: string, applicantId: string, at: string, messageId: string) => ({
  pk: threadPartition(openingId, applicantId),
  sk: `MSG#${at}#${messageId}`,
});
/** A message id once used in a thread: the condition that writes a message once, whenever it is retried. */
export const applicationMessageIdKeys = (openingId: string, applicantId: string, messageId: string) => ({
  pk: threadPartition(openingId, applicantId),
  sk: `MSGID#${messageId}`,
});
/** An application's messages, in time order. */
export const applicationThread = (openingId: string, applicantId: string) => ({
  pk: threadPartition(openingId, applicantId),
  prefix: 'MSG#',
});

/**
 * An application's place in its opening's ranking (gsi2), written on the application while it stands
 * (not withdrawn): the best match first (the score, then how many skills are held, both counted down
 * from 999 so ascending order is best first), then whoever applied first. Scores stay under 40 (12
 * skills at most, 3 points each).
 */
export const applicantRankKeys = (
  openingId: string,
  match: { score: number; holds: number },
  createdAt: string,
  personId: string,
) => ({
  gsi2pk: `APPLICANTS#${openingId}`,
  gsi2sk: `${countDown(match.score)}#${countDown(match.holds)}#${createdAt}#${personId}`,
});
/** 999 less the value, in three digits, so ascending order puts the highest first (the catalogue's placeholder passes). */
const countDown = (value: number) => pad(Number.isInteger(value) ? Math.max(0, 999 - value) : value, 3);
/** An opening's standing applications (gsi2), best match first: the ranking, a page at a time. */
export const rankedApplicantsOf = (openingId: string) => ({ gsi2pk: `APPLICANTS#${openingId}` });

/**
 * A private note of the syndicate's admins on one application, by id (derived from the request's
 * idempotency key, so a request run twice writes one note); gsi1 lists an application's notes in time order.
 */
export const applicationNoteKeys = (openingId: string, personId: string, noteId: string, at: string) => ({
  pk: `NOTES#${openingId}#${personId}`,
  sk: `NOTE#${noteId}`,
  gsi1pk: `NOTES#${openingId}#${personId}`,
  gsi1sk: `${at}#${noteId}`,
});
/** One application's notes (gsi1), in time order: one application's partition. */
export const applicationNotesOf = (openingId: string, personId: string) => ({
  gsi1pk: `NOTES#${openingId}#${personId}`,
});

/** An application's whole thread partition (its messages and their once-only ids): an account deletion removes it. */
export const applicationThreadPartition = (openingId: string, applicantId: string) => ({
  pk: threadPartition(openingId, applicantId),
});
/** One application's notes partition: an account deletion removes it with the application. */
export const applicationNotesPartition = (openingId: string, personId: string) => ({
  pk: `NOTES#${openingId}#${personId}`,
});

/** A key nothing is written under: the store's health check reads it (store-probe.ts). */
export const healthProbeKeys = { pk: 'HEALTH', sk: 'PROBE' } as const;

/** A write counter for one identity in one time window (rate limiting); expires by TTL. */
export const rateWindowKeys = (key: string, window: number) => ({ pk: `RATE#${key}`, sk: `W#${window}` });

/** One idempotency key of one person for one command: the first answer, kept 24 hours (TTL). */
export const idempotencyKeys = (personId: string, command: string, key: string) => ({
  pk: `IDEMPOTENCY#${personId}`,
  sk: `${command}#${key}`,
});

// Innovations, the Bound ledger and the registry log. Numbers in sort keys are zero-padded so string
// order is numeric order.
const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** An innovation record; gsi1 lists published records by first publication (drafts are in no list). */
export const innovationKeys = (record: { id: string; status: string; publishedAt?: string | undefined }) => ({
  pk: `INNOV#${record.id}`,
  sk: 'RECORD',
  ...(record.status === 'published' && record.publishedAt
    ? { gsi1pk: 'INNOVATIONS#published', gsi1sk: `${record.publishedAt}#${record.id}` }
    : {}),
});
export const innovationLookup = (innovationId: string) => ({ pk: `INNOV#${innovationId}`, sk: 'RECORD' });
/**
 * The registry: every published record in one gsi1 partition, by first publication. One partition is
 * enough: a record enters it once, on its first publication, and later writes to the record (adoption
 * counts, totals) rewrite its index entry at the pace of adoptions and settlements, which the registry
 * log's head already holds to a few dozen a second (registry-log-repository.ts); reads are paged.
 */
export const publishedRecordsKey = { gsi1pk: 'INNOVATIONS#published' } as const;
/** A person's records through their inventor links (gsi1), newest first. */
export const inventorRecordsKey = (personId: string) => ({ gsi1pk: `PERSON#${personId}`, prefix: 'INVENTS#' });
/** The sort-key prefix of each kind of item kept under a record (and, on gsi1, under a syndicate). */
const recordItemPrefix = { versions: 'VERSION#', adoptions: 'ADOPT#', reports: 'REPORT#' } as const;
/** A record's versions, adoptions (by syndicate id) or value reports (by id), under its partition. */
export const recordItemsKey = (innovationId: string, kind: keyof typeof recordItemPrefix) => ({
  pk: `INNOV#${innovationId}`,
  prefix: recordItemPrefix[kind],
});

/** A version lives with its record. */
export const innovationVersionKeys = (innovationId: string, version: number) => ({
  pk: `INNOV#${innovationId}`,
  sk: `VERSION#${pad(version, 4)}`,
});

/** Links a record to each inventor; gsi1 lists a person's records, drafts included. */
export const inventorLinkKeys = (innovationId: string, personId: string, createdAt: string) => ({
  pk: `INNOV#${innovationId}`,
  sk: `INVENTOR#${personId}`,
  gsi1pk: `PERSON#${personId}`,
  gsi1sk: `INVENTS#${createdAt}#${innovationId}`,
});

/** One adoption per record and syndicate: the key makes a second impossible; gsi1 lists a syndicate's. */
export const adoptionKeys = (innovationId: string, syndicateId: string, adoptedAt: string) => ({
  pk: `INNOV#${innovationId}`,
  sk: `ADOPT#${syndicateId}`,
  gsi1pk: `SYND#${syndicateId}`,
  gsi1sk: `ADOPT#${adoptedAt}#${innovationId}`,
});
export const adoptionLookup = (innovationId: string, syndicateId: string) => ({
  pk: `INNOV#${innovationId}`,
  sk: `ADOPT#${syndicateId}`,
});

const settledReportPrefix = 'SETTLED#';
/** Where a settled report is listed among its record's settlements (gsi2), by settlement time. */
export const settledReportKeys = (innovationId: string, reportId: string, settledAt: string) => ({
  gsi2pk: `INNOV#${innovationId}`,
  gsi2sk: `${settledReportPrefix}${settledAt}#${reportId}`,
});
/**
 * A value report lives with its record; gsi1 lists a syndicate's reports by date. A settled report is
 * also on gsi2, under its record by settlement time: the settlement's own write puts it there, so a
 * record's statement reads its settlements alone, never the value reports still pending beside them.
 */
export const valueReportKeys = (report: {
  innovationId: string;
  id: string;
  syndicateId: string;
  reportedAt: string;
  settlement?: { settledAt: string } | undefined;
}) => ({
  pk: `INNOV#${report.innovationId}`,
  sk: `REPORT#${report.id}`,
  gsi1pk: `SYND#${report.syndicateId}`,
  gsi1sk: `REPORT#${report.reportedAt}#${report.id}`,
  ...(report.settlement ? settledReportKeys(report.innovationId, report.id, report.settlement.settledAt) : {}),
});
/** A record's settled reports on gsi2 (the report keys above put them there), by settlement time. */
export const recordSettlementsKey = (innovationId: string) => ({
  gsi2pk: `INNOV#${innovationId}`,
  prefix: settledReportPrefix,
});
export const valueReportLookup = (innovationId: string, reportId: string) => ({
  pk: `INNOV#${innovationId}`,
  sk: `REPORT#${reportId}`,
});
/** A syndicate's adoptions or value reports on gsi1 (the keys above put them there), by date. */
export const syndicateInnovationItemsKey = (syndicateId: string, kind: 'adoptions' | 'reports') => ({
  gsi1pk: `SYND#${syndicateId}`,
  prefix: recordItemPrefix[kind],
});

/**
 * Every account on gsi1, by account id: the ledger's list. One partition: an account's index entry is
 * rewritten only when a settlement or a credit grant changes it, and both are registry-log writes,
 * which the log's head holds to a few dozen a second (registry-log-repository.ts) with at most 21
 * accounts each, far under a partition's 1,000 writes a second; the list is read a page at a time.
 */
export const accountsListKey = { gsi1pk: 'ACCOUNTS' } as const;

/** A Bound account (`person:<id>` or `syndicate:<id>`); gsi1 lists every account. */
export const accountKeys = (accountId: string) => ({
  pk: `ACCOUNT#${accountId}`,
  sk: 'ACCOUNT',
  gsi1pk: accountsListKey.gsi1pk,
  gsi1sk: accountId,
});
export const accountLookup = (accountId: string) => ({ pk: `ACCOUNT#${accountId}`, sk: 'ACCOUNT' });

/** The ledger's totals (sum of balances, settlements, Bound moved), kept by every settlement. */
export const ledgerTotalsKeys = { pk: 'LEDGER', sk: 'TOTALS' } as const;

/** The stewards the commons removed by `remove-steward` proposals: one item. */
export const stewardRemovalsKeys = { pk: 'LEDGER', sk: 'STEWARD-REMOVALS' } as const;

/** The commons' credit policy, as the last passed `credit-policy` proposal set it: one item. */
export const creditPolicyKeys = { pk: 'LEDGER', sk: 'CREDIT-POLICY' } as const;

/** An account's statement lines (ledger entries), in time order. */
export const accountEntriesKey = (accountId: string) => ({ pk: `ACCOUNT#${accountId}`, prefix: 'ENTRY#' });

/**
 * A ledger entry lives with its account, in time order, then by what made it (a value report's id or a
 * payment's). A settlement's royalties take sequences from 000, the implementers' shares (which move
 * nothing) from 100, so its lines keep one order; a payment's two lines are 000 and 001.
 */
export const ledgerEntryKeys = (accountId: string, at: string, sourceId: string, sequence: number) => ({
  pk: `ACCOUNT#${accountId}`,
  sk: `ENTRY#${at}#${sourceId}#${pad(sequence, 3)}`,
});

/**
 * The economy's figures (domain/ledger/economy.ts), kept from the stream: one partition holding the
 * summary, an item a month (its days as attributes: adapters/dynamodb/economy-items.ts) and one of each
 * month's totals, so a period of up to a year is one BatchGetItem of at most 13 months with the summary; every counted line and
 * every account's figures are their own partition, so no list ever reads them.
 */
export const economySummaryKeys = { pk: 'ECONOMY', sk: 'SUMMARY' } as const;
/** One UTC month (YYYY-MM) of the economy's days. */
export const economyMonthKeys = (month: string) => ({ pk: economySummaryKeys.pk, sk: `MONTH#${month}` });
/** One UTC month's totals (the sum of its days): what a longer period reads of a month it covers whole. */
export const economyMonthTotalKeys = (month: string) => ({ pk: economySummaryKeys.pk, sk: `MONTH#${month}#TOTAL` });
/**
 * The months' days and totals up to `through` (included), oldest first: the prune's range and the
 * backfill's (`MONTH#` sorts after `BACKFILL`; a month's totals right after its days).
 */
export const economyMonthsThrough = (through: string) => ({
  pk: economySummaryKeys.pk,
  from: 'MONTH#',
  to: economyMonthTotalKeys(through).sk,
});
/** Every month's days and totals, oldest first: the range the backfill builds totals over. */
export const economyMonths = { pk: economySummaryKeys.pk, from: 'MONTH#', to: 'MONTH#~' } as const;
/** A standard period's snapshot (domain/ledger/economy-snapshot.ts): its figures as of the day it names. */
export const economySnapshotKeys = (days: number) => ({ pk: economySummaryKeys.pk, sk: `SNAPSHOT#${pad(days, 3)}` });
/** A day as the figures' first version kept it, an item each: the backfill moves each into its month. */
export const economyLegacyDayKeys = (day: string) => ({ pk: economySummaryKeys.pk, sk: `DAY#${day}` });
export const economyLegacyDays = { pk: economySummaryKeys.pk, prefix: 'DAY#' } as const;
/** An account's economy figures: its latest balance and limit, and the revision every write is conditional on. */
export const economyAccountKeys = (accountId: string) => ({ pk: `ECONOMY#ACCOUNT#${accountId}`, sk: 'FIGURES' });
/** A statement line counted into the figures: written once, with its increments (the line's own key after `ENTRY#`). */
export const economyLineMarkKeys = (accountId: string, at: string, sourceId: string, sequence: number) => ({
  pk: `ECONOMY#LINE#${accountId}`,
  sk: `${at}#${sourceId}#${pad(sequence, 3)}`,
});
/** How far the backfill of the figures from older statements went: the last account it finished. */
export const economyBackfillMarkKeys = { pk: 'ECONOMY', sk: 'BACKFILL' } as const;

/** A payment, by id: written once, in the transaction that moves its Bound. */
export const paymentKeys = (paymentId: string) => ({ pk: `PAYMENT#${paymentId}`, sk: 'PAYMENT' });

/**
 * A payment request, by id; gsi1 lists the requests an account received (to pay), gsi2 those it sent
 * (to be paid), newest first. Each account's requests are their own partition.
 */
export const paymentRequestKeys = (request: { id: string; payer: string; payee: string; createdAt: string }) => ({
  pk: `PAYREQ#${request.id}`,
  sk: 'PAYREQ',
  gsi1pk: `PAYREQS#received#${request.payer}`,
  gsi1sk: `${request.createdAt}#${request.id}`,
  gsi2pk: `PAYREQS#sent#${request.payee}`,
  gsi2sk: `${request.createdAt}#${request.id}`,
});
export const paymentRequestLookup = (requestId: string) => ({ pk: `PAYREQ#${requestId}`, sk: 'PAYREQ' });
/** An account's requests received (gsi1) or sent (gsi2): the keys above put them there. */
export const accountRequestsKey = (accountId: string, box: 'sent' | 'received') =>
  box === 'received'
    ? ({ index: 'gsi1', name: 'gsi1pk', value: `PAYREQS#received#${accountId}` } as const)
    : ({ index: 'gsi2', name: 'gsi2pk', value: `PAYREQS#sent#${accountId}` } as const);

/**
 * An order, by id; gsi1 lists the orders an account placed (buying), gsi2 those it received
 * (selling), newest first. Each account's orders on each side are their own partition.
 */
export const orderKeys = (order: { id: string; buyer: string; seller: string; createdAt: string }) => ({
  pk: `ORDER#${order.id}`,
  sk: 'ORDER',
  gsi1pk: `ORDERS#buying#${order.buyer}`,
  gsi1sk: `${order.createdAt}#${order.id}`,
  gsi2pk: `ORDERS#selling#${order.seller}`,
  gsi2sk: `${order.createdAt}#${order.id}`,
});
export const orderLookup = (orderId: string) => ({ pk: `ORDER#${orderId}`, sk: 'ORDER' });
/** An account's orders as buyer (gsi1) or as seller (gsi2): the keys above put them there. */
export const accountOrdersKey = (
  accountId: string,
  side: 'buying' | 'selling',
): { gsi1pk: string } | { gsi2pk: string } =>
  side === 'buying' ? { gsi1pk: `ORDERS#buying#${accountId}` } : { gsi2pk: `ORDERS#selling#${accountId}` };

/**
 * A delivered order waiting for its dispute window to pass, in one list by when it falls due: present
 * exactly while the order is delivered (written and deleted in the order's own transactions), so the
 * sweep reads the due ones from the start of the list.
 */
export const ordersDuePartition = 'ORDERS-DUE';
export const orderDueKeys = (dueAt: string, orderId: string) => ({ pk: ordersDuePartition, sk: `${dueAt}#${orderId}` });

/**
 * A work log, by id. gsi1 lists a member's logs under the person, newest first (so their export and an
 * account deletion find them with everything else listed there); gsi2 lists a syndicate's logs while
 * they await approval (the keys are left off once decided, so that list holds only what waits, however
 * many were approved before).
 */
export const workLogKeys = (
  log: { id: string; personId: string; syndicateId: string; createdAt: string },
  awaiting: boolean,
) => ({
  pk: `WORKLOG#${log.id}`,
  sk: 'WORKLOG',
  gsi1pk: `PERSON#${log.personId}`,
  gsi1sk: `WORKLOG#${log.createdAt}#${log.id}`,
  ...(awaiting ? { gsi2pk: `WORKLOGS#awaiting#${log.syndicateId}`, gsi2sk: `${log.createdAt}#${log.id}` } : {}),
});
export const workLogLookup = (workLogId: string) => ({ pk: `WORKLOG#${workLogId}`, sk: 'WORKLOG' });
/** A member's work logs (gsi1, under the person): the keys above put them there. */
export const workLogsOfPerson = (personId: string) => ({ gsi1pk: `PERSON#${personId}`, prefix: 'WORKLOG#' });
/** A syndicate's work logs awaiting approval (gsi2). */
export const workLogsAwaiting = (syndicateId: string) => ({ gsi2pk: `WORKLOGS#awaiting#${syndicateId}` });
/**
 * The quarter hours a member logged for one day, kept at most 24 hours by the logs' own transactions;
 * in the person's partition, so it goes with their data.
 */
export const workDayKeys = (personId: string, date: string) => ({ pk: `PERSON#${personId}`, sk: `WORKDAY#${date}` });

/**
 * One credit-limit change, in time order. The log index makes two changes in the same millisecond two
 * items (changes written before it was added keep their `LIMIT#<at>` keys and still sort by time).
 */
export const creditLimitChangeKeys = (accountId: string, at: string, logIndex: number) => ({
  pk: `ACCOUNT#${accountId}`,
  sk: `LIMIT#${at}#${String(logIndex).padStart(12, '0')}`,
});
/** An account's credit-limit changes, in time order. */
export const limitChangesOf = (accountId: string) => ({ pk: `ACCOUNT#${accountId}`, prefix: 'LIMIT#' });

/** The registry log lives in one partition: entries by index, and the head beside them. */
export const registryLogPartition = 'REGISTRY-LOG';
export const logEntryKeys = (index: number, innovationId?: string) => ({
  pk: registryLogPartition,
  sk: `LOG#${pad(index, 12)}`,
  // gsi1 lists the entries about one record.
  ...(innovationId ? { gsi1pk: `INNOV#${innovationId}`, gsi1sk: `LOG#${pad(index, 12)}` } : {}),
});
export const logEntryLookup = (index: number) => ({ pk: registryLogPartition, sk: `LOG#${pad(index, 12)}` });
/** A record's entries on gsi1 (the entry keys above put them there), in log order. */
export const recordLogEntriesKey = (innovationId: string) => ({ gsi1pk: `INNOV#${innovationId}`, prefix: 'LOG#' });
export const logHeadKeys = { pk: registryLogPartition, sk: 'LOG#HEAD' } as const;
/** Says every entry below its `treeSize` keeps its subtree hashes (the backfill's mark, written once). */
export const logSubtreesMarkKeys = { pk: registryLogPartition, sk: 'SUBTREES#KEPT' } as const;
/** Says every settlement logged below its `treeSize` is listed under its record (the backfill's mark). */
export const settlementsListedMarkKeys = { pk: registryLogPartition, sk: 'SETTLEMENTS#LISTED' } as const;

/** Items of the shortage index; the stream consumers ignore them (they are derived, not sources). */
export type ShortageEntityType = 'shortage' | 'shortage-holder' | 'shortage-source' | 'shortage-snapshot';

/** One skill's shortage aggregate; gsi1 lists every aggregate in one query. */
export const shortageListKey = 'SHORTAGES';
export const shortageKeys = (skillId: string) => ({
  pk: `SHORTAGE#${skillId}`,
  sk: 'SHORTAGE',
  gsi1pk: shortageListKey,
  gsi1sk: skillId,
});

/** A course's enrollments on gsi1 (the enrollment keys above put them there): its learners. */
export const courseEnrollmentsKey = (courseId: string) => ({ gsi1pk: `COURSE#${courseId}`, prefix: 'ENROLL#' });
export const shortageLookup = (skillId: string) => ({ pk: `SHORTAGE#${skillId}`, sk: 'SHORTAGE' });

/** An available person holding a skill, beside the skill's aggregate (who could fill an opening). */
export const shortageHolderKeys = (skillId: string, personId: string) => ({
  pk: `SHORTAGE#${skillId}`,
  sk: `HOLDER#${personId}`,
});
export const shortageHolderPrefix = 'HOLDER#';

/** What the index last applied for one source (an opening, an enrollment, a person). */
export const shortageSourceKeys = (sourceKey: string) => ({ pk: `SHORTSRC#${sourceKey}`, sk: 'SHORTSRC' });

/** One day's scores, for the trend: one partition, by day. */
export const shortageSnapshotPartition = 'SHORTAGE-SNAPSHOTS';
export const shortageSnapshotKeys = (day: string) => ({ pk: shortageSnapshotPartition, sk: `DAY#${day}` });

// Email: a person's preferences and the addresses that bounced or complained.

/** Which kinds a person gets by email: one item beside their profile, outside its version. */
export const emailPreferencesKeys = (personId: string) => ({ pk: `PERSON#${personId}`, sk: 'EMAIL-PREFERENCES' });

/** An address that must get no more mail (a hard bounce or a complaint), by the address in lower case. */
export const emailSuppressionKeys = (address: string) => ({ pk: `SUPPRESSED#${address}`, sk: 'SUPPRESSED' });

/** A person's notification; ids sort by the event's time, so the inbox reads its partition backwards. */
export const notificationKeys = (personId: string, notificationId: string) => ({
  pk: `INBOX#${personId}`,
  sk: `NOTE#${notificationId}`,
});
/** A person's notifications by id (time): one person's inbox partition, read a page at a time. */
export const inboxOf = (personId: string) => ({ pk: `INBOX#${personId}`, prefix: 'NOTE#' });
/**
 * A person's unread count, and the mark below which "mark all read" made everything read. `UNREAD`
 * sorts after every `NOTE#` key, so the inbox read newest first meets it before the newest notification.
 */
/** A person's whole inbox partition (notifications and the counter): their data download and deletion read it. */
export const inboxPartition = (personId: string) => ({ pk: `INBOX#${personId}` });
export const inboxCounterKeys = (personId: string) => ({ pk: `INBOX#${personId}`, sk: 'UNREAD' });

/**
 * A saved job-board search lives with its owner, by id; gsi2 lists those with alerts on, by frequency
 * (the alert sweeps), and only those: an item without `alert` is not in the index.
 */
export const savedSearchKeys = (personId: string, savedSearchId: string, alert?: 'instant' | 'daily') => ({
  pk: `PERSON#${personId}`,
  sk: `SAVEDSEARCH#${savedSearchId}`,
  ...(alert ? { gsi2pk: `SAVEDSEARCH-ALERTS#${alert}`, gsi2sk: `${personId}#${savedSearchId}` } : {}),
});
export const savedSearchLookup = (personId: string, savedSearchId: string) => ({
  pk: `PERSON#${personId}`,
  sk: `SAVEDSEARCH#${savedSearchId}`,
});
/** A person's saved searches, by id: one person's partition. */
export const savedSearchesOf = (personId: string) => ({ pk: `PERSON#${personId}`, prefix: 'SAVEDSEARCH#' });
/** How many saved searches a person has, for the limit (kept by the same transactions). */
export const savedSearchCountKeys = (personId: string) => ({ pk: `PERSON#${personId}`, sk: 'SAVEDSEARCHES' });
/** Saved searches alerted at one frequency (gsi2), by person and id. */
export const savedSearchAlerts = (alert: 'instant' | 'daily') => ({ gsi2pk: `SAVEDSEARCH-ALERTS#${alert}` });
/** A feed address, by the SHA-256 of its token (the token itself is kept only on the saved search). */
export const feedTokenKeys = (tokenHash: string) => ({ pk: `FEED#${tokenHash}`, sk: 'FEED' });

/**
 * Where an account's own listings are on gsi1: under the person (`PERSON#<id>`, beside their other
 * items, so deleting or exporting a person's data finds them) or the syndicate (`SYND#<id>`).
 */
const accountListing = (accountId: string) => {
  const [kind, id] = [accountId.slice(0, accountId.indexOf(':')), accountId.slice(accountId.indexOf(':') + 1)];
  return kind === 'person' ? personListing(id).gsi1pk : `SYND#${id}`;
};

/** An offer on the marketplace, by id: how anything that refers to an offer (an order) reads it. */
export const offerKey = (offerId: string) => ({ pk: `OFFER#${offerId}`, sk: 'OFFER' });
/**
 * An offer's keys: gsi1 lists its seller's offers, any status, newest first (under the seller's own
 * listing); gsi2 holds it only while open, under every open offer by expiry, so the sweep reads only
 * what expired.
 */
export const offerKeys = (offer: {
  id: string;
  seller: string;
  createdAt: string;
  status: string;
  expiresAt: string;
}) => ({
  ...offerKey(offer.id),
  gsi1pk: accountListing(offer.seller),
  gsi1sk: `OFFER#${offer.createdAt}#${offer.id}`,
  ...(offer.status === 'open' ? { gsi2pk: openOffersByExpiry.gsi2pk, gsi2sk: `${offer.expiresAt}#${offer.id}` } : {}),
});
/** An account's offers on gsi1 (the keys above put them there), by creation. */
export const accountOffersKey = (accountId: string) => ({ gsi1pk: accountListing(accountId), prefix: 'OFFER#' });
/** Every open offer on gsi2, soonest expiry first: what the sweep reads up to now. */
export const openOffersByExpiry = { gsi2pk: 'OFFERS-OPEN' } as const;

/** A want on the marketplace, by id: how the shortage index and anything else that refers to a want reads it. */
export const wantKey = (wantId: string) => ({ pk: `WANT#${wantId}`, sk: 'WANT' });
/** A want's keys: gsi1 lists its buyer's wants newest first (under the buyer's own listing); gsi2 holds it only while open, by expiry. */
export const wantKeys = (want: {
  id: string;
  buyer: string;
  createdAt: string;
  status: string;
  expiresAt: string;
}) => ({
  ...wantKey(want.id),
  gsi1pk: accountListing(want.buyer),
  gsi1sk: `WANT#${want.createdAt}#${want.id}`,
  ...(want.status === 'open' ? { gsi2pk: openWantsByExpiry.gsi2pk, gsi2sk: `${want.expiresAt}#${want.id}` } : {}),
});
/** An account's wants on gsi1 (the keys above put them there), by creation. */
export const accountWantsKey = (accountId: string) => ({ gsi1pk: accountListing(accountId), prefix: 'WANT#' });
/** Every open want on gsi2, soonest expiry first: what the sweep reads up to now. */
export const openWantsByExpiry = { gsi2pk: 'WANTS-OPEN' } as const;
/** A person's place in the panel draw (gsi2): `drawKey` of their id, kept on their profile item from sign-up. */
export const personDrawKeys = (key: string) => ({ gsi2pk: 'PEOPLE#draw', gsi2sk: key });
/** Everyone in draw order (gsi2): a circle reads a few from a random place, never the whole list. */
export const peopleDraw = { gsi2pk: 'PEOPLE#draw' } as const;
/** The commons' member count: one counter kept in the transaction that makes or removes each person. */
export const commonsMembersKeys = { pk: 'COMMONS', sk: 'MEMBERS' } as const;
/** How many credentials the commons has issued: one counter kept in the transaction that stores each. */
export const commonsCredentialsKeys = { pk: 'COMMONS', sk: 'CREDENTIALS' } as const;

/**
 * A proposal, by id. gsi1 lists it where people look for it: its author's drafts, or its scope's open
 * proposals (closing soonest first) or closed ones (by closing time). gsi2 holds it while it is open, by
 * closing time, for the sweep that closes those due.
 */
export const proposalKeys = (proposal: {
  id: string;
  scope: string;
  status: string;
  createdBy: string;
  createdAt: string;
  closesAt?: string | undefined;
  closedAt?: string | undefined;
}) => {
  const base = { pk: `PROPOSAL#${proposal.id}`, sk: 'PROPOSAL' };
  if (proposal.status === 'draft') {
    return { ...base, gsi1pk: `PROPOSALS#draft#${proposal.createdBy}`, gsi1sk: `${proposal.createdAt}#${proposal.id}` };
  }
  if (proposal.status === 'open') {
    const sort = `${proposal.closesAt}#${proposal.id}`;
    return { ...base, gsi1pk: `PROPOSALS#open#${proposal.scope}`, gsi1sk: sort, gsi2pk: 'PROPOSALS#due', gsi2sk: sort };
  }
  return { ...base, gsi1pk: `PROPOSALS#closed#${proposal.scope}`, gsi1sk: `${proposal.closedAt}#${proposal.id}` };
};
export const proposalLookup = (proposalId: string) => ({ pk: `PROPOSAL#${proposalId}`, sk: 'PROPOSAL' });
/** A list of proposals on gsi1: a scope's open or closed ones, or a person's drafts. */
export const proposalList = (list: { scope: string; status: 'open' | 'closed' } | { draftsOf: string }) => ({
  gsi1pk: 'draftsOf' in list ? `PROPOSALS#draft#${list.draftsOf}` : `PROPOSALS#${list.status}#${list.scope}`,
});
/** The open proposals on gsi2, by closing time: the sweep reads those whose time has come. */
export const dueProposals = { gsi2pk: 'PROPOSALS#due' } as const;

/**
 * Where a syndicate proposal's notification fan-out has got to, one item per stage (opened, closing
 * soon, decided), beside the proposal: each write of it carries the next page of members to the stream.
 */
export const proposalNoticeKeys = (proposalId: string, stage: string) => ({
  pk: `PROPOSAL#${proposalId}`,
  sk: `NOTICE#${stage}`,
});

/** A proposal's votes, by person id: its own partition, read a page at a time. */
export const votesOf = (proposalId: string) => ({ pk: `PROPOSAL#${proposalId}`, prefix: 'VOTE#' });
/** One person's vote on one proposal, beside it: the key makes a second vote impossible. */
export const voteKeys = (proposalId: string, personId: string) => ({
  pk: `PROPOSAL#${proposalId}`,
  sk: `VOTE#${personId}`,
});
/**
 * A vote as stored: beside its proposal, and listed on gsi1 under its voter (by proposal), so their data
 * download finds it and an account deletion takes its reason out.
 */
export const voteItemKeys = (proposalId: string, personId: string) => ({
  ...voteKeys(proposalId, personId),
  gsi1pk: `VOTES#${personId}`,
  gsi1sk: proposalId,
});
/** A person's votes on gsi1, by proposal: the keys above list them there. */
export const votesByPerson = (personId: string) => ({ gsi1pk: `VOTES#${personId}` });

/** A blocked instance, one item per host, in one partition: the stewards' list, by host. */
const instanceBlocksPk = 'INSTANCE-BLOCKS';
export const instanceBlockKeys = (host: string) => ({ pk: instanceBlocksPk, sk: `HOST#${host}` });
export const instanceBlocksOf = { pk: instanceBlocksPk, prefix: 'HOST#' } as const;

/**
 * A remote syndicate (Group actor) this instance follows, one item per actor, in one partition: the
 * stewards' list, by follow id (the SHA-256 of the actor id, domain/federation/remote-follow.ts).
 */
const remoteFollowsPk = 'REMOTE-FOLLOWS';
export const remoteFollowKeys = (followId: string) => ({ pk: remoteFollowsPk, sk: `ACTOR#${followId}` });
export const remoteFollowsOf = { pk: remoteFollowsPk, prefix: 'ACTOR#' } as const;
/** An opening a followed remote syndicate published, under its follow (removed with it), by its Note id's SHA-256. */
export const remoteOpeningKeys = (followId: string, noteDigest: string) => ({
  pk: `REMOTE-FOLLOW#${followId}`,
  sk: `OPENING#${noteDigest}`,
});
export const remoteOpeningsOf = (followId: string) => ({ pk: `REMOTE-FOLLOW#${followId}`, prefix: 'OPENING#' });
/** An innovation record a followed remote commons published, under its follow (removed with it), by its id's SHA-256. */
export const remoteRecordKeys = (followId: string, objectDigest: string) => ({
  pk: `REMOTE-FOLLOW#${followId}`,
  sk: `RECORD#${objectDigest}`,
});
export const remoteRecordsOf = (followId: string) => ({ pk: `REMOTE-FOLLOW#${followId}`, prefix: 'RECORD#' });
/**
 * A course or practice guide a followed commons published (issue 20), in one partition for every followed
 * commons, by follow then its Document id's SHA-256: the catalogue reads them a page at a time, and an
 * unfollow removes its follow's by the prefix.
 */
const remoteCoursesPk = 'REMOTE-COURSES';
export const remoteCourseKeys = (followId: string, objectDigest: string) => ({
  pk: remoteCoursesPk,
  sk: `FOLLOW#${followId}#COURSE#${objectDigest}`,
});
export const remoteCourses = { pk: remoteCoursesPk, prefix: 'FOLLOW#' } as const;
export const remoteCoursesOf = (followId: string) => ({ pk: remoteCoursesPk, prefix: `FOLLOW#${followId}#` });
/** The newest daily shortage snapshot of each followed commons, in one partition: the region view reads it whole. */
const remoteShortagesPk = 'REMOTE-SHORTAGES';
export const remoteShortageKeys = (followId: string) => ({ pk: remoteShortagesPk, sk: `FOLLOW#${followId}` });
export const remoteShortages = { pk: remoteShortagesPk, prefix: 'FOLLOW#' } as const;
/** One follow's snapshot as a prefix (follow ids are all 22 characters, so it names that one alone). */
export const remoteShortageOf = (followId: string) => ({ pk: remoteShortagesPk, prefix: `FOLLOW#${followId}` });
/** What this commons last announced of each of its catalogue entries (its digest, since when), by slug. */
const announcedCoursesPk = 'ANNOUNCED-COURSES';
export const announcedCourseKeys = (slug: string) => ({ pk: announcedCoursesPk, sk: `COURSE#${slug}` });
export const announcedCourses = { pk: announcedCoursesPk, prefix: 'COURSE#' } as const;
/** A registry log this instance witnesses, one item per host, in one partition: the stewards' list, by host. */
const witnessedLogsPk = 'WITNESSED-LOGS';
export const witnessedLogKeys = (host: string) => ({ pk: witnessedLogsPk, sk: `HOST#${host}` });
export const witnessedLogsOf = { pk: witnessedLogsPk, prefix: 'HOST#' } as const;

/** A witness's cosignature of this log's head of one size: a partition per size, by witness. */
export const receivedCosignatureKeys = (treeSize: number, witness: string) => ({
  pk: `COSIGNATURES#${treeSize}`,
  sk: `WITNESS#${witness}`,
});
export const receivedCosignaturesOf = (treeSize: number) =>
  ({ pk: `COSIGNATURES#${treeSize}`, prefix: 'WITNESS#' }) as const;

/** A witness's report of a fork in this log, one per witness, in one partition. */
const forkReportsPk = 'FORK-REPORTS';
export const forkReportKeys = (witness: string) => ({ pk: forkReportsPk, sk: `WITNESS#${witness}` });
export const forkReportsOf = { pk: forkReportsPk, prefix: 'WITNESS#' } as const;
