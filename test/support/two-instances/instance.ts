// One Guildhall instance in its own process (the local stack `npm start` runs, without the site): the
// two-instance federation test starts two of these side by side, each with its own DynamoDB Local, port
// and origin (`http://127.0.0.1:<PORT>`), as two communities' servers would be. Its configuration is
// the process's (handlers read it once, at module scope), hence a process each. Prints `ready <url>`.
import { startLocalStack } from '#local/local-stack.ts';

const port = Number(process.env.PORT);
const stack = await startLocalStack({
  port,
  build: 'never',
  serveSite: false,
  logLevel: 'error',
  // A restart on the same data with a changed commons: a deploy that changed a course (the catalogue test).
  dataDir: process.env.INSTANCE_DATA_DIR,
  commonsFile: process.env.INSTANCE_COMMONS_FILE,
  instanceName: process.env.INSTANCE_NAME,
});
process.stdout.write(`ready ${stack.url}\n`);
const stop = () => {
  void stack.stop().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
