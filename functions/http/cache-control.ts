// How long pages may be kept, stated once: the site's adapter sends it, and the CDK app's CloudFront
// cache policy honours it (infra/constructs/site-distribution.ts), so the two cannot drift apart.

/** CloudFront keeps a prerendered page a day; every deploy invalidates it sooner. */
export const prerenderedEdgeSeconds = 86_400;

/**
 * Prerendered pages are the same for everyone and change only with a deploy. Browsers keep them five
 * minutes; old hashed assets stay in S3 after a deploy, so a page a browser still holds keeps working.
 */
export const prerenderedCacheControl = `public, max-age=300, s-maxage=${prerenderedEdgeSeconds}`;
