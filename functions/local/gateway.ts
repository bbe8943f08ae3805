// The local gateway: HTTP in, the same API Gateway v2 event and Lambda context AWS would produce,
// the same handler code, HTTP out. It also plays the JWT authorizer on protected routes, serves the
// built site's files (CloudFront + S3 in AWS), passes other pages to the site's server handler, and
// hosts the development sign-in page. What it answers itself (files, sign-in, its own refusals) gets
// the project's security headers here; what a Lambda answers passes through as API Gateway passes it,
// so a handler that forgot them would show.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, relative, resolve } from 'node:path';
import type { Context } from 'aws-lambda';
import type { ApiEvent, ApiResult } from '#http/apigw.ts';
import type { Logger } from '#platform/log.ts';
import { type CompiledRoute, matchRoute } from '#http/router.ts';
import { clearedSessionCookie, readCookie, safeReturnTo, sessionCookie, sessionCookieName } from '#http/session.ts';
import type { PrerenderedPolicies } from '#http/prerendered-policies.ts';
import { pageContentSecurityPolicy, securityHeaders } from '#http/security-headers.ts';
import { bearerToken, type TokenVerifier } from '#adapters/auth/token-verifier.ts';
import type { Person } from '#domain/people/person.ts';
import { buildEvent, lambdaContext, readResult } from './gateway-event.ts';
import type { DevIdentityProvider } from './dev-identity.ts';
import { sessionSeconds } from './dev-identity.ts';
import { signInPage, signInStyles } from './sign-in-page.ts';
import { devMail } from './dev-mail-page.ts';
import type { MailCatcher } from './mail-catcher.ts';

export type LambdaHandler = (event: ApiEvent, context: Context) => Promise<ApiResult>;

export interface GatewayOptions {
  api: LambdaHandler;
  apiRoutes: CompiledRoute[];
  site?: LambdaHandler;
  staticDir?: string;
  /** The prerendered pages' policies (with their hashes), read from the site's build. */
  pagePolicies?: PrerenderedPolicies;
  verifyToken: TokenVerifier;
  devIdentity?: { provider: DevIdentityProvider; people: Person[] };
  /** The caught mail at /dev/mail/ (local only, like the sign-in page). */
  devMail?: MailCatcher;
  log: Logger;
}

/** API Gateway HTTP APIs refuse payloads over 10 MB before any Lambda runs. */
const gatewayBodyLimit = 10 * 1024 * 1024;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
};

export function createGateway(options: GatewayOptions): Server {
  return createServer((request, response) => {
    handle(options, request, response).catch((error: unknown) => {
      options.log.error('gateway failure', { error });
      if (!response.headersSent) {
        response.writeHead(502, { 'content-type': 'application/json', ...securityHeaders({}) });
      }
      response.end(JSON.stringify({ message: 'Internal Server Error' }));
    });
  });
}

