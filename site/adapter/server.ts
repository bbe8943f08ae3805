// The site's Lambda handler: API Gateway v2 event in, Astro renders, result out. In AWS the function
// also carries the prerendered pages (copied into `client/` beside the bundle by the CDK app), so
// every page, static or on demand, comes from one origin that accepts form posts; hashed assets
// come from S3. Locally the gateway serves those files before this handler is asked.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'aws-lambda';
import { createApp } from 'astro/app/entrypoint';
import type { ApiEvent, ApiResult } from '#http/apigw.ts';
import { eventResultFromResponse, webRequestFromEvent } from '#http/web-fetch.ts';

const app = createApp();
// Lambda's task root when deployed; beside this module otherwise (where no client/ folder exists).
const clientDir = join(process.env.LAMBDA_TASK_ROOT ?? dirname(fileURLToPath(import.meta.url)), 'client');
const hasClient = existsSync(clientDir);

function prerendered(path: string): string | undefined {
  if (!hasClient) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const target = normalize(join(clientDir, decoded));
  if (!target.startsWith(clientDir)) return undefined;
  for (const candidate of [join(target, 'index.html'), `${target}.html`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

export async function handler(event: ApiEvent, _context?: Context): Promise<ApiResult> {
  const method = event.requestContext.http.method;
  const file = method === 'GET' || method === 'HEAD' ? prerendered(event.rawPath) : undefined;
  if (file) {
    return {
      statusCode: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=0, must-revalidate' },
      body: method === 'HEAD' ? '' : readFileSync(file, 'utf8'),
      isBase64Encoded: false,
    };
  }
  const request = webRequestFromEvent(event);
  const response = await app.render(request, {
    addCookieHeader: true,
    clientAddress: event.requestContext.http.sourceIp,
  });
  return eventResultFromResponse(response);
}
