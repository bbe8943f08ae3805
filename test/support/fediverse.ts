// A remote fediverse actor for tests: an HTTP listener on loopback serving a Person actor with its
// own RSA key and recording what reaches it, and a draft-cavage signer written from the spec with
// node:crypto alone (not Fedify's), so a test's signature is an independent party's.
import { createHash, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface RemoteActor {
  base: string;
  actorId: string;
  keyId: string;
  inbox: string;
  privateKey: KeyObject;
  /** Every request that reached the listener, reads included. */
  received: Received[];
  /** Inbox posts only. */
  inboxPosts(): Received[];
  /** Status the inbox answers (202 by default). */
  inboxStatus: number[];
  close(): Promise<void>;
}

export async function startRemoteActor(name = 'alice'): Promise<RemoteActor> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const received: Received[] = [];
  const inboxStatus: number[] = [];
  let base = '';
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({
        method: request.method ?? 'GET',
        path,
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      });
      if (request.method === 'GET' && path === `/users/${name}`) {
        response.writeHead(200, { 'content-type': 'application/activity+json' });
        response.end(JSON.stringify(actorDocument()));
        return;
      }
      if (request.method === 'POST' && path === `/users/${name}/inbox`) {
        response.writeHead(inboxStatus.shift() ?? 202);
        response.end();
        return;
      }
      response.writeHead(404);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const actorId = `${base}/users/${name}`;
  const actorDocument = () => ({
    '@context': ['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1'],
    id: actorId,
    type: 'Person',
    preferredUsername: name,
    inbox: `${actorId}/inbox`,
    outbox: `${actorId}/outbox`,
    publicKey: {
      id: `${actorId}#main-key`,
      owner: actorId,
      publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    },
  });
  return {
    base,
    actorId,
    keyId: `${actorId}#main-key`,
    inbox: `${actorId}/inbox`,
    privateKey,
    received,
    inboxPosts: () => received.filter((entry) => entry.method === 'POST'),
    inboxStatus,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface SignOptions {
  method: 'GET' | 'POST';
  url: string;
  body?: string;
  keyId: string;
  privateKey: KeyObject;
  date?: Date;
  /** The headers covered, in order (default: (request-target) host date digest). */
  covered?: string[];
}

/** Headers of a draft-cavage signed request (rsa-sha256), as Mastodon sends them. */
export function cavageHeaders(options: SignOptions): Record<string, string> {
  const url = new URL(options.url);
  const headers: Record<string, string> = {
    host: url.host,
    date: (options.date ?? new Date()).toUTCString(),
    'content-type': 'application/activity+json',
  };
  if (options.body !== undefined) {
    headers.digest = `SHA-256=${createHash('sha256').update(options.body).digest('base64')}`;
  }
  const covered = options.covered ?? [
    '(request-target)',
    'host',
    'date',
    ...(options.body !== undefined ? ['digest'] : []),
  ];
  const text = covered
    .map((name) =>
      name === '(request-target)'
        ? `(request-target): ${options.method.toLowerCase()} ${url.pathname}`
        : `${name}: ${headers[name]}`,
    )
    .join('\n');
  const signature = sign('sha256', Buffer.from(text), options.privateKey).toString('base64');
  headers.signature = `keyId="${options.keyId}",algorithm="rsa-sha256",headers="${covered.join(' ')}",signature="${signature}"`;
  return headers;
}

/** Whether a received request's draft-cavage signature verifies with `publicKeyPem` over the headers it names. */
export function verifiesCavage(
  request: Received,
  publicKeyPem: string,
): { ok: boolean; covered: string[]; keyId: string } {
  const signature = String(request.headers.signature ?? '');
  const params = Object.fromEntries(
    [...signature.matchAll(/(\w+)="([^"]*)"/g)].map((match) => [match[1] ?? '', match[2] ?? '']),
  );
  const covered = (params.headers ?? 'date').split(' ');
  const text = covered
    .map((name) =>
      name === '(request-target)'
        ? `(request-target): ${request.method.toLowerCase()} ${request.path}`
        : `${name}: ${String(request.headers[name] ?? '')}`,
    )
    .join('\n');
  const digestOk =
    String(request.headers.digest ?? '').replace(/^sha-256=/i, '') ===
    createHash('sha256').update(request.body).digest('base64');
  const ok =
    digestOk &&
    verify('sha256', Buffer.from(text), createPublicKey(publicKeyPem), Buffer.from(params.signature ?? '', 'base64'));
  return { ok, covered, keyId: params.keyId ?? '' };
}
