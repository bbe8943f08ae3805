// The local gateway hands the Lambda a request's body exactly as sent, whether its length is given or it
// comes in chunks, and none for a request that carries none (it does not wait on such a request's
// stream: functions/local/gateway.ts `readBody`). Kept-alive connections go on answering either way.
import { Agent, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvent } from '#http/apigw.ts';
import { createGateway } from '#local/gateway.ts';
import { createLogger } from '#platform/log.ts';

let server: Server;
let port = 0;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

beforeAll(async () => {
  server = createGateway({
    // The API Lambda answers with what it was given: the body (or its absence) and how it was encoded.
    api: async (event: ApiEvent) => ({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hasBody: 'body' in event, body: event.body, base64: event.isBase64Encoded }),
    }),
    // Any path under /api/ goes to the API Lambda, routed or not.
    apiRoutes: [],
    verifyToken: async () => {
      throw new Error('no token is valid here');
    },
    log: createLogger('silent', 'gateway'),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  agent.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** One request over the kept-alive agent; `chunks` written one by one (chunked unless a length is set). */
function send(method: string, chunks: string[], headers: Record<string, string> = {}) {
  return new Promise<{ status: number; seen: { hasBody: boolean; body?: string; base64: boolean } }>(
    (resolve, reject) => {
      const outgoing = request({ port, method, path: '/api/echo', agent, headers }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, seen: JSON.parse(text) }));
      });
      outgoing.on('error', reject);
      for (const chunk of chunks) outgoing.write(chunk);
      outgoing.end();
    },
  );
}

describe('the local gateway passes bodies on as sent', () => {
  it('gives a GET without a body no body', async () => {
    const { status, seen } = await send('GET', []);
    expect(status).toBe(200);
    expect(seen).toEqual({ hasBody: false, base64: false });
  });

  it('gives a body sent with its length', async () => {
    const body = '{"note":"one"}';
    const { seen } = await send('POST', [body], {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
    });
    expect(seen).toEqual({ hasBody: true, body, base64: false });
  });

  it('gives a body sent in chunks, without a length, whole', async () => {
    const { seen } = await send('POST', ['{"note":', '"two', ' parts"}'], { 'content-type': 'application/json' });
    expect(seen).toEqual({ hasBody: true, body: '{"note":"two parts"}', base64: false });
  });

  it('gives a GET that does send a body its body', async () => {
    const { seen } = await send('GET', ['x=1'], { 'content-type': 'text/plain', 'content-length': '3' });
    expect(seen).toEqual({ hasBody: true, body: 'x=1', base64: false });
  });

  it('keeps one connection answering bodiless and bodied requests in turn', async () => {
    const sockets = new Set<unknown>();
    agent.on('free', (socket) => sockets.add(socket));
    for (let round = 0; round < 3; round++) {
      expect((await send('GET', [])).seen.hasBody).toBe(false);
      expect((await send('POST', ['a', 'b'], { 'content-type': 'text/plain' })).seen.body).toBe('ab');
    }
    expect(sockets.size).toBe(1);
  });
});
