// The site's pages while the store does not answer: the built site, rendered by its own handler in a
// process configured with a store that accepts connections and never answers (the production
// timeouts), shows the outage page (503, Retry-After) within a few seconds, for a page that reads the
// store and for a signed-in person's form post, instead of hanging until API Gateway gives up.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compileCommons } from '#local/compile-commons.ts';
import { createDevIdentityProvider, type DevIdentityProvider } from '#local/dev-identity.ts';
import { type FrozenStore, silentStore } from '../support/frozen-store.ts';

const baseUrl = inject('baseUrl');
const script = resolve(import.meta.dirname, '../support/render-site-page.ts');
const functionsTimeoutMs = 10_000;

interface Rendered {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  ms: number;
}

let store: FrozenStore;
let identity: DevIdentityProvider;
let commonsFile: string;

beforeAll(async () => {
  store = await silentStore();
  identity = await createDevIdentityProvider(join(mkdtempSync(join(tmpdir(), 'guildhall-outage-')), 'key.json'));
  commonsFile = compileCommons(join(mkdtempSync(join(tmpdir(), 'guildhall-outage-')), 'commons.json'));
});
afterAll(() => store.close());

/** One request through the built site in a fresh process whose store is the frozen one. */
function render(method: string, url: string, cookie = '', body = ''): Promise<Rendered> {
  const env = {
    PATH: process.env.PATH ?? '',
    STAGE: 'test',
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_EC2_METADATA_DISABLED: 'true',
    TABLE_NAME: 'guildhall',
    DYNAMODB_ENDPOINT: store.endpoint,
    AUTH_ISSUER: identity.issuer,
    AUTH_AUDIENCE: identity.audience,
    AUTH_JWKS: JSON.stringify(identity.jwks),
    PUBLIC_URL: 'https://guildhall.test',
    COMMONS_FILE: commonsFile,
    LOG_LEVEL: 'silent',
  };
  return new Promise((resolveRender, reject) => {
    const child = spawn(process.execPath, [script, method, url, cookie, body], {
      cwd: resolve(import.meta.dirname, '../..'),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    // A render that hangs is the failure this test is about; the process must not outlive it.
    const stop = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(stop);
      if (code === 0) resolveRender(JSON.parse(out) as Rendered);
      else reject(new Error(code === null ? 'the render hung and was stopped' : `the render failed (${code}): ${err}`));
    });
  });
}

function expectOutage(page: Rendered) {
  expect(page.statusCode, page.body.slice(0, 300)).toBe(503);
  expect(Number(page.headers['retry-after'])).toBeGreaterThan(0);
  expect(page.body).toContain('Back in a moment');
  expect(page.ms).toBeLessThan(functionsTimeoutMs);
}

describe('the site while the store does not answer', () => {
  it('shows a page that reads the store as the outage page, within the functions’ timeout', async () => {
    expect((await fetch(`${baseUrl}/syndicates/`)).status).toBe(200);
    expectOutage(await render('GET', '/syndicates/'));
  }, 25_000);

  it('still opens the home page, with its search box and new courses, and says what is missing', async () => {
    const home = await render('GET', '/');
    expect(home.statusCode, home.body.slice(0, 300)).toBe(200);
    expect(home.headers['cache-control']).toBe('private, no-store');
    expect(home.body).toContain('action="/search/"');
    expect(home.body).toContain('New courses');
    expect(home.body).toContain('Not available just now');
    expect(home.ms).toBeLessThan(functionsTimeoutMs);
  }, 25_000);

  it('answers a signed-in person’s form post with the outage page, within the functions’ timeout', async () => {
    const token = await identity.sign({ id: 'demo-ada', name: 'Ada' });
    const cookie = `guildhall_session=${encodeURIComponent(token)}`;
    expectOutage(await render('POST', '/syndicates/new/', cookie, 'id=frozen-co-op&name=Frozen'));
  }, 25_000);
});
