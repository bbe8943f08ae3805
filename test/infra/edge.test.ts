// CloudFront: what it keeps and for how long, how it proves itself to the origin, and what guards it.
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { prerenderedCacheControl, prerenderedEdgeSeconds } from '#http/cache-control.ts';
import { originVerifyHeader } from '#http/origin-check.ts';
import { sessionCookieName } from '#http/session.ts';
import { languageCookie } from '#domain/i18n/locales.ts';
import { exported, functionId, functionIn, type Resource, synth } from './support.ts';

let app: Template;
let edge: Template;
let stateless: Template[];
let built: ReturnType<typeof synth>['built'];
beforeAll(() => {
  ({ app, edge, built, stateless } = synth());
});

// CloudFront's managed cache policies, by their fixed ids.
const cachingDisabled = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const cachingOptimized = '658327ea-f89d-4fab-a63d-7e88639e58f6';

const distributionConfig = (template: Template) =>
  (Object.values(template.findResources('AWS::CloudFront::Distribution'))[0] as Resource).Properties.DistributionConfig;
const behaviour = (pattern: string) =>
  distributionConfig(app).CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === pattern);

describe('caching', () => {
  it('keeps pages only as long as their Cache-Control says, so private and unmarked pages are never kept', () => {
    const pages = distributionConfig(app).DefaultCacheBehavior;
    const policies = app.findResources('AWS::CloudFront::CachePolicy');
    const policy = policies[pages.CachePolicyId.Ref]?.Properties.CachePolicyConfig;
    // MinTTL 0 lets `private, no-store` and `no-cache` keep a page out; DefaultTTL 0 keeps out a page that says nothing.
    expect(policy).toMatchObject({ MinTTL: 0, DefaultTTL: 0, MaxTTL: prerenderedEdgeSeconds });
    expect(pages.CachedMethods).toEqual(['GET', 'HEAD']);
  });

  it('keys cached pages by the session and language cookies, so nobody gets a copy made for someone else’s sign-in or language', () => {
    const pages = distributionConfig(app).DefaultCacheBehavior;
    const policy =
      app.findResources('AWS::CloudFront::CachePolicy')[pages.CachePolicyId.Ref]?.Properties.CachePolicyConfig
        .ParametersInCacheKeyAndForwardedToOrigin;
    expect(policy).toMatchObject({
      CookiesConfig: { CookieBehavior: 'whitelist', Cookies: [sessionCookieName, languageCookie] },
      QueryStringsConfig: { QueryStringBehavior: 'all' },
      HeadersConfig: { HeaderBehavior: 'none' },
    });
  });

  it('lets CloudFront keep prerendered pages a day, which the site says in their Cache-Control', () => {
    expect(prerenderedCacheControl).toMatch(/^public,/);
    expect(prerenderedCacheControl).toContain(`s-maxage=${prerenderedEdgeSeconds}`);
    expect(prerenderedCacheControl).not.toMatch(/private|no-store|no-cache/);
  });

  it('never caches the API, and caches hashed assets from S3 for long', () => {
    expect(behaviour('/api/*')).toMatchObject({ CachePolicyId: cachingDisabled, ViewerProtocolPolicy: 'https-only' });
    expect(behaviour('/_astro/*')).toMatchObject({ CachePolicyId: cachingOptimized });
  });

  it('invalidates every cached page once a new site function is live, and only when its code changed', () => {
    const site = functionId(app, /pages rendered on demand/);
    const code = app.findResources('AWS::Lambda::Function')[site]?.Properties.Code.S3Key as string;
    const invalidation = Object.entries(app.findResources('Custom::AWS')).find(([id]) =>
      id.startsWith('EdgeInvalidateOnDeploy'),
    )?.[1] as Resource | undefined;
    const call = JSON.stringify(invalidation?.Properties.Update);
    expect(call).toContain('createInvalidation');
    expect(call).toContain(`\\"CallerReference\\":\\"${code}\\"`);
    expect(call).toContain(`\\"physicalResourceId\\":{\\"id\\":\\"invalidate-${code}\\"}`);
    expect(call).toContain('\\"Items\\":[\\"/*\\"]');
    const deployment = Object.keys(app.findResources('Custom::CDKBucketDeployment'))[0];
    expect(invalidation?.DependsOn).toEqual(expect.arrayContaining([site, deployment]));
  });

  it('keeps old hashed assets on upload, so a page a browser still holds keeps its styles', () => {
    app.hasResourceProperties('Custom::CDKBucketDeployment', { Prune: false });
  });
});

