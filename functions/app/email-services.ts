// The email part of the composition root: the preferences, the suppression list and the key that signs
// unsubscribe links. Only what sends mail or follows its links imports this module (the people API, the
// site, the notification and SES-event functions), so the `api` and `innovations-api` bundles carry no
// email code; it reuses the store services' DynamoDB client rather than opening a second one.
import { randomBytes } from 'node:crypto';
import { createEmailPreferencesRepository, createSuppressionList } from '#adapters/dynamodb/email-repository.ts';
import { ConfigError } from '#config/config.ts';
import type { EmailPreferencesRepository } from '#domain/notifications/email-preferences.ts';
import type { SuppressionList } from '#domain/notifications/suppression.ts';
import type { StoreServices } from './store-services.ts';

export interface EmailServices {
  emailPreferences: EmailPreferencesRepository;
  suppressions: SuppressionList;
  /** Signs and checks unsubscribe links (EMAIL_LINK_KEY). */
  emailLinkKey: string;
  siteUrl: string;
  now: () => Date;
}

/** By the table's client: a command's scoped copy of the services shares it, so it finds them built. */
const built = new WeakMap<StoreServices['storeClient'], EmailServices>();
/** Outside AWS with no key set: one per process, so links work until a restart (as the signing key does). */
let processKey: string | undefined;

/** The email services of these store services: built on first use, then kept with them. */
export function emailServices(services: StoreServices): EmailServices {
  if (services.email) return services.email;
  let email = built.get(services.storeClient);
  if (!email) {
    const { config } = services;
    if (!config.EMAIL_LINK_KEY && config.STAGE === 'aws') {
      throw new ConfigError(
        'Invalid configuration:\n  EMAIL_LINK_KEY: required in AWS to sign unsubscribe links, or EMAIL_LINK_KEY_SECRET',
      );
    }
    if (!config.EMAIL_LINK_KEY) {
      services.log.warn('EMAIL_LINK_KEY is not set; unsubscribe links work only as long as this process');
      processKey ??= randomBytes(32).toString('base64url');
    }
    email = {
      emailPreferences: createEmailPreferencesRepository(services.storeClient, config.TABLE_NAME),
      suppressions: createSuppressionList(services.storeClient, config.TABLE_NAME),
      emailLinkKey: config.EMAIL_LINK_KEY ?? (processKey as string),
      siteUrl: config.PUBLIC_URL,
      now: () => services.now(),
    };
    built.set(services.storeClient, email);
  }
  return email;
}
