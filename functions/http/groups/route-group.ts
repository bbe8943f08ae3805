// A route group is the part of the route table one Lambda function serves. Each group is its own module,
// so a function's bundle carries its routes (and the use cases behind them) and no other group's; the
// whole table (functions/http/api.ts) is the groups joined, for the OpenAPI document, the CDK app, the
// local gateway and the tests.
import type { AnyRoute } from '../route.ts';

export interface RouteGroup {
  /** The function's name in the CDK app (`api` also takes every /api path no route names). */
  name: string;
  routes: AnyRoute[];
}
