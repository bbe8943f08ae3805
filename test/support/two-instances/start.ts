// Starting and stopping one Guildhall instance for the two-instance tests (issue 20): `instance.ts` in a
// child process of its own, with its own DynamoDB Local, on the port given (a free one by default); its
// URL once it prints that it is ready, its output kept for a failure's message.
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '#local/dynamodb-local.ts';

const root = resolve(import.meta.dirname, '../../..');

export interface Instance {
  url: string;
  host: string;
  port: number;
  process: ChildProcess;
  log: () => string;
}

export async function startInstance(options: { port?: number; env?: Record<string, string> } = {}): Promise<Instance> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [resolve(root, 'test/support/two-instances/instance.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const check = () => {
      const ready = /ready (http:\/\/\S+)/.exec(output);
      if (ready?.[1]) resolveUrl(ready[1]);
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) =>
      reject(new Error(`the instance on ${port} stopped (${code}):\n${output.slice(-3000)}`)),
    );
  });
  return { url, host: new URL(url).host, port, process: child, log: () => output };
}

export async function stopInstance(instance: Instance | undefined): Promise<void> {
  if (!instance || instance.process.exitCode !== null) return;
  const exited = new Promise((done) => instance.process.once('exit', done));
  instance.process.kill('SIGTERM');
  await exited;
}
