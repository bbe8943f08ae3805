// The CDK app: `npm run synth` (offline, no credentials), `npx cdk deploy --all` to deploy.
// Context (cdk.json or -c): tableName, apiRateLimit, apiBurstLimit, publicUrl, certificateArn (ACM, us-east-1,
// for publicUrl's host), authDomainPrefix, credentialKeySecretName, federationKeySecretName, meilisearchUrl or meilisearchUrlParameter
// (SSM, default /guildhall/meilisearch-url), meilisearchSearchKeySecret, meilisearchDocumentsKeySecret,
// alarmEmail, emailDomain (the SES sender identity; publicUrl's host by default), wafRateLimit (requests per IP per 5 minutes), region (when CDK_DEFAULT_REGION is unset).
// Six stacks: GuildhallData (the table and the files), GuildhallEdge (the WAF WebACL, always in
// us-east-1, as CloudFront requires), GuildhallApp (identity, the HTTP API, the site, CloudFront, mail
// and the event-driven side), which takes the WebACL's ARN by a cross-region reference, and the API
// stacks that hold the route groups' functions and routes: GuildhallWorkApi, GuildhallEconomyApi and
// GuildhallFederation (why this seam: ARCHITECTURE.md, "The stacks").
// `npm run synth` builds the site first and runs cdk-nag's AwsSolutions and Serverless packs.
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { EconomyApiStack } from './economy-api-stack.ts';
import { EdgeStack } from './edge-stack.ts';
import { FederationStack } from './federation-stack.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';
import { WorkApiStack } from './work-api-stack.ts';

const siteDist = join(import.meta.dirname, '../site/dist');

export function buildApp(
  app = new App(),
  site = { clientDir: join(siteDist, 'client'), serverEntry: join(siteDist, 'server/entry.mjs') },
) {
  const context = (key: string, fallback: string) => String(app.node.tryGetContext(key) ?? fallback);
  const optional = (key: string) => app.node.tryGetContext(key) as string | undefined;
  // A cross-region reference needs both regions known at synth; offline, `region` context stands in.
  const env = {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: process.env.CDK_DEFAULT_REGION ?? context('region', 'eu-west-1'),
  };
  const stateful = new StatefulStack(app, 'GuildhallData', { env, tableName: context('tableName', 'guildhall') });
  const edge = new EdgeStack(app, 'GuildhallEdge', {
    env: { ...env, region: 'us-east-1' },
    crossRegionReferences: true,
    requestsPerIpPer5Minutes: Number(context('wafRateLimit', '2000')),
  });
  const stateless = new StatelessStack(app, 'GuildhallApp', {
    env,
    crossRegionReferences: true,
    table: stateful.table,
    files: stateful.files,
    site,
    publicUrl: optional('publicUrl'),
    certificateArn: optional('certificateArn'),
    authDomainPrefix: context('authDomainPrefix', 'guildhall'),
    // Person ids (Cognito subs, comma-separated) of the stewards who grant credit limits; none by default.
    stewards: context('stewards', ''),
    credentialKeySecretName: context('credentialKeySecretName', 'guildhall/credential-signing-key'),
    search: {
      url: optional('meilisearchUrl'),
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
    webAclArn: edge.webAclArn,
    alarmEmail: optional('alarmEmail'),
    emailDomain: optional('emailDomain'),
  });
  stateless.addStackDependency(edge);
  // Each takes what it needs from the app stack by reference (CDK makes the exports), and the app
  // stack nothing from them.
  const apiProps = { env, foundation: stateless.forApi };
  const workApi = new WorkApiStack(app, 'GuildhallWorkApi', apiProps);
  const economyApi = new EconomyApiStack(app, 'GuildhallEconomyApi', apiProps);
  const federation = new FederationStack(app, 'GuildhallFederation', {
    ...apiProps,
    federationKeySecretName: context('federationKeySecretName', 'guildhall/federation-key'),
  });
  return { app, stateful, edge, stateless, workApi, economyApi, federation, apis: [workApi, economyApi, federation] };
}

if (import.meta.main) {
  const { app } = buildApp();
  // The same packs the infra tests run: a finding nobody acknowledged with a reason fails the synth.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  app.synth();
}
