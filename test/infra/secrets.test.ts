// No function's environment holds a secret; each function is told where the secrets it needs live,
// and is granted to read those and no others.
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { originVerifyHeader } from '#http/origin-check.ts';
import { functionsOf, guildhallFunctions, type Resource, synth } from './support.ts';

let app: Template;
/** The app stack and the API stacks: every stack with functions. */
let stateless: Template[];
beforeAll(() => {
  ({ app, stateless } = synth());
});

/** Which secret a policy resource or a variable points at. */
function secretLabel(value: unknown): string {
  const text = JSON.stringify(value);
  if (text.includes('credential-signing-key')) return 'signing key';
  if (text.includes('meilisearch-search-key')) return 'search key';
  if (text.includes('meilisearch-documents-key')) return 'documents key';
  if (text.includes('OriginVerify')) return 'origin header';
  if (text.includes('EmailLinkKey')) return 'email link key';
  if (text.includes('federation-key')) return 'federation key';
  return `unknown: ${text}`;
}

/** The secrets each function's role may read, by the function's description, in every stack with functions. */
function secretGrants(templates: Template[]): Record<string, string[]> {
  const grants: Record<string, string[]> = {};
  for (const template of templates) Object.assign(grants, secretGrantsIn(template));
  return grants;
}

function secretGrantsIn(template: Template): Record<string, string[]> {
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as Resource[];
  const grants: Record<string, string[]> = {};
  for (const [, fn] of functionsOf(template)) {
    const role = fn.Properties.Role['Fn::GetAtt'][0];
    const readable = policies
      .filter((policy) => policy.Properties.Roles.some((r: { Ref: string }) => r.Ref === role))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
      .filter((statement) => [statement.Action].flat().includes('secretsmanager:GetSecretValue'))
      .flatMap((statement) => [statement.Resource].flat().map(secretLabel));
    grants[fn.Properties.Description ?? role] = [...new Set(readable)].sort();
  }
  return grants;
}

describe('secrets', () => {
  it('grants the signing key, search key and origin value to the two API functions and the site only, the documents key to the indexer and reindex only; the search key to the saved-search alerts', () => {
    const byPurpose = Object.fromEntries(
      Object.entries(secretGrants(stateless)).map(([description, secrets]) => [
        description.replace(/^Guildhall (API: \w+|[\w-]+).*$/, '$1'),
        secrets,
      ]),
    );
    expect(byPurpose).toMatchObject({
      // Both API functions sign (credentials; the registry log's heads) and search (jobs, people; the registry).
      'API: jobs': ['origin header', 'search key', 'signing key'],
      'API: innovations': ['origin header', 'search key', 'signing key'],
      'API: ledger': ['origin header', 'search key', 'signing key'],
      'API: profiles': ['origin header', 'search key', 'signing key'],
      // The marketplace ("API: the marketplace"), with the email preferences and the one-click unsubscribe,
      // whose links the email link key signs.
      'API: the': ['email link key', 'origin header', 'search key', 'signing key'],
      // The hiring loop and practical sign-off mail nothing themselves (the stream does): no link key.
      'API: hiring': ['origin header', 'search key', 'signing key'],
      'API: practical': ['origin header', 'search key', 'signing key'],
      // The instance's ActivityPub key: the federation function's alone.
      federation: ['federation key', 'origin header', 'search key', 'signing key'],
      // It signs the queued deliveries with that key, and reads nothing else.
      deliveries: ['federation key'],
      site: ['email link key', 'origin header', 'search key', 'signing key'],
      indexer: ['documents key'],
      reindex: ['documents key'],
      // It mails new notifications, with unsubscribe links signed by the link key.
      shortages: ['email link key'],
      // The alerts search, and mail with unsubscribe links; the sweep does neither, and reads no secret.
      'saved-search': ['email link key', 'search key'],
      daily: [],
    });
    // And nothing else in the stack (CDK's deploy-time helpers) may read any secret.
    const others = Object.entries(secretGrants(stateless)).filter(([description]) => !/^Guildhall/.test(description));
    expect(others.every(([, secrets]) => secrets.length === 0)).toBe(true);
  });

  it('puts no secret value in any function’s environment: only where each secret lives', () => {
    for (const [id, fn] of stateless.flatMap(functionsOf)) {
      const variables = fn.Properties.Environment?.Variables ?? {};
      const text = JSON.stringify(variables);
      expect(text, id).not.toContain('resolve:secretsmanager');
      expect(text, id).not.toContain('SecretString');
      for (const name of ['CREDENTIAL_SIGNING_KEY', 'MEILISEARCH_KEY', 'ORIGIN_VERIFY', 'EMAIL_LINK_KEY']) {
        expect(Object.keys(variables), id).not.toContain(name);
      }
    }
  });

  it('tells each function the names of exactly the secrets it is granted, so the two cannot drift apart', () => {
    const grants = secretGrants(stateless);
    for (const [, fn] of stateless.flatMap(guildhallFunctions)) {
      const variables = fn.Properties.Environment.Variables as Record<string, unknown>;
      const named = Object.entries(variables)
        .filter(([name]) => name.endsWith('_SECRET'))
        .map(([, value]) => secretLabel(value))
        .sort();
      expect(named, fn.Properties.Description).toEqual(grants[fn.Properties.Description]);
    }
  });

  it('gives the origin value to CloudFront alone, resolved by CloudFormation at deploy time, on the API origin', () => {
    const [distribution] = Object.values(app.findResources('AWS::CloudFront::Distribution')) as Resource[];
    const origins = distribution?.Properties.DistributionConfig.Origins as Resource['Properties'][];
    const withHeader = origins.filter((origin) => origin.OriginCustomHeaders);
    expect(withHeader).toHaveLength(1);
    expect(JSON.stringify(withHeader[0]?.DomainName)).toContain('execute-api');
    const [header] = withHeader[0]?.OriginCustomHeaders ?? [];
    expect(header.HeaderName).toBe(originVerifyHeader);
    expect(JSON.stringify(header.HeaderValue)).toMatch(/\{\{resolve:secretsmanager:.*OriginVerify/);
    app.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { ExcludePunctuation: true, PasswordLength: 48 },
    });
  });
});
