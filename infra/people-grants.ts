// What the two functions that run a person's account commands (the people API and the site) are given
// beyond the table: the CVs, and the deletion of a sign-in account. Declared once for both stacks.
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Identity } from './constructs/identity.ts';

/** CVs: put, get and delete under cv/ alone, no listing. */
export function grantCvFiles(files: IBucket, fn: IFunction): void {
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
      resources: [files.arnForObjects('cv/*')],
    }),
  );
}

/** An account deletion forgets the person's sign-in account: a user may be deleted from the pool, nothing more. */
export function grantForgetSignIn(identity: Identity, fn: IFunction): void {
  identity.userPool.grant(fn, 'cognito-idp:AdminDeleteUser');
}