async function handle(options: GatewayOptions, request: IncomingMessage, response: ServerResponse) {
  const url = request.url ?? '/';
  const path = url.split('?')[0] ?? '/';
  const method = (request.method ?? 'GET').toUpperCase();
  const body = await readBody(request, gatewayBodyLimit);
  if (body === 'too-large') {
    return send(
      response,
      413,
      { 'content-type': 'application/json' },
      JSON.stringify({ message: 'Request Entity Too Large' }),
    );
  }
  const parts = {
    method,
    url,
    rawHeaders: request.rawHeaders,
    body,
    sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
  };

  if (options.devIdentity && (path === '/auth/sign-in' || path === '/auth/sign-out')) {
    return devAuth(options.devIdentity, options.verifyToken, method, url, request, body, response);
  }

  const mail = options.devMail && devMail(options.devMail, method, path);
  if (mail) return send(response, mail.status, mail.headers, method === 'HEAD' ? '' : mail.body);

  // /api, and the few routes the fediverse looks for at the root (/.well-known/webfinger, /.well-known/nodeinfo).
  const { found, allowed } = matchRoute(options.apiRoutes, method, path);
  if (path === '/api' || path.startsWith('/api/') || allowed.length > 0) {
    let claims: Record<string, unknown> | undefined;
    if (found?.route.auth === 'required') {
      // What API Gateway's JWT authorizer does: no valid token, no Lambda call.
      const token = bearerToken(request.headers.authorization);
      try {
        if (!token) throw new Error('missing token');
        claims = { ...(await options.verifyToken(token)) };
      } catch {
        return send(
          response,
          401,
          { 'content-type': 'application/json', 'www-authenticate': 'Bearer' },
          JSON.stringify({ message: 'Unauthorized' }),
        );
      }
    }
    const routeKey = found ? `${found.route.method} ${found.route.path}` : 'ANY /api/{proxy+}';
    const event = buildEvent({
      ...parts,
      routeKey,
      ...(found ? { pathParameters: found.rawParams } : {}),
      ...(claims ? { claims } : {}),
    });
    return reply(response, await options.api(event, lambdaContext('api', event)));
  }

  if ((method === 'GET' || method === 'HEAD') && options.staticDir) {
    const file = staticFile(options.staticDir, path);
    if (file) {
      const type = contentTypes[extname(file)] ?? 'application/octet-stream';
      const cache = path.startsWith('/_astro/')
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=0, must-revalidate';
      const policy = type.startsWith('text/html')
        ? options.pagePolicies?.(relative(resolve(options.staticDir), file))
        : undefined;
      response.writeHead(200, {
        'content-type': type,
        'cache-control': cache,
        'content-length': statSync(file).size,
        ...securityHeaders({ contentType: type, policy }),
      });
      if (method === 'HEAD') return response.end();
      createReadStream(file).pipe(response);
      return;
    }
  }
  if (options.site) {
    const event = buildEvent({ ...parts, routeKey: '$default' });
    return reply(response, await options.site(event, lambdaContext('site', event)));
  }
  send(response, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not found');
}

function staticFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const base = resolve(root);
  const target = normalize(join(base, decoded));
  if (!target.startsWith(base)) return undefined;
  for (const candidate of [target, join(target, 'index.html'), `${target}.html`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

async function devAuth(
  dev: NonNullable<GatewayOptions['devIdentity']>,
  verifyToken: TokenVerifier,
  method: string,
  url: string,
  request: IncomingMessage,
  body: Buffer,
  response: ServerResponse,
) {
  const html = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
  const path = url.split('?')[0];
  if (method === 'GET' && path === '/auth/sign-in') {
    const returnTo = safeReturnTo(new URL(url, 'http://local').searchParams.get('returnTo'));
    const token = readCookie(request.headers.cookie, sessionCookieName);
    const current = token ? await verifyToken(token).catch(() => undefined) : undefined;
    // The name shown is the profile's, never the token's own claim (which its holder could have edited).
    const signedInAs = current && (dev.people.find((person) => person.id === current.sub)?.name ?? current.sub);
    return send(
      response,
      200,
      { ...html, 'content-security-policy': signInPolicy },
      signInPage(dev.people, returnTo, signedInAs),
    );
  }
  if (method !== 'POST') return send(response, 405, { allow: 'GET, POST' }, '');
  const form = new URLSearchParams(body.toString('utf8'));
  if (path === '/auth/sign-out') {
    return send(response, 303, { location: '/', 'set-cookie': clearedSessionCookie() }, '');
  }
  const person = dev.people.find((candidate) => candidate.id === form.get('personId'));
  if (!person) {
    return send(response, 400, { ...html, 'content-security-policy': signInPolicy }, signInPage(dev.people, '/'));
  }
  const token = await dev.provider.sign(person);
  const location = safeReturnTo(form.get('returnTo'));
  send(response, 303, { location, 'set-cookie': sessionCookie(token, sessionSeconds, false) }, '');
}

function reply(response: ServerResponse, result: ApiResult) {
  const { status, headers, body } = readResult(result);
  const grouped: Record<string, string | string[]> = {};
  for (const [name, value] of headers) {
    const existing = grouped[name];
    grouped[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  response.writeHead(status, grouped);
  response.end(body);
}

/** The sign-in page's one inline style block, allowed by its hash. */
const signInPolicy = pageContentSecurityPolicy({ styles: [signInStyles] });

/** An answer of the gateway's own, with the security headers (a CSP passed in `headers` is kept). */
function send(response: ServerResponse, status: number, headers: Record<string, string | number>, body: string) {
  const type = headers['content-type'];
  const policy = headers['content-security-policy'];
  response.writeHead(status, {
    ...headers,
    ...securityHeaders({
      contentType: type === undefined ? undefined : String(type),
      policy: policy === undefined ? undefined : String(policy),
    }),
  });
  response.end(body);
}

/**
 * The request's body, or 'too-large' past `limit`. A request with neither Content-Length nor
 * Transfer-Encoding has none (RFC 9112 §6.3, as Node's parser reads it): answered at once, without
 * iterating a stream that only ends (most requests: every GET).
 */
async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  if (request.headers['content-length'] === undefined && request.headers['transfer-encoding'] === undefined) {
    return Buffer.alloc(0);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
