// The site's Lambda handler: API Gateway v2 event in, Astro renders, result out.
import type { Context } from 'aws-lambda';
import { createApp } from 'astro/app/entrypoint';
import type { ApiEvent, ApiResult } from '#http/apigw.ts';
import { eventResultFromResponse, webRequestFromEvent } from '#http/web-fetch.ts';

const app = createApp();

export async function handler(event: ApiEvent, _context?: Context): Promise<ApiResult> {
  const request = webRequestFromEvent(event);
  const response = await app.render(request, {
    addCookieHeader: true,
    clientAddress: event.requestContext.http.sourceIp,
  });
  return eventResultFromResponse(response);
}
