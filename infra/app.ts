// The CDK app: `npm run synth` (offline, no credentials), `npx cdk deploy --all` to deploy.
// Context (cdk.json or -c): tableName, apiRateLimit, apiBurstLimit, publicUrl, authDomainPrefix, credentialKeySecretName,
// meilisearchUrl or meilisearchUrlParameter (SSM, default /guildhall/meilisearch-url), meilisearchSearchKeySecret, meilisearchDocumentsKeySecret. `npm run synth` builds the site first.
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';

const siteDist = join(import.meta.dirname, '../site/dist');

export function buildApp(
  app = new App(),
  site = { clientDir: join(siteDist, 'client'), serverEntry: join(siteDist, 'server/entry.mjs') },
) {
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const context = (key: string, fallback: string) => String(app.node.tryGetContext(key) ?? fallback);
  const stateful = new StatefulStack(app, 'GuildhallData', { env, tableName: context('tableName', 'guildhall') });
  const stateless = new StatelessStack(app, 'GuildhallApp', {
    env,
    table: stateful.table,
    site,
    publicUrl: app.node.tryGetContext('publicUrl') as string | undefined,
    authDomainPrefix: context('authDomainPrefix', 'guildhall'),
    // Person ids (Cognito subs, comma-separated) of the stewards who grant credit limits; none by default.
    stewards: context('stewards', ''),
    credentialKeySecretName: context('credentialKeySecretName', 'guildhall/credential-signing-key'),
    search: {
      url: app.node.tryGetContext('meilisearchUrl') as string | undefined,
      // Without a URL in context, functions read it from this SSM parameter at deploy time: a deploy
      // with neither fails there, instead of giving every function an empty search index of its own.
      urlParameterName: context('meilisearchUrlParameter', '/guildhall/meilisearch-url'),
      searchKeySecretName: context('meilisearchSearchKeySecret', 'guildhall/meilisearch-search-key'),
      documentsKeySecretName: context('meilisearchDocumentsKeySecret', 'guildhall/meilisearch-documents-key'),
    },
    throttle: {
      rateLimit: Number(context('apiRateLimit', '100')),
      burstLimit: Number(context('apiBurstLimit', '200')),
    },
  });
  return { app, stateful, stateless };
}

if (import.meta.main) {
  buildApp().app.synth();
}
