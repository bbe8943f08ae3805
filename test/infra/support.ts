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
  return {
    built,
    data: Template.fromStack(built.stateful),
    edge: Template.fromStack(built.edge),
    app: Template.fromStack(built.stateless),
  };
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
