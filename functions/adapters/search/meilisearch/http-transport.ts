// The HTTP transport the Meilisearch client sends through, in place of Node's `fetch`. Over `fetch` every
// search waited ~45 ms while Meilisearch spent 3 ms on it, and curl and `node:http` got the same answer in
// ~3 ms (issue 13, D11). The cause: `fetch` asks for gzip, Meilisearch then compresses (actix-web's
// Compress) and sends the answer in several writes with Nagle's algorithm on, so each answer's second part
// waits for the client's delayed ACK (~40 ms on Linux). `npm run bench:search-http` shows it against an
// imitation that does the same. This asks for the identity encoding, so an answer comes in one write, and
// sends each request as one write too (headers with the body) on a kept-alive, no-delay connection.
//
// It answers as meilisearch-js expects of a custom `httpClient`: the parsed JSON body (`undefined` for an
// empty one) on success. The client wraps whatever this throws in a MeilisearchRequestError, so a
// non-2xx answer is thrown as the MeilisearchApiError that meilisearch-js itself would build from it
// (`{message, code, type, link}` as its cause), and errors.ts unwraps it. The client's `timeout` aborts
// through `init.signal`, whose reason is rejected unchanged: that is how the client recognises its own
// timeout and reports a MeilisearchRequestTimeOutError.
import type http from 'node:http';
import https from 'node:https';
// Renamed: the functions' bundles open with a banner that declares `createRequire` itself.
import { createRequire as requireFrom } from 'node:module';
import { type Config, MeilisearchApiError } from 'meilisearch';
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';

// Required, not imported: an `import` of node:http reads every export, and three of them (WebSocket,
// CloseEvent, MessageEvent) are getters that load Node's fetch machinery, ~10 ms of a cold start.
// `request` is read from the module at each call, never kept: the tracer captures outgoing calls by
// replacing `http.request` when it loads, after this module has.
const nodeHttp = requireFrom(import.meta.url)('node:http') as typeof http;
const HttpAgent = nodeHttp.Agent;

export type MeilisearchHttpClient = NonNullable<Config['httpClient']>;

export interface HttpTransportOptions {
  /** Largest answer read, in bytes; a larger one fails instead of filling memory. Default 32 MiB. */
  maxResponseBytes?: number;
  /**
   * An unused pooled connection is closed after this long, in milliseconds: before Meilisearch closes it
   * (actix-web's keep-alive lasts 5 s by default), so a request rarely meets a connection closing under it.
   * Default 4000.
   */
  idleTimeoutMs?: number;
}

export interface HttpTransport {
  request: MeilisearchHttpClient;
  /** Closes the pooled connections (tests and scripts; a Lambda keeps them for its next invocation). */
  close(): void;
}

export const userAgent = 'Guildhall (meilisearch-js over node:http)';

/** An answer that cannot be what Meilisearch sends: too large, not JSON, or an impossible status. */
export class MeilisearchAnswerError extends Error {
  override name = 'MeilisearchAnswerError';
}

// What meilisearch-js reads of an error body; any other JSON is kept out of the error, as it could be
// anything a proxy in front of the engine sends.
const errorBodySchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    message: z.string(),
    code: z.string(),
    type: z.string(),
    link: z.string(),
  }),
);

/**
 * A kept-alive connection the engine closed just as it was reused (it had been idle too long, or a Lambda
 * was frozen meanwhile): the engine almost always closed it before reading the request. Sending it once
 * more is safe whatever happened: the adapter sends searches, reads, and writes keyed by stable ids.
 */
const staleConnection = new Set(['ECONNRESET', 'EPIPE']);