describe('the API answers only through CloudFront', () => {
  it('adds the origin header on the API origin and tells both API functions and the site function where its value lives', () => {
    const origin = distributionConfig(app).Origins.find((o: Resource['Properties']) => o.OriginCustomHeaders);
    expect(origin.OriginCustomHeaders[0].HeaderName).toBe(originVerifyHeader);
    expect(origin.CustomOriginConfig).toMatchObject({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
    const secret = Object.keys(app.findResources('AWS::SecretsManager::Secret'))[0];
    // The API functions, in their own stacks, name the app stack's secret by its export.
    for (const description of [/API: jobs/, /API: innovations/, /pages rendered on demand/]) {
      const [template, id] = functionIn(stateless, description);
      const fn = template.findResources('AWS::Lambda::Function')[id];
      expect(exported(fn?.Properties.Environment.Variables.ORIGIN_VERIFY_SECRET, app), id).toEqual({ Ref: secret });
    }
  });
});

describe('what guards the edge', () => {
  it('attaches a WAF rate rule per IP, from a WebACL in us-east-1 as CloudFront requires', () => {
    expect(built.edge.region).toBe('us-east-1');
    edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      Rules: [
        Match.objectLike({
          Action: { Block: {} },
          Statement: { RateBasedStatement: { AggregateKeyType: 'IP', Limit: 2000, EvaluationWindowSec: 300 } },
        }),
      ],
    });
    // The app stack reads the WebACL's ARN back from the edge stack's cross-region export.
    expect(JSON.stringify(distributionConfig(app).WebACLId)).toContain('WebAclArn');
  });

  it('takes the WebACL by a plain export when the app itself runs in us-east-1', () => {
    const { app: inUsEast1 } = synth({ region: 'us-east-1' });
    expect(distributionConfig(inUsEast1).WebACLId).toEqual({
      'Fn::ImportValue': expect.stringMatching(/^GuildhallEdge:.*WebAclArn/),
    });
  });

  it('takes the rate limit from context and refuses one WAF cannot enforce', () => {
    const { edge: stricter } = synth({ wafRateLimit: '300' });
    stricter.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: [Match.objectLike({ Statement: { RateBasedStatement: Match.objectLike({ Limit: 300 }) } })],
    });
    expect(() => synth({ wafRateLimit: '5' })).toThrow(/wafRateLimit must be a whole number of at least 10/);
  });

  it('logs viewer requests to S3, and the assets bucket’s own access too', () => {
    const logs = distributionConfig(app).Logging.Bucket['Fn::GetAtt'][0];
    expect(logs).toMatch(/^EdgeAccessLogs/);
    app.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { DestinationBucketName: { Ref: logs }, LogFilePrefix: 's3-assets/' },
    });
  });

  it('requires TLS 1.2 from viewers once the site has its own domain and certificate', () => {
    expect(distributionConfig(app).ViewerCertificate).toBeUndefined();
    const { app: withDomain } = synth({
      publicUrl: 'https://guildhall.example.org',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
    });
    expect(distributionConfig(withDomain)).toMatchObject({
      Aliases: ['guildhall.example.org'],
      ViewerCertificate: {
        AcmCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
        MinimumProtocolVersion: 'TLSv1.2_2021',
        SslSupportMethod: 'sni-only',
      },
    });
  });
});
