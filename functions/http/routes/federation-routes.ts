// The federation's routes (ActivityPub): WebFinger, NodeInfo, the actors, their collections and
// inboxes. Each passes the request, as it came, to Fedify (adapters/activitypub/federation.ts), which
// answers with JSON-LD and verifies inbox posts; the route table only says where they answer, so API
// Gateway, the local gateway and the OpenAPI document know them like any other route.
import { documented } from '#config/bundle.ts';
import * as z from 'zod/mini';
import { federationServices } from '#app/federation-services.ts';
import { federationPaths } from '#adapters/activitypub/paths.ts';
import { uncoveredHeaders } from '#domain/federation/signature-policy.ts';
import { senderHosts } from '#domain/federation/instance-host.ts';
import { blockKeysOf } from '#domain/federation/instance-block.ts';
import { ForbiddenError, RateLimitedError } from '#domain/errors.ts';
import { noteOf, recordDocument } from '#app/federation-outbox.ts';
import { isPublished, type StoredOpening } from '#domain/federation/opening-activity.ts';
import { effectiveStatus } from '#domain/openings/opening.ts';
import { type Method, publicRoute, type RouteContext, type RouteResult } from '../route.ts';

const activityJson = 'application/activity+json';
const tags = ['federation'];
/** An inbox post is one activity: Mastodon's are a few KB; 256 KB leaves room for a long note. */
const inboxLimit = { bytes: 256 * 1024, says: { of: 'activity', most: 256 * 1024 } } as const;

// An actor is a syndicate's id (80 at most), `_instance`, or a person's `p.<id>` (an id is 128 at most).
const identifierParams = () => ({
  params: z.object({ identifier: z.string().check(z.minLength(1), z.maxLength(140)) }),
});

/** The request for Fedify, at the instance's public origin (whatever host API Gateway was called at). */
function webRequest(method: Method, context: RouteContext<unknown, unknown, unknown>): Request {
  const origin = context.services.config.PUBLIC_URL;
  const headers = new Headers();
  for (const [name, value] of Object.entries(context.headers)) {
    if (value !== undefined && name !== 'host' && name !== 'content-length') headers.set(name, value);
  }
  // The host a signature covers is the one the sender addressed: ours, never the execute-api domain.
  headers.set('host', new URL(origin).host);
  const url = `${origin}${context.raw.path}${context.raw.query ? `?${context.raw.query}` : ''}`;
  return new Request(url, { method, headers, ...(method === 'POST' ? { body: context.raw.body ?? '' } : {}) });
}

