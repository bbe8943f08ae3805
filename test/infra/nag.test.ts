// cdk-nag's AwsSolutions and Serverless packs over the whole app: every finding is either fixed or
// acknowledged on its resource with a written reason; a new finding fails here (and `npm run synth`).
import { App, Validations } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { standInSite, synth } from './support.ts';

/** Every unacknowledged finding, as "rule at path". Run after synthesis, as `cdk synth` runs the packs. */
function findings(app: IConstruct): string[] {
  return [new AwsSolutionsChecks(app), new ServerlessChecks(app)].flatMap((pack) =>
    pack
      .validateScope(app)
      .violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`)),
  );
}

describe('cdk-nag', () => {
  it('finds nothing that is neither fixed nor acknowledged with a reason, in any of the stacks', () => {
    const { built } = synth();
    expect(findings(built.app)).toEqual([]);
  });

  it('finds nothing with a custom domain either, where CloudFront must then require TLS 1.2', () => {
    const { built } = synth({
      publicUrl: 'https://guildhall.example.org',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
    });
    expect(findings(built.app)).toEqual([]);
    const acknowledged = JSON.stringify(built.stateless.node.findAll().flatMap((c) => c.node.metadata));
    expect(acknowledged).not.toContain('AwsSolutions-CFR4');
  });

  it('reports a resource nobody acknowledged, so the check above can fail', () => {
    const { built } = synth();
    new Queue(built.stateless, 'Unwatched');
    expect(findings(built.app)).toEqual(
      expect.arrayContaining([
        'AwsSolutions-SQS3 at GuildhallApp/Unwatched/Resource',
        'Serverless-SQSRedrivePolicy at GuildhallApp/Unwatched/Resource',
      ]),
    );
  });

  it('fails the synth on such a finding, as `npm run synth` runs the same packs', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const { stateless } = buildApp(app, standInSite());
    new Queue(stateless, 'Unwatched');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
    expect(() => app.synth()).toThrow(/SQS queue/);
  });

  it('gives every acknowledgement a reason a reviewer can weigh', () => {
    const { built } = synth();
    const reasons = built.app.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.values(entry.data as Record<string, string>));
    expect(reasons.length).toBeGreaterThan(20);
    for (const reason of reasons) expect(reason.length, reason).toBeGreaterThanOrEqual(30);
  });
});
