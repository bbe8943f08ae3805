import { it } from 'vitest';
import { federationServices } from '#app/federation-services.ts';
import { apiOnFreshTable } from '../support/api-client.ts';
it('repro', async () => {
  const { services } = await apiOnFreshTable();
  const { federation } = federationServices(services);
  for (const id of ['x', '_instance']) {
  try {
    const r = await federation.fetch(new Request(`https://guildhall.test/api/federation/actors/${id}/inbox`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' }), { contextData: undefined });
    console.log(id, r.status, await r.text());
  } catch (e) { console.log(id, 'THREW', e); }
  }
});
