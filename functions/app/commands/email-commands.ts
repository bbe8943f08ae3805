// The writes to a person's email preferences: switching kinds in their settings (signed in), and the
// one-click unsubscribe from an email (no sign-in: the link's signed token is the proof).
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { ForbiddenError } from '#domain/errors.ts';
import { peopleWords } from '#domain/i18n/account/people-refusals.ts';
import { changeEmailPreferences, emailPreferencesPatchSchema } from '#domain/notifications/email-preferences.ts';
import { unsubscribe, unsubscribeClaim } from '#domain/notifications/unsubscribe.ts';
import { emailServices } from '../email-services.ts';
import { command } from './command.ts';

export const changeEmailPreferencesCommand = command({
  name: 'people.change-email-preferences',
  input: () => ({ body: emailPreferencesPatchSchema() }),
  run: ({ services, identity, body }) => changeEmailPreferences(emailServices(services), identity, body),
});

const token = /* @__PURE__ */ lazySchema(() =>
  z.object({
    token: z.string().check(z.minLength(1, 'Open the unsubscribe link from the email whole.'), z.maxLength(400)),
  }),
);

/**
 * The identity is the token's person (the edge read it from the same token); the use case checks the
 * signature again and acts on the token's claim alone, so no identity can unsubscribe anyone else.
 */
export const unsubscribeCommand = command({
  name: 'email.unsubscribe',
  input: () => ({ params: token() }),
  run: ({ services, identity, params }) => {
    const email = emailServices(services);
    const claim = unsubscribeClaim(email.emailLinkKey, params.token);
    if (claim.personId !== identity.personId) {
      const { message, wordsIn } = peopleWords({ key: 'unsubscribe-other', values: {} });
      throw new ForbiddenError(message, { wordsIn });
    }
    return unsubscribe(email, claim);
  },
});
