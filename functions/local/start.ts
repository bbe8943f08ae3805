// `npm start`: Guildhall on one machine, with demo data. `npm run dev`: the same API behind Astro's
// dev server. Flags: --persist (keep data under .data/), --rebuild (always build the site), --name
// (what the community calls this instance; INSTANCE_NAME too). A second instance beside the first, to
// federate with it: `PORT=3001 npm start -- --name Rotterdam` (its --persist data under .data/<name>/).
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from './dynamodb-local.ts';
import { startLocalStack } from './local-stack.ts';

const { values: flags } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    persist: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    name: { type: 'string' },
  },
});

const root = resolve(import.meta.dirname, '../..');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const started = Date.now();
const step = (message: string) => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
  process.stdout.write(`[${seconds}s] ${message}\n`);
};

if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}".`);
  process.exit(1);
}
const instanceName = (flags.name ?? process.env.INSTANCE_NAME ?? '').trim() || undefined;
if (instanceName !== undefined && instanceName.length > 80) {
  console.error('An instance name is at most 80 characters.');
  process.exit(1);
}
// Each named instance keeps its data apart, so two can run side by side with --persist.
const dataFolder = instanceName
  ? join(
      '.data',
      instanceName
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'instance',
    )
  : '.data';

try {
  const stack = await startLocalStack({
    port: flags.dev ? await freePort() : port,
    host,
    dataDir: flags.persist ? join(root, dataFolder, 'dynamodb') : undefined,
    instanceName,
    build: flags.rebuild ? 'always' : 'if-needed',
    serveSite: !flags.dev,
    logLevel: (process.env.LOG_LEVEL as 'info' | undefined) ?? 'warn',
    progress: step,
  });
  const stops: Array<() => Promise<void>> = [stack.stop];

  if (flags.dev) {
    step('starting Astro dev server');
    // In this process, not a child: the site's pages then share the embedded search index (and the
    // stream poller that keeps it current) with the API, exactly as under `npm start`.
    process.env.GUILDHALL_API_ORIGIN = stack.url;
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    const { dev } = await import('astro');
    const astro = await dev({ root: join(root, 'site'), server: { port, host } });
    stops.unshift(() => astro.stop());
    // Vite answers SIGTERM by closing its server and ending the process there and then, which cut the
    // shutdown below short and left DynamoDB Local running. The shutdown closes Vite itself (astro.stop).
    process.removeAllListeners('SIGTERM');
  } else {
    step(`Guildhall${instanceName ? ` (${instanceName})` : ''} is running at ${stack.url}`);
    process.stdout.write(
      [
        '',
        `  Site          ${stack.url}/`,
        `  API health    ${stack.url}/api/health`,
        `  OpenAPI       ${stack.url}/api/openapi.json`,
        `  Sign in       ${stack.url}/auth/sign-in (demo people, local only)`,
        `  DynamoDB      ${stack.dynamo.endpoint} (${flags.persist ? `on disk in ${dataFolder}/` : 'in memory'})`,
        `  Federation    acct:_instance@${new URL(stack.url).host} (follow this commons from another instance)`,
        '',
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
  }

  let stopping = false;
  async function shutdown(reason: string) {
    if (stopping) return;
    stopping = true;
    step(`${reason}; stopping`);
    for (const stop of stops) await stop();
    step('stopped (DynamoDB Local ended)');
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown('Ctrl-C'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  console.error(`\nGuildhall could not start: ${(error as Error).message}`);
  process.exit(1);
}
