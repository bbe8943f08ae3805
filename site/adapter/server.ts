// The site's Lambda handler: API Gateway v2 event in, Astro renders, result out. In AWS the function
// also carries the prerendered pages (copied into `client/` beside the bundle by the CDK app, with
// their policies in `prerendered-policies.json`), so every page, static or on demand, comes from one
// origin that accepts form posts; hashed assets come from S3. Locally the gateway serves those files
// before this handler is asked. Every answer leaves with the project's security headers.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'aws-lambda';
import { createApp } from 'astro/app/entrypoint';
import { lazyOriginCheck } from '#app/origin-check.ts';
import { getSecretReader } from '#app/secrets.ts';
import { loadServices } from '#app/services.ts';
import { getConfig } from '#config/config.ts';
import type { ApiEvent, ApiResult } from '#http/apigw.ts';
import { prerenderedCacheControl } from '#http/cache-control.ts';
import { originRefusal } from '#http/origin-check.ts';
import { prerenderedPoliciesFile, readPrerenderedPolicies } from '#http/prerendered-policies.ts';
import { securityHeaders } from '#http/security-headers.ts';
import { eventResultFromResponse, webRequestFromEvent } from '#http/web-fetch.ts';

const app = createApp();
// Lambda's task root when deployed; beside this module otherwise (where no client/ folder exists).
const bundleDir = process.env.LAMBDA_TASK_ROOT ?? dirname(fileURLToPath(import.meta.url));
const clientDir = join(bundleDir, 'client');
const hasClient = existsSync(clientDir);
const policies = hasClient ? readPrerenderedPolicies(join(bundleDir, prerenderedPoliciesFile)) : undefined;
const fromCloudFront = lazyOriginCheck(getConfig, getSecretReader);

let formTargets: string[] | undefined;
/** In AWS, sign-out posts here and is redirected to the hosted sign-in's logout, another origin. */
function hostedUiOrigins(): string[] {
  if (!formTargets) {
    const hostedUi = getConfig().AUTH_HOSTED_UI_URL;
    formTargets = hostedUi ? [new URL(hostedUi).origin] : [];
  }
  return formTargets;
}

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

/** Astro's own policy for the page when it made one (its hashes); the project's headers for the rest. */
function secured(result: ApiResult, policy?: string): ApiResult {
  const headers = { ...result.headers };
  const own = policy ?? headers['content-security-policy'];
  Object.assign(
    headers,
    securityHeaders({
      contentType: String(headers['content-type'] ?? ''),
      policy: own === undefined ? undefined : String(own),
      formTargets: hostedUiOrigins(),
    }),
  );
  return { ...result, headers };
}

export async function handler(event: ApiEvent, _context?: Context): Promise<ApiResult> {
  if (!(await fromCloudFront(event.headers))) return originRefusal();
  const method = event.requestContext.http.method;
  const file = method === 'GET' || method === 'HEAD' ? prerendered(event.rawPath) : undefined;
  if (file) {
    const result = {
      statusCode: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': prerenderedCacheControl },
      body: method === 'HEAD' ? '' : readFileSync(file, 'utf8'),
      isBase64Encoded: false,
    };
    return secured(result, policies?.(file.slice(clientDir.length)));
  }
  // Pages call getServices(); their secrets (signing key, Meilisearch key) are read here, once.
  await loadServices();
  const request = webRequestFromEvent(event);
  const response = await app.render(request, {
    addCookieHeader: true,
    clientAddress: event.requestContext.http.sourceIp,
  });
  return secured(await eventResultFromResponse(response));
}
