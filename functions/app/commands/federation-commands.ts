// The stewards' blocks of remote instances (domain/federation/instance-block.ts). Apart from the other
// commands, so only the federation function carries them.
import * as z from 'zod/mini';
import {
  blockInstance,
  instanceBlockInputSchema,
  instanceHostSchema,
  unblockInstance,
} from '#domain/federation/instance-block.ts';
import { command } from './command.ts';

const hostParams = () => z.object({ host: instanceHostSchema() });

export const blockInstanceCommand = command({
  name: 'federation.block-instance',
  input: () => ({ params: hostParams(), body: instanceBlockInputSchema() }),
  run: ({ services, identity, params, body }) => blockInstance(services, identity, params.host, body),
});

export const unblockInstanceCommand = command({
  name: 'federation.unblock-instance',
  input: () => ({ params: hostParams() }),
  run: ({ services, identity, params }) => unblockInstance(services, identity, params.host),
});
