import { it } from 'vitest';
import { federationWorld } from '../../support/federation-world.ts';
it('repro', async () => {
  const world = await federationWorld();
  for (const [path, body, ct] of [
    ['/api/federation/actors/x/inbox', undefined, 'application/json'],
    ['/api/federation/actors/x/inbox', '', undefined],
    ['/api/federation/actors/riverside-builders/inbox', undefined, 'application/json'],
    ['/api/federation/actors/riverside-builders/inbox', 'null', 'application/json'],
    ['/api/federation/actors/riverside-builders/inbox', '{}', 'application/json'],
    ['/api/federation/inbox', undefined, 'application/json'],
  ] as const) {
    const r = await world.call({ method: 'POST', path, headers: ct ? { 'content-type': ct } : {}, ...(body !== undefined ? { body } : {}) });
    console.log(path, JSON.stringify(body), ct, r.status, r.body.slice(0, 200));
  }
});
