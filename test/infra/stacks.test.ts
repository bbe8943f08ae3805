import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { table } from '#adapters/dynamodb/table.ts';
import { apiRoutes } from '#http/api.ts';
import { commonSecurityHeaders, dataContentSecurityPolicy } from '#http/security-headers.ts';
import { securityHeadersPolicyProps } from '../../infra/security-headers-policy.ts';
import { exported, functionId, guildhallFunctions, type Resource, resourcesIn, synth } from './support.ts';

let data: Template;
let app: Template;
let apis: Template[];
/** The app stack and the API stacks: every stack with functions. */
let stateless: Template[];

beforeAll(() => {
  ({ data, app, apis, stateless } = synth());
});

/** Every IAM policy of the stacks with functions. */
const policies = () =>
  resourcesIn(stateless, 'AWS::IAM::Policy').map(([, id, policy]) => [id, policy] as [string, Resource]);

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

describe('the bucket of people’s files', () => {
  it('is private, encrypted, reachable over TLS only, logged, unversioned (a removed CV is gone) and retained', () => {
    data.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: Match.objectLike({
          ServerSideEncryptionConfiguration: [
            Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }),
          ],
        }),
        LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'people-files/' }),
        VersioningConfiguration: Match.absent(),
      }),
    });
    const policies = JSON.stringify(data.findResources('AWS::S3::BucketPolicy'));
    expect(policies).toContain('aws:SecureTransport');
  });

  it('is given only to the people API, the site and the learning API, for put, get and delete under cv/ and evidence/ alone', () => {
    const granted = policies().filter(([, policy]) => JSON.stringify(policy).includes('PeopleFiles'));
    const holders = granted.map(([, policy]) => JSON.stringify(policy.Properties.Roles));
    expect(holders).toHaveLength(4);
    const resources = (holder: RegExp) => {
      const policy = granted.find(([, p]) => holder.test(JSON.stringify(p.Properties.Roles)))?.[1];
      const statements = (policy?.Properties.PolicyDocument.Statement ?? []) as Array<Record<string, unknown>>;
      const statement = statements.find((s) => JSON.stringify(s).includes('PeopleFiles'));
      expect(statement?.Action).toEqual(['s3:PutObject', 's3:GetObject', 's3:DeleteObject']);
      return JSON.stringify(statement?.Resource);
    };
    for (const holder of [/PeopleApiFunction/, /SiteFunction/]) {
      expect(resources(holder)).toContain('/cv/*');
      expect(resources(holder)).toContain('/evidence/*');
    }
    // Practical sign-off stores and shows evidence photos, never a CV; the hiring loop CVs, never a photo.
    expect(resources(/PracticalApiFunction/)).toContain('/evidence/*');
    expect(resources(/PracticalApiFunction/)).not.toContain('/cv/*');
    expect(resources(/HiringApiFunction/)).toContain('/cv/*');
    expect(resources(/HiringApiFunction/)).not.toContain('/evidence/*');
    // Learning keeps no file at all since practical sign-off has its own function.
    expect(holders.filter((roles) => /LearningApiFunction/.test(roles))).toEqual([]);
  });
});

describe('people’s sign-in accounts', () => {
  it('may be deleted only by the functions that delete accounts (the people API and the site), and only deleted', () => {
    const granted = policies().filter(([, policy]) => JSON.stringify(policy).includes('cognito-idp:'));
    const holders = granted.map(([, policy]) => JSON.stringify(policy.Properties.Roles)).join(' ');
    expect(granted).toHaveLength(2);
    expect(holders).toMatch(/PeopleApiFunction/);
    expect(holders).toMatch(/SiteFunction/);
    for (const [, policy] of granted) {
      const statements = policy.Properties.PolicyDocument.Statement as Array<{ Action: unknown; Resource: unknown }>;
      const cognito = statements.filter((statement) => JSON.stringify(statement.Action).includes('cognito-idp:'));
      expect(cognito.map((statement) => statement.Action)).toEqual(['cognito-idp:AdminDeleteUser']);
      expect(JSON.stringify(cognito[0]?.Resource)).toContain('People');
    }
    const withPool = resourcesIn(stateless, 'AWS::Lambda::Function')
      .map(([, , fn]) => fn)
      .filter((fn) => fn.Properties.Environment?.Variables?.USER_POOL_ID);
    expect(withPool.map((fn) => fn.Properties.Description).sort()).toEqual([
      'Guildhall API: profiles and people',
      'Guildhall site: pages rendered on demand',
    ]);
  });
});

