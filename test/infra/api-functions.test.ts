// The API is served by one function per route group (functions/http/api.ts): every route of the one
// table reaches exactly one function, its group's (learning, innovations, people, Bound, the market,
// decisions, federation, or the API function, which also takes every /api path no route names).
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, routeGroups } from '#http/api.ts';
import { boundGroup } from '#http/groups/bound-group.ts';
import { marketGroup } from '#http/groups/market-group.ts';
import { decisionsGroup } from '#http/groups/decisions-group.ts';
import { federationGroup } from '#http/groups/federation-group.ts';
import { innovationsGroup } from '#http/groups/innovations-group.ts';
import { learningGroup } from '#http/groups/learning-group.ts';
import { peopleGroup } from '#http/groups/people-group.ts';
import { functionId, type Resource, synth } from './support.ts';

let app: Template;
let routes: Resource[];
let apiFunction: string;
let learningFunction: string;
let innovationsFunction: string;
let peopleFunction: string;
let boundFunction: string;
let marketFunction: string;
let decisionsFunction: string;
let federationFunction: string;

beforeAll(() => {
  ({ app } = synth());
  routes = Object.values(app.findResources('AWS::ApiGatewayV2::Route')) as Resource[];
  apiFunction = functionId(app, /^Guildhall API: jobs/);
  learningFunction = functionId(app, /^Guildhall API: learning/);
  innovationsFunction = functionId(app, /^Guildhall API: innovations/);
  peopleFunction = functionId(app, /^Guildhall API: profiles/);
  boundFunction = functionId(app, /^Guildhall API: Bound/);
  marketFunction = functionId(app, /^Guildhall API: the marketplace/);
  decisionsFunction = functionId(app, /^Guildhall API: proposals/);
  federationFunction = functionId(app, /^Guildhall federation/);
});

/** The logical id of the function a route's integration invokes. */
/** Every route group's function. */
const groupFunctions = () => [
  apiFunction,
  learningFunction,
  innovationsFunction,
  peopleFunction,
  boundFunction,
  marketFunction,
  decisionsFunction,
  federationFunction,
];

function functionOf(route: Resource): string {
  const integrationId = route.Properties.Target['Fn::Join'][1][1].Ref as string;
  const integration = app.findResources('AWS::ApiGatewayV2::Integration')[integrationId];
  return integration?.Properties.IntegrationUri['Fn::GetAtt'][0];
}

const routesWithKey = (key: string) => routes.filter((route) => route.Properties.RouteKey === key);

