// cdk-nag findings acknowledged on purpose, each with its reason, on the resource it concerns (the
// reasons are read in review: `Validations.of(x).acknowledge` is CDK's own mechanism, which cdk-nag's
// validation plugins honour). The infra tests fail on any finding not acknowledged here.
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export function acknowledge(scope: IConstruct, reasons: Record<string, string>): void {
  for (const [id, reason] of Object.entries(reasons)) Validations.of(scope).acknowledge({ id, reason });
}
