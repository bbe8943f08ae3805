// The API and the site answer only through CloudFront. API Gateway's execute-api URL stays reachable
// (CloudFront needs it), so CloudFront adds a secret header to every origin request (replacing any a
// viewer sent) and both functions refuse a request without it with 403, before any other work. The
// value lives in Secrets Manager; the functions read it on first need (see app/secrets.ts).
import { timingSafeEqual } from 'node:crypto';
import type { ApiResult } from './apigw.ts';
import { simpleProblem } from './problem.ts';
import { securityHeaders } from './security-headers.ts';

/** The header CloudFront sets on origin requests; infra/ declares it on the distribution's origin. */
export const originVerifyHeader = 'x-origin-verify';

export interface OriginCheckOptions {
  /** The expected value; `fresh` asks for it again (after a rotation). */
  expected: (options?: { fresh?: boolean }) => Promise<string>;
  now?: () => number;
  /** A mismatch re-reads the expected value at most this often, so a rotated secret is picked up. */
  refreshAfterMs?: number;
}

/** True when the request came through CloudFront: it carries the expected header value. */
export type OriginCheck = (headers: Readonly<Record<string, string | undefined>> | undefined) => Promise<boolean>;

export function createOriginCheck(options: OriginCheckOptions): OriginCheck {
  const now = options.now ?? Date.now;
  const refreshAfterMs = options.refreshAfterMs ?? 60_000;
  let lastRead = Number.NEGATIVE_INFINITY;
  const read = async (fresh: boolean) => {
    const value = await options.expected({ fresh });
    lastRead = now();
    return value;
  };
  return async (headers) => {
    const sent = headerValue(headers, originVerifyHeader);
    // No header: refused at once, without reading any secret.
    if (!sent) return false;
    if (same(sent, await read(false))) return true;
    // A rotated secret: CloudFront may already send the new value while this instance holds the old one.
    if (now() - lastRead < refreshAfterMs) return false;
    return same(sent, await read(true));
  };
}

/** Local and test stacks have no CloudFront in front: every request passes. */
export const anyOrigin: OriginCheck = async () => true;

/** The answer to a request that did not come through CloudFront. */
export function originRefusal(): ApiResult {
  const { status, problem } = simpleProblem(
    403,
    'forbidden',
    'Not allowed',
    'This address answers only through the site: use its public URL.',
  );
  return {
    statusCode: status,
    headers: {
      'content-type': 'application/problem+json',
      ...securityHeaders({ contentType: 'application/problem+json' }),
    },
    body: JSON.stringify(problem),
    isBase64Encoded: false,
  };
}

function headerValue(headers: Readonly<Record<string, string | undefined>> | undefined, name: string) {
  if (!headers) return undefined;
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

/** Constant-time comparison, so timing reveals nothing about how much of a guess was right. */
function same(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
