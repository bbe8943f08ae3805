// The site's Lambda handler: API Gateway v2 event in, Astro renders, result out. In AWS the function
// also carries the prerendered pages (copied into `client/` beside the bundle by the CDK app, with
// their policies in `prerendered-policies.json`), so every page, static or on demand, comes from one
// origin that accepts form posts; hashed assets come from S3. Locally the gateway serves those files
// before this handler is asked. Every answer leaves with the project's security headers.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from 'astro/app/entrypoint';
import { getSecretReader } from '#app/secrets.ts';
import { loadServices } from '#app/services.ts';
import { getTelemetry } from '#app/store-services.ts';
import { getConfig } from '#config/config.ts';
import type { ApiEvent, ApiResult } from '#http/apigw.ts';
import { prerenderedCacheControl } from '#http/cache-control.ts';
import { originRefusal } from '#http/origin-check.ts';
import { lazyOriginCheck } from '#http/origin-check-config.ts';
import { prerenderedPoliciesFile, readPrerenderedPolicies } from '#http/prerendered-policies.ts';
import { securityHeaders } from '#http/security-headers.ts';
import { eventResultFromResponse, webRequestFromEvent } from '#http/web-fetch.ts';
import { lambdaHandler } from '#platform/telemetry.ts';

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

/** One page: a prerendered file, or Astro's rendering; its route is the page's template (`/jobs/[id]`). */
async function serve(event: ApiEvent): Promise<{ result: ApiResult; route: string }> {
  const method = event.requestContext.http.method;
  const file = method === 'GET' || method === 'HEAD' ? prerendered(event.rawPath) : undefined;
  if (file) {
    const result = {
      statusCode: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': prerenderedCacheControl },
      body: method === 'HEAD' ? '' : readFileSync(file, 'utf8'),
      isBase64Encoded: false,
    };
    return { result: secured(result, policies?.(file.slice(clientDir.length))), route: 'prerendered' };
  }
  // Pages call getServices(); their secrets (signing key, Meilisearch key) are read here, once.
  await loadServices();
  const request = webRequestFromEvent(event);
  const route = app.match(request)?.route ?? 'unmatched';
  const response = await app.render(request, {
    addCookieHeader: true,
    clientAddress: event.requestContext.http.sourceIp,
  });
  return { result: secured(await eventResultFromResponse(response)), route };
}

// Telemetry is built on the first invocation: Astro loads this module while it builds, where nothing is
// configured. A request that did not come through CloudFront is refused before anything else.
export const handler = lambdaHandler(
  getTelemetry,
  async (event: ApiEvent): Promise<ApiResult> => {
    if (!(await fromCloudFront(event.headers))) return originRefusal();
    const started = performance.now();
    const { result, route } = await serve(event);
    getTelemetry().requestServed({
      correlationId: event.requestContext.requestId,
      method: event.requestContext.http.method,
      path: event.rawPath,
      route,
      status: result.statusCode ?? 200,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
    return result;
  },
  { correlationId: (event) => event.requestContext.requestId },
);
