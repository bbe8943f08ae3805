// `npm run test:mutation [-- stryker options]`: Stryker with the options given (`--incremental`,
// `--mutate <glob>`), then the per-file floor (floor.ts) over the report it wrote. Node's compile
// cache under .tmp/ spares each of Stryker's test workers recompiling vitest.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const env = { ...process.env, NODE_COMPILE_CACHE: resolve('.tmp/node-compile-cache') };
const run = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1;

const stryker = run('npx', ['stryker', 'run', ...process.argv.slice(2)]);
if (stryker !== 0) process.exit(stryker);
process.exit(run(process.execPath, ['test/mutation/floor.ts']));
