import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { table } from '#adapters/dynamodb/table.ts';
import { apiRoutes } from '#http/api.ts';
import { commonSecurityHeaders, dataContentSecurityPolicy } from '#http/security-headers.ts';
import { buildApp } from '../../infra/app.ts';
import { powertoolsVersion } from '../../infra/stateless-stack.ts';
import { securityHeadersPolicyProps } from '../../infra/security-headers-policy.ts';

let data: Template;
let app: Template;

beforeAll(() => {
  // A stand-in site build, so these tests need no `astro build`; bundling is skipped too: the
  // assertions are about resources, not bundle bytes.
  // NodejsFunction wants its entry under the project, so the stand-in lives in the ignored .tmp/.
  const scratch = join(import.meta.dirname, '../../.tmp');
  mkdirSync(scratch, { recursive: true });
  const dir = mkdtempSync(join(scratch, 'site-'));
  mkdirSync(join(dir, 'client'));
  writeFileSync(join(dir, 'client/index.html'), '<!doctype html><title>t</title>');
  mkdirSync(join(dir, 'server'));
  writeFileSync(join(dir, 'server/entry.mjs'), 'export const handler = () => ({});');
  const built = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), {
    clientDir: join(dir, 'client'),
    serverEntry: join(dir, 'server/entry.mjs'),
  });
  data = Template.fromStack(built.stateful);
  app = Template.fromStack(built.stateless);
});

describe('the stateful stack', () => {
  it('declares the table with the keys and indexes of the shared definition', () => {
    data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: table.keys.partitionKey, KeyType: 'HASH' },
        { AttributeName: table.keys.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: table.indexes.map((index) =>
        Match.objectLike({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
        }),
      ),
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
  });

  it('keeps the table safe: point-in-time recovery, deletion protection, retained on stack deletion', () => {
    data.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
      }),
    });
  });
});

describe('the stateless stack', () => {
  it('runs the API and site functions on Node 24, arm64', () => {
    const functions = app.findResources('AWS::Lambda::Function', {
      Properties: { Runtime: 'nodejs24.x', Architectures: ['arm64'] },
    });
    const descriptions = Object.values(functions).map((resource) => resource.Properties.Description);
    expect(descriptions).toEqual(expect.arrayContaining([expect.stringMatching(/API/), expect.stringMatching(/site/)]));
  });

  it('gives every function the Powertools layer at the installed version (its tracer), its service and namespace', () => {
    const parameters = Object.entries(app.toJSON().Parameters ?? {}) as [string, { Default?: string }][];
    const [layer] =
      parameters.find(([, p]) => p.Default === `/aws/service/powertools/typescript/generic/all/${powertoolsVersion}`) ??
      [];
    expect(layer).toBeDefined();
    const ours = Object.values(app.findResources('AWS::Lambda::Function')).filter((f) =>
      /^Guildhall/.test(f.Properties.Description ?? ''),
    );
    expect(ours.length).toBe(6);
    for (const f of ours) {
      expect(f.Properties.Layers, f.Properties.Description).toEqual([{ Ref: layer }]);
      expect(f.Properties.Environment.Variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'guildhall',
        POWERTOOLS_METRICS_NAMESPACE: 'Guildhall',
      });
    }
  });

  it('declares one HTTP API route per API route, with the JWT authorizer exactly on protected ones', () => {
    const routes = app.findResources('AWS::ApiGatewayV2::Route');
    for (const route of apiRoutes) {
      const key = `${route.method} ${route.path}`;
      const found = Object.values(routes).find((resource) => resource.Properties.RouteKey === key);
      expect(found, key).toBeDefined();
      expect(found?.Properties.AuthorizationType, key).toBe(route.auth === 'required' ? 'JWT' : 'NONE');
    }
    app.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
    });
  });

  it('throttles the API stage', () => {
    app.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
    });
  });

  it('has a Cognito user pool with a hosted sign-in that returns to the site with the code flow', () => {
    app.resourceCountIs('AWS::Cognito::UserPool', 1);
    app.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    app.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: Match.arrayWith(['openid', 'email', 'profile']),
      CallbackURLs: [Match.stringLikeRegexp('/auth/callback$')],
    });
    const site = Object.values(app.findResources('AWS::Lambda::Function')).find((f) =>
      /site/.test(f.Properties.Description),
    );
    expect(JSON.stringify(site?.Properties.Environment.Variables.AUTH_HOSTED_UI_URL)).toContain('amazoncognito.com');
  });

  it('serves pages and their form posts from the site function, assets from S3, /api from the API', () => {
    const all = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'];
    app.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({ AllowedMethods: Match.arrayEquals(all) }),
        CacheBehaviors: Match.arrayWith([
          Match.objectLike({ PathPattern: '/api/*', AllowedMethods: Match.arrayEquals(all) }),
          Match.objectLike({ PathPattern: '/_astro/*' }),
        ]),
      }),
    });
    app.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: Match.objectLike({ BlockPublicAcls: true }),
    });
  });
});

