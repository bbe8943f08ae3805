// Remote documents read through the SSRF guard: an actor found by WebFinger (`acct:user@host`) or by its
// URL, and a JSON-LD object fetched by its id (a Note a Create named). The guard limits every fetch (public
// addresses only, 512 KB, 5 s); the answers are read with zod, nothing else of them trusted.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import type { ActorReference, ActorResolver, ResolvedActor } from '#domain/federation/remote-follow.ts';
import { type DocumentFetch, DocumentGoneError } from '#domain/federation/remote-opening.ts';
import type { GuardedFetch } from './guarded-fetch.ts';

const activityAccept =
  'application/activity+json, application/ld+json; profile="https://www.w3.org/ns/activitystreams"';
/** A remote document may be at most this large (the guard cuts off at its own limit too). */
export const remoteDocumentMaxBytes = 256 * 1024;

const url = () => z.string().check(z.maxLength(2048), z.regex(/^https?:\/\//));
// Built on first use, not at import: a cold start builds no schema (test/unit/aws-bundles.test.ts).
const webFingerSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    links: z.array(
      z.looseObject({ rel: z.optional(z.string()), type: z.optional(z.string()), href: z.optional(z.string()) }),
    ),
  }),
);
const actorSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: url(),
    type: z.string().check(z.maxLength(40)),
    inbox: url(),
    name: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
    preferredUsername: z.optional(z.string().check(z.maxLength(200))),
    endpoints: z.optional(z.looseObject({ sharedInbox: z.optional(url()) })),
  }),
);

export interface RemoteDocumentOptions {
  fetch: GuardedFetch;
  /** Whether a host is reached over plain http (loopback, which only the local stack and tests allow). */
  plainHttp?: (host: string) => boolean;
}

async function fetchJson(fetch: GuardedFetch, target: string, accept: string): Promise<unknown> {
  const response = await fetch(new Request(target, { headers: { accept } }));
  if (response.status === 404 || response.status === 410) {
    await response.body?.cancel();
    throw new DocumentGoneError(`${target} answered ${response.status}`);
  }
  if (!response.ok) throw new Error(`${target} answered ${response.status}`);
  const body = await response.text();
  if (body.length > remoteDocumentMaxBytes) throw new Error(`${target} is larger than 256 KB`);
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new Error(`${target} is not JSON`);
  }
}

/**
 * An object by its id, as JSON (a Note): 404 or 410 is `DocumentGoneError`; any other status not 2xx,
 * too large or not JSON is an error.
 */
export function remoteDocumentFetch(fetch: GuardedFetch): DocumentFetch {
  return (id) => fetchJson(fetch, id, activityAccept);
}

/** Finds an actor by WebFinger (`acct:`) or its URL, and reads its actor document. */
export function remoteActorResolver(options: RemoteDocumentOptions): ActorResolver {
  return async (reference: ActorReference): Promise<ResolvedActor> => {
    let actorUrl: string;
    if (reference.kind === 'acct') {
      const scheme = options.plainHttp?.(reference.host) ? 'http' : 'https';
      const resource = `acct:${reference.user}@${reference.host}`;
      const finger = webFingerSchema().safeParse(
        await fetchJson(
          options.fetch,
          `${scheme}://${reference.host}/.well-known/webfinger?resource=${encodeURIComponent(resource)}`,
          'application/jrd+json, application/json',
        ),
      );
      const self = finger.success
        ? finger.data.links.find((link) => link.rel === 'self' && /activity\+json|ld\+json/.test(link.type ?? ''))
        : undefined;
      if (!self?.href) throw new Error(`its WebFinger names no ActivityPub actor`);
      actorUrl = self.href;
    } else {
      actorUrl = reference.url;
    }
    const actor = actorSchema().safeParse(await fetchJson(options.fetch, actorUrl, activityAccept));
    if (!actor.success) throw new Error('its actor document is not one (no id, type or inbox)');
    if (new URL(actor.data.id).host !== new URL(actorUrl).host)
      throw new Error('its actor document is on another host');
    return {
      id: actor.data.id,
      type: actor.data.type,
      inbox: actor.data.inbox,
      sharedInbox: actor.data.endpoints?.sharedInbox,
      name: actor.data.name ?? actor.data.preferredUsername,
    };
  };
}
