import { describe, expect, it } from 'vitest';
import { requestFromEvent } from '#http/apigw.ts';
import { eventResultFromResponse, webRequestFromEvent } from '#http/web-fetch.ts';
import { buildEvent, readResult } from '#local/gateway-event.ts';

const base = {
  method: 'post',
  url: '/api/things/a%20b?skill=weld&skill=tig&q=x',
  rawHeaders: [
    'Host',
    'localhost:3000',
    'Content-Type',
    'application/json',
    'Cookie',
    'a=1; b=2',
    'X-Multi',
    'one',
    'X-Multi',
    'two',
  ],
  body: Buffer.from('{"ok":true}'),
  sourceIp: '127.0.0.1',
};

describe('the local gateway builds the event API Gateway HTTP APIs send (payload 2.0)', () => {
  it('splits path and query, lower-cases headers, joins repeats with commas and moves cookies out', () => {
    const event = buildEvent(base);
    expect(event.version).toBe('2.0');
    expect(event.rawPath).toBe('/api/things/a%20b');
    expect(event.rawQueryString).toBe('skill=weld&skill=tig&q=x');
    expect(event.queryStringParameters).toEqual({ skill: 'weld,tig', q: 'x' });
    expect(event.headers['content-type']).toBe('application/json');
    expect(event.headers['x-multi']).toBe('one,two');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.cookies).toEqual(['a=1', 'b=2']);
    expect(event.requestContext.http.method).toBe('POST');
    expect(event.body).toBe('{"ok":true}');
    expect(event.isBase64Encoded).toBe(false);
  });

  it('base64-encodes a binary body', () => {
    const event = buildEvent({
      ...base,
      rawHeaders: ['Content-Type', 'application/octet-stream'],
      body: Buffer.from([0, 255, 1]),
    });
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64')).toEqual(Buffer.from([0, 255, 1]));
  });

  it('puts verified claims where the JWT authorizer does, as strings, and none without a token', () => {
    const withClaims = buildEvent({ ...base, claims: { sub: 'p1', exp: 123, groups: ['a', 'b'] } });
    expect(withClaims.requestContext.authorizer.jwt.claims).toEqual({ sub: 'p1', exp: '123', groups: '[a b]' });
    expect(requestFromEvent(withClaims).identity).toEqual({ personId: 'p1' });
    expect(requestFromEvent(buildEvent(base)).identity).toBeNull();
  });

  it('gives each request its own id', () => {
    expect(buildEvent(base).requestContext.requestId).not.toBe(buildEvent(base).requestContext.requestId);
  });

  it('reads a Lambda result back, with each cookie as its own Set-Cookie', () => {
    const parts = readResult({
      statusCode: 201,
      headers: { 'content-type': 'text/plain' },
      cookies: ['a=1', 'b=2'],
      body: 'hi',
    });
    expect(parts.status).toBe(201);
    expect(parts.headers.filter(([name]) => name === 'set-cookie').map(([, value]) => value)).toEqual(['a=1', 'b=2']);
    expect(parts.body.toString()).toBe('hi');
  });
});

describe('the site handler sees standard Requests', () => {
  it('rebuilds URL, cookies and body from the event', async () => {
    const request = webRequestFromEvent(buildEvent(base));
    expect(request.url).toBe('http://localhost:3000/api/things/a%20b?skill=weld&skill=tig&q=x');
    expect(request.headers.get('cookie')).toBe('a=1; b=2');
    expect(await request.json()).toEqual({ ok: true });
  });

  it('turns a Response into a result, text as text and images as base64', async () => {
    const headers = new Headers({ 'content-type': 'text/html' });
    headers.append('set-cookie', 'a=1');
    headers.append('set-cookie', 'b=2');
    const html = await eventResultFromResponse(new Response('<p>hi</p>', { status: 200, headers }));
    expect(html).toMatchObject({ statusCode: 200, body: '<p>hi</p>', isBase64Encoded: false, cookies: ['a=1', 'b=2'] });
    const png = await eventResultFromResponse(
      new Response(new Uint8Array([137, 80]), { headers: { 'content-type': 'image/png' } }),
    );
    expect(png).toMatchObject({ isBase64Encoded: true, body: Buffer.from([137, 80]).toString('base64') });
  });
});
