// The stewards' blocks of remote instances (domain/federation/instance-block.ts). Apart from the other
// commands, so only the federation function carries them.
import * as z from 'zod/mini';
import {
  blockInstance,
  instanceBlockInputSchema,
  instanceHostSchema,
  unblockInstance,
} from '#domain/federation/instance-block.ts';
import { unwitnessLog, witnessLog } from '#domain/federation/witnessing.ts';
import { witnessDependencies } from '../witness.ts';
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

// The logs this instance witnesses (domain/federation/witnessing.ts): stewards add and remove them.
export const witnessLogCommand = command({
  name: 'federation.witness-log',
  input: () => ({ params: hostParams() }),
  run: ({ services, identity, params }) => witnessLog(witnessDependencies(services), identity, params.host),
});

export const unwitnessLogCommand = command({
  name: 'federation.unwitness-log',
  input: () => ({ params: hostParams() }),
  run: ({ services, identity, params }) => unwitnessLog(witnessDependencies(services), identity, params.host),
});
