// The security headers, defined once. The API router, the site's Lambda adapter, the local gateway
// and CloudFront's response headers policy (`infra/security-headers-policy.ts`) all take them from
// here, so what a browser gets cannot depend on which of them answered. Pure: strings in, strings out.
import { createHash } from 'node:crypto';

/**
 * HSTS: two years, subdomains included. Only CloudFront sends it (the site's one https front door in
 * AWS); the functions and the local gateway never do, so the local http stack cannot pin a browser.
 */
export const strictTransportSecurity = { maxAgeSeconds: 63_072_000, includeSubDomains: true } as const;
export const strictTransportSecurityValue = `max-age=${strictTransportSecurity.maxAgeSeconds}; includeSubDomains`;

/**
 * Powerful features no Guildhall page uses, off for the page and for anything it might embed. Only
 * names Chromium knows: it reports an unknown name as a console error on every page.
 */
export const disabledFeatures = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
] as const;

/** What every response carries, page or data, from every origin. */
export const commonSecurityHeaders: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  // The old spelling of frame-ancestors 'none', for browsers that predate CSP 2.
  'x-frame-options': 'DENY',
  'permissions-policy': disabledFeatures.map((feature) => `${feature}=()`).join(', '),
  'cross-origin-opener-policy': 'same-origin',
};

/** Data (JSON, problem+json, CSV, feeds, plain text, redirects): it loads nothing and nobody frames it. */
export const dataContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/**
 * A page's policy apart from `script-src` and `style-src`. Astro adds those two with the hashes of the
 * scripts and styles it emits for each page (`site/astro.config.ts` passes these directives to its
 * `security.csp`). No `unsafe-inline` anywhere: an injected `<script>`, `<style>` or `style=""` runs
 * nowhere; `form-action 'self'` keeps forms from posting elsewhere.
 */
export const pageDirectives = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
] as const;

/** The CSP source expression of a script's or style's exact text, as browsers compute it. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * A page policy for HTML that Astro did not build (the local sign-in page, the site's plain-HTML
 * answers) from the hashes of its own inline scripts and styles; with none, only files from this
 * origin run.
 */
export function pageContentSecurityPolicy(inline: { scripts?: string[]; styles?: string[] } = {}): string {
  const sources = (texts: string[] | undefined) => ["'self'", ...(texts ?? []).map(cspHash)].join(' ');
  return [...pageDirectives, `script-src ${sources(inline.scripts)}`, `style-src ${sources(inline.styles)}`].join('; ');
}

/**
 * Lets a page's forms reach other origins too. The production sign-out posts to /auth/sign-out, which
 * redirects to the hosted sign-in's logout; browsers check form-action on that redirect as well.
 */
export function allowFormTargets(policy: string, origins: readonly string[]): string {
  if (origins.length === 0) return policy;
  return policy
    .split(';')
    .map((directive) => directive.trim())
    .filter(Boolean)
    .map((directive) => {
      const [name, ...sources] = directive.split(/\s+/);
      if (name?.toLowerCase() !== 'form-action') return directive;
      const kept = sources.filter((source) => source !== "'none'");
      return [name, ...kept, ...origins.filter((origin) => !kept.includes(origin))].join(' ');
    })
    .join('; ');
}

const html = /^\s*text\/html\b/i;

/**
 * The full set for one response: the common headers and a CSP. A page keeps the policy built for it
 * (Astro's, with its hashes); HTML without one gets the strict page policy; anything else is data.
 * `formTargets` are other origins the page's forms may reach (see `allowFormTargets`).
 */
export function securityHeaders(response: {
  contentType?: string | undefined;
  policy?: string | undefined;
  formTargets?: readonly string[];
}): Record<string, string> {
  const policy =
    response.policy ??
    (response.contentType && html.test(response.contentType) ? pageContentSecurityPolicy() : dataContentSecurityPolicy);
  return {
    ...commonSecurityHeaders,
    'content-security-policy': allowFormTargets(policy, response.formTargets ?? []),
  };
}

/** What every API response carries, whatever its type: the API serves data only. */
export const apiSecurityHeaders: Readonly<Record<string, string>> = securityHeaders({});
