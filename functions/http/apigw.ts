// Translation between API Gateway HTTP API (payload v2) events and the router's plain request and
// response. Used by the API Lambda in AWS and, through the same handler, by the local gateway.
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { HttpRequest, HttpResponse } from './router.ts';
import { identityFromClaims } from '#adapters/auth/token-verifier.ts';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiResult = APIGatewayProxyStructuredResultV2;

export function requestFromEvent(event: ApiEvent): HttpRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) headers[name.toLowerCase()] = value;
  const body =
    event.body === undefined
      ? undefined
      : event.isBase64Encoded
        ? Buffer.from(event.body, 'base64').toString('utf8')
        : event.body;
  // Claims sit where the JWT authorizer puts them; without an authorizer the route is public.
  const claims = event.requestContext.authorizer?.jwt?.claims;
  return {
    method: event.requestContext.http.method.toUpperCase(),
    path: event.rawPath,
    rawQuery: event.rawQueryString ?? '',
    headers,
    body,
    identity: identityFromClaims(claims),
    requestId: event.requestContext.requestId,
  };
}

export function resultFromResponse(response: HttpResponse): ApiResult {
  return {
    statusCode: response.status,
    headers: response.headers,
    body: response.body,
    isBase64Encoded: response.isBase64Encoded ?? false,
  };
}
