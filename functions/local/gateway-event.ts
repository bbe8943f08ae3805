// Builds the API Gateway HTTP API (payload format 2.0) event that AWS would hand the Lambda for an
// HTTP request, and reads the Lambda's result back. Pure: the gateway does the sockets.
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { ApiEvent, ApiResult } from '#http/apigw.ts';

export interface IncomingParts {
  method: string;
  /** Path and query as received, e.g. `/api/search?q=weld`. */
  url: string;
  /** Raw header pairs as Node gives them (`rawHeaders`), names in any case. */
  rawHeaders: string[];
  body: Buffer;
  sourceIp: string;
  routeKey?: string;
  pathParameters?: Record<string, string>;
  claims?: Record<string, unknown>;
  now?: Date;
}

const textTypes = /^(text\/|application\/(json|problem\+json|x-www-form-urlencoded|xml|javascript)|.*\+json|.*\+xml)/i;

export function buildEvent(parts: IncomingParts): ApiEvent {
  const now = parts.now ?? new Date();
  const questionMark = parts.url.indexOf('?');
  const rawPath = questionMark === -1 ? parts.url : parts.url.slice(0, questionMark);
  const rawQueryString = questionMark === -1 ? '' : parts.url.slice(questionMark + 1);

  // API Gateway joins repeated headers with commas and moves cookies to their own array.
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let index = 0; index + 1 < parts.rawHeaders.length; index += 2) {
    const name = (parts.rawHeaders[index] ?? '').toLowerCase();
    const value = parts.rawHeaders[index + 1] ?? '';
    if (name === 'cookie') {
      cookies.push(
        ...value
          .split(';')
          .map((cookie) => cookie.trim())
          .filter(Boolean),
      );
      continue;
    }
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }

  const queryStringParameters: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(rawQueryString)) {
    queryStringParameters[key] =
      queryStringParameters[key] === undefined ? value : `${queryStringParameters[key]},${value}`;
  }

  const hasBody = parts.body.length > 0;
  const isText = textTypes.test(headers['content-type'] ?? 'text/plain');
  const requestId = randomUUID();
  const routeKey = parts.routeKey ?? '$default';
  const event: ApiEvent = {
    version: '2.0',
    routeKey,
    rawPath: safeDecodePath(rawPath),
    rawQueryString,
    headers,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method: parts.method.toUpperCase(),
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: parts.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      authorizer: {
        principalId: '',
        integrationLatency: 0,
        jwt: { claims: stringClaims(parts.claims ?? {}), scopes: [] },
      },
    },
    isBase64Encoded: hasBody && !isText,
  };
  if (!parts.claims) delete (event.requestContext as { authorizer?: unknown }).authorizer;
  if (cookies.length > 0) event.cookies = cookies;
  if (rawQueryString) event.queryStringParameters = queryStringParameters;
  if (parts.pathParameters) event.pathParameters = parts.pathParameters;
  if (hasBody) event.body = isText ? parts.body.toString('utf8') : parts.body.toString('base64');
  return event;
}

/** API Gateway's JWT authorizer hands claims to the Lambda as strings. */
function stringClaims(claims: Record<string, unknown>): Record<string, string | number | boolean | string[]> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    result[name] = typeof value === 'string' ? value : Array.isArray(value) ? `[${value.join(' ')}]` : String(value);
  }
  return result;
}

function safeDecodePath(path: string): string {
  // API Gateway passes rawPath percent-encoded; keep it so, but normalise invalid escapes away.
  try {
    decodeURI(path);
    return path;
  } catch {
    return path.replace(/%(?![0-9a-f]{2})/gi, '%25');
  }
}

export interface OutgoingParts {
  status: number;
  headers: Array<[string, string]>;
  body: Buffer;
}

export function readResult(result: ApiResult): OutgoingParts {
  const headers: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(result.headers ?? {})) headers.push([name, String(value)]);
  for (const cookie of result.cookies ?? []) headers.push(['set-cookie', cookie]);
  const raw = result.body ?? '';
  const body = result.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  return { status: result.statusCode ?? 200, headers, body };
}

/** The Lambda context the function gets with that event (here its request id is API Gateway's too). */
export function lambdaContext(functionName: string, event: ApiEvent): Context {
  const deadline = Date.now() + 29_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: event.requestContext.requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
