// Stores that stop answering, for the store-timeout tests: each is a real TCP endpoint on this machine
// that the DynamoDB client can be pointed at. Nothing here ever reaches beyond 127.0.0.1.
import { type ChildProcess, spawn } from 'node:child_process';
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface FrozenStore {
  endpoint: string;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function closer(server: Server, sockets: Set<Socket>) {
  return () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

/** Accepts every connection and reads the request, then never answers. */
export async function silentStore(): Promise<FrozenStore> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => sockets.delete(socket));
    socket.resume();
  });
  const port = await listen(server);
  return { endpoint: `http://127.0.0.1:${port}`, close: closer(server, sockets) };
}

/**
 * A port that takes no new connection: a child process listens with a backlog of one and then blocks
 * its event loop, so it accepts nothing; once the kernel's queue for it is full (filled here), a
 * connection attempt gets no answer at all, as from a host that has gone away.
 */
export async function unacceptingStore(): Promise<FrozenStore> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '-e',
      `const server = require('node:net').createServer();
       server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
         process.stdout.write(server.address().port + '\\n');
         setImmediate(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0));
       });`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim())));
    child.once('exit', (code) => reject(new Error(`the unaccepting store exited (${code})`)));
  });
  const fillers: Socket[] = [];
  for (let tries = 0; tries < 20; tries++) {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    fillers.push(socket);
    const connected = await new Promise<boolean>((resolve) => {
      socket.once('connect', () => resolve(true));
      setTimeout(() => resolve(false), 500);
    });
    if (!connected) {
      return {
        endpoint: `http://127.0.0.1:${port}`,
        async close() {
          for (const filler of fillers) filler.destroy();
          child.kill('SIGKILL');
        },
      };
    }
  }
  child.kill('SIGKILL');
  throw new Error('the kernel kept accepting connections for a process that accepts none');
}

/**
 * Forwards to a real store until a request for `freezeAt` (an X-Amz-Target such as
 * `DynamoDB_20120810.TransactWriteItems`) arrives; from then on nothing more goes through, in either
 * direction: a store that froze just as the write was sent.
 */
export async function storeFreezingAt(
  upstream: string,
  freezeAt: string,
): Promise<FrozenStore & { frozen(): boolean }> {
  const target = new URL(upstream);
  const sockets = new Set<Socket>();
  let frozen = false;
  const server = createServer((client) => {
    const store = connect(Number(target.port), target.hostname);
    for (const socket of [client, store]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
    }
    client.on('data', (chunk: Buffer) => {
      if (chunk.toString('latin1').includes(freezeAt)) frozen = true;
      if (!frozen) store.write(chunk);
    });
    store.on('data', (chunk: Buffer) => {
      if (!frozen) client.write(chunk);
    });
    client.on('close', () => store.destroy());
    store.on('close', () => client.destroy());
  });
  const port = await listen(server);
  return { endpoint: `http://127.0.0.1:${port}`, close: closer(server, sockets), frozen: () => frozen };
}
