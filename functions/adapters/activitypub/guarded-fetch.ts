// Every fetch of a remote URL (actor documents, keys, deliveries) goes through here. A remote actor names
// its own URLs, so each is checked: http(s) only; the host's every resolved address must be public
// (domain/federation/address-policy.ts), checked in the socket's own lookup, so the address connected
// to is the one checked (no second resolution an attacker's DNS could answer differently); redirects are
// followed by hand, each hop checked the same way; the body is cut off past a size limit, and the whole
// fetch past a time limit. Node's own http(s) clients, because global fetch takes no lookup.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { type AddressPolicy, refusal } from '#domain/federation/address-policy.ts';

/** A fetch the guard refused before any connection was made. */
export class RemoteFetchRefusedError extends Error {
  override name = 'RemoteFetchRefusedError';
}

/** The remote answered past the size limit, or not within the time limit. */
export class RemoteFetchLimitError extends Error {
  override name = 'RemoteFetchLimitError';
}

export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export interface GuardOptions extends AddressPolicy {
  /** Largest body read, in bytes. */
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /** Name resolution (tests give their own names); the system resolver by default. */
  resolve?: Resolve;
}

const systemResolve: Resolve = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    );
  });

export type GuardedFetch = (input: Request) => Promise<Response>;

/** A fetch of Requests that never reaches an address the policy refuses. */
export function guardedFetch(options: GuardOptions): GuardedFetch {
  const maxRedirects = options.maxRedirects ?? 3;
  return async (input) => {
    const body = input.body ? Buffer.from(await input.arrayBuffer()) : undefined;
    let url = new URL(input.url);
    for (let hop = 0; ; hop++) {
      const response = await fetchOnce(url, input.method, input.headers, body, options);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status > 399 || !location) return response;
      // Only reads follow a redirect: a delivery redirected elsewhere is not delivered.
      if (input.method !== 'GET' && input.method !== 'HEAD') return response;
      if (hop >= maxRedirects)
        throw new RemoteFetchLimitError(`${input.url} redirects more than ${maxRedirects} times`);
      url = new URL(location, url);
    }
  };
}

async function fetchOnce(
  url: URL,
  method: string,
  headers: Headers,
  body: Buffer | undefined,
  options: GuardOptions,
): Promise<Response> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RemoteFetchRefusedError(`${url.href} is not an http(s) URL`);
  }
  if (url.username || url.password) throw new RemoteFetchRefusedError(`${url.origin} carries credentials`);
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const resolve = options.resolve ?? systemResolve;
  // A literal address never reaches the socket's lookup, so it is checked here; a name is checked in it.
  const literal = isIP(hostname) !== 0;
  if (literal) {
    const reason = refusal(hostname, options);
    if (reason) throw new RemoteFetchRefusedError(`${url.origin}: ${reason}`);
  } else {
    // Resolved and checked before the request is even built, so a refused name costs no socket.
    await checkedAddresses(hostname, resolve, options);
  }
  const outgoing: Record<string, string> = {};
  headers.forEach((value, name) => {
    outgoing[name] = value;
  });
  if (body) outgoing['content-length'] = String(body.length);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return await new Promise<Response>((resolveResponse, reject) => {
    const request = send(
      url,
      {
        method,
        headers: outgoing,
        timeout: timeoutMs,
        ...(literal
          ? {}
          : {
              lookup: (
                name: string,
                lookupOptions: { all?: boolean },
                callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
              ) => {
                checkedAddresses(name, resolve, options).then(
                  (addresses) => {
                    if (lookupOptions.all) callback(null, addresses);
                    else callback(null, addresses[0]?.address ?? '', addresses[0]?.family);
                  },
                  (error: Error) => callback(error, []),
                );
              },
            }),
      },
      (response) => {
        readLimited(response, maxBytes).then(
          (bytes) => resolveResponse(toResponse(response, bytes)),
          (error: Error) => reject(error),
        );
      },
    );
    const timer = setTimeout(() => {
      request.destroy(new RemoteFetchLimitError(`${url.origin} did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    request.on('close', () => clearTimeout(timer));
    request.on('timeout', () => request.destroy(new RemoteFetchLimitError(`${url.origin} timed out`)));
    request.on('error', reject);
    request.end(body);
  });
}

async function checkedAddresses(hostname: string, resolve: Resolve, policy: AddressPolicy): Promise<LookupAddress[]> {
  const addresses = await resolve(hostname);
  if (addresses.length === 0) throw new RemoteFetchRefusedError(`${hostname} resolves to no address`);
  for (const { address } of addresses) {
    const reason = refusal(address, policy);
    if (reason) throw new RemoteFetchRefusedError(`${hostname} resolves to ${address}: ${reason.replace(/^\S+ /, '')}`);
  }
  return addresses;
}

function readLimited(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy(new RemoteFetchLimitError(`the answer is larger than ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    response.on('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', reject);
  });
}

function toResponse(response: IncomingMessage, bytes: Buffer): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const status = response.statusCode ?? 502;
  const empty = status === 204 || status === 304 || bytes.length === 0;
  return new Response(empty ? null : new Uint8Array(bytes), { status, headers });
}