describe('security headers through CloudFront', () => {
  it('attaches one response headers policy to every behaviour: pages, /api and the S3 assets', () => {
    const policies = Object.keys(app.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    expect(policies).toHaveLength(1);
    const [distribution] = Object.values(app.findResources('AWS::CloudFront::Distribution'));
    const config = distribution?.Properties.DistributionConfig;
    const behaviours = [config.DefaultCacheBehavior, ...config.CacheBehaviors];
    expect(behaviours.map((behaviour) => behaviour.PathPattern ?? 'default')).toEqual([
      'default',
      '/api/*',
      '/_astro/*',
      '/favicon.svg',
    ]);
    for (const behaviour of behaviours) expect(behaviour.ResponseHeadersPolicyId).toEqual({ Ref: policies[0] });
  });

  it('sends the shared header set and HSTS for two years, keeping the CSP a page brings with its hashes', () => {
    const {
      'x-content-type-options': _,
      'x-frame-options': __,
      'referrer-policy': ___,
      ...custom
    } = commonSecurityHeaders;
    app.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: {
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: commonSecurityHeaders['x-frame-options'], Override: true },
          ReferrerPolicy: { ReferrerPolicy: commonSecurityHeaders['referrer-policy'], Override: true },
          ContentSecurityPolicy: { ContentSecurityPolicy: dataContentSecurityPolicy, Override: false },
          StrictTransportSecurity: { AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true },
        },
        CustomHeadersConfig: {
          Items: Object.entries(custom).map(([Header, Value]) => ({ Header, Value, Override: true })),
        },
      }),
    });
    expect(Object.keys(custom)).toEqual(['permissions-policy', 'cross-origin-opener-policy']);
  });

  it('fails the synth on a header value CloudFront cannot send', () => {
    expect(() => securityHeadersPolicyProps({ ...commonSecurityHeaders, 'x-frame-options': 'ALLOWALL' })).toThrow(
      'CloudFront cannot send x-frame-options: ALLOWALL',
    );
    expect(() => securityHeadersPolicyProps({ ...commonSecurityHeaders, 'referrer-policy': 'sometimes' })).toThrow(
      'CloudFront cannot send referrer-policy: sometimes',
    );
  });
});

describe('what the functions are given', () => {
  it('passes the credential signing key from Secrets Manager, never a literal', () => {
    const functions = Object.values(app.findResources('AWS::Lambda::Function'));
    const withKey = functions.filter((resource) => resource.Properties.Environment?.Variables?.CREDENTIAL_SIGNING_KEY);
    expect(withKey.length).toBeGreaterThanOrEqual(2);
    for (const resource of withKey) {
      expect(JSON.stringify(resource.Properties.Environment.Variables.CREDENTIAL_SIGNING_KEY)).toContain(
        'resolve:secretsmanager',
      );
    }
  });
});

