// A person's email preferences, and the one-click unsubscribe every email links to (RFC 8058). The
// unsubscribe answers at /api so mail clients can POST to it without a page's origin check; a person who
// opens that address in a browser is sent to the page that asks first.
import * as z from 'zod/mini';
import { changeEmailPreferencesCommand, unsubscribeCommand } from '#app/commands/email-commands.ts';
import { runCommand } from '#app/commands/command.ts';
import { emailServices } from '#app/email-services.ts';
import { documented } from '#config/bundle.ts';
import { readEmailPreferences } from '#domain/notifications/email-preferences.ts';
import { notificationKinds } from '#domain/notifications/notification.ts';
import { unsubscribeClaim, unsubscribeIdentity } from '#domain/notifications/unsubscribe.ts';
import { commandRoute, protectedRoute, publicRoute } from '../route.ts';

const preferencesSchema = () => z.record(z.enum(notificationKinds), z.boolean());
const privateAnswer = { 'cache-control': 'private, no-store' };
const tokenParams = () => ({ params: z.object({ token: z.string().check(z.maxLength(400)) }) });

export const emailRoutes = [
  protectedRoute({
    method: 'GET',
    path: '/api/me/email-preferences',
    auth: 'required',
    doc: documented && {
      summary: 'Which kinds of notification you also get by email (every kind is on until you turn it off)',
      tags: ['people'],
      responses: { 200: { description: 'Each kind, on (true) or off (false).', schema: preferencesSchema } },
    },
    async handle({ identity, services }) {
      return { body: await readEmailPreferences(emailServices(services), identity), headers: privateAnswer };
    },
  }),
  commandRoute(changeEmailPreferencesCommand, {
    method: 'PATCH',
    path: '/api/me/email-preferences',
    doc: documented && {
      summary: 'Switch kinds of email on or off: send the kinds to change; the others stay',
      tags: ['people'],
      responses: { 200: { description: 'Each kind as it now is.', schema: preferencesSchema } },
    },
    respond: (body) => ({ status: 200, body, headers: privateAnswer }),
  }),
  publicRoute({
    method: 'POST',
    path: '/api/unsubscribe/{token}',
    auth: 'none',
    input: tokenParams,
    doc: documented && {
      summary: 'One-click unsubscribe (RFC 8058): stops the kind of email the link came in, no sign-in needed',
      tags: ['people'],
      responses: {
        200: { description: 'That kind of email is off (it may have been already).' },
        400: { description: 'Not a link Guildhall made, or cut short.' },
      },
    },
    async handle({ params, services }) {
      const claim = unsubscribeClaim(emailServices(services).emailLinkKey, params.token);
      const { output } = await runCommand(unsubscribeCommand, {
        services,
        identity: unsubscribeIdentity(claim),
        params: { token: params.token },
      });
      return { body: output, headers: privateAnswer };
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/unsubscribe/{token}',
    auth: 'none',
    input: tokenParams,
    doc: documented && {
      summary: 'Opened in a browser, the one-click address sends you to the page that asks before unsubscribing',
      tags: ['people'],
      responses: { 303: { description: 'To the unsubscribe page; nothing is changed by a GET.' } },
    },
    async handle({ params }) {
      return {
        status: 303,
        headers: { location: `/unsubscribe/${encodeURIComponent(params.token)}/`, 'cache-control': 'no-store' },
      };
    },
  }),
];
