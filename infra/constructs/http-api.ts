// The HTTP API behind CloudFront: one route per entry of the API's route table (the JWT authorizer
// exactly on protected ones), each sent to the function of its route group (functions/http/api.ts:
// `api` takes its own routes and every unknown /api path; every other group's routes, and any method
// on their paths, go to that group's function), everything else to the site function; a throttled stage with access
// logs (JSON, 30 days). Its execute-api URL stays reachable, since CloudFront needs it, so both
// functions refuse a request without CloudFront's origin header (functions/http/origin-check.ts).
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { routeGroups } from '../../functions/http/api.ts';
import { acknowledge } from '../nag.ts';

export interface GuildhallHttpApiProps {
  /** The function of each route group, by the group's name (functions/http/api.ts `routeGroups`). */
  apiFunctions: Record<string, IFunction>;
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
    const authorizer: IHttpRouteAuthorizer = new HttpJwtAuthorizer('Jwt', props.issuer, {
      jwtAudience: [props.audience],
      identitySource: ['$request.header.Authorization'],
    });
    const [catchAll, ...others] = routeGroups.map((group) => {
      const fn = props.apiFunctions[group.name];
      if (!fn) throw new Error(`No function is given for the route group ${group.name}.`);
      // The first group keeps the integration's id of the days when one function served every route.
      const id = group === routeGroups[0] ? 'Api' : `Api-${group.name}`;
      // One permission per function for the whole API, not one per route: a route's own permission is a
      // stack resource, and with 170-odd routes those alone took the stack past CloudFormation's 500.
      return { group, integration: new HttpLambdaIntegration(id, fn, { scopePermissionToRoute: false }) };
    });
    if (!catchAll) throw new Error('The API has no route group.');
    for (const { group, integration } of [catchAll, ...others]) {
      for (const route of group.routes) {
        const resource = new HttpRoute(stack, `Route ${route.method} ${route.path}`, {
          httpApi: this.httpApi,
          routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
          integration,
          ...(route.auth === 'required' ? { authorizer } : {}),
        });
        if (route.auth !== 'required') {
          acknowledge(resource, {
            'AwsSolutions-APIG4': `${route.method} ${route.path} is public by design (auth: none in its route table, functions/http/routes/); the API answers only through CloudFront.`,
          });
        }
      }
    }
    // Another method on one of another group's paths reaches that group's router, which answers 405
    // with the methods it allows (as one router did), not the catch-all's 404. No path template of
    // one group can match a path of another's (test/unit/http/route-groups.test.ts), so these catch
    // nothing of the catch-all's; API Gateway prefers a route's own method to ANY.
    for (const { group, integration } of others) {
      for (const path of new Set(group.routes.map((route) => route.path))) {
        const otherMethods = new HttpRoute(stack, `Route ANY ${path}`, {
          httpApi: this.httpApi,
          routeKey: HttpRouteKey.with(path, HttpMethod.ANY),
          integration,
        });
        acknowledge(otherMethods, {
          'AwsSolutions-APIG4': `Methods ${path} does not serve reach the ${group.name} router only to be answered 405.`,
        });
      }
    }
    // Anything else under /api reaches the first group's router, which answers 404 or 405 as problem+json.
    const unknownApi = new HttpRoute(stack, 'Route ANY /api/{proxy+}', {
      httpApi: this.httpApi,
      routeKey: HttpRouteKey.with('/api/{proxy+}', HttpMethod.ANY),
      integration: catchAll.integration,
    });
    const [pages] = this.httpApi.addRoutes({
      path: '/{proxy+}',
      methods: [HttpMethod.ANY],
      integration: new HttpLambdaIntegration('Site', props.siteFunction),
    });
    acknowledge(unknownApi, {
      'AwsSolutions-APIG4': 'Unknown /api paths reach the router only to be answered 404 or 405.',
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