/** A stand-in built site, enough for the stack to synthesize without bundling. */
function searchSite() {
  const dir = join(import.meta.dirname, '../../.tmp');
  const site = { clientDir: join(dir, 'site-search/client'), serverEntry: join(dir, 'site-search/server/entry.mjs') };
  mkdirSync(site.clientDir, { recursive: true });
  mkdirSync(join(dir, 'site-search/server'), { recursive: true });
  writeFileSync(join(site.clientDir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(site.serverEntry, 'export const handler = () => ({});');
  return site;
}

describe('search infrastructure', () => {
  it('feeds the indexer from the table stream with partial batch responses, bisect, bounded retries and a failure queue', () => {
    app.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    // One failure queue per stream consumer: search and shortages.
    app.resourceCountIs('AWS::SQS::Queue', 2);
  });

  it('reindexes after every deploy', () => {
    app.resourceCountIs('Custom::Trigger', 1);
  });

  it('gives functions the Meilisearch host and keys from configuration, never a master key', () => {
    const built = buildApp(
      new App({ context: { 'aws:cdk:bundling-stacks': [], meilisearchUrl: 'https://search.example.org' } }),
      searchSite(),
    );
    const functions = Object.values(Template.fromStack(built.stateless).findResources('AWS::Lambda::Function'));
    const withSearch = functions.filter(
      (f) => f.Properties.Environment?.Variables?.MEILISEARCH_URL === 'https://search.example.org',
    );
    expect(withSearch.length).toBe(4);
    const keys = withSearch.map((f) => JSON.stringify(f.Properties.Environment.Variables.MEILISEARCH_KEY));
    expect(keys.every((key) => key.includes('resolve:secretsmanager'))).toBe(true);
    expect(keys.some((key) => key.includes('meilisearch-search-key'))).toBe(true);
    expect(keys.some((key) => key.includes('meilisearch-documents-key'))).toBe(true);
    expect(JSON.stringify(functions)).not.toMatch(/master/i);
  });

  it('reads the Meilisearch host from an SSM parameter when none is given, so a deploy without one fails', () => {
    const built = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), searchSite());
    const template = Template.fromStack(built.stateless);
    const parameters = Object.entries(template.toJSON().Parameters ?? {}) as [
      string,
      { Type: string; Default?: string },
    ][];
    const [name] = parameters.find(([, p]) => p.Default === '/guildhall/meilisearch-url') ?? [];
    expect(name).toBeDefined();
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    const fromParameter = functions.filter(
      (f) => JSON.stringify(f.Properties.Environment?.Variables?.MEILISEARCH_URL) === JSON.stringify({ Ref: name }),
    );
    expect(fromParameter.length).toBe(4);
  });
});

describe('shortage infrastructure', () => {
  const functionId = (description: RegExp) => {
    const functions = app.findResources('AWS::Lambda::Function');
    const found = Object.entries(functions).find(([, resource]) => description.test(resource.Properties.Description));
    expect(found, String(description)).toBeDefined();
    return found?.[0] ?? '';
  };

  it('feeds the shortage function from the same table stream, with partial batch responses and its own failure queue', () => {
    const id = functionId(/skill-shortage index/);
    const mappings = Object.values(app.findResources('AWS::Lambda::EventSourceMapping'));
    expect(mappings).toHaveLength(2);
    const shortage = mappings.find((m) => JSON.stringify(m.Properties.FunctionName).includes(id));
    expect(shortage?.Properties).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: expect.anything() } },
    });
    expect(JSON.stringify(shortage?.Properties.EventSourceArn)).toBe(
      JSON.stringify(mappings[0]?.Properties.EventSourceArn),
    );
  });

  it('runs the expiry sweep and shortage snapshot every day on a schedule', () => {
    const id = functionId(/expiry sweep/);
    app.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(15 0 * * ? *)',
      State: 'ENABLED',
      Targets: Match.arrayWith([Match.objectLike({ Arn: { 'Fn::GetAtt': [id, 'Arn'] } })]),
    });
  });
});
