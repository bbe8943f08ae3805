// Starts the whole local stack (DynamoDB Local, demo data, built site, gateway) once for the
// browser project, exactly as `npm start` does, on a free port.
import type { TestProject } from 'vitest/node';
import { freePort } from '#local/dynamodb-local.ts';
import { startLocalStack } from '#local/local-stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The stack's mail catcher (`smtp://127.0.0.1:<port>`): a test may send to it and read /dev/mail/. */
    smtpUrl: string;
    /** The stack's table, for a test that must write what no page writes yet (an offer, for orders). */
    store: { endpoint: string; tableName: string };
  }
}

export default async function setup(project: TestProject) {
  const stack = await startLocalStack({
    port: await freePort(),
    build: 'if-needed',
    logLevel: 'error',
    progress: (message) => console.log(`[stack] ${message}`),
  });
  project.provide('baseUrl', stack.url);
  project.provide('smtpUrl', stack.mail.url);
  project.provide('store', { endpoint: stack.env.DYNAMODB_ENDPOINT ?? '', tableName: stack.env.TABLE_NAME ?? '' });
  return () => stack.stop();
}
