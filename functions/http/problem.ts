// The one place where errors become HTTP responses: RFC 9457 problem+json.
// Known domain errors map by class; anything else is a bug and becomes a bare 500 whose details are
// shown only when the stage is `local`.
import {
  BusyError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  RequestShapeError,
  RuleViolationError,
  NotConfiguredError,
  SearchUnavailableError,
  StoreUnavailableError,
  UnauthenticatedError,
  UnsupportedMediaTypeError,
  ValidationError,
  type DomainError,
  type FieldIssue,
} from '#domain/errors.ts';
import { type ProblemSlug, problemTitle } from '#domain/i18n/learning/problem-titles.ts';
import { defaultLocale, type Locale } from '#domain/i18n/locales.ts';
import { issuesIn, refusalDetailIn, translatePlain } from '#domain/i18n/translate-plain.ts';
import { refusalDetail } from '#domain/plain-words.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldIssue[];
  [extension: string]: unknown;
}

export interface ProblemResponse {
  status: number;
  problem: Problem;
  headers?: Record<string, string>;
}

type ErrorClass = abstract new (...args: never[]) => DomainError;

interface Mapping {
  status: number;
  /** The `type` URI's last part, the same in every language; the title is looked up by it. */
  slug: ProblemSlug;
}

const registry: Array<[ErrorClass, Mapping]> = [
  [RequestShapeError, { status: 400, slug: 'validation' }],
  [UnauthenticatedError, { status: 401, slug: 'unauthenticated' }],
  [ForbiddenError, { status: 403, slug: 'forbidden' }],
  [NotFoundError, { status: 404, slug: 'not-found' }],
  [ConflictError, { status: 409, slug: 'conflict' }],
  [PayloadTooLargeError, { status: 413, slug: 'payload-too-large' }],
  [UnsupportedMediaTypeError, { status: 415, slug: 'unsupported-media-type' }],
  [ValidationError, { status: 422, slug: 'unprocessable' }],
  [RuleViolationError, { status: 422, slug: 'rule-violation' }],
  [RateLimitedError, { status: 429, slug: 'rate-limited' }],
  [BusyError, { status: 503, slug: 'busy' }],
  [StoreUnavailableError, { status: 503, slug: 'store-unavailable' }],
  [SearchUnavailableError, { status: 503, slug: 'search-unavailable' }],
  [NotConfiguredError, { status: 503, slug: 'not-configured' }],
];

export const problemTypeBase = 'https://guildhall.coop/problems/';

/**
 * The `detail` in the reader's language (the request's `Accept-Language`): a refusal's sentences are
 * translated (translate-plain.ts), its field paths kept as they are for the machines that read them.
 */
function detailIn(error: DomainError, locale: Locale): string {
  if (locale === defaultLocale) return error.message;
  if (error.wordsIn) return error.wordsIn(locale);
  if (error instanceof ValidationError && error.message === refusalDetail(error.issues)) {
    return refusalDetailIn(error.issues, locale);
  }
  return translatePlain(error.message, locale);
}

export function problemFor(
  error: unknown,
  options: { instance?: string; exposeInternals: boolean; locale?: Locale },
): ProblemResponse {
  const locale = options.locale ?? defaultLocale;
  for (const [errorClass, mapping] of registry) {
    if (error instanceof errorClass) {
      const problem: Problem = {
        type: problemTypeBase + mapping.slug,
        title: problemTitle(mapping.slug, locale),
        status: mapping.status,
        detail: detailIn(error, locale),
        ...(options.instance ? { instance: options.instance } : {}),
      };
      const headers: Record<string, string> = { 'content-language': locale };
      if (error instanceof ValidationError) problem.errors = issuesIn(error.issues, locale);
      if (error instanceof RuleViolationError) problem.rule = error.rule;
      if (error instanceof RateLimitedError) headers['retry-after'] = String(error.retryAfterSeconds);
      if (error instanceof StoreUnavailableError || error instanceof SearchUnavailableError) {
        headers['retry-after'] = '1';
      }
      return { status: mapping.status, problem, headers };
    }
  }
  const problem: Problem = {
    type: 'about:blank',
    title: 'Internal Server Error',
    status: 500,
    ...(options.instance ? { instance: options.instance } : {}),
  };
  if (options.exposeInternals && error instanceof Error) {
    problem.detail = `${error.name}: ${error.message}`;
    problem.stack = error.stack;
  }
  return { status: 500, problem };
}

/** A plain problem for conditions the router itself detects (no route, wrong method). */
export function simpleProblem(status: number, slug: string, title: string, detail: string): ProblemResponse {
  return { status, problem: { type: problemTypeBase + slug, title, status, detail } };
}