describe('the stateless stacks', () => {
  it('runs the API and site functions on Node 24, arm64', () => {
    const descriptions = stateless.flatMap((template) =>
      Object.values(
        template.findResources('AWS::Lambda::Function', {
          Properties: { Runtime: 'nodejs24.x', Architectures: ['arm64'] },
        }),
      ).map((resource) => resource.Properties.Description),
    );
    expect(descriptions).toEqual(expect.arrayContaining([expect.stringMatching(/API/), expect.stringMatching(/site/)]));
  });

  it('declares one HTTP API route per API route, with the JWT authorizer exactly on protected ones', () => {
    const routes = resourcesIn(apis, 'AWS::ApiGatewayV2::Route');
    // The one authorizer is the app stack's, beside the API; every protected route names it by its export.
    const authorizers = Object.keys(app.findResources('AWS::ApiGatewayV2::Authorizer'));
    expect(authorizers).toHaveLength(1);
    for (const route of apiRoutes) {
      const key = `${route.method} ${route.path}`;
      const found = routes.find(([, , resource]) => resource.Properties.RouteKey === key);
      expect(found, key).toBeDefined();
      const [template, , resource] = found ?? [];
      expect(resource?.Properties.AuthorizationType, key).toBe(route.auth === 'required' ? 'JWT' : 'NONE');
      if (route.auth === 'required' && template) {
        expect(exported(resource?.Properties.AuthorizerId, app), key).toEqual({ Ref: authorizers[0] });
      }
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
      '/.well-known/*',
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

describe('search infrastructure', () => {
  it('feeds the indexer from the table stream with partial batch responses, bisect, bounded retries and a failure queue', () => {
    const id = functionId(app, /search index/);
    const mappings = Object.values(app.findResources('AWS::Lambda::EventSourceMapping'));
    const indexer = mappings.find((m) => JSON.stringify(m.Properties.FunctionName).includes(id));
    expect(indexer?.Properties).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: expect.anything() } },
    });
  });

  it('gives functions the Meilisearch host and keys from configuration, never a master key', () => {
    const { stateless: templates } = synth({ meilisearchUrl: 'https://search.example.org' });
    const functions = templates.flatMap((template) => guildhallFunctions(template).map(([, f]) => f));
    const withSearch = functions.filter(
      (f) => f.Properties.Environment?.Variables?.MEILISEARCH_URL === 'https://search.example.org',
    );
    // The eleven API functions, the site, the indexer, the reindex and the saved-search alerts (the sweep searches nothing).
    expect(withSearch.length).toBe(15);
    const keys = withSearch.map((f) => f.Properties.Environment.Variables.MEILISEARCH_KEY_SECRET);
    expect(new Set(keys)).toEqual(new Set(['guildhall/meilisearch-search-key', 'guildhall/meilisearch-documents-key']));
    expect(JSON.stringify(functions)).not.toMatch(/master/i);
  });

  it('reads the Meilisearch host from an SSM parameter when none is given, so a deploy without one fails', () => {
    // Each stack reads the parameter itself, so no stack exports the host to another.
    const fromParameter = stateless.flatMap((template) => {
      const parameters = Object.entries(template.toJSON().Parameters ?? {}) as [
        string,
        { Type: string; Default?: string },
      ][];
      const [name] = parameters.find(([, p]) => p.Default === '/guildhall/meilisearch-url') ?? [];
      expect(name).toBeDefined();
      const functions = Object.values(template.findResources('AWS::Lambda::Function'));
      return functions.filter(
        (f) => JSON.stringify(f.Properties.Environment?.Variables?.MEILISEARCH_URL) === JSON.stringify({ Ref: name }),
      );
    });
    expect(fromParameter.length).toBe(15);
  });
});

describe('shortage infrastructure', () => {
  it('feeds the shortage function from the same table stream, with partial batch responses and its own failure queue', () => {
    const id = functionId(app, /skill-shortage index/);
    const mappings = Object.values(app.findResources('AWS::Lambda::EventSourceMapping')).filter((m) =>
      JSON.stringify(m.Properties.EventSourceArn).includes('StreamArn'),
    );
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
    const id = functionId(app, /expiry sweep/);
    app.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(15 0 * * ? *)',
      State: 'ENABLED',
      Targets: Match.arrayWith([Match.objectLike({ Arn: { 'Fn::GetAtt': [id, 'Arn'] } })]),
    });
  });
});
