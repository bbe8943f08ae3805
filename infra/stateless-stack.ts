// Everything that can be replaced on every deploy: identity, the HTTP API and its functions, and the
// site (prerendered pages on S3 behind CloudFront, on-demand pages from the site's Lambda).
import { dirname, join } from 'node:path';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { AccountRecovery, OAuthScope, UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Architecture, Runtime, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Trigger } from 'aws-cdk-lib/triggers';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Construct } from 'constructs';
import { apiRoutes } from '../functions/http/api.ts';
import { prerenderedPoliciesFile } from '../functions/http/prerendered-policies.ts';
import { securityHeadersPolicyProps } from './security-headers-policy.ts';

const root = join(import.meta.dirname, '..');

export interface StatelessStackProps extends StackProps {
  table: ITableV2;
  /** API Gateway throttling for the whole stage (per-identity limits live in the API). */
  throttle: { rateLimit: number; burstLimit: number };
  /** The built site: `astro build` output (site/dist/client and site/dist/server/entry.mjs). */
  site: { clientDir: string; serverEntry: string };
  /** The site's public origin (a custom domain); credentials name it as their issuer. */
  publicUrl?: string | undefined;
  /** STEWARDS: who grants credit limits above zero (see functions/config/config.ts). */
  stewards?: string | undefined;
  /** Prefix of the Cognito hosted sign-in domain: https://<prefix>.auth.<region>.amazoncognito.com */
  authDomainPrefix: string;
  /** Secrets Manager name of the credential signing key. */
  credentialKeySecretName: string;
  search: SearchSettings;
}

/**
 * Where Meilisearch runs, from configuration: a URL from context, or the name of an SSM parameter
 * holding it. Two keys live in Secrets Manager: a search-only key (API and site) and a documents key
 * (the indexer). The master key is never given to any function.
 */
export interface SearchSettings {
  url?: string | undefined;
  urlParameterName?: string | undefined;
  searchKeySecretName: string;
  documentsKeySecretName: string;
}

export class StatelessStack extends Stack {
  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const searchKeys = new Map<string, ISecret>();
    const searchEnvironment = (settings: SearchSettings, role: 'search' | 'indexer'): Record<string, string> => {
      const url =
        settings.url ??
        (settings.urlParameterName
          ? StringParameter.valueForStringParameter(this, settings.urlParameterName)
          : undefined);
      if (!url)
        throw new Error('A Meilisearch host is required: set the meilisearchUrl or meilisearchUrlParameter context.');
      const name = role === 'search' ? settings.searchKeySecretName : settings.documentsKeySecretName;
      const secret = searchKeys.get(name) ?? Secret.fromSecretNameV2(this, `MeilisearchKey-${role}`, name);
      searchKeys.set(name, secret);
      return { MEILISEARCH_URL: url, MEILISEARCH_KEY: secret.secretValue.unsafeUnwrap() };
    };

