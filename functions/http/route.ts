// A route is data: method, path template, schemas and one function that calls a use case.
// The router validates with the schemas; the OpenAPI document is generated from the same schemas.
// The table itself is static (the CDK app reads method, path and auth from it); each route's schemas
// are built by its `input` the first time it is matched, so a cold start builds none.
import type * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import type { Command } from '#app/commands/command.ts';
import type { Services } from '#app/services.ts';
import type { Identity } from '#domain/identity.ts';
import type { BodyFor } from '#domain/i18n/edge-refusals.ts';
import type { Logger } from '#platform/log.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  identity: Identity | null;
  requestId: string;
  log: Logger;
  services: Services;
  /** Request headers, names in lower case (content negotiation: `accept`). */
  headers: Record<string, string | undefined>;
  /**
   * The request as it came (within the body limit): for routes whose answer depends on the exact bytes
   * (an inbox post's signature covers its path and its body's digest).
   */
  raw: { path: string; query: string; body: string | undefined };
}

export interface AuthedRouteContext<P, Q, B> extends RouteContext<P, Q, B> {
  identity: Identity;
}

export interface RouteResult {
  status?: number;
  /** JSON-serialisable value, or a string sent as is with `contentType`. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  /** A binary body (a file), sent as is with `contentType`; in place of `body`. */
  bytes?: Uint8Array;
}

export interface ResponseDoc {
  description: string;
  /** Documentation only (the OpenAPI document is built from it): a factory, so nothing builds it at run time. */
  schema?: () => z.ZodMiniType;
  contentType?: string;
  /** Other representations of the same response, e.g. CSV beside JSON. */
  alternatives?: Array<{ contentType: string; schema?: () => z.ZodMiniType }>;
}

/** What a route parses: its path parameters, query and body, each from a schema. */
export interface RouteInput<P, Q, B> {
  params?: z.ZodMiniType<P>;
  query?: z.ZodMiniType<Q>;
  body?: z.ZodMiniType<B>;
}

/** What the OpenAPI document says of a route, beside what its schemas say. */
export interface RouteDoc {
  summary: string;
  tags: string[];
  responses: Record<number, ResponseDoc>;
}

interface RouteBase<P, Q, B> {
  method: Method;
  /** Path template with `{name}` parameters, e.g. `/api/courses/{courseId}`. */
  path: string;
  /** Builds the route's schemas; called once, when the route is first matched (or documented). */
  input?: () => RouteInput<P, Q, B>;
  /** `documented && {…}` (#config/bundle.ts): `false`, and left out, in the functions' AWS bundles. */
  doc: RouteDoc | false;
  /** A body limit of its own (an upload), in place of MAX_BODY_BYTES, and what a 413 says: "A CV may be at most 2 MB." */
  bodyLimit?: { bytes: number; says: { of: BodyFor; most: number } };
}

export interface PublicRoute<P, Q, B> extends RouteBase<P, Q, B> {
  /** Public routes never see an identity: in AWS they have no authorizer, so none is verified. */
  auth: 'none';
  handle(context: RouteContext<P, Q, B>): Promise<RouteResult>;
}

export interface ProtectedRoute<P, Q, B> extends RouteBase<P, Q, B> {
  auth: 'required';
  handle(context: AuthedRouteContext<P, Q, B>): Promise<RouteResult>;
}

/**
 * A write: the route only says where it answers and how; the command validates, limits, deduplicates
 * by idempotency key and runs the use case, exactly as it does for the site's forms.
 */
export interface CommandRoute<P, B, O> extends RouteBase<P, never, B> {
  auth: 'required';
  command: Command<P, B, O>;
  respond(output: O): RouteResult;
}

// biome-ignore lint/suspicious/noExplicitAny: a route table holds routes of every input type.
export type AnyRoute = PublicRoute<any, any, any> | ProtectedRoute<any, any, any> | CommandRoute<any, any, any>;

/** A route anyone may call. */
export function publicRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  route: PublicRoute<P, Q, B>,
): AnyRoute {
  return withLazyInput(route);
}

/** A route that answers 401 unless the caller sent a valid token. */
export function protectedRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  route: ProtectedRoute<P, Q, B>,
): AnyRoute {
  return withLazyInput(route);
}

/** The route of a write command: its path and documentation; params and body are the command's. */
export function commandRoute<P, B, O>(
  command: Command<P, B, O>,
  route: Omit<CommandRoute<P, B, O>, 'auth' | 'command' | 'input' | 'respond'> & {
    respond?: (output: O) => RouteResult;
  },
): AnyRoute {
  return {
    ...route,
    auth: 'required',
    command,
    // The command's own (built once, whether the API or a form asks first).
    ...(command.input ? { input: command.input } : {}),
    respond: route.respond ?? ((output: O) => ({ status: 200, body: output })),
  };
}

/** Built once, when the router first matches the route: a cold start builds no route's schemas. */
function withLazyInput<R extends { input?: () => unknown }>(route: R): R {
  return route.input ? { ...route, input: lazySchema(route.input) } : route;
}
