// CloudFront in front of everything. Pages (prerendered and on demand, with their form posts) and
// /api come from API Gateway with a secret origin header the functions check; hashed assets from S3.
// Pages are cached exactly as long as the site says (Cache-Control): prerendered pages and feeds for
// a while, private pages (`private, no-store`) and anything that says nothing not at all; /api never.
// The session cookie is part of the page cache key, so a signed-in person never gets an anonymous
// copy. Every deploy of the site's code invalidates the cache. A WAF rate rule per IP is attached.
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CachedMethods,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction, IFunction } from 'aws-cdk-lib/aws-lambda';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { prerenderedEdgeSeconds } from '../../functions/http/cache-control.ts';
import { originVerifyHeader } from '../../functions/http/origin-check.ts';
import { languageCookie } from '../../functions/domain/i18n/locales.ts';
import { sessionCookieName } from '../../functions/http/session.ts';
import { securityHeadersPolicyProps } from '../security-headers-policy.ts';
import { deployTimeLogs } from './guildhall-function.ts';

export interface SiteDistributionProps {
  /** API Gateway's host: `<api id>.execute-api.<region>.amazonaws.com`. */
  apiDomain: string;
  /** The value CloudFront sends in x-origin-verify (resolved by CloudFormation, never in a function's environment). */
  originSecret: ISecret;
  /** The site function: a change to its code invalidates the cache once it is live. */
  siteFunction: IFunction;
  /** The built site's client folder: hashed assets for S3. */
  clientDir: string;
  /** The WAF WebACL (scope CLOUDFRONT, in us-east-1) to attach. */
  webAclArn: string;
  /** A custom domain with an ACM certificate in us-east-1; then viewers need TLS 1.2 or later. */
  domain?: { name: string; certificate: ICertificate } | undefined;
}

export class SiteDistribution extends Construct {
  readonly distribution: Distribution;
  readonly pagesCachePolicy: CachePolicy;
  readonly logs: Bucket;
  /** The hashed assets (/_astro/*), served from S3. */
  readonly assets: Bucket;
  /** Whether viewers reach it at a custom domain, with TLS 1.2 or later. */
  readonly customDomain: boolean;

  constructor(scope: Construct, id: string, props: SiteDistributionProps) {
    super(scope, id);
    this.customDomain = props.domain !== undefined;
    // One bucket for CloudFront's and S3's access logs, kept 90 days. CloudFront writes its logs with ACLs.
    this.logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    const assets = new Bucket(scope, 'SiteAssets', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 's3-assets/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    this.assets = assets;
    const apiOrigin = new HttpOrigin(props.apiDomain, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      // CloudFront replaces any x-origin-verify a viewer sends with this one.
      customHeaders: { [originVerifyHeader]: props.originSecret.secretValue.unsafeUnwrap() },
    });
    // Only what the origin declares is kept: no Cache-Control (or private, no-store) means not cached.
    this.pagesCachePolicy = new CachePolicy(this, 'Pages', {
      comment:
        'Guildhall pages: kept only as long as their Cache-Control says; the session and language cookies key the cache',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(prerenderedEdgeSeconds),
      // The language cookie too: `/` sends a reader who chose Spanish or Dutch there, so a copy of `/` made
      // for one choice must not be served to another (site/src/middleware.ts).
      cookieBehavior: CacheCookieBehavior.allowList(sessionCookieName, languageCookie),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      headerBehavior: CacheHeaderBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    // Every behaviour carries the one header set (see security-headers-policy.ts).
    const responseHeadersPolicy = new ResponseHeadersPolicy(scope, 'SecurityHeaders', securityHeadersPolicyProps());
    // Pages come from the site function, which carries the prerendered HTML in its bundle: an S3
    // origin group cannot be the default here, since CloudFront allows only GET and HEAD through one.
    const pages = {
      origin: apiOrigin,
      responseHeadersPolicy,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachedMethods: CachedMethods.CACHE_GET_HEAD,
      cachePolicy: this.pagesCachePolicy,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    };
    const asset = {
      origin: S3BucketOrigin.withOriginAccessControl(assets),
      responseHeadersPolicy,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
    };
    this.distribution = new Distribution(scope, 'Site', {
      comment: 'Guildhall',
      defaultBehavior: pages,
      additionalBehaviors: {
        '/api/*': {
          ...pages,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          cachePolicy: CachePolicy.CACHING_DISABLED,
        },
        // WebFinger and NodeInfo's pointer (the federation function): never cached, query strings and all.
        '/.well-known/*': {
          ...pages,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          cachePolicy: CachePolicy.CACHING_DISABLED,
        },
        '/_astro/*': asset,
        '/favicon.svg': asset,
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: this.logs,
      logFilePrefix: 'cloudfront/',
      webAclId: props.webAclArn,
      ...(props.domain
        ? {
            domainNames: [props.domain.name],
            certificate: props.domain.certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    // Old hashed assets stay (no prune): a page a browser or the edge still holds keeps its styles.
    const upload = new BucketDeployment(scope, 'DeploySite', {
      sources: [Source.asset(props.clientDir)],
      destinationBucket: assets,
      prune: false,
      logGroup: deployTimeLogs(this),
    });
    // The site function's code (its prerendered pages included) is versioned by its asset hash: a new
    // hash invalidates every cached page, after the new code and assets are live, never before.
    const codeVersion = Stack.of(this).resolve((props.siteFunction.node.defaultChild as CfnFunction).code) as {
      s3Key?: string;
      S3Key?: string;
    };
    const version = String(codeVersion.s3Key ?? codeVersion.S3Key ?? 'unknown');
    const invalidate = {
      service: 'CloudFront',
      action: 'createInvalidation',
      parameters: {
        DistributionId: this.distribution.distributionId,
        InvalidationBatch: { CallerReference: version, Paths: { Quantity: 1, Items: ['/*'] } },
      },
      physicalResourceId: PhysicalResourceId.of(`invalidate-${version}`),
    };
    const invalidation = new AwsCustomResource(this, 'InvalidateOnDeploy', {
      onCreate: invalidate,
      onUpdate: invalidate,
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({
          actions: ['cloudfront:CreateInvalidation'],
          resources: [this.distribution.distributionArn],
        }),
      ]),
      installLatestAwsSdk: false,
      logGroup: deployTimeLogs(this),
    });
    invalidation.node.addDependency(props.siteFunction, upload);
  }
}
