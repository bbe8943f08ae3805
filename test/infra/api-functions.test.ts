// The API is served by one function per route group (functions/http/api.ts): every route of the one
// table reaches exactly one function, its group's (learning, practical sign-off, innovations, the ledger,
// people, hiring, Bound, the market, decisions, federation, or the API function, which also takes every /api path no route names).
// The groups' functions and routes live in the API stacks; the HTTP API itself in the app stack.
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, routeGroups } from '#http/api.ts';
import { ledgerGroup } from '#http/groups/ledger-group.ts';
import { functionIn, type Resource, resourcesIn, synth } from './support.ts';

let app: Template;
let apis: Template[];
let stackNames: Map<Template, string>;
/** Every route of the API stacks, with the template that declares it. */
let routes: Array<[Template, Resource]>;
/** Each route group's function, found by its description in the template. */
const described: Record<string, RegExp> = {
  api: /^Guildhall API: jobs/,
  'learning-api': /^Guildhall API: learning/,
  'practical-api': /^Guildhall API: practical/,
  'innovations-api': /^Guildhall API: innovations/,
  'ledger-api': /^Guildhall API: ledger/,
  'people-api': /^Guildhall API: profiles/,
  'hiring-api': /^Guildhall API: hiring/,
  'bound-api': /^Guildhall API: Bound/,
  'market-api': /^Guildhall API: the marketplace/,
  'decisions-api': /^Guildhall API: proposals/,
  'federation-api': /^Guildhall federation/,
};
const groupFunction = new Map<string, string>();

/** A function's identity across stacks: its stack's name and its logical id. */
const named = (template: Template, id: string) => `${stackNames.get(template)}/${id}`;

beforeAll(() => {
  const synthesized = synth();
  ({ app, apis } = synthesized);
  const { built } = synthesized;
  stackNames = new Map([
    [app, built.stateless.stackName],
    ...apis.map((template, i) => [template, built.apis[i]?.stackName ?? `api ${i}`] as [Template, string]),
  ]);
  routes = resourcesIn(apis, 'AWS::ApiGatewayV2::Route').map(([template, , route]) => [template, route]);
  for (const group of routeGroups) {
    const description = described[group.name];
    if (!description) throw new Error(`no description to find ${group.name}'s function by: add it above`);
    groupFunction.set(group.name, named(...functionIn(apis, description)));
  }
});

/** Every route group's function. */
const groupFunctions = () => [...groupFunction.values()];
const functionOfGroup = (name: string) => groupFunction.get(name) ?? `(no function for ${name})`;

/** The function a route's integration invokes, which must be in the route's own stack. */
function functionOf([template, route]: [Template, Resource]): string {
  const integrationId = route.Properties.Target['Fn::Join'][1][1].Ref as string;
  const integration = template.findResources('AWS::ApiGatewayV2::Integration')[integrationId];
  return named(template, integration?.Properties.IntegrationUri['Fn::GetAtt'][0]);
}

const routesWithKey = (key: string) => routes.filter(([, route]) => route.Properties.RouteKey === key);

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

  it('sends each route to its group’s function: a syndicate’s adoptions, the ledger, statements, credit limits and the log to the ledger’s', () => {
    // Nested under other nouns' paths too: these must not fall to the API function's catch-all.
    const keys = ledgerGroup.routes.map((route) => `${route.method} ${route.path}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /api/syndicates/{syndicateId}/adoptions',
        'GET /api/me/statement',
        'PUT /api/people/{id}/credit-limit',
        'GET /api/registry-log/head',
      ]),
    );
    for (const group of routeGroups) {
      for (const route of group.routes) {
        const key = `${route.method} ${route.path}`;
        const [declared] = routesWithKey(key);
        expect(declared && functionOf(declared), key).toBe(functionOfGroup(group.name));
      }
    }
  });

  // Another method on a group's path reaches that group's function, so it answers 405 there, not the API
  // function's catch-all.
  it.each(routeGroups.map((group) => group.name).filter((name) => !['api', 'federation-api'].includes(name)))(
    'sends every method on a path of %s to its function, so a wrong one answers 405 there',
    (name) => {
      const group = routeGroups.find((candidate) => candidate.name === name);
      expect(group, name).toBeDefined();
      for (const path of new Set(group?.routes.map((route) => route.path))) {
        const [any] = routesWithKey(`ANY ${path}`);
        expect(any, path).toBeDefined();
        expect(any && functionOf(any), path).toBe(functionOfGroup(name));
      }
    },
  );

  it('gives each API function one invoke permission for the whole API, so routes never push the stack past 500 resources', () => {
    const permissions = resourcesIn(apis, 'AWS::Lambda::Permission').filter(
      ([, , permission]) => permission.Properties.Principal === 'apigateway.amazonaws.com',
    );
    expect(new Set(groupFunctions()).size, 'one function a group').toBe(routeGroups.length);
    for (const fn of groupFunctions()) {
      const own = permissions.filter(
        ([template, , permission]) =>
          named(template, permission.Properties.FunctionName['Fn::GetAtt']?.[0] ?? '') === fn,
      );
      expect(own, fn).toHaveLength(1);
    }
    // CloudFormation's limit is 500 a stack: what each new route costs now is its route alone (two, with
    // its ANY catch-all), in the stack of its group; stack-split.test.ts keeps every stack within 400.
  });

  it('sends every other /api path to the API function, and nothing under /api anywhere else', () => {
    const [unknown] = routesWithKey('ANY /api/{proxy+}');
    expect(unknown && functionOf(unknown)).toBe(functionOfGroup('api'));
    const underApi = routes.filter(([, route]) => / \/api\//.test(route.Properties.RouteKey));
    for (const route of underApi) {
      expect(groupFunctions(), route[1].Properties.RouteKey).toContain(functionOf(route));
    }
    // The app stack's only route is the site's.
    const appRoutes = Object.values(app.findResources('AWS::ApiGatewayV2::Route')) as Resource[];
    expect(appRoutes.map((route) => route.Properties.RouteKey)).toEqual(['ANY /{proxy+}']);
  });
});
