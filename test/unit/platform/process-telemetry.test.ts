// A Lambda handler wraps each invocation in the process's telemetry before its services exist (in AWS
// they wait for their secrets). The business counts the services' commands make must still be written
// when that invocation ends: the services share the wrapper's telemetry, whichever way they are built.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusinessCount } from '#platform/metrics.ts';
import { captureOutput, emfLines } from '../../support/output.ts';

const saved = { ...process.env };
afterAll(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
});

let app: typeof import('#app/services.ts');
let store: typeof import('#app/store-services.ts');
beforeAll(async () => {
  Object.assign(process.env, {
    STAGE: 'test',
    AUTH_ISSUER: 'https://issuer.test',
    AUTH_AUDIENCE: 'test',
    AUTH_JWKS: JSON.stringify({ keys: [{ kty: 'RSA', n: 'AQAB', e: 'AQAB' }] }),
    // Nothing listens here: nothing below reaches the store.
    DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
    LOG_LEVEL: 'warn',
    POWERTOOLS_METRICS_DISABLED: 'false',
    POWERTOOLS_TRACE_ENABLED: 'false',
  });
  app = await import('#app/services.ts');
  store = await import('#app/store-services.ts');
});

/** The metrics written by one invocation of the process's telemetry in which `count` is called. */
async function countedIn(count: (name: BusinessCount) => void) {
  const { lines } = await captureOutput(() =>
    store.getTelemetry().invocation({}, async () => {
      count('applications');
    }),
  );
  return emfLines(lines);
}

describe('the process’s telemetry', () => {
  it('writes a count made through the services loaded on first use when the invocation ends', async () => {
    const services = await app.loadServices();
    expect(await countedIn(services.count)).toEqual([expect.objectContaining({ applications: 1 })]);
  });

  it('writes a count made through the store services of the stream consumers and the sweep too', async () => {
    const services = store.getStoreServices();
    expect(await countedIn(services.count)).toEqual([expect.objectContaining({ applications: 1 })]);
  });
});
