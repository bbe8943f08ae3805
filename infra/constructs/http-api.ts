// The HTTP API behind CloudFront: the API, its JWT authorizer and a throttled stage with access logs
// (JSON, 30 days), with everything outside /api sent to the site function. The API's own routes are
// declared by the stacks that hold their route groups' functions (constructs/api-routes.ts): the
// stage deploys them itself (auto-deploy), whichever stack adds them. Its execute-api URL stays reachable, since CloudFront needs it, so both
// functions refuse a request without CloudFront's origin header (functions/http/origin-check.ts).
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.ts';

export interface GuildhallHttpApiProps {
  siteFunction: IFunction;
  issuer: string;
  audience: string;
  /** API Gateway throttling for the whole stage (per-identity limits live in the API). */
  throttle: { rateLimit: number; burstLimit: number };
}

/** One JSON line a request: who, what, how it ended and how long it took. No query strings, no bodies. */
const accessLogFormat = JSON.stringify({
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  time: '$context.requestTime',
  method: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integration.latency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
});

export class GuildhallHttpApi extends Construct {
  readonly httpApi: HttpApi;
  readonly domain: string;
  /** The JWT authorizer every protected route is given. */
  readonly authorizer: IHttpRouteAuthorizer;

  constructor(scope: Construct, id: string, props: GuildhallHttpApiProps) {
    super(scope, id);
    const stack = Stack.of(this);
    // In the stack's scope, keeping the logical ids (and so the API's id and URL) of earlier deploys.
    this.httpApi = new HttpApi(stack, 'HttpApi', {
      description: 'Guildhall: /api/* to the API function, everything else to the site function',
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new HttpStage(stack, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(accessLogFormat),
      },
    });
    // Bound by the first protected route, wherever it is declared, but made under the API, so it keeps
    // its logical id in this stack; the API stacks' routes name it by id.
    this.authorizer = new HttpJwtAuthorizer('Jwt', props.issuer, {
      jwtAudience: [props.audience],
      identitySource: ['$request.header.Authorization'],
    });
    const [pages] = this.httpApi.addRoutes({
      path: '/{proxy+}',
      methods: [HttpMethod.ANY],
      integration: new HttpLambdaIntegration('Site', props.siteFunction),
    });
    if (pages) {
      acknowledge(pages, {
        'AwsSolutions-APIG4':
          'Pages are public; a signed-in page checks the session cookie itself (the site function verifies it with the same verifier).',
      });
    }
    this.domain = `${this.httpApi.apiId}.execute-api.${stack.region}.amazonaws.com`;
  }
}
