// One router for the whole API: match, check the body's size and type, validate with the route's
// schemas, call the route, and map whatever it throws through `problem.ts`.
import type * as z from 'zod/mini';
import {
  PayloadTooLargeError,
  RequestShapeError,
  UnauthenticatedError,
  UnsupportedMediaTypeError,
  type FieldIssue,
} from '#domain/errors.ts';
import { runCommand } from '#app/commands/command.ts';
import type { Services } from '#app/services.ts';
import type { Identity } from '#domain/identity.ts';
import { parseInto } from '#domain/validation.ts';
import { type BodyFor, edgeWords } from '#domain/i18n/edge-refusals.ts';
import { defaultLocale, negotiateLocale } from '#domain/i18n/locales.ts';
import { allowedDetail, noRouteDetail, problemTitle } from '#domain/i18n/learning/problem-titles.ts';
import type { Logger } from '#platform/log.ts';
import type { Telemetry } from '#platform/telemetry.ts';
import { problemFor, simpleProblem, type ProblemResponse } from './problem.ts';
import type { AnyRoute, Method, RouteResult } from './route.ts';
import { apiSecurityHeaders } from './security-headers.ts';

export interface HttpRequest {
  method: string;
  path: string;
  rawQuery: string;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  body: string | undefined;
  identity: Identity | null;
  requestId: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The body is a file's bytes in base64 (API Gateway and the local gateway decode it). */
  isBase64Encoded?: boolean;
}

export interface RouterOptions {
  services: Services;
  maxBodyBytes: number;
  exposeInternals: boolean;
  /** The log routes write to, and where each request's line and metric go. */
  telemetry: Pick<Telemetry, 'log' | 'requestServed'>;
}

export interface CompiledRoute {
  route: AnyRoute;
  pattern: RegExp;
  paramNames: string[];
}

