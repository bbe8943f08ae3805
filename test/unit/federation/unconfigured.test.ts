// An instance whose operator has not given it an ActivityPub key (no FEDERATION_KEY_SECRET or
// FEDERATION_KEY_FILE, or one naming a key that is not there) cannot sign: a post to a syndicate's
// inbox answers 503 with a problem saying so, not a bare 500, and keeps nothing. The key is read by the real reader (app/federation-deliverer.ts) from that configuration.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { federationSender } from '#app/federation-deliverer.ts';
import { createLogger } from '#platform/log.ts';
import { type RemoteActor, startRemoteActor } from '../../support/fediverse.ts';
import { federationWorld, signedFollowOfGroup } from '../../support/federation-world.ts';
import { memoryInstanceBlocks } from '../../support/memory-instance-blocks.ts';
import { fakeServices } from '../../support/services.ts';

const opened: RemoteActor[] = [];
afterEach(async () => {
  for (const actor of opened.splice(0)) await actor.close();
});

const unconfigured = {
  'no key named': {},
  'a key file that is not there': { FEDERATION_KEY_FILE: join(import.meta.dirname, 'no-such-key.pem') },
};

describe('an instance with no ActivityPub key', () => {
  it.each(Object.entries(unconfigured))(
    'answers a signed Follow to an existing syndicate with 503, saying federation is not configured (%s)',
    async (_, settings) => {
      const { config } = fakeServices({}, { ...settings, FEDERATION_ALLOW_LOOPBACK: true });
      const world = await federationWorld({
        keys: federationSender(config, createLogger('silent'), memoryInstanceBlocks()).keys,
      });
      const alice = await startRemoteActor('alice');
      opened.push(alice);
      const posted = await world.call(signedFollowOfGroup(alice));
      expect(posted.status).toBe(503);
      expect(posted.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(posted.body)).toMatchObject({
        status: 503,
        title: 'Not configured on this instance',
        detail: expect.stringMatching(/not configured for federation/),
      });
      expect(world.followers.all()).toEqual([]);
    },
  );

  it.each(Object.entries(unconfigured))(
    'answers a fetch of a syndicate’s Group actor with 503 rather than an actor with no key to verify it by (%s)',
    async (_, settings) => {
      const { config } = fakeServices({}, { ...settings, FEDERATION_ALLOW_LOOPBACK: true });
      const world = await federationWorld({
        keys: federationSender(config, createLogger('silent'), memoryInstanceBlocks()).keys,
      });
      const fetched = await world.call({
        method: 'GET',
        path: '/api/federation/actors/riverside-builders',
        headers: { accept: 'application/activity+json' },
      });
      expect(fetched.status).toBe(503);
      expect(JSON.parse(fetched.body)).toMatchObject({ status: 503, title: 'Not configured on this instance' });
    },
  );
});