export function createHttpTransport(options: HttpTransportOptions = {}): HttpTransport {
  const maxBytes = options.maxResponseBytes ?? 32 * 1024 * 1024;
  const agentOptions = { keepAlive: true, noDelay: true, timeout: options.idleTimeoutMs ?? 4000 };
  const agents = { 'http:': new HttpAgent(agentOptions), 'https:': new https.Agent(agentOptions) };

  function send(url: URL, init: RequestInit, retried: boolean): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const { signal } = init;
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        reject(new TypeError(`Meilisearch is reached over http or https, not ${url.protocol}`));
        return;
      }
      if (init.body != null && typeof init.body !== 'string') {
        reject(new TypeError('The Meilisearch transport sends string bodies only.'));
        return;
      }
      const body = init.body == null ? undefined : Buffer.from(init.body, 'utf8');
      const headers: Record<string, string> = Object.fromEntries(new Headers(init.headers));
      headers['user-agent'] = userAgent;
      headers['accept-encoding'] = 'identity';
      if (body) headers['content-length'] = String(body.length);

      const open = url.protocol === 'https:' ? https.request : nodeHttp.request;
      const request = open(url, { method: init.method ?? 'GET', headers, agent: agents[url.protocol] });
      let settled = false;
      let answered = false;
      /** Settles once: with what `outcome` returns, or with what it throws. */
      const settle = (outcome: () => unknown) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', abort);
        try {
          resolve(outcome());
        } catch (error) {
          reject(error);
        }
      };
      const fail = (error: unknown) => {
        settle(() => {
          throw error;
        });
        request.destroy();
      };
      const abort = () => fail(signal?.reason);
      signal?.addEventListener('abort', abort, { once: true });

      request.on('error', (error: NodeJS.ErrnoException) => {
        if (!settled && !answered && !retried && request.reusedSocket && staleConnection.has(error.code ?? '')) {
          settled = true;
          signal?.removeEventListener('abort', abort);
          send(url, init, true).then(resolve, reject);
          return;
        }
        fail(error);
      });
      request.on('response', (response) => {
        answered = true;
        const encoding = response.headers['content-encoding'] ?? 'identity';
        if (encoding !== 'identity') {
          fail(
            new MeilisearchAnswerError(`Meilisearch answered in the ${encoding} encoding, which was not asked for.`),
          );
          return;
        }
        const declared = Number(response.headers['content-length'] ?? 0);
        if (declared > maxBytes) {
          fail(new MeilisearchAnswerError(`Meilisearch answered with ${declared} bytes, more than ${maxBytes}.`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes)
            fail(new MeilisearchAnswerError(`Meilisearch answered with more than ${maxBytes} bytes.`));
          else chunks.push(chunk);
        });
        response.on('error', fail);
        // A connection cut mid-answer ends the response early without an 'end'.
        response.on('close', () => {
          if (!response.complete) fail(new MeilisearchAnswerError('The connection closed before the answer ended.'));
        });
        response.on('end', () => settle(() => readAnswer(response, Buffer.concat(chunks).toString('utf8'))));
      });
      // One write: Node sends the headers with the first body chunk when the request is ended at once.
      request.end(body);
    });
  }

  return {
    request: (input, init) => send(new URL(input instanceof Request ? input.url : input), init ?? {}, false),
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

/** The answer as meilisearch-js reads it: JSON, `undefined` when empty, an API error when not 2xx. */
function readAnswer(response: http.IncomingMessage, text: string): unknown {
  const status = response.statusCode ?? 0;
  if (status < 200 || status > 599) throw new MeilisearchAnswerError(`Meilisearch answered with status ${status}.`);
  let parsed: unknown;
  let unreadable: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch (error) {
    unreadable = error;
  }
  if (status < 300) {
    if (unreadable !== undefined)
      throw new MeilisearchAnswerError('Meilisearch answered with text that is not JSON.', { cause: unreadable });
    return parsed;
  }
  const body = errorBodySchema().safeParse(parsed);
  throw new MeilisearchApiError(asResponse(response, status), body.success ? body.data : undefined);
}

/** The `Response` MeilisearchApiError carries: status, status text and headers, without the body. */
function asResponse(response: http.IncomingMessage, status: number): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  try {
    return new Response(null, { status, statusText: response.statusMessage ?? '', headers });
  } catch {
    // A status text Response refuses (it allows only the reason-phrase grammar): the status alone.
    return new Response(null, { status });
  }
}
