// What a draft-cavage HTTP Signature must cover before anything else looks at it: the request target,
// the host (so a signature made for another instance cannot be replayed here), the date (so the window
// check means something) and, on a post, the digest (so the body is covered). Mastodon's rule too.
// RFC 9421 signatures (Signature-Input) are left to the verifier, which requires their own components.
// Pure.

/** The headers the Signature header's `headers` parameter leaves out, lower case; empty when it covers them. */
export function uncoveredHeaders(signature: string, method: string): string[] {
  const listed = /(?:^|,)\s*headers="([^"]*)"/i.exec(signature)?.[1];
  // Without the parameter, draft-cavage signs the date alone.
  const covered = new Set((listed ?? 'date').toLowerCase().split(/\s+/).filter(Boolean));
  const required = ['(request-target)', 'host', 'date', ...(method === 'POST' ? ['digest'] : [])];
  return required.filter((name) => !covered.has(name));
}
