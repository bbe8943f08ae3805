// Which instance an inbox post comes from, read before anything is verified: the host of the
// signature's keyId (draft-cavage `Signature` or RFC 9421 `Signature-Input`), else of the activity's
// actor. Nothing here is trusted yet: it only decides whose rate limit a post counts against and
// whether its instance is blocked, and a post that lies about its host is refused by the verifier.
// Pure.

/**
 * A host as a steward names it: a DNS name or IPv4 address, lower case, with an optional port. No
 * lookahead, so the OpenAPI document's pattern is one every fuzzer can generate from; the length is
 * the schema's (instance-block.ts).
 */
export const instanceHostPattern =
  /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::[0-9]{1,5})?$/;

/** The host (with a non-default port) and the hostname of an http(s) URL; null for anything else. */
export function hostOf(url: unknown): { host: string; hostname: string } | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    return { host: parsed.host.toLowerCase(), hostname: parsed.hostname.toLowerCase() };
  } catch {
    return null;
  }
}

/** The keyId a signature names, from either signature header; undefined when there is none. */
function keyIdOf(headers: { signature?: string | undefined; signatureInput?: string | undefined }) {
  const pattern = /(?:^|[,;\s])keyid="([^"]*)"/i;
  return pattern.exec(headers.signature ?? '')?.[1] ?? pattern.exec(headers.signatureInput ?? '')?.[1] ?? undefined;
}

/**
 * The hosts a post claims to come from: its signature's key's and its actor's (an actor may keep its
 * key elsewhere, so a block looks at both). The first is the one it is counted against.
 */
export function senderHosts(
  headers: { signature?: string | undefined; signatureInput?: string | undefined },
  activity: unknown,
): { host: string; hostname: string }[] {
  const actor = typeof activity === 'object' && activity !== null ? (activity as { actor?: unknown }).actor : undefined;
  const actorId = typeof actor === 'object' && actor !== null ? (actor as { id?: unknown }).id : actor;
  const hosts = [hostOf(keyIdOf(headers)), hostOf(actorId)].filter((host) => host !== null);
  return hosts.filter((host, index) => hosts.findIndex((other) => other.host === host.host) === index);
}
