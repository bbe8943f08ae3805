// A remote Guildhall-like instance for tests: a loopback listener serving WebFinger for one syndicate,
// its Group actor with its own RSA key, and the Notes of its openings (in the object format of
// ARCHITECTURE.md); it records what reaches it, and signs (draft-cavage, with fediverse.ts's independent
// signer) the activities a test posts from it to Guildhall's inbox.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { HttpRequest } from '#http/router.ts';
import { cavageHeaders, type Received } from './fediverse.ts';

export interface RemoteSyndicate {
  base: string;
  host: string;
  actorId: string;
  handle: string;
  inbox: string;
  received: Received[];
  inboxPosts(): Received[];
  /** Serves (or, with null, stops serving: 410) a Note under /openings/<id>. */
  setNote(openingId: string, note: Record<string, unknown> | null): void;
  noteId(openingId: string): string;
  /** A signed post of `activity` (its actor is the Group) to `inboxUrl`, as a router request. */
  signedPost(inboxUrl: string, activity: Record<string, unknown>): Partial<HttpRequest> & { path: string };
  close(): Promise<void>;
}

export async function startRemoteSyndicate(
  name = 'valencia-carpenters',
  options: { actorType?: string } = {},
): Promise<RemoteSyndicate> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const received: Received[] = [];
  const notes = new Map<string, Record<string, unknown> | null>();
  let base = '';
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', base);
      received.push({
        method: request.method ?? 'GET',
        path: url.pathname + url.search,
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      });
      const send = (status: number, body?: unknown, type = 'application/activity+json') => {
        response.writeHead(status, body === undefined ? {} : { 'content-type': type });
        response.end(body === undefined ? undefined : JSON.stringify(body));
      };
      if (request.method === 'GET' && url.pathname === '/.well-known/webfinger') {
        if (url.searchParams.get('resource') !== `acct:${name}@${new URL(base).host}`) return send(404);
        return send(
          200,
          {
            subject: url.searchParams.get('resource'),
            links: [{ rel: 'self', type: 'application/activity+json', href: actorId }],
          },
          'application/jrd+json',
        );
      }
      if (request.method === 'GET' && url.pathname === `/actors/${name}`) return send(200, actorDocument());
      const note = /^\/openings\/([^/]+)$/.exec(url.pathname);
      if (request.method === 'GET' && note?.[1]) {
        const kept = notes.get(note[1]);
        return kept ? send(200, kept) : send(kept === null ? 410 : 404);
      }
      if (request.method === 'POST' && url.pathname === `/actors/${name}/inbox`) return send(202);
      return send(404);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // A suite may leave it open to its end (the write world's peer): it does not keep the process alive.
  server.unref();
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const actorId = `${base}/actors/${name}`;
  const actorDocument = () => ({
    '@context': ['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1'],
    id: actorId,
    type: options.actorType ?? 'Group',
    preferredUsername: name,
    name: 'Valencia Carpenters',
    inbox: `${actorId}/inbox`,
    outbox: `${actorId}/outbox`,
    followers: `${actorId}/followers`,
    publicKey: {
      id: `${actorId}#main-key`,
      owner: actorId,
      publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    },
  });
  return {
    base,
    host: new URL(base).host,
    actorId,
    handle: `acct:${name}@${new URL(base).host}`,
    inbox: `${actorId}/inbox`,
    received,
    inboxPosts: () => received.filter((entry) => entry.method === 'POST'),
    setNote: (openingId, note) => void notes.set(openingId, note),
    noteId: (openingId) => `${base}/openings/${openingId}`,
    signedPost(inboxUrl, activity) {
      const body = JSON.stringify({
        '@context': 'https://www.w3.org/ns/activitystreams',
        id: `${base}/activities/${randomUUID()}`,
        actor: actorId,
        ...activity,
      });
      const headers = cavageHeaders({ method: 'POST', url: inboxUrl, body, keyId: `${actorId}#main-key`, privateKey });
      return { method: 'POST', path: new URL(inboxUrl).pathname, headers, body };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A Note of an opening in the agreed format (fedopen's Note), with the fields a test changes. */
export function openingNote(
  syndicate: RemoteSyndicate,
  openingId: string,
  fields: { title?: string; updated?: string; description?: string; validThrough?: string; skills?: unknown[] } = {},
): Record<string, unknown> {
  const id = syndicate.noteId(openingId);
  return {
    '@context': [
      'https://www.w3.org/ns/activitystreams',
      { schema: 'https://schema.org/', jobPosting: 'schema:mainEntity' },
    ],
    id,
    type: 'Note',
    attributedTo: syndicate.actorId,
    to: ['https://www.w3.org/ns/activitystreams#Public'],
    cc: [`${syndicate.actorId}/followers`],
    name: fields.title ?? 'Carpenter for a roof',
    summary: null,
    content: '<p>Carpenter for a roof</p>',
    url: `${syndicate.base}/jobs/${openingId}/`,
    published: '2026-12-01T09:00:00.000Z',
    updated: fields.updated ?? '2026-12-01T09:00:00.000Z',
    tag: [{ type: 'Hashtag', name: '#timber-framing', href: `${syndicate.base}/skills/timber-framing/` }],
    jobPosting: {
      '@context': 'https://schema.org/',
      '@type': 'JobPosting',
      title: fields.title ?? 'Carpenter for a roof',
      description: fields.description ?? '<p>Repair an <b>old</b> roof &amp; its beams.</p>',
      datePosted: '2026-12-01',
      validThrough: fields.validThrough ?? '2027-01-31T23:59:59Z',
      employmentType: 'CONTRACTOR',
      hiringOrganization: { '@type': 'Organization', name: 'Valencia Carpenters' },
      jobLocation: {
        '@type': 'Place',
        address: { '@type': 'PostalAddress', addressLocality: 'Valencia', addressCountry: 'ES' },
      },
      baseSalary: {
        '@type': 'MonetaryAmount',
        currency: 'EUR',
        value: { '@type': 'QuantitativeValue', value: 24, unitText: 'HOUR' },
      },
      url: `${syndicate.base}/jobs/${openingId}/`,
      skills: fields.skills ?? [{ id: 'timber-framing', label: 'Timber framing', level: 'skilled' }],
      'guildhall:kind': 'job',
    },
  };
}
