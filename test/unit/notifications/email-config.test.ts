// The email settings are read and checked once, like every other: a link key too short to keep links
// unforgeable is refused, from the environment or from its secret, and AWS never runs without one.
import { describe, expect, it } from 'vitest';
import { emailServices } from '#app/email-services.ts';
import { createAwsMailer } from '#app/mailer.ts';
import { withSecrets } from '#app/secrets.ts';
import { createStoreServices } from '#app/store-services.ts';
import { ConfigError, parseConfig } from '#config/config.ts';
import { createLogger } from '#platform/log.ts';

const base = {
  AUTH_ISSUER: 'https://issuer',
  AUTH_AUDIENCE: 'app',
  AUTH_JWKS_URL: 'https://issuer/jwks.json',
  LOG_LEVEL: 'silent',
};
const longKey = 'a-key-of-forty-characters-for-this-test!';

describe('email configuration', () => {
  it('refuses a link key shorter than 32 characters, naming it', () => {
    expect(() => parseConfig({ ...base, EMAIL_LINK_KEY: 'short' })).toThrow(/EMAIL_LINK_KEY: must be at least 32/);
  });

  it('refuses the key and its secret set together', () => {
    expect(() => parseConfig({ ...base, EMAIL_LINK_KEY: longKey, EMAIL_LINK_KEY_SECRET: 'guildhall/x' })).toThrow(
      /EMAIL_LINK_KEY: set it or EMAIL_LINK_KEY_SECRET/,
    );
  });

  it('reads the key from its secret, validated as if it were inline, never showing the value', async () => {
    const config = parseConfig({ ...base, EMAIL_LINK_KEY_SECRET: 'guildhall/email-link-key' });
    expect((await withSecrets(config, async () => longKey)).EMAIL_LINK_KEY).toBe(longKey);
    const failure = withSecrets(config, async () => 'tiny-secret-value');
    await expect(failure).rejects.toThrow(/EMAIL_LINK_KEY \(from the secret guildhall\/email-link-key/);
    await expect(failure).rejects.not.toThrow(/tiny-secret-value/);
  });

  it('refuses to sign unsubscribe links in AWS without a key, and makes one per process elsewhere', () => {
    const log = createLogger('silent');
    const aws = createStoreServices(parseConfig({ ...base, STAGE: 'aws' }), { log });
    expect(() => emailServices(aws)).toThrow(ConfigError);
    const local = createStoreServices(parseConfig({ ...base, STAGE: 'local' }), { log });
    expect(emailServices(local).emailLinkKey.length).toBeGreaterThanOrEqual(32);
    const keyed = createStoreServices(parseConfig({ ...base, STAGE: 'aws', EMAIL_LINK_KEY: longKey }), { log });
    expect(emailServices(keyed).emailLinkKey).toBe(longKey);
  });

  it('sends through SES only with a configuration set, which publishes bounces and complaints', () => {
    const services = createStoreServices(parseConfig({ ...base, STAGE: 'aws', EMAIL_LINK_KEY: longKey }), {
      log: createLogger('silent'),
    });
    expect(() => createAwsMailer(services)).toThrow(/SES_CONFIGURATION_SET: required/);
    const withSet = createStoreServices(
      parseConfig({ ...base, STAGE: 'aws', EMAIL_LINK_KEY: longKey, SES_CONFIGURATION_SET: 'guildhall-mail' }),
      { log: createLogger('silent') },
    );
    expect(typeof createAwsMailer(withSet).send).toBe('function');
  });
});
