// Interoperability with an ActivityPub server written independently of Guildhall: bovine-herd 0.5.19
// (PyPI), installed by .ci/bovine-herd into .cache/, started on a free port beside the local stack
// (what `npm start` runs, without the site). A bovine actor follows a syndicate's Group actor: bovine
// signs the Follow (draft-cavage) and fetches the Group with a signed GET; Guildhall verifies, keeps the
// follower and queues a signed Accept; bovine verifies that Accept against the Group's key and only
// then records the follow; when the syndicate then opens a position, bovine's inbox receives the signed
// Create of its Note through the stream, the outbox and the deliverer. Nothing here is skipped: without Python and venv the suite fails and says
// how to install them.
import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#local/dynamodb-local.ts';
import { type LocalStack, startLocalStack } from '#local/local-stack.ts';
import { tokenFor } from '../support/sign-in.ts';

const root = resolve(import.meta.dirname, '../..');
const python = join(root, '.cache/bovine-venv/bin/python');
const hypercorn = join(root, '.cache/bovine-venv/bin/hypercorn');
const harness = join(root, 'test/support/bovine');
/** A demo syndicate the local stack seeds. */
const syndicateId = 'riverside-builders';

let stack: LocalStack;
let herd: ChildProcess;
let herdLog = '';
let herdUrl: string;
let scratch: string;

function ensureBovine() {
  if (existsSync(hypercorn)) return;
  const install = spawnSync('bash', [join(root, '.ci/bovine-herd')], { encoding: 'utf8' });
  if (install.status !== 0 || !existsSync(hypercorn)) {
    throw new Error(
      `bovine-herd could not be installed (${install.stderr.trim() || install.error?.message}). ` +
        'It needs Python 3 with venv and pip (Debian/Ubuntu: apt-get install python3 python3-venv); ' +
        'then run `bash .ci/bovine-herd`.',
    );
  }
}

/**
 * Runs one of the harness's scripts with bovine's venv; its last stdout line is JSON. Never spawnSync:
 * the local stack answers bovine from this very process, whose event loop must keep turning.
 */
async function runScript(script: string, args: string[], timeoutMs: number): Promise<unknown> {
  const run = await promisify(execFile)(python, [join(harness, script), ...args], {
    cwd: scratch,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: bovineEnv(),
  }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`${script} failed: ${error.message}\n${error.stderr?.slice(-2000)}\n${herdLog.slice(-2000)}`);
  });
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last);
}

const bovineEnv = () => ({
  ...process.env,
  PYTHONPATH: harness,
  BOVINE_DB_URL: `sqlite://${join(scratch, 'bovine.sqlite3')}`,
  // bovine looks handles up over https first; these peers speak plain http on loopback.
  BUTCHER_ALLOW_HTTP: '1',
});

/** bovine with one actor, on a free port: its URL and the actor's client key. */
async function startHerd(): Promise<string> {
  herdUrl = `http://127.0.0.1:${await freePort()}`;
  const { secret } = (await runScript('provision.py', [herdUrl, 'alice'], 30_000)) as { secret: string };
  herd = spawn(hypercorn, ['--bind', herdUrl.replace('http://', ''), 'app:app'], {
    cwd: scratch,
    env: bovineEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [herd.stdout, herd.stderr]) stream?.on('data', (chunk) => (herdLog += String(chunk)));
  await waitFor(`${herdUrl}/.well-known/nodeinfo`, 20_000);
  return secret;
}

async function waitFor(url: string, deadlineMs: number) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (herd.exitCode !== null) throw new Error(`bovine-herd exited (${herd.exitCode}):\n${herdLog.slice(-2000)}`);
    const answered = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((wake) => setTimeout(wake, 200));
  }
  throw new Error(`bovine-herd did not answer at ${url} within ${deadlineMs} ms:\n${herdLog.slice(-2000)}`);
}

let secret: string;
beforeAll(async () => {
  ensureBovine();
  scratch = mkdtempSync(join(root, '.tmp', 'bovine-'));
  // Side by side: DynamoDB Local, the demo data and the search index; bovine's tables and start.
  [stack, secret] = await Promise.all([
    startLocalStack({ port: await freePort(), build: 'never', serveSite: false, logLevel: 'error' }),
    startHerd(),
  ]);
}, 90_000);