export function compilePath(template: string): { pattern: RegExp; paramNames: string[] } {
  const paramNames: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      const match = /^\{(\w+)\}$/.exec(segment);
      if (!match?.[1]) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      paramNames.push(match[1]);
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}/?$`), paramNames };
}

export function createRouter(routes: AnyRoute[], options: RouterOptions) {
  const compiled = compileRoutes(routes);

  async function handle(request: HttpRequest): Promise<HttpResponse> {
    const started = performance.now();
    const { log } = options.telemetry;
    // Named by its template once matched, so the metric's route dimension stays a short, fixed list.
    const matched = { route: 'unmatched' };
    let response: HttpResponse;
    try {
      response = await dispatch(request, log, matched);
    } catch (error) {
      const mapped = problemFor(error, {
        instance: request.path,
        exposeInternals: options.exposeInternals,
        locale: negotiateLocale(request.headers['accept-language']),
      });
      if (mapped.status >= 500) log.error('request failed', { correlation_id: request.requestId, error });
      response = problemResponse(mapped);
    }
    // Every answer, success, problem or CSV, is data: the same headers, whatever a route set.
    Object.assign(response.headers, apiSecurityHeaders);
    response.headers['x-request-id'] = request.requestId;
    options.telemetry.requestServed({
      correlationId: request.requestId,
      method: request.method,
      path: request.path,
      route: matched.route,
      status: response.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      personId: request.identity?.personId,
    });
    return response;
  }

  async function dispatch(request: HttpRequest, log: Logger, matched: { route: string }): Promise<HttpResponse> {
    const { found, allowed } = matchRoute(compiled, request.method, request.path);
    if (found) matched.route = `${found.route.method} ${found.route.path}`;
    if (!found) {
      // The router's own answers, titled (problem-titles.ts) and told in the reader's language.
      const locale = negotiateLocale(request.headers['accept-language']) ?? defaultLocale;
      const [status, slug, detail] =
        allowed.length === 0
          ? ([404, 'not-found', noRouteDetail(request.path, locale)] as const)
          : ([405, 'method-not-allowed', allowedDetail(request.path, allowed, locale)] as const);
      const response = problemResponse(simpleProblem(status, slug, problemTitle(slug, locale), detail));
      response.headers['content-language'] = locale;
      if (status === 405) response.headers.allow = allowed.join(', ');
      return response;
    }
    const { route, rawParams } = found;

    if (route.auth === 'required' && !request.identity) throw new UnauthenticatedError();
    // Built the first time this route is matched, then kept (see route.ts).
    const input = route.input?.() ?? {};
    const body = readBody(
      request,
      input.body !== undefined,
      route.bodyLimit ?? { bytes: options.maxBodyBytes, says: undefined },
    );
    if ('command' in route) {
      if (!request.identity) throw new UnauthenticatedError();
      // A write: the command counts it, validates it and deduplicates it, as it does for the site's forms.
      const { output, replayed } = await runCommand(route.command, {
        services: options.services,
        identity: request.identity,
        params: rawParams,
        body,
        idempotencyKey: request.headers['idempotency-key'],
      });
      const response = toResponse(route.respond(output));
      if (replayed) response.headers['idempotent-replayed'] = 'true';
      return response;
    }

    const issues: FieldIssue[] = [];
    const params = validate(input.params, rawParams, 'path', issues);
    const query = validate(input.query, queryObject(request.rawQuery), 'query', issues);
    const parsedBody = input.body ? validate(input.body, body, 'body', issues) : undefined;
    if (issues.length > 0) throw new RequestShapeError(issues);

    const context = {
      params,
      query,
      body: parsedBody,
      identity: route.auth === 'required' ? request.identity : null,
      requestId: request.requestId,
      log,
      services: options.services,
      headers: request.headers,
      raw: { path: request.path, query: request.rawQuery, body: request.body },
    };
    // The auth check above guarantees `identity` for protected routes.
    const result = await (route.handle as (c: typeof context) => Promise<RouteResult>)(context);
    const response = toResponse(result);
    if (request.method === 'HEAD') response.body = '';
    return response;
  }

  return { handle, routes: compiled.map((entry) => entry.route) };
}

export type Router = ReturnType<typeof createRouter>;

export function compileRoutes(routes: AnyRoute[]): CompiledRoute[] {
  return routes.map((route) => ({ route, ...compilePath(route.path) }));
}

/** The route for a method and path, and every method the path allows (empty: no such path). */
export function matchRoute(
  compiled: CompiledRoute[],
  method: string,
  path: string,
): { found?: { route: AnyRoute; rawParams: Record<string, string> }; allowed: string[] } {
  const wanted = method === 'HEAD' ? 'GET' : method;
  const allowed: string[] = [];
  for (const entry of candidates(compiled, path)) {
    const match = entry.pattern.exec(path);
    if (!match) continue;
    if (!allowed.includes(entry.route.method)) allowed.push(entry.route.method);
    if (entry.route.method !== wanted) continue;
    const rawParams: Record<string, string> = {};
    entry.paramNames.forEach((name, index) => {
      rawParams[name] = safeDecode(match[index + 1] ?? '');
    });
    return { found: { route: entry.route, rawParams }, allowed };
  }
  return { allowed };
}

/**
 * The routes that may match a path, in their order: those whose first two segments are the path's, or
 * hold a parameter there. Worked out once per first two segments (the index is kept per route list), so
 * a request tries a handful of patterns, not the whole table's (~170, twice a request locally: the
 * gateway's match and the router's). Bounded: paths nobody routes cannot grow it past `indexedKeys`.
 */
const indexes = new WeakMap<CompiledRoute[], Map<string, CompiledRoute[]>>();
const indexedKeys = 512;
const isParameter = (segment: string | undefined) => segment !== undefined && /^\{\w+\}$/.test(segment);

function candidates(compiled: CompiledRoute[], path: string): CompiledRoute[] {
  let index = indexes.get(compiled);
  if (!index) {
    index = new Map();
    indexes.set(compiled, index);
  }
  const [, first = '', second = ''] = path.split('/', 3);
  const key = `${first}/${second}`;
  const known = index.get(key);
  if (known) return known;
  const found = compiled.filter((entry) => {
    const [, routeFirst = '', routeSecond = ''] = entry.route.path.split('/', 3);
    return (isParameter(routeFirst) || routeFirst === first) && (isParameter(routeSecond) || routeSecond === second);
  });
  if (index.size < indexedKeys) index.set(key, found);
  return found;
}

function readBody(
  request: HttpRequest,
  takesBody: boolean,
  limit: { bytes: number; says: { of: BodyFor; most: number } | undefined },
): unknown {
  const raw = request.body;
  if (raw === undefined || raw === '') return undefined;
  if (Buffer.byteLength(raw, 'utf8') > limit.bytes) throw new PayloadTooLargeError(limit.bytes, undefined, limit);
  if (!takesBody) return undefined;
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') {
    const { message, wordsIn } = edgeWords({ key: 'content-type', values: { type: contentType ?? '' } });
    throw new UnsupportedMediaTypeError(message, { wordsIn });
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    // The parser's message is about positions in text nobody sees; one plain issue says more.
    throw new RequestShapeError([{ field: 'body', ...edgeWords({ key: 'not-json' }) }]);
  }
}

function validate<T>(schema: z.ZodMiniType<T> | undefined, value: unknown, where: string, issues: FieldIssue[]): T {
  return schema ? parseInto(schema, value, where, issues) : ({} as T);
}

/** Repeated keys become arrays; single keys stay strings. */
export function queryObject(rawQuery: string): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    const existing = result[key];
    if (existing === undefined) result[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else result[key] = [existing, value];
  }
  return { ...result };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function toResponse(result: RouteResult): HttpResponse {
  const status = result.status ?? (result.body === undefined ? 204 : 200);
  const headers: Record<string, string> = { ...result.headers };
  if (result.bytes) {
    headers['content-type'] = result.contentType ?? 'application/octet-stream';
    return {
      status: result.status ?? 200,
      headers,
      body: Buffer.from(result.bytes).toString('base64'),
      isBase64Encoded: true,
    };
  }
  if (result.body === undefined) return { status, headers, body: '' };
  if (typeof result.body === 'string' && result.contentType) {
    headers['content-type'] = result.contentType;
    return { status, headers, body: result.body };
  }
  headers['content-type'] = result.contentType ?? 'application/json; charset=utf-8';
  return { status, headers, body: JSON.stringify(result.body) };
}

function problemResponse(mapped: ProblemResponse): HttpResponse {
  return {
    status: mapped.status,
    headers: { 'content-type': 'application/problem+json', ...mapped.headers },
    body: JSON.stringify(mapped.problem),
  };
}

export const methods: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