describe('the API’s functions', () => {
  it('serves every route of the route table from exactly one function', () => {
    expect(apiRoutes.length).toBeGreaterThan(60);
    for (const route of apiRoutes) {
      const key = `${route.method} ${route.path}`;
      const declared = routesWithKey(key);
      expect(declared, key).toHaveLength(1);
      const [only] = declared;
      expect(only && groupFunctions().includes(functionOf(only)), key).toBe(true);
    }
  });

  it('sends innovations, adoptions, the ledger, statements, credit limits and the registry log to the innovations function', () => {
    const innovations = new Set(innovationsGroup.routes);
    // Nested under other nouns' paths too: these must not fall to the API function's catch-all.
    const keys = innovationsGroup.routes.map((route) => `${route.method} ${route.path}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /api/syndicates/{syndicateId}/adoptions',
        'GET /api/me/innovations',
        'GET /api/me/statement',
        'PUT /api/people/{id}/credit-limit',
        'GET /api/registry-log/head',
      ]),
    );
    for (const route of apiRoutes) {
      const key = `${route.method} ${route.path}`;
      const [declared] = routesWithKey(key);
      const expected = innovations.has(route)
        ? innovationsFunction
        : learningGroup.routes.includes(route)
          ? learningFunction
          : peopleGroup.routes.includes(route)
            ? peopleFunction
            : boundGroup.routes.includes(route)
              ? boundFunction
              : marketGroup.routes.includes(route)
                ? marketFunction
                : decisionsGroup.routes.includes(route)
                  ? decisionsFunction
                  : federationGroup.routes.includes(route)
                    ? federationFunction
                    : apiFunction;
      expect(declared && functionOf(declared), key).toBe(expected);
    }
  });

  it('sends another method on an innovations path to the innovations function, so it answers 405 as before', () => {
    for (const path of new Set(innovationsGroup.routes.map((route) => route.path))) {
      const [any] = routesWithKey(`ANY ${path}`);
      expect(any, path).toBeDefined();
      expect(any && functionOf(any), path).toBe(innovationsFunction);
    }
  });

  it('sends a course or credential path’s every method to the learning function, so it answers 405 there', () => {
    for (const path of new Set(learningGroup.routes.map((route) => route.path))) {
      const [any] = routesWithKey(`ANY ${path}`);
      expect(any, path).toBeDefined();
      expect(any && functionOf(any), path).toBe(learningFunction);
    }
  });

  it('sends a profile’s every method to the people function, so it answers 405 there', () => {
    for (const path of new Set(peopleGroup.routes.map((route) => route.path))) {
      const [any] = routesWithKey(`ANY ${path}`);
      expect(any, path).toBeDefined();
      expect(any && functionOf(any), path).toBe(peopleFunction);
    }
  });

  it('sends a payment path’s every method to the Bound function, so it answers 405 there', () => {
    for (const path of new Set(boundGroup.routes.map((route) => route.path))) {
      const [any] = routesWithKey(`ANY ${path}`);
      expect(any, path).toBeDefined();
      expect(any && functionOf(any), path).toBe(boundFunction);
    }
  });

  it('sends a marketplace path’s every method to the market function, so it answers 405 there', () => {
    for (const path of new Set(marketGroup.routes.map((route) => route.path))) {
      const [any] = routesWithKey(`ANY ${path}`);
      expect(any, path).toBeDefined();
      expect(any && functionOf(any), path).toBe(marketFunction);
    }
  });

  it('sends a proposal path’s every method to the decisions function, so it answers 405 there', () => {
    for (const path of new Set(decisionsGroup.routes.map((route) => route.path))) {
      const [any] = routesWithKey(`ANY ${path}`);
      expect(any, path).toBeDefined();
      expect(any && functionOf(any), path).toBe(decisionsFunction);
    }
  });

  it('gives each API function one invoke permission for the whole API, so routes never push the stack past 500 resources', () => {
    const permissions = Object.values(app.findResources('AWS::Lambda::Permission')).filter(
      (permission) => permission.Properties.Principal === 'apigateway.amazonaws.com',
    );
    expect(groupFunctions()).toHaveLength(routeGroups.length);
    for (const fn of groupFunctions()) {
      const own = permissions.filter((permission) => JSON.stringify(permission.Properties.FunctionName).includes(fn));
      expect(own, fn).toHaveLength(1);
    }
    // CloudFormation's limit is 500 a stack: what each new route costs now is its route alone (two, with
    // its ANY catch-all). The eighth API function (learning) took the stack to 452, past the 450 this
    // guard first held: 460 leaves room for one more small feature, and the next splits the stack
    // (the API's functions and routes into a stack of their own), as issue 14's note says.
    expect(Object.keys(app.toJSON().Resources).length).toBeLessThanOrEqual(460);
  });

  it('sends every other /api path to the API function, and nothing under /api anywhere else', () => {
    const [unknown] = routesWithKey('ANY /api/{proxy+}');
    expect(unknown && functionOf(unknown)).toBe(apiFunction);
    const underApi = routes.filter((route) => / \/api\//.test(route.Properties.RouteKey));
    for (const route of underApi) {
      expect(groupFunctions(), route.Properties.RouteKey).toContain(functionOf(route));
    }
  });
});