afterAll(async () => {
  if (herd && herd.exitCode === null) herd.kill('SIGTERM');
  await stack?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('a bovine-herd actor following a syndicate', () => {
  it('records the follow once Guildhall’s signed Accept has reached it, and Guildhall counts the follower', async () => {
    const group = `${stack.url}/api/federation/actors/${syndicateId}`;
    const result = (await runScript('follow.py', [herdUrl, secret, group, '20'], 40_000)) as {
      outbox_status: number;
      following: string[];
      inbox: string[];
    };
    expect(result.outbox_status).toBeLessThan(300);
    expect(result.inbox).toContain('Accept');
    expect(result.following).toEqual([group]);
    const followers = await fetch(`${group}/followers`, { headers: { accept: 'application/activity+json' } });
    expect(((await followers.json()) as { totalItems: number }).totalItems).toBe(1);
  });

  it('receives a signed Create of the Note when the syndicate it follows opens a position', async () => {
    // Runs after the follow above: the bovine actor follows the Group.
    const opened = await openPosition();
    const note = `${stack.url}/api/federation/openings/${opened}`;
    const result = (await runScript('inbox.py', [herdUrl, secret, 'Create', note, '20'], 40_000)) as {
      found: { actor?: string | { id?: string }; object?: { id?: string; type?: string; name?: string } } | null;
      inbox: string[];
    };
    // On failure, what bovine made of it (its log, less the polling of its collections).
    const said = herdLog
      .split('\n')
      .filter((line) => !line.includes('Retrieving'))
      .slice(-40)
      .join('\n');
    expect(result.found, `bovine's inbox held ${JSON.stringify(result.inbox)}\n${said}`).not.toBeNull();
    // bovine keeps it with the actor it fetched (and verified the signature by) embedded.
    const actor = result.found?.actor;
    expect(typeof actor === 'string' ? actor : actor?.id).toBe(`${stack.url}/api/federation/actors/${syndicateId}`);
    expect(result.found?.object).toMatchObject({
      id: note,
      type: 'Note',
      name: 'Timber frame carpenter (bovine interop)',
    });
  });
});

describe('a bovine-herd actor following a person', () => {
  it('records the follow of a person who shows their profile (a Person actor), once their signed Accept arrives', async () => {
    // A demo person opts in, with "About me" public, through the API.
    const token = await tokenFor(stack.url, 'demo-ada');
    const auth = { authorization: `Bearer ${token}` };
    const me = (await (await fetch(`${stack.url}/api/me`, { headers: auth })).json()) as { version: number };
    const opted = await fetch(`${stack.url}/api/me`, {
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ version: me.version, fediverse: true, privacy: { about: 'public' } }),
    });
    expect(opted.status).toBe(200);
    const person = `${stack.url}/api/federation/actors/p.demo-ada`;
    const result = (await runScript('follow.py', [herdUrl, secret, person, '20'], 40_000)) as {
      outbox_status: number;
      following: string[];
      inbox: string[];
    };
    expect(result.outbox_status).toBeLessThan(300);
    expect(result.following).toContain(person);
    const followers = await fetch(`${person}/followers`, { headers: { accept: 'application/activity+json' } });
    expect(((await followers.json()) as { totalItems: number }).totalItems).toBe(1);
  });
});
/** The syndicate's admin drafts an opening and opens it, through the local stack's API; its id. */
async function openPosition(): Promise<string> {
  const admin = await tokenFor(stack.url, 'demo-bram');
  const call = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${stack.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { id?: string };
    expect(response.status, `${method} ${path}: ${JSON.stringify(answer).slice(0, 300)}`).toBeLessThan(300);
    return answer;
  };
  const { id } = await call('POST', `/api/syndicates/${syndicateId}/openings`, {
    title: 'Timber frame carpenter (bovine interop)',
    description: 'Frame and sheathe a two-storey extension with the syndicate’s crew.',
    // A commons skill and an ESCO one: in JSON-LD a skill's id is its @id, so both go as IRIs (a bare
    // commons id made bovine's framing refuse the whole Create: `invalid @id in frame`).
    skills: [
      { skill: 'construction-working-at-height', level: 'working' },
      { skill: 'http://data.europa.eu/esco/skill/d809a1d2-b80e-43e4-8984-de7517fb68f1', level: 'working' },
    ],
    positions: 1,
    hoursPerWeek: 32,
    pay: [{ amount: 4500, currency: 'EUR', per: 'hour' }],
    place: 'Rotterdam, NL',
    remote: false,
    employmentType: 'CONTRACTOR',
    validThrough: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
  });
  await call('PUT', `/api/openings/${id}/status`, { status: 'open' });
  return String(id);
}
