// Run as its own process: renders one request through the built site's handler (site/dist), with the
// environment it was started with, and prints the result and how long it took as JSON. The store-outage
// test starts it with a store that never answers, so the site's configuration is that store's alone.
//
//   node test/support/render-site-page.ts GET /syndicates/ [cookie] [form body]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ApiEvent, ApiResult } from '#http/apigw.ts';
import { buildEvent } from '#local/gateway-event.ts';

const [method = 'GET', url = '/', cookie = '', body = ''] = process.argv.slice(2);
const entry = resolve(import.meta.dirname, '../../site/dist/server/entry.mjs');
const { handler } = (await import(pathToFileURL(entry).href)) as { handler: (event: ApiEvent) => Promise<ApiResult> };
const host = 'guildhall.test';
const event = buildEvent({
  method,
  url,
  rawHeaders: [
    'host',
    host,
    'x-forwarded-proto',
    'https',
    ...(cookie ? ['cookie', cookie] : []),
    ...(body ? ['content-type', 'application/x-www-form-urlencoded', 'origin', `https://${host}`] : []),
  ],
  body: Buffer.from(body),
  sourceIp: '127.0.0.1',
});
const started = performance.now();
const result = await handler(event);
process.stdout.write(JSON.stringify({ ...result, ms: performance.now() - started }));
