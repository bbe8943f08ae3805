// One route group's routes on the HTTP API (functions/http/api.ts `routeGroups`), declared in the stack
// that holds the group's function: one API Gateway route per entry of the group's table (the JWT
// authorizer exactly on protected ones), all sent to that function; any other method on one of the
// group's paths too, so its router answers 405; and, for the first group (`api`), every /api path no
// route names. The routes, the integration and the invoke permission live beside the function, so a
// stack that holds a group holds everything that group costs; the API itself, its stage and its
// authorizer stay in the app stack (constructs/http-api.ts), which they reference by id.
import { Stack } from 'aws-cdk-lib';
import {
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  type IHttpApi,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { routeGroups } from '../../functions/http/api.ts';
import { acknowledge } from '../nag.ts';

export interface ApiGroupRoutesProps {
  httpApi: IHttpApi;
  /** The app stack's JWT authorizer, put on every route whose table entry says `auth: 'required'`. */
  authorizer: IHttpRouteAuthorizer;
  /** The route group's name (`routeGroups`), and the function that serves it. */
  group: string;
  fn: IFunction;
}

export function addApiGroupRoutes(scope: Construct, props: ApiGroupRoutesProps): void {
  const stack = Stack.of(scope);
  const group = routeGroups.find((candidate) => candidate.name === props.group);
  if (!group) throw new Error(`No route group is named ${props.group} (functions/http/api.ts).`);
  const catchAll = group === routeGroups[0];
  // One invoke permission per function (for this API, any of its routes), not one per route: a route
  // costs a Route and a Permission, and the stack passed CloudFormation's 500 resources when the
  // marketplace's and the decisions' routes came (539); every route also made the function's resource
  // policy longer towards its 20 KB. The API itself still decides which route reaches which function;
  // the permission names this API alone.
  const integration = new HttpLambdaIntegration(catchAll ? 'Api' : `Api-${group.name}`, props.fn, {
    scopePermissionToRoute: false,
  });
  for (const route of group.routes) {
    const resource = new HttpRoute(stack, `Route ${route.method} ${route.path}`, {
      httpApi: props.httpApi,
      routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
      integration,
      ...(route.auth === 'required' ? { authorizer: props.authorizer } : {}),
    });
    if (route.auth !== 'required') {
      acknowledge(resource, {
        'AwsSolutions-APIG4': `${route.method} ${route.path} is public by design (auth: none in its route table, functions/http/routes/); the API answers only through CloudFront.`,
      });
    }
  }
  if (catchAll) {
    // Anything else under /api reaches the first group's router, which answers 404 or 405 as problem+json.
    const unknownApi = new HttpRoute(stack, 'Route ANY /api/{proxy+}', {
      httpApi: props.httpApi,
      routeKey: HttpRouteKey.with('/api/{proxy+}', HttpMethod.ANY),
      integration,
    });
    acknowledge(unknownApi, {
      'AwsSolutions-APIG4': 'Unknown /api paths reach the router only to be answered 404 or 405.',
    });
    return;
  }
  // Another method on one of another group's paths reaches that group's router, which answers 405
  // with the methods it allows (as one router did), not the catch-all's 404. No path template of
  // one group can match a path of another's (test/unit/http/route-groups.test.ts), so these catch
  // nothing of the catch-all's; API Gateway prefers a route's own method to ANY.
  for (const path of new Set(group.routes.map((route) => route.path))) {
    const otherMethods = new HttpRoute(stack, `Route ANY ${path}`, {
      httpApi: props.httpApi,
      routeKey: HttpRouteKey.with(path, HttpMethod.ANY),
      integration,
    });
    acknowledge(otherMethods, {
      'AwsSolutions-APIG4': `Methods ${path} does not serve reach the ${group.name} router only to be answered 405.`,
    });
  }
}
