// The follower inboxes of bench/federation-fanout.ts, in a process of their own so their work never
// shares the benchmark's event loop: `count` servers on loopback, each answering every inbox post 202 at
// once with its own handling time in `x-listener-ms`. Prints the servers' bases as one JSON line, then
// one line per post received: `<activity id> <epoch ms>`.
import { createServer } from 'node:http';

const count = Number(process.argv[2] ?? 10);
const bases: string[] = [];
for (let n = 0; n < count; n++) {
  const server = createServer((request, response) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const activity = (JSON.parse(Buffer.concat(chunks).toString()) as { id: string }).id;
      process.stdout.write(`${activity} ${performance.timeOrigin + performance.now()}\n`);
      response.writeHead(202, { 'x-listener-ms': String(performance.now() - started) });
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  bases.push(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
}
process.stdout.write(`${JSON.stringify(bases)}\n`);
