// `npm run dev`, as a developer runs it: Astro's dev server in front, the same API, store, demo data
// and search index behind it, and everything gone again on Ctrl-C.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#local/dynamodb-local.ts';

const root = join(import.meta.dirname, '../..');
let child: ChildProcess;
let output = '';
let base = '';

async function exited(process: ChildProcess) {
  if (process.exitCode !== null) return process.exitCode;
  return new Promise<number | null>((resolve) => process.once('exit', (code) => resolve(code)));
}

/** The environment without what vitest adds (BASE_URL, MODE, DEV, …): those would steer the child's Vite. */
function developerShell() {
  const vitestOwn = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST', 'NODE_ENV', 'FORCE_TTY']);
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !vitestOwn.has(name) && !name.startsWith('VITEST')),
  );
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // The script `npm run dev` runs, on the Node 24 this suite runs on; its own process group, so
  // nothing it started can outlive the suite.
  child = spawn(process.execPath, [join(root, 'functions/local/start.ts'), '--dev'], {
    cwd: root,
    env: { ...developerShell(), PORT: String(port), LOG_LEVEL: 'warn' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const deadline = Date.now() + 100_000;
  let last = '';
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm run dev exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm run dev did not answer within 100 s (${last}):\n${output}`);
    // A request made while Vite optimises its dependencies can hang: give each try its own timeout.
    const answered = await fetch(`${base}/`, { signal: AbortSignal.timeout(10_000) }).then(
      (response) => {
        last = `status ${response.status}`;
        return response.ok;
      },
      (error: Error) => {
        last = error.message;
        return false;
      },
    );
    if (answered) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}, 120_000);

afterAll(() => {
  if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
});

describe('npm run dev', () => {
  it('renders the pages from the store and the search index behind it, and proxies the API', async () => {
    const board = await fetch(`${base}/jobs/`);
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('Site carpenter for a community housing retrofit');

    // One process, one index: the dev server's pages search what the stack indexed.
    const search = await (await fetch(`${base}/search/?q=carpenter`)).text();
    expect(search).toMatch(/[1-9]\d* results? for “carpenter”/);

    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
  });

  it('stops the dev server and DynamoDB Local on SIGTERM, leaving nothing running', async () => {
    const emulator = Number(output.match(/DynamoDB Local answers at \S+ \(pid (\d+)\)/)?.[1]);
    expect(emulator).toBeGreaterThan(0);
    // To the process alone, as `kill <pid>` or a process manager sends it (Ctrl-C signals the group).
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(output).toContain('stopped (DynamoDB Local ended)');
    expect(() => process.kill(emulator, 0), 'DynamoDB Local outlived npm run dev').toThrow();
    await expect(fetch(`${base}/`)).rejects.toThrow();
  });
});