    const userPool = new UserPool(this, 'People', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      standardAttributes: { fullname: { required: true, mutable: true } },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The hosted sign-in the site sends people to; the site exchanges the code (PKCE) at /auth/callback.
    const authDomain = userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: props.authDomainPrefix },
    });
    const client = new UserPoolClient(this, 'SiteClient', {
      userPool,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${props.publicUrl ?? 'https://example.invalid'}/auth/callback`],
        logoutUrls: [`${props.publicUrl ?? 'https://example.invalid'}/`],
      },
      preventUserExistenceErrors: true,
    });
    const issuer = `https://cognito-idp.${this.region}.amazonaws.com/${userPool.userPoolId}`;

    // The instance key that signs credentials: an Ed25519 private JWK the operator stores once
    // (`npm run credential-key` makes one); CloudFormation resolves it at deploy time.
    const credentialKey = Secret.fromSecretNameV2(this, 'CredentialKey', props.credentialKeySecretName);
    const environment = {
      STAGE: 'aws',
      PUBLIC_URL: props.publicUrl ?? 'https://example.invalid',
      COMMONS_FILE: 'commons.json',
      CREDENTIAL_SIGNING_KEY: credentialKey.secretValue.unsafeUnwrap(),
      TABLE_NAME: props.table.tableName,
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: client.userPoolClientId,
      AUTH_JWKS_URL: `${issuer}/.well-known/jwks.json`,
      STEWARDS: props.stewards ?? '',
      NODE_OPTIONS: '--enable-source-maps',
    };
    const lambdaDefaults: Partial<NodejsFunctionProps> = {
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(10),
      environment,
      bundling: {
        format: OutputFormat.ESM,
        minify: true,
        sourceMap: true,
        target: 'node24',
        mainFields: ['module', 'main'],
        // Some dependencies are CommonJS and call require(); give ESM bundles one.
        banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        // The Lambda runtime ships the AWS SDK v3; bundling it would only add cold-start weight.
        externalModules: ['@aws-sdk/*'],
        // Marks an AWS bundle, so code that runs only off AWS (the embedded search engine) is left out.
        define: { GUILDHALL_AWS_BUNDLE: 'true' },
        // The commons (courses, skills, guides) travels with each function, compiled to one JSON file
        // (validated here: invalid content fails the synth) and read on first use.
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            `node "${inputDir}/functions/local/compile-commons.ts" "${outputDir}/commons.json"`,
          ],
        },
      },
    };

    const apiFunction = new NodejsFunction(this, 'ApiFunction', {
      ...lambdaDefaults,
      environment: { ...environment, ...searchEnvironment(props.search, 'search') },
      entry: join(root, 'functions/handlers/api.ts'),
      bundling: {
        ...lambdaDefaults.bundling,
        // The OpenAPI document it serves, generated from the route table here rather than at a cold start.
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            `node "${inputDir}/functions/local/compile-commons.ts" "${outputDir}/commons.json"`,
            `node "${inputDir}/functions/local/compile-openapi.ts" "${outputDir}/openapi.json"`,
          ],
        },
      },
      handler: 'handler',
      description: 'Guildhall API: every /api route',
    });
    props.table.grantReadWriteData(apiFunction);

    const siteFunction = new NodejsFunction(this, 'SiteFunction', {
      ...lambdaDefaults,
      environment: {
        ...environment,
        ...searchEnvironment(props.search, 'search'),
        AUTH_HOSTED_UI_URL: `https://${authDomain.domainName}.auth.${this.region}.amazoncognito.com`,
        AUTH_SIGN_IN_URL: '/auth/sign-in',
      },
      bundling: {
        ...lambdaDefaults.bundling,
        // The compiled commons, and the prerendered pages the function serves itself (see site/adapter/server.ts).
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            `node "${inputDir}/functions/local/compile-commons.ts" "${outputDir}/commons.json"`,
            `cp -r "${props.site.clientDir}" "${outputDir}/client"`,
            `cp "${join(dirname(props.site.serverEntry), prerenderedPoliciesFile)}" "${outputDir}/"`,
          ],
        },
      },
      entry: props.site.serverEntry,
      handler: 'handler',
      description: 'Guildhall site: pages rendered on demand',
    });
    props.table.grantReadWriteData(siteFunction);

    // A consumer of the table's stream: partial batch responses, bisect on error, bounded retries,
    // and what still fails parked in its own queue for a redrive.
    const consumeStream = (consumer: NodejsFunction, queueId: string) => {
      const failures = new Queue(this, queueId, {
        retentionPeriod: Duration.days(14),
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
      });
      consumer.addEventSource(
        new DynamoEventSource(props.table, {
          startingPosition: StartingPosition.TRIM_HORIZON,
          batchSize: 100,
          maxBatchingWindow: Duration.seconds(1),
          bisectBatchOnError: true,
          retryAttempts: 5,
          maxRecordAge: Duration.hours(6),
          reportBatchItemFailures: true,
          onFailure: new SqsDlq(failures),
        }),
      );
    };

    // Search: the indexer follows the table's stream; failures are retried, bisected, then parked.
    const indexer = new NodejsFunction(this, 'IndexerFunction', {
      ...lambdaDefaults,
      environment: { ...environment, ...searchEnvironment(props.search, 'indexer') },
      entry: join(root, 'functions/handlers/indexer.ts'),
      handler: 'handler',
      description: 'Guildhall indexer: table stream to search index',
    });
    props.table.grantReadData(indexer);
    consumeStream(indexer, 'IndexFailures');
    // After each deploy: index the commons it shipped and reconcile the index with the table.
    const reindexFunction = new NodejsFunction(this, 'ReindexFunction', {
      ...lambdaDefaults,
      timeout: Duration.minutes(5),
      environment: { ...environment, ...searchEnvironment(props.search, 'indexer') },
      entry: join(root, 'functions/handlers/reindex.ts'),
      handler: 'handler',
      description: 'Guildhall reindex after deploy',
    });
    props.table.grantReadData(reindexFunction);
    new Trigger(this, 'ReindexAfterDeploy', {
      handler: reindexFunction,
      executeAfter: [indexer],
      executeOnHandlerChange: true,
    });

    // Shortages: a second consumer of the same stream keeps the skill-shortage index current. (A stream
    // shard serves two readers well; a third consumer would need a fan-out such as EventBridge Pipes.)
    const shortageStream = new NodejsFunction(this, 'ShortageStreamFunction', {
      ...lambdaDefaults,
      entry: join(root, 'functions/handlers/shortage-stream.ts'),
      handler: 'handler',
      description: 'Guildhall shortages: table stream to the skill-shortage index',
    });
    props.table.grantReadWriteData(shortageStream);
    consumeStream(shortageStream, 'ShortageFailures');
    // An opening past its date expires without a write; once a day the sweep writes it down (so the
    // stream carries it to search and the shortage index) and keeps the day's shortage snapshot.
    const expireOpenings = new NodejsFunction(this, 'ExpireOpeningsFunction', {
      ...lambdaDefaults,
      timeout: Duration.minutes(5),
      entry: join(root, 'functions/handlers/expire-openings.ts'),
      handler: 'handler',
      description: 'Guildhall daily expiry sweep and shortage snapshot',
    });
    props.table.grantReadWriteData(expireOpenings);
    new Rule(this, 'ExpireOpeningsDaily', {
      description: 'Marks expired openings and snapshots shortages, 00:15 UTC daily',
      schedule: Schedule.cron({ minute: '15', hour: '0' }),
      targets: [new LambdaFunction(expireOpenings, { retryAttempts: 2 })],
    });

    const httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Guildhall: /api/* to the API function, everything else to the site function',
      createDefaultStage: false,
    });
    new HttpStage(this, 'DefaultStage', {
      httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
    });
    const authorizer: IHttpRouteAuthorizer = new HttpJwtAuthorizer('Jwt', issuer, {
      jwtAudience: [client.userPoolClientId],
      identitySource: ['$request.header.Authorization'],
    });
    const apiIntegration = new HttpLambdaIntegration('Api', apiFunction);

    // One route per entry of the API's route table; protected routes carry the JWT authorizer.
    for (const route of apiRoutes) {
      new HttpRoute(this, `Route ${route.method} ${route.path}`, {
        httpApi,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: apiIntegration,
        ...(route.auth === 'required' ? { authorizer } : {}),
      });
    }
    // Anything else under /api reaches the router, which answers 404 or 405 as problem+json.
    new HttpRoute(this, 'Route ANY /api/{proxy+}', {
      httpApi,
      routeKey: HttpRouteKey.with('/api/{proxy+}', HttpMethod.ANY),
      integration: apiIntegration,
    });
    httpApi.addRoutes({
      path: '/{proxy+}',
      methods: [HttpMethod.ANY],
      integration: new HttpLambdaIntegration('Site', siteFunction),
    });

    const assets = new Bucket(this, 'SiteAssets', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    const apiOrigin = new HttpOrigin(`${httpApi.apiId}.execute-api.${this.region}.amazonaws.com`);
    // Pages (prerendered and on demand, with their form posts) come from the site function, which
    // carries the prerendered HTML in its bundle; hashed assets come from S3, cached for a year. An S3
    // origin group cannot be the default here: CloudFront allows only GET and HEAD through one.
    // Every behaviour carries the one header set (see security-headers-policy.ts).
    const responseHeadersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', securityHeadersPolicyProps());
    const pages = {
      origin: apiOrigin,
      responseHeadersPolicy,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    };
    const assetOrigin = S3BucketOrigin.withOriginAccessControl(assets);
    const asset = {
      origin: assetOrigin,
      responseHeadersPolicy,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
    };
    const distribution = new Distribution(this, 'Site', {
      comment: 'Guildhall',
      defaultBehavior: pages,
      additionalBehaviors: {
        '/api/*': { ...pages, viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY },
        '/_astro/*': asset,
        '/favicon.svg': asset,
      },
    });
    new BucketDeployment(this, 'DeploySite', {
      sources: [Source.asset(props.site.clientDir)],
      destinationBucket: assets,
      distribution,
      distributionPaths: ['/*'],
    });

    new CfnOutput(this, 'SiteUrl', { value: `https://${distribution.distributionDomainName}` });
    new CfnOutput(this, 'ApiUrl', { value: httpApi.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId });
  }
}
