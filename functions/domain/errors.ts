// The domain's error taxonomy. Every expected failure is one of these classes; the HTTP layer maps
// each class to one status in `functions/http/problem.ts`. Anything else is a bug and becomes a bare 500.
import type { Locale } from './i18n/locales.ts';
import { refusalDetail } from './plain-words.ts';

export interface FieldIssue {
  /** Where the problem is, as a JSON pointer-like path: `body.title`, `query.limit`, `path.id`. */
  field: string;
  message: string;
  /** The `message` in the reader's language, when the rule keeps it as a key and values (as DomainError's). */
  wordsIn?: WordsIn | undefined;
}

/** An error's sentence in another language: a rule that keeps its sentence as a key and values words it. */
export type WordsIn = (locale: Locale) => string;

export class DomainError extends Error {
  /**
   * The `message` in the reader's language, when the rule that refused keeps its sentence as a message
   * (a key and values) rather than English alone; the API's `detail` and the site's forms use it.
   */
  readonly wordsIn: WordsIn | undefined;
  constructor(message: string, options?: ErrorOptions & { wordsIn?: WordsIn }) {
    super(message, options);
    this.name = new.target.name;
    this.wordsIn = options?.wordsIn;
  }
}

/**
 * Input that does not fit the rules; lists each bad field. Without a message of its own it says each
 * field by a person's name and what to do ("Valid through: Enter a date …"), the problem's `detail`.
 * A message of its own may carry its `wordsIn`, as any DomainError's does.
 */
export class ValidationError extends DomainError {
  readonly issues: FieldIssue[];
  constructor(
    issues: FieldIssue[],
    message = issues.length > 0 ? refusalDetail(issues) : 'The request has invalid fields.',
    options?: { wordsIn?: WordsIn },
  ) {
    super(message, options);
    this.issues = issues;
  }
}

/**
 * The request itself is malformed: not JSON, or not the shape the route's schema describes (400).
 * A well-formed request that the rules reject is a plain ValidationError (422).
 */
export class RequestShapeError extends ValidationError {}

/** The thing asked for does not exist, or the caller may not know that it does. */
export class NotFoundError extends DomainError {
  readonly kind: string;
  readonly id: string;
  constructor(kind: string, id: string) {
    super(`No ${kind} with id "${id}".`);
    this.kind = kind;
    this.id = id;
  }
}

/** No identity, or an identity the server cannot trust. */
export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in to do this.', options?: ErrorOptions) {
    super(message, options);
  }
}

/** A known identity that may not do this to an object it may see. */
export class ForbiddenError extends DomainError {}

/**
 * The signed-in identity's account was deleted: its data is gone and the id stays retired, so what the
 * ledger and the registry log keep under it is never tied to a new profile (delete-account.ts).
 */
export class AccountDeletedError extends ForbiddenError {
  constructor(deletedAt: string) {
    super(
      `This account was deleted on ${deletedAt.slice(0, 10)}: everything it held is gone, and it cannot be used again. To start afresh, sign up with a new sign-in.`,
    );
  }
}

/** The change collides with the current state (already exists, changed meanwhile, wrong status). */
export class ConflictError extends DomainError {
  /**
   * True when nothing the write was conditional on had changed: the store turned it away for another
   * transaction on the same items at that moment, so the same write may simply be sent again.
   */
  readonly retryable: boolean;
  constructor(message: string, options: ErrorOptions & { retryable?: boolean; wordsIn?: WordsIn } = {}) {
    super(message, options);
    this.retryable = options.retryable ?? false;
  }
}

/** The change is well-formed but breaks a business rule (credit limit, position count). */
export class RuleViolationError extends DomainError {
  readonly rule: string;
  constructor(rule: string, message: string, options?: { wordsIn?: WordsIn }) {
    super(message, options);
    this.rule = rule;
  }
}

export class PayloadTooLargeError extends DomainError {
  readonly limitBytes: number;
  constructor(
    limitBytes: number,
    message = `The request body is larger than ${limitBytes} bytes.`,
    options?: { wordsIn?: WordsIn },
  ) {
    super(message, options);
    this.limitBytes = limitBytes;
  }
}

export class UnsupportedMediaTypeError extends DomainError {}

export class RateLimitedError extends DomainError {
  readonly retryAfterSeconds: number;
  /** `message` says when to try again, in words a person can act on (it becomes the problem's detail). */
  constructor(retryAfterSeconds: number, message = 'Too many requests; try again later.') {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** A learner failed a quiz twice in a row and must wait before the next attempt (not the write limit). */
export class QuizWaitError extends RateLimitedError {}

/** The table could not be reached or refused the request for capacity; safe to retry later. */
export class StoreUnavailableError extends DomainError {}

/** So many writers raced for the same records that this one gave up in time; nothing was written. */
export class BusyError extends StoreUnavailableError {}

/** The search engine could not be reached or failed; the data itself is safe in the table. */
export class SearchUnavailableError extends DomainError {}

/**
 * A part of Guildhall this instance's operator has not set up (federation without its ActivityPub key):
 * nothing the caller can change, and it answers the same until the operator acts.
 */
export class NotConfiguredError extends DomainError {}

/**
 * Why a credential (a compact JWS) did not verify. Each subclass is one answer a person can be given;
 * `verifyCredential` catches them all, so none reaches the HTTP layer.
 */
export class CredentialVerificationError extends DomainError {}

/** The text is not a credential at all: not three base64url parts, or a header or payload that is not a JSON object. */
export class NotACredentialError extends CredentialVerificationError {}

/** Well formed, but the signature is not the instance key's over these bytes: altered after signing, or signed by another key. */
export class CredentialSignatureError extends CredentialVerificationError {}

/**
 * Well formed, but refused for what it declares: `field` names it (`alg` other than EdDSA, `crit`, `iss`
 * another issuer, `nbf` not valid yet, `exp` expired, or a time that is not a number).
 */
export class CredentialRejectedError extends CredentialVerificationError {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

/**
 * The mail transport refused a mail for good (an address it will not take, a message it rejects): sending
 * it again would fail the same way, so the producer records it and moves on instead of retrying.
 */
export class MailRejectedError extends DomainError {}