/** The posted activity when the body is a JSON object, as every activity is (Fedify answered a bare string with a 500). */
function activityOf(body: string | undefined): object | null {
  try {
    const parsed: unknown = JSON.parse(body ?? '');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Refuses a post from a blocked instance (its key's host or its actor's) and counts it against its
 * sending instance's limit, both before anything is verified: a flood costs one counter update and one
 * batch read per post, never a key fetch. A post naming no host counts against one shared bucket.
 */
async function admitPost(context: RouteContext<unknown, unknown, unknown>, activity: object): Promise<void> {
  const { services } = context;
  const { inboxLimiter } = federationServices(services);
  const hosts = senderHosts(
    { signature: context.headers.signature, signatureInput: context.headers['signature-input'] },
    activity,
  );
  const [blocked, verdict] = await Promise.all([
    services.instanceBlocks.firstBlocked(blockKeysOf(hosts)),
    inboxLimiter.take(`inbox#${hosts[0]?.hostname ?? '-'}`, services.now()),
  ]);
  if (blocked) throw new ForbiddenError(`This instance does not accept activities from ${blocked.host}.`);
  if (!verdict.allowed) {
    throw new RateLimitedError(
      verdict.retryAfterSeconds,
      `Your instance has posted too many activities this minute; try again in ${verdict.retryAfterSeconds} seconds.`,
    );
  }
}

async function viaFedify(method: Method, context: RouteContext<unknown, unknown, unknown>): Promise<RouteResult> {
  if (method === 'POST') {
    const activity = activityOf(context.raw.body);
    if (!activity) {
      return problem(400, 'Not an activity', 'Post one activity: a JSON object with its type, actor and object.');
    }
    await admitPost(context, activity);
    const signature = context.headers.signature;
    if (signature && !context.headers['signature-input']) {
      const missing = uncoveredHeaders(signature, method);
      if (missing.length > 0) {
        return problem(401, 'Signature refused', `The signature must cover ${missing.join(', ')}.`);
      }
    }
  }
  const { federation } = federationServices(context.services);
  const response = await federation.fetch(webRequest(method, context), { contextData: undefined });
  const body = await response.text();
  const headers: Record<string, string> = {};
  for (const name of ['vary', 'cache-control', 'link', 'access-control-allow-origin']) {
    const value = response.headers.get(name);
    if (value) headers[name] = value;
  }
  // Fedify refuses in plain text ("Invalid JSON.", "Not Found"); the API refuses in problem+json.
  const type = response.headers.get('content-type') ?? '';
  if (response.status >= 400 && !/json/i.test(type)) {
    const title = refusalTitles[response.status] ?? 'Request refused';
    return { ...problem(response.status, title, body.trim() || title), headers };
  }
  return {
    status: response.status,
    headers,
    ...(body ? { body, contentType: response.headers.get('content-type') ?? 'text/plain; charset=utf-8' } : {}),
  };
}

/** The titles of Fedify's refusals, as the inbox's documented answers name them. */
const refusalTitles: Record<number, string> = {
  400: 'Not an activity',
  401: 'Signature refused',
  404: 'No such actor here',
  406: 'Not acceptable',
};

function problem(status: number, title: string, detail: string): RouteResult {
  return {
    status,
    contentType: 'application/problem+json',
    body: JSON.stringify({ type: 'about:blank', title, status, detail }),
  };
}

const read = (
  path: string,
  summary: string,
  description: string,
  contentType: string,
  params = true,
  more: Record<number, { description: string; contentType?: string }> = {},
) =>
  publicRoute<{ identifier: string }>({
    method: 'GET',
    path,
    auth: 'none',
    ...(params ? { input: identifierParams } : {}),
    doc: documented && {
      summary,
      tags,
      responses: {
        200: { description, contentType },
        404: { description: 'No such actor here.' },
        406: { description: 'Ask for application/activity+json (or application/ld+json).' },
        503: { description: 'This instance is not configured for federation: it has no ActivityPub key to publish.' },
        ...more,
      },
    },
    handle: (context) => viaFedify('GET', context),
  });

const inbox = (path: string, summary: string, params = true) =>
  publicRoute({
    method: 'POST',
    path,
    auth: 'none',
    bodyLimit: inboxLimit,
    ...(params ? { input: identifierParams } : {}),
    doc: documented && {
      summary,
      tags,
      responses: {
        202: { description: 'The activity was verified and accepted (a Follow’s Accept follows through the queue).' },
        400: { description: 'Not an activity.' },
        401: {
          description:
            'Unsigned, or the signature does not verify: it must cover (request-target), host, date and digest, its Date within 5 minutes, its Digest the body’s, its keyId the sending actor’s key.',
        },
        403: { description: 'The sending instance (its key’s or its actor’s host) is blocked here.' },
        404: { description: 'No such actor here.' },
        413: { description: 'Larger than 256 KB.' },
        429: { description: 'The sending instance posted too many activities this minute; retry after Retry-After.' },
        503: { description: 'This instance is not configured for federation: it has no ActivityPub key to sign with.' },
      },
    },
    handle: (context) => viaFedify('POST', context),
  });

/**
 * An opening's Note, as its Create named it: a receiver re-fetches it by id rather than trust a body.
 * Open: the Note. Closed, filled or expired: 410 with a Tombstone, so peers drop it. A draft, or no such
 * opening: 404, as a draft is nobody's business outside its syndicate.
 */
async function openingNote(context: RouteContext<{ identifier: string }, unknown, unknown>): Promise<RouteResult> {
  const { services } = context;
  const opening = (await services.openings.get(context.params.identifier)) as StoredOpening | null;
  if (!opening || opening.status === 'draft') {
    return problem(404, 'No such opening here', 'No open opening has this id on this instance.');
  }
  const syndicate = await services.syndicates.get(opening.syndicateId);
  const origin = services.config.PUBLIC_URL;
  const headers = { 'cache-control': 'public, max-age=60', vary: 'accept' };
  if (!syndicate || !isPublished(opening) || effectiveStatus(opening, services.now()) !== 'open') {
    return {
      status: 410,
      headers,
      contentType: activityJson,
      body: JSON.stringify({
        '@context': 'https://www.w3.org/ns/activitystreams',
        id: `${origin}${federationPaths.opening.replace('{identifier}', opening.id)}`,
        type: 'Tombstone',
        formerType: 'Note',
        deleted: opening.expiredOn ? `${opening.expiredOn}T23:59:59Z` : opening.updatedAt,
      }),
    };
  }
  const note = noteOf(opening, syndicate, origin, () => services.commons);
  return { status: 200, headers, contentType: activityJson, body: JSON.stringify(note) };
}

/**
 * An innovation record's Document, as its Create named it (domain/federation/record-object.ts): the
 * published record's Document; a record published once and no longer, 410 with a Tombstone; a draft or
 * nothing, 404.
 */
async function recordObjectRoute(
  context: RouteContext<{ identifier: string }, unknown, unknown>,
): Promise<RouteResult> {
  const { services } = context;
  const id = context.params.identifier;
  const origin = services.config.PUBLIC_URL;
  const headers = { 'cache-control': 'public, max-age=60', vary: 'accept' };
  const record = await services.innovations.get(id);
  if (!record || (record.status !== 'published' && record.currentVersion === 0)) {
    return problem(404, 'No such record here', 'No published innovation record has this id on this instance.');
  }
  const document = await recordDocument(
    { innovations: services.innovations, people: services.people, commons: () => services.commons },
    origin,
    id,
  );
  if (!document) {
    return {
      status: 410,
      headers,
      contentType: activityJson,
      body: JSON.stringify({
        '@context': 'https://www.w3.org/ns/activitystreams',
        id: `${origin}${federationPaths.record.replace('{identifier}', id)}`,
        type: 'Tombstone',
        formerType: 'Document',
        deleted: record.updatedAt,
      }),
    };
  }
  return { status: 200, headers, contentType: activityJson, body: JSON.stringify(document) };
}

export const federationRoutes = [
  publicRoute<Record<string, never>, { resource: string }>({
    method: 'GET',
    path: federationPaths.webFinger,
    auth: 'none',
    input: () => ({ query: z.object({ resource: z.string().check(z.minLength(1), z.maxLength(512)) }) }),
    doc: documented && {
      summary: 'WebFinger: a syndicate’s Group actor by acct:<syndicate>@<host>, a person’s by acct:p.<id>@<host>',
      tags,
      responses: {
        200: {
          description: 'The account’s links (RFC 7033), its ActivityPub actor among them.',
          contentType: 'application/jrd+json',
        },
        404: { description: 'No such account here.' },
      },
    },
    // A person who stopped showing their profile is no account here: Fedify answers their actor's
    // URL with 410 (its Tombstone), WebFinger with 404 like any other account that is not here.
    handle: async (context) => {
      const result = await viaFedify('GET', context);
      return result.status === 410 ? problem(404, 'No such account here', 'No account by this name is here.') : result;
    },
  }),
  read(
    federationPaths.nodeInfoPointer,
    'Where the NodeInfo document is',
    'Links to NodeInfo 2.1.',
    'application/json',
    false,
  ),
  read(
    federationPaths.nodeInfo,
    'NodeInfo 2.1: the software and protocols of this instance',
    'The NodeInfo 2.1 document.',
    'application/json; profile="http://nodeinfo.diaspora.software/ns/schema/2.1#"',
    false,
  ),
  read(
    federationPaths.actor,
    'An actor: the instance (`_instance`, a Service), a syndicate (a Group) or a person who opted in (`p.<id>`, a Person)',
    'The actor, with its inbox, outbox, followers and public key.',
    activityJson,
    true,
    {
      410: {
        description: 'A person who stopped showing their profile to the fediverse: a Tombstone.',
        contentType: activityJson,
      },
    },
  ),
  read(federationPaths.outbox, 'An actor’s outbox', 'An OrderedCollection.', activityJson),
  publicRoute<{ identifier: string }>({
    method: 'GET',
    path: federationPaths.opening,
    auth: 'none',
    input: identifierParams,
    doc: documented && {
      summary: 'An opening as an ActivityPub Note, with its schema.org JobPosting',
      tags,
      responses: {
        200: {
          description: 'The open opening’s Note (what its Create and Update carried).',
          contentType: activityJson,
        },
        404: { description: 'No such opening here (or a draft).' },
        410: { description: 'Closed, filled or expired: a Tombstone.', contentType: activityJson },
      },
    },
    handle: openingNote,
  }),
  publicRoute<{ identifier: string }>({
    method: 'GET',
    path: federationPaths.record,
    auth: 'none',
    input: identifierParams,
    doc: documented && {
      summary:
        'An innovation record as an ActivityStreams Document (guildhall:type record), what a followed commons sends',
      tags,
      responses: {
        200: {
          description: 'The published record’s Document (what its Create and Update carried).',
          contentType: activityJson,
        },
        404: { description: 'No such record here (or a draft).' },
        410: { description: 'Published once and no longer: a Tombstone.', contentType: activityJson },
      },
    },
    handle: recordObjectRoute,
  }),
  read(federationPaths.followers, 'An actor’s followers (their number)', 'An OrderedCollection.', activityJson),
  inbox(federationPaths.inbox, 'An actor’s inbox: signed activities from other servers'),
  inbox(federationPaths.sharedInbox, 'The instance’s shared inbox', false),
];
