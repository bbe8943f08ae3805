// Builds the CDK app in memory for the infra tests: a stand-in site build (no `astro build` needed)
// and no bundling (the assertions are about resources, not bundle bytes).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/app.ts';

/** A stand-in built site. NodejsFunction wants its entry under the project, so it lives in the ignored .tmp/. */
export function standInSite() {
  const scratch = join(import.meta.dirname, '../../.tmp');
  mkdirSync(scratch, { recursive: true });
  const dir = mkdtempSync(join(scratch, 'site-'));
  mkdirSync(join(dir, 'client'));
  writeFileSync(join(dir, 'client/index.html'), '<!doctype html><title>t</title>');
  mkdirSync(join(dir, 'server'));
  writeFileSync(join(dir, 'server/entry.mjs'), 'export const handler = () => ({});');
  return { clientDir: join(dir, 'client'), serverEntry: join(dir, 'server/entry.mjs') };
}

export function synth(context: Record<string, unknown> = {}) {
  const built = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } }), standInSite());
  const app = Template.fromStack(built.stateless);
  const work = Template.fromStack(built.workApi);
  const economy = Template.fromStack(built.economyApi);
  const federation = Template.fromStack(built.federation);
  return {
    built,
    data: Template.fromStack(built.stateful),
    edge: Template.fromStack(built.edge),
    /** GuildhallApp: identity, the HTTP API, the site, CloudFront, mail and the event-driven side. */
    app,
    work,
    economy,
    federation,
    /** The stacks that hold the API's route groups. */
    apis: [work, economy, federation],
    /** Every stack with functions: the app stack first, then the API stacks. */
    stateless: [app, work, economy, federation],
  };
}

/**
 * What a cross-stack import stands for: the value the producing stack exports under that name (CDK
 * makes the export when one stack refers to another's resource). Anything else is returned as it is.
 */
export function exported(value: unknown, producer: Template): unknown {
  const name = (value as { 'Fn::ImportValue'?: unknown } | null)?.['Fn::ImportValue'];
  if (typeof name !== 'string') return value;
  const outputs = Object.values(producer.toJSON().Outputs ?? {}) as Array<{
    Value: unknown;
    Export?: { Name: string };
  }>;
  const output = outputs.find((candidate) => candidate.Export?.Name === name);
  if (!output) throw new Error(`no export ${name} in the producing stack`);
  return output.Value;
}

/** A resource of any of these templates, with the template that holds it. */
export function resourcesIn(templates: Template[], type: string): Array<[Template, string, Resource]> {
  return templates.flatMap((template) =>
    (Object.entries(template.findResources(type)) as Array<[string, Resource]>).map(
      ([id, resource]) => [template, id, resource] as [Template, string, Resource],
    ),
  );
}

/** The template holding the Guildhall function with this description, and the function's logical id. */
export function functionIn(templates: Template[], description: RegExp): [Template, string] {
  for (const template of templates) {
    const found = guildhallFunctions(template).find(([, f]) => description.test(f.Properties.Description));
    if (found) return [template, found[0]];
  }
  throw new Error(`no function described ${description}`);
}

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation resources are read deep and checked by value.
export type Resource = { Type: string; Properties: any; DependsOn?: string[]; Metadata?: any };

/** The functions of a template by their description's first words ("Guildhall API", "Guildhall site"…). */
export function functionsOf(template: Template): Array<[string, Resource]> {
  return Object.entries(template.findResources('AWS::Lambda::Function')) as Array<[string, Resource]>;
}

/** Our own functions (CDK's deploy-time helpers have no "Guildhall" description). */
export function guildhallFunctions(template: Template): Array<[string, Resource]> {
  return functionsOf(template).filter(([, f]) => /^Guildhall/.test(f.Properties.Description ?? ''));
}

export function functionId(template: Template, description: RegExp): string {
  const found = guildhallFunctions(template).find(([, f]) => description.test(f.Properties.Description));
  if (!found) throw new Error(`no function described ${description}`);
  return found[0];
}
